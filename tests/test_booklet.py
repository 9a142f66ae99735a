"""A5 booklet imposition: sheet order, padding, page placement and kept metadata."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas
from sample_documents import every_block_document

from outreach_kit.errors import RenderError
from outreach_kit.render.booklet import (
    SHEET_HEIGHT,
    SHEET_WIDTH,
    booklet_order,
    impose_booklet,
    padded_page_count,
)
from outreach_kit.render.fonts import REGULAR, register_fonts
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.pdf import render_pdf


def test_booklet_order_for_eight_pages():
    assert booklet_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_booklet_order_for_four_and_twelve_pages():
    assert booklet_order(4) == [(4, 1), (2, 3)]
    assert booklet_order(12) == [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]


@given(st.integers(min_value=1, max_value=60))
def test_every_page_is_placed_once_and_facing_pages_add_up(sheets):
    count = sheets * 4
    order = booklet_order(count)
    assert len(order) == count // 2
    assert sorted(page for side in order for page in side) == list(range(1, count + 1))
    assert all(left + right == count + 1 for left, right in order)
    assert order[0] == (count, 1)


@pytest.mark.parametrize("count", [0, 2, 6, 13])
def test_booklet_order_needs_a_multiple_of_four(count):
    with pytest.raises(ValueError):
        booklet_order(count)


@pytest.mark.parametrize(("pages", "padded"), [(1, 4), (4, 4), (5, 8), (16, 16), (17, 20)])
def test_padding_to_a_multiple_of_four(pages, padded):
    assert padded_page_count(pages) == padded


def numbered_a5_pdf(count: int) -> bytes:
    register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5, invariant=1, initialFontName=REGULAR, lang="en-GB")
    canvas.setTitle("Numbered test booklet")
    canvas.setAuthor("Outreach Kit tests")
    canvas.setSubject("Booklet order")
    for number in range(1, count + 1):
        canvas.bookmarkPage(f"p{number}")
        canvas.addOutlineEntry(f"Page {number}", f"p{number}", level=0)
        canvas.setFont(REGULAR, 24)
        canvas.drawString(60, 300, f"PAGE-{number:02d}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def halves(page) -> tuple[str, str]:
    """Text on the left and right half of a landscape sheet.

    Each A5 page is a form XObject placed with ``1 0 0 1 x y cm /Name Do``; read the offset
    from the sheet's own content stream and the text from the form.
    """
    left: list[str] = []
    right: list[str] = []
    offset = 0.0
    forms = page["/Resources"]["/XObject"]
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"cm":
            offset = float(operands[4])
        elif operator == b"Do":
            text = page.extract_xform_text(forms[operands[0]].get_object()).strip()
            (left if offset < SHEET_WIDTH / 2 else right).append(text)
    return " ".join(left), " ".join(right)


def test_imposed_pages_sit_on_the_right_halves_in_booklet_order():
    reader = PdfReader(io.BytesIO(impose_booklet(numbered_a5_pdf(6))))
    assert len(reader.pages) == 4  # 6 pages padded to 8, two per sheet side
    found = [halves(page) for page in reader.pages]
    assert found == [
        ("", "PAGE-01"),  # page 8 is padding
        ("PAGE-02", ""),  # page 7 is padding
        ("PAGE-06", "PAGE-03"),
        ("PAGE-04", "PAGE-05"),
    ]
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(SHEET_WIDTH)
        assert float(page.mediabox.height) == pytest.approx(SHEET_HEIGHT)


def test_imposition_keeps_metadata_language_and_bookmarks():
    reader = PdfReader(io.BytesIO(impose_booklet(numbered_a5_pdf(8))))
    assert reader.metadata.title == "Numbered test booklet"
    assert reader.metadata.author == "Outreach Kit tests"
    assert reader.metadata.subject == "Booklet order"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    sheets = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    # pages 8 and 1 share the first sheet side; 2 and 7 the second; 6 and 3 the third
    assert sheets["Page 1"] == sheets["Page 8"] == 0
    assert sheets["Page 2"] == sheets["Page 7"] == 1
    assert sheets["Page 3"] == sheets["Page 6"] == 2


def test_a_broken_file_gives_a_render_error():
    with pytest.raises(RenderError):
        impose_booklet(b"%PDF-1.4 this is not a real pdf")


def test_a5_booklet_profile_gives_imposed_a4_landscape_sheets():
    document = every_block_document()
    a5_pages = 0
    booklet = PdfReader(io.BytesIO(render_pdf(document, PrintOptions.from_names(["a5-booklet"]))))
    for item in booklet.outline:
        a5_pages += 1
        assert booklet.get_destination_page_number(item) < len(booklet.pages)
    assert a5_pages == len(document.sections) + 1  # cover plus every section
    assert len(booklet.pages) >= 8
    first = booklet.pages[0]
    assert float(first.mediabox.width) == pytest.approx(SHEET_WIDTH)
    _left, right = halves(first)
    assert "For Sam" in right  # the cover is page 1, on the right of the first side
    assert booklet.metadata.title == "A pack for Sam"
    assert booklet.trailer["/Root"]["/Lang"] == "en-GB"
