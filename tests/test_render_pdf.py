"""The PDF renderer, read back with pypdf: structure, fonts, metadata, profiles, escaping."""

from __future__ import annotations

import builtins
import io
import re
import socket
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings, strategies as st
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser
from sample_documents import every_block_document

from outreach_kit.document import (
    Block,
    Callout,
    ContactLine,
    Cover,
    Document,
    DocumentMeta,
    Heading,
    Letter,
    Letterhead,
    Paragraph,
    Section,
    SectionKind,
    ServiceCard,
    Span,
    Tone,
    WalletCard,
    WriteIn,
    content_text,
    user_text,
)
from outreach_kit.errors import ImageError
from outreach_kit.render.fonts import drawable_text, register_fonts
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.pdf import render_pdf
from outreach_kit.render.pdf_fragments import parsed_frags
from outreach_kit.render.pdf_markup import para_markup
from outreach_kit.render.pdf_qr import qr_fill_operators
from outreach_kit.render.pdf_story import StoryBuilder, stack_height
from outreach_kit.render.pdf_styles import CREAM, styles_for

PROFILES = {
    "standard": PrintOptions(),
    "large-print": PrintOptions.from_names(["large-print"]),
    "dyslexia": PrintOptions.from_names(["dyslexia"]),
    "greyscale": PrintOptions.from_names(["greyscale"]),
    "a5-booklet": PrintOptions.from_names(["a5-booklet"]),
    "everything": PrintOptions.from_names(["a5-booklet", "large-print", "dyslexia",
                                           "greyscale"]),
    "large-dyslexia-grey-a4": PrintOptions.from_names(["large-print", "dyslexia",
                                                       "greyscale"]),
}
FOOTER = re.compile(r"Page \d+ of \d+[^\n]*|Last reviewed [^\n]*Next review due [^\n]*")

# ---------------------------------------------------------------------------- helpers


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def operations(page) -> list[tuple[list, bytes]]:
    return ContentStream(page.get_contents(), page.pdf).operations


def numbers(operands) -> list[float]:
    return [float(value) for value in operands]


def outline_pages(reader: PdfReader) -> dict[str, int]:
    return {item.title: reader.get_destination_page_number(item) for item in reader.outline}


def font_dicts(reader: PdfReader):
    """Every font dictionary used by any page, including inside form XObjects."""
    seen: set[int] = set()

    def walk(resources):
        resources = resources.get_object() if resources is not None else {}
        for font in (resources.get("/Font") or {}).values():
            yield font.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form" and id(xobject) not in seen:
                seen.add(id(xobject))
                yield from walk(xobject.get("/Resources"))

    for page in reader.pages:
        yield from walk(page.get("/Resources"))


def text_sizes(page) -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []

    def visit(text, _cm, tm, _font, size):
        if text.strip():
            found.append((text.strip(), size * tm[0]))

    page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def document() -> Document:
    return every_block_document()


@pytest.fixture(scope="module")
def standard(document) -> bytes:
    return render_pdf(document)


@pytest.fixture(scope="module")
def rendered(document) -> dict[str, bytes]:
    return {name: render_pdf(document, options) for name, options in PROFILES.items()}


# ---------------------------------------------------------------------------- structure


def test_sample_document_uses_every_block_type_and_section_kind(document):
    blocks = {type(block) for section in document.sections for block in section.blocks}
    assert blocks == set(Block.__args__)
    assert {section.kind for section in document.sections} == set(SectionKind)
    assert document.cover is not None and document.notices


def test_pack_runs_to_at_least_sixteen_a4_pages(standard):
    reader = read(standard)
    assert len(reader.pages) >= 16
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=0.1)


def test_cover_shows_name_service_keyworker_contact_date_and_notices(standard):
    cover = read(standard).pages[0].extract_text()
    for expected in ("For Sam", "Service: Harbour Drop-in", "Keyworker: Alex",
                     "Contact: 0131 496 0123", "Date: 26 November 2026"):
        assert expected in cover
    assert "Replace them with your area's services before printing." in squash_spaces(cover)
    assert "Page " not in cover  # no footer on the cover


def squash_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_neutral_cover_when_no_name_is_given():
    pdf = render_pdf(every_block_document(name=""))
    reader = read(pdf)
    assert "Your pack" in reader.pages[0].extract_text()
    assert not re.search(r"\bSam\b", "\n".join(page.extract_text() for page in reader.pages))
    assert reader.metadata.title == "Your pack"


def test_contents_lists_sections_with_the_pages_they_start_on(standard, document):
    reader = read(standard)
    starts = outline_pages(reader)
    contents = squash(reader.pages[starts["What is in this pack"]].extract_text())
    listed = [s for s in document.sections
              if s.in_contents and s.kind is not SectionKind.CONTENTS]
    assert len(listed) >= 10
    for section in listed:
        match = re.search(re.escape(squash(section.title)) + r"(\d+)", contents)
        assert match, section.title
        # the cover is not numbered, so printed page N is PDF page index N
        assert int(match.group(1)) == starts[section.title], section.title
    assert "For the keyworker" not in contents  # in_contents=False is left out


def contents_span(starts: dict[str, int], contents_title: str) -> list[int]:
    """The page indexes the contents section covers (it may run over several pages)."""
    first = starts[contents_title]
    return list(range(first, min(page for page in starts.values() if page > first)))


def contents_numbers(reader: PdfReader, contents_pages: list[int],
                     titles: list[str]) -> dict[str, int]:
    """Title -> the page number printed after it, read back from the contents page(s)."""
    text = squash("".join(reader.pages[index].extract_text() for index in contents_pages))
    found = {}
    for title in titles:
        match = re.search(re.escape(squash(title)) + r"(\d+)", text)
        if match:
            found[title] = int(match.group(1))
    return found


@pytest.mark.parametrize("profile", ["large-print", "dyslexia", "greyscale",
                                     "large-dyslexia-grey-a4"])
def test_contents_page_numbers_are_right_in_every_a4_profile(rendered, profile, document):
    reader = read(rendered[profile])
    starts = outline_pages(reader)
    expected = {s.title: starts[s.title] for s in document.sections
                if s.in_contents and s.kind is not SectionKind.CONTENTS}
    listed = contents_numbers(reader, contents_span(starts, "What is in this pack"),
                              list(expected))
    assert listed == expected


def test_contents_page_numbers_are_right_on_a5_pages_before_imposition(monkeypatch, document):
    monkeypatch.setattr("outreach_kit.render.booklet.impose_booklet", lambda pdf: pdf)
    reader = read(render_pdf(document, PROFILES["everything"]))
    assert float(reader.pages[0].mediabox.width) == pytest.approx(419.53, abs=0.1)  # A5
    starts = outline_pages(reader)
    assert len(contents_span(starts, "What is in this pack")) >= 2  # runs over a page
    expected = {s.title: starts[s.title] for s in document.sections
                if s.in_contents and s.kind is not SectionKind.CONTENTS}
    listed = contents_numbers(reader, contents_span(starts, "What is in this pack"),
                              list(expected))
    assert listed == expected


def test_contents_numbers_are_right_aligned_at_the_right_margin(standard):
    reader = read(standard)
    page = reader.pages[outline_pages(reader)["What is in this pack"]]
    layout = styles_for(PrintOptions()).layout
    right_edge = layout.page_size[0] - layout.right
    ends = []

    def visit(text, cm, tm, font, size):
        if text.strip().isdigit() and "Bold" in str(font["/BaseFont"]):
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            ends.append(x + stringWidth(text.strip(), "AtkinsonHyperlegible-Bold", size))

    page.extract_text(visitor_text=visit)
    assert len(ends) >= 10
    assert all(end == pytest.approx(right_edge, abs=0.05) for end in ends)


def test_contents_running_over_several_pages_keeps_every_number_right():
    sections = [Section("contents", "Contents", SectionKind.CONTENTS)]
    for index in range(1, 71):
        # some sections run over two pages, so numbers are not simply consecutive
        body = tuple(Paragraph(content_text(f"Part {index}. " + "Words to read. " * 40))
                     for _ in range(1 + 9 * (index % 7 == 0)))
        sections.append(Section(f"part-{index}", f"Part {index} of the pack",
                                SectionKind.MODULE, body))
    document = Document("pack", DocumentMeta("Long pack", "Alex", "Test"), tuple(sections),
                        cover=Cover(title="For Sam"))
    reader = read(render_pdf(document))
    starts = outline_pages(reader)
    contents_pages = contents_span(starts, "Contents")
    assert len(contents_pages) >= 2
    expected = {f"Part {i} of the pack": starts[f"Part {i} of the pack"] for i in range(1, 71)}
    listed = contents_numbers(reader, contents_pages, list(expected))
    assert listed == expected
    assert len(set(listed.values())) == 70
    assert max(b - a for a, b in pairwise(listed.values())) >= 2


def test_each_section_starts_a_new_page_with_its_title(standard, document):
    reader = read(standard)
    starts = outline_pages(reader)
    for section in document.sections:
        text = reader.pages[starts[section.title]].extract_text()
        if section.kind is SectionKind.LETTER:
            assert text.startswith("Harbour Drop-in")  # the letterhead, no section title
        else:
            assert squash(text).startswith(squash(section.title)), section.title
    assert len(set(starts.values())) == len(starts)


def test_intro_time_and_content_warning_come_before_the_content(standard):
    reader = read(standard)
    page = reader.pages[outline_pages(reader)["Things that have happened to you"]]
    text = squash(page.extract_text())
    order = [text.index(squash(words)) for words in (
        "Things that have happened to you",
        "Chosen because you mentioned hard times growing up.",
        "About 8 minutes.",
        "Content note: This page talks about abuse and loss in childhood.",
        "Many people who use drugs have lived through hard things",
    )]
    assert order == sorted(order)


def test_outline_has_the_cover_and_every_section_in_order(standard, document):
    titles = [item.title for item in read(standard).outline]
    assert titles == ["Cover", *(section.title for section in document.sections)]


def test_footer_on_every_page_but_the_cover(standard):
    reader = read(standard)
    total = len(reader.pages) - 1
    for index, page in enumerate(reader.pages[1:], start=1):
        text = page.extract_text()
        assert f"Page {index} of {total}" in text
        assert "Content version 2026.11" in text
        assert "Last reviewed 1 March 2026 / Next review due 1 March 2029" in text
    assert "Page 1 of" in reader.pages[1].extract_text()
    assert reader.page_labels[:3] == ["Cover", "1", "2"]


def test_metadata_title_author_subject_keywords_and_language(standard):
    reader = read(standard)
    info = reader.metadata
    assert info.title == "A pack for Sam"
    assert info.author == "Alex, Harbour Drop-in"
    assert info.subject == "Self-help pack: feelings, connection, hope and staying safer"
    assert info["/Keywords"] == "self-help, harm reduction, Outreach Kit"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_only_atkinson_hyperlegible_and_it_is_embedded(standard):
    reader = read(standard)
    fonts = list(font_dicts(reader))
    names = {str(font["/BaseFont"]).split("+")[-1] for font in fonts}
    assert names >= {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}
    for font in fonts:
        assert "AtkinsonHyperlegible" in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert b"Helvetica" not in standard


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_embeds_only_atkinson(rendered, profile):
    reader = read(rendered[profile])
    fonts = list(font_dicts(reader))
    assert fonts
    assert all("AtkinsonHyperlegible" in str(font["/BaseFont"]) for font in fonts)
    assert all("/FontFile2" in font["/FontDescriptor"].get_object() for font in fonts)
    assert b"Helvetica" not in rendered[profile]
    text = "".join(page.extract_text() for page in reader.pages)
    assert "116 123" in text and "Help right now" in text


def test_output_is_byte_identical_for_the_same_input(document, standard):
    assert render_pdf(document) == standard


# ---------------------------------------------------------------------------- blocks


def test_wallet_card_is_two_credit_card_faces_with_a_dashed_cut_line(rendered):
    for profile in ("standard", "large-print"):
        reader = read(rendered[profile])
        page = reader.pages[outline_pages(reader)["Your wallet card"]]
        ops = operations(page)
        rects = [numbers(o) for o, op in ops if op == b"re"]
        # front and back faces, each 85.6 x 54 mm, one above the other
        assert [0, 0, pytest.approx(85.6 * mm), pytest.approx(2 * 54 * mm)] in rects
        moves = [(numbers(a), numbers(b)) for (a, op_a), (b, op_b) in pairwise(ops)
                 if op_a == b"m" and op_b == b"l"]
        fold = ([0, pytest.approx(54 * mm)], [pytest.approx(85.6 * mm), pytest.approx(54 * mm)])
        assert fold in moves
        dashes = [numbers(o[0]) for o, op in ops if op == b"d"]
        assert [4, 3] in dashes and [1, 2] in dashes
        text = squash_spaces(page.extract_text())  # bigger card text wraps
        assert "Samaritans 116 123" in text
        assert "1. Breathe in for four, out for six." in text


def line_segments(page) -> list[tuple[float, float, float]]:
    """(line width, x length, y change) of each straight line drawn on the page."""
    width, stack, segments, start = 1.0, [], [], None
    for operands, op in operations(page):
        if op == b"q":
            stack.append(width)
        elif op == b"Q":
            width = stack.pop()
        elif op == b"w":
            width = float(operands[0])
        elif op == b"m":
            start = numbers(operands)
        elif op == b"l" and start is not None:
            end = numbers(operands)
            segments.append((width, end[0] - start[0], end[1] - start[1]))
    return segments


def test_write_in_lines_and_tick_boxes_are_drawn_as_shapes(standard, document):
    reader = read(standard)
    styles = styles_for(PrintOptions())
    write_ins = [b for s in document.sections for b in s.blocks if isinstance(b, WriteIn)]
    ruled = sum(
        1 for page in reader.pages for width, dx, dy in line_segments(page)
        if width == pytest.approx(0.7) and dx == pytest.approx(styles.layout.frame_width)
        and dy == 0
    )
    assert ruled == sum(block.lines for block in write_ins)
    size = styles.tick_box_size
    boxes = sum(
        1 for page in reader.pages for operands, op in operations(page)
        if op == b"re" and numbers(operands)[2:] == [pytest.approx(size)] * 2
    )
    assert boxes == sum(len(block.choices) for block in write_ins) > 0
    text = "".join(page.extract_text() for page in reader.pages)
    assert "☐" not in text and "✓" not in text


def test_service_cards_show_details_example_banner_and_qr_codes(standard, document):
    reader = read(standard)
    text = squash_spaces(" ".join(page.extract_text() for page in reader.pages))
    for expected in ("Phone: 0131 496 0123 (answered during opening hours)",
                     "Text: 07700 900123", "Open: Monday to Friday, 10am to 4pm",
                     "Cost: Free", "Who it is for: Anyone over 16",
                     "Address: 12 Example Street, Edinburgh",
                     "Web: https://example.org/harbour-drop-in",
                     "Email: hello@example.org", "Last checked 14 October 2026."):
        assert expected in text
    banner = "Example data: replace with your area's services before printing."
    cards = [b for s in document.sections for b in s.blocks if isinstance(b, ServiceCard)]
    assert text.count(banner) == sum(card.example for card in cards) == 2
    # each QR code is one fill of unit-height module rectangles
    qr_codes = 0
    for page in reader.pages:
        ops = operations(page)
        qr_codes += sum(1 for (a, op_a), (_, op_b) in pairwise(ops)
                        if op_a == b"re" and float(a[3]) == 1 and op_b == b"f")
    assert qr_codes == sum(1 for card in cards if card.web.startswith("https://")) + 1


def test_pdf_renderer_loads_neither_pypdf_nor_barcode_widgets():
    # Start-up: pypdf is for A5 booklets only; the QR encoder is loaded on its own.
    code = ("import sys, outreach_kit.render.pdf; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pypdf' "
            "or m.startswith('reportlab.graphics.barcode')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == "[]"


def test_qr_code_matches_reportlabs_qr_widget():
    url = "https://example.org/harbour-drop-in"
    widget = QrCodeWidget(url, barLevel="M")
    widget.qr.make()
    expected = {(r, c) for r, row in enumerate(widget.qr.modules) for c, dark in enumerate(row)
                if dark}
    count, operators = qr_fill_operators(url)
    drawn = set()
    for line in operators.splitlines()[:-1]:
        x, y, length, _height, _ = line.split()
        drawn |= {(count - 1 - int(y), int(x) + i) for i in range(int(length))}
    assert count == widget.qr.getModuleCount()
    assert drawn == expected


def test_help_now_numbers_are_set_large(standard):
    reader = read(standard)
    page = reader.pages[outline_pages(reader)["Help right now"]]
    sizes = dict(text_sizes(page))
    body = styles_for(PrintOptions()).body_size
    for number in ("999", "111", "116 123", "0800 83 85 87"):
        assert sizes[number] >= body * 1.6


def test_links_are_only_https_tel_or_mailto(standard):
    reader = read(standard)
    uris = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object()["/A"].get_object()
            assert action["/S"] == "/URI"
            uris.append(str(action["/URI"]))
    assert uris
    assert all(uri.startswith(("https://", "tel:", "mailto:")) for uri in uris)
    assert "tel:116123" in uris and "https://www.samaritans.org" in uris


def test_letter_has_letterhead_logo_greeting_and_signature(standard):
    reader = read(standard)
    page = reader.pages[outline_pages(reader)["A letter from your keyworker"]]
    text = page.extract_text()
    for expected in ("Harbour Drop-in", "12 Example Street", "26 November 2026", "Dear Sam,",
                     "Take care,", "Alex", "Keyworker, Harbour Drop-in"):
        assert expected in text
    images = [x.get_object() for x in page["/Resources"]["/XObject"].values()]
    assert [image["/Subtype"] for image in images] == ["/Image"]


def test_a_broken_logo_is_an_image_error(document):
    section = document.section("letter")
    letter = section.blocks[0]
    broken = replace(letter, letterhead=Letterhead("Org", (), b"not an image", "image/png"))
    bad = replace(document, sections=(replace(section, blocks=(broken,)),))
    with pytest.raises(ImageError, match="logo"):
        render_pdf(bad)


def test_document_without_cover_or_contents_numbers_from_page_one():
    document = Document("letter", DocumentMeta("A letter", "Alex", "Letter"), (
        Section("letter", "Letter", SectionKind.LETTER, (Letter(
            Letterhead("Harbour Drop-in"), "1 May 2026", user_text("Dear Jo,"),
            (content_text("Thank you."),), content_text("Best wishes,"), "Alex"),)),))
    reader = read(render_pdf(document))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Page 1 of 1" in text and "Dear Jo," in text
    assert [item.title for item in reader.outline] == ["Letter"]


# ---------------------------------------------------------------------------- profiles


@pytest.mark.parametrize("profile", ["standard", "large-print", "dyslexia"])
def test_all_text_stays_inside_the_margins(rendered, profile):
    layout = styles_for(PROFILES[profile]).layout
    right_edge = layout.page_size[0] - layout.right
    outside = []
    for index, page in enumerate(read(rendered[profile]).pages):
        def visit(text, cm, tm, font, size, index=index):
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            face = str(font["/BaseFont"]).split("+")[-1].replace("-Regular", "")
            width = stringWidth(text.strip(), face, size * tm[0] * cm[0])
            if x < layout.left - 0.5 or x + width > right_edge + 1.5:  # rounding in widths
                outside.append((index, text.strip()[:30]))

        page.extract_text(visitor_text=visit)
    assert outside == []



def weighted_sizes(reader: PdfReader, skip: set[int]) -> Counter:
    sizes: Counter = Counter()
    for index, page in enumerate(reader.pages):
        if index not in skip:
            for text, size in text_sizes(page):
                sizes[round(size, 1)] += len(text)
    return sizes


def test_standard_body_text_is_12_to_14_point_with_65ish_characters_a_line(rendered):
    reader = read(rendered["standard"])
    wallet = outline_pages(reader)["Your wallet card"]
    body = weighted_sizes(reader, {wallet}).most_common(1)[0][0]
    assert 12 <= body <= 14
    page = reader.pages[outline_pages(reader)["When feelings get too big"]]
    longest = max(len(line) for line in page.extract_text().splitlines())
    assert 58 <= longest <= 75
    styles = styles_for(PrintOptions())
    assert styles.body.leading / styles.body.fontSize >= 1.4
    assert styles.body.alignment == 0  # left aligned


def test_large_print_body_is_at_least_18_point(rendered):
    reader = read(rendered["large-print"])
    wallet = outline_pages(reader)["Your wallet card"]
    sizes = weighted_sizes(reader, {0, wallet})
    assert sizes.most_common(1)[0][0] >= 18
    assert min(sizes) >= 14  # even the footer
    styles = styles_for(PROFILES["large-print"])
    assert styles.h1.fontSize > styles.h2.fontSize > styles.body.fontSize >= 18


def test_dyslexia_profile_has_no_italics_cream_pages_and_wider_spacing(rendered):
    standard_fonts = {str(f["/BaseFont"]) for f in font_dicts(read(rendered["standard"]))}
    assert any("Italic" in name for name in standard_fonts)  # so the check below can fail
    reader = read(rendered["dyslexia"])
    assert not any("Italic" in str(f["/BaseFont"]) for f in font_dicts(reader))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    cream = [pytest.approx(v, abs=0.002) for v in (CREAM.red, CREAM.green, CREAM.blue)]
    for page in reader.pages:
        ops = operations(page)
        fills = [i for i, (o, op) in enumerate(ops) if op == b"rg" and numbers(o) == cream]
        pages = [i for i, (o, op) in enumerate(ops)
                 if op == b"re" and numbers(o) == [0, 0, pytest.approx(width),
                                                   pytest.approx(height)]]
        assert fills and pages and fills[0] < pages[0]
    styles = styles_for(PROFILES["dyslexia"])
    assert styles.body.leading / styles.body.fontSize >= 1.5
    assert styles.body.spaceAfter > styles_for(PrintOptions()).body.spaceAfter
    assert not styles.italics


@pytest.mark.parametrize("profile", ["greyscale", "everything", "large-dyslexia-grey-a4"])
def test_greyscale_uses_no_colour_at_all(rendered, profile):
    def colours(pdf: bytes) -> list[tuple[bytes, list[float]]]:
        reader = read(pdf)
        found = []
        pages = list(reader.pages)
        for page in pages:
            forms = (page.get("/Resources") or {}).get("/XObject") or {}
            streams = [page.get_contents()]
            streams += [x.get_object() for x in forms.values()
                        if x.get_object().get("/Subtype") == "/Form"]
            for stream in streams:
                for operands, op in ContentStream(stream, reader).operations:
                    if op in (b"rg", b"RG", b"k", b"K", b"sc", b"SC", b"scn", b"SCN", b"cs",
                              b"CS"):
                        found.append((op, numbers(o for o in operands
                                                  if not isinstance(o, str))))
        return found

    standard = colours(rendered["standard"])
    assert any(op == b"rg" and len(set(v)) > 1 for op, v in standard)  # colour is used
    grey = colours(rendered[profile])
    assert grey
    assert all(op in (b"rg", b"RG") and len(set(values)) == 1 for op, values in grey)


def test_greyscale_logo_is_grey(rendered):
    reader = read(rendered["greyscale"])
    page = reader.pages[outline_pages(reader)["A letter from your keyworker"]]
    image = next(iter(page["/Resources"]["/XObject"].values())).get_object()
    assert image["/ColorSpace"] == "/DeviceGray"


# ---------------------------------------------------------------------------- safety


def test_render_writes_no_files_and_opens_no_network(monkeypatch, tmp_path, document):
    register_fonts()
    opened: list[str] = []
    real_open = builtins.open

    def watching_open(file, mode="r", *args, **kwargs):
        opened.append(f"{file}:{mode}")
        return real_open(file, mode, *args, **kwargs)

    def no_network(*_args, **_kwargs):
        raise AssertionError("network used")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(builtins, "open", watching_open)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    render_pdf(document, PROFILES["everything"])
    assert opened == []
    assert list(tmp_path.iterdir()) == []


def test_renders_in_parallel_threads_give_the_same_bytes():
    names = ["Sam", "Jo"]
    expected = {name: render_pdf(every_block_document(name)) for name in names}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: (n, render_pdf(every_block_document(n))), names * 2))
    assert expected["Sam"] != expected["Jo"]
    for name, pdf in results:
        assert pdf == expected[name]


NASTY = [
    "<b>",
    "&",
    "AT&T",
    "</para>",
    '<img src="/etc/passwd"/>',
    '<img src="http://127.0.0.1:9/x.png"/>',
    '<a href="file:///etc/passwd">click</a>',
    '<link href="file:///etc/passwd">x</link>',
    '<font name="Helvetica">plain</font>',
    "&amp; &#60; &lt; &nbsp;",
    "<br/><seq id='a'/><onDraw name='x'/>",
    "tab\tnew\nline\x00nul\x07bell\x1besc",
    "\u202eevil\u200f \u200eright\u2067",
    "😀 🏳️‍🌈 👨‍👩‍👧 ✓ ☐ →",
    "Zoë O'Brien-Smith",
    "x" * 5000,
    "word " * 1000,
]


def nasty_document(text: str) -> Document:
    return Document(
        kind="pack",
        meta=DocumentMeta(f"A pack for {text}", text, "Escaping test"),
        cover=Cover(title=f"For {text}", service=text, keyworker=text, contact=text,
                    date_text="26 November 2026"),
        sections=(
            Section("notes", "Notes", SectionKind.MODULE, (
                Heading(user_text(text)),
                Paragraph(user_text(text)),
                WriteIn(user_text(text), lines=1, choices=(user_text(text),)),
                ServiceCard(name=text, description=user_text(text), phone=text, web=text),
                ContactLine(text, text, text),
            ), intro=user_text(text), content_warning=text),
            Section("card", "Wallet card", SectionKind.WALLET_CARD, (
                WalletCard(text, (ContactLine("Samaritans", "116 123"),), (text, text)),
            )),
            Section("letter", "Letter", SectionKind.LETTER, (Letter(
                Letterhead(text, (text,)), text, user_text(text), (user_text(text),),
                user_text(text), text, text),)),
        ),
        notices=(text,),
    )


def assert_text_layer_shows(pdf: bytes, text: str) -> None:
    reader = read(pdf)
    words = squash("".join(FOOTER.sub("", page.extract_text()) for page in reader.pages))
    assert squash(drawable_text(text)) in words
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            uri = str(annotation.get_object()["/A"]["/URI"])
            assert uri.startswith(("https://", "tel:", "mailto:"))
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        assert not [x for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image"]
    assert all("AtkinsonHyperlegible" in str(font["/BaseFont"]) for font in font_dicts(reader))


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_text_is_shown_literally_and_nothing_is_opened(monkeypatch, text):
    register_fonts()
    opened: list[str] = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open",
                        lambda file, *a, **k: opened.append(str(file)) or real_open(file, *a, **k))
    pdf = render_pdf(nasty_document(text))
    monkeypatch.undo()
    assert opened == []
    assert_text_layer_shows(pdf, text)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.sampled_from(NASTY[:15])), max_size=4)
       .map("".join))
def test_any_text_renders_and_comes_back_from_the_text_layer(text):
    assert_text_layer_shows(render_pdf(nasty_document(text)), text)


def reportlab_frags(markup: str, style) -> list[dict]:
    """What ReportLab's own parser makes of ``markup``, as comparable dicts."""
    _, frags, _ = ParaParser().parse(cleanBlockQuotedText(markup), style)
    return [dict(vars(frag)) for frag in frags]


SPANS = st.builds(Span, text=st.one_of(st.text(max_size=20), st.sampled_from(NASTY[:15])),
                  bold=st.booleans(), italic=st.booleans(),
                  href=st.one_of(st.none(), st.sampled_from(
                      ["https://example.org/a?b=1&c=<2>", "tel:0800 123", "mailto:a@b.c",
                       "javascript:alert(1)", 'https://x.org/"quoted"'])))


@settings(max_examples=60, deadline=None)
@given(st.lists(SPANS, max_size=5), st.booleans())
def test_fast_markup_reading_gives_reportlabs_fragments(spans, italics):
    register_fonts()  # ReportLab's parser maps bold and italic through the font family
    style = styles_for(PrintOptions()).body
    markup = para_markup(tuple(spans), italics=italics)
    read = parsed_frags(markup, style)
    assert read is not None  # everything the renderer writes is in the grammar
    text, frags = read
    assert text == cleanBlockQuotedText(markup)
    assert [dict(vars(frag)) for frag in frags] == reportlab_frags(markup, style)


@settings(max_examples=40, deadline=None)
@given(st.lists(SPANS, min_size=1, max_size=6), st.sampled_from(["body", "h1", "small",
                                                                 "card_text", "notice"]))
def test_fast_fragments_share_link_and_underline_lists_as_reportlab_does(spans, name):
    """Made from a template per style and nesting, not by ReportLab's parser: the same
    values, and the same sharing (one underline list per paragraph, one link list per
    link), so nothing drawn depends on which way they were made."""
    register_fonts()
    style = getattr(styles_for(PrintOptions.from_names(["large-print"])), name)
    markup = para_markup(tuple(spans))
    read = parsed_frags(markup, style)
    assert read is not None
    _, frags = read
    _, theirs, _ = ParaParser().parse(cleanBlockQuotedText(markup), style)
    assert [dict(vars(frag)) for frag in frags] == [dict(vars(frag)) for frag in theirs]

    def sharing(found: list) -> list[tuple[int, int]]:
        first: dict[int, int] = {}
        return [(first.setdefault(id(f.link), i), first.setdefault(id(f.us_lines), -1))
                for i, f in enumerate(found) if f.link]

    assert sharing(frags) == sharing(theirs)
    assert len({id(f.us_lines) for f in frags}) <= 1


@pytest.mark.parametrize("markup", ["<b>open", "a</b>", "<img src='x'/>", "<br/>",
                                    "<b><i>crossed</b></i>", "&nbsp;", "&#65;", "<a name='x'>"])
def test_markup_outside_the_grammar_goes_to_reportlabs_parser(markup):
    assert parsed_frags(markup, styles_for(PrintOptions()).body) is None


# ---------------------------------------------------------------------------- print layout

REFERENCE_RECIPE = "examples/reference-pack.yaml"


@pytest.fixture(scope="module")
def reference_pack(library) -> Document:
    import datetime as dt
    from pathlib import Path

    from outreach_kit.assemble import build_pack, load_recipe

    recipe = load_recipe(Path(__file__).resolve().parents[1] / REFERENCE_RECIPE, library)
    return build_pack(library, recipe, dt.date(2026, 11, 26))


def section_span(starts: dict[str, int], title: str, page_count: int) -> list[int]:
    """The page indexes a section covers: up to the next section, or the last page."""
    first = starts[title]
    later = [page for page in starts.values() if page > first]
    return list(range(first, min(later) if later else page_count))


def help_now_pack(paragraphs: int, *, before: int = 0) -> Document:
    """A pack whose help-now section has ``paragraphs`` heading-and-paragraph pairs,
    after ``before`` one-page modules."""
    blocks: list = [Callout((content_text("If someone will not wake up, phone 999."),),
                            content_text("999: Emergency. Free, any time."), Tone.SAFETY)]
    for index in range(paragraphs):
        blocks += [Heading(content_text(f"0800 000 00{index:02d}: A helpline. Free.")),
                   Paragraph(content_text("When you feel low or worried, or want to talk it "
                                          "through. Say: \"I need to talk.\""))]
    modules = [Section(f"m{i}", f"Module {i}", SectionKind.MODULE,
                       (Paragraph(content_text("A short page.")),)) for i in range(before)]
    help_now = Section("help-right-now", "Help right now", SectionKind.HELP_NOW, tuple(blocks))
    return Document("pack", DocumentMeta("Pack", "Alex", "Test"), (*modules, help_now),
                    cover=Cover(title="For Sam"))


def help_now_height(document: Document, options: PrintOptions, *, compact: bool) -> float:
    styles = styles_for(options, compact=compact)
    register_fonts()
    flowables = StoryBuilder(document, styles).section(
        len(document.sections) - 1, document.sections[-1], [])
    return stack_height(flowables, styles.layout.frame_width)


def test_help_now_tightens_its_spacing_to_fit_one_page_in_large_print():
    options = PROFILES["large-print"]
    frame = styles_for(options).layout.frame_height
    # the most pairs that fit one page when compact but not with the usual spacing
    count = max(n for n in range(1, 25)
                if help_now_height(help_now_pack(n), options, compact=True) <= frame)
    document = help_now_pack(count)
    assert help_now_height(document, options, compact=False) > frame
    reader = read(render_pdf(document, options))
    starts = outline_pages(reader)
    assert section_span(starts, "Help right now", len(reader.pages)) == [1]
    sizes = weighted_sizes(reader, {0})
    assert sizes.most_common(1)[0][0] >= 18
    assert min(sizes) >= 14  # the footer


@pytest.mark.parametrize("before", [0, 1])
def test_help_now_too_long_for_one_page_starts_on_a_left_hand_page(before):
    options = PROFILES["large-print"]
    frame = styles_for(options).layout.frame_height
    count = min(n for n in range(1, 40)
                if help_now_height(help_now_pack(n), options, compact=True) > frame * 1.3)
    reader = read(render_pdf(help_now_pack(count, before=before), options))
    starts = outline_pages(reader)
    span = section_span(starts, "Help right now", len(reader.pages))
    assert len(span) == 2
    assert span[0] % 2 == 1  # index 1, 3...: the 2nd, 4th... sheet side, a left-hand page
    if before == 0:  # the page after the cover is already a left-hand page
        assert span[0] == 1
    else:  # it would have started on the right-hand page after the module
        assert span[0] == 3
        note = squash_spaces(reader.pages[2].extract_text())
        assert "Help right now starts on the next page" in note


def test_reference_pack_help_now_is_one_page_or_one_spread_in_large_print(reference_pack):
    reader = read(render_pdf(reference_pack, PROFILES["large-print"]))
    starts = outline_pages(reader)
    span = section_span(starts, "Help right now", len(reader.pages))
    assert len(span) == 1 or (len(span) == 2 and span[0] % 2 == 1)
    sizes = weighted_sizes(reader, set(range(len(reader.pages))) - set(span))
    assert sizes.most_common(1)[0][0] >= 18


def test_reference_pack_help_now_is_one_page_in_standard(reference_pack):
    reader = read(render_pdf(reference_pack))
    starts = outline_pages(reader)
    assert len(section_span(starts, "Help right now", len(reader.pages))) == 1


@pytest.mark.parametrize("profile", ["standard", "large-print", "a5-booklet", "everything"])
def test_callout_taller_than_a_page_still_renders_split_over_pages(profile):
    lines = tuple(content_text(f"Line {n} of a very long box.") for n in range(1, 121))
    section = Section("long", "A long box", SectionKind.MODULE,
                      (Paragraph(content_text("Before the box.")),
                       Callout(lines, content_text("A long box"), Tone.WARNING)))
    document = Document("pack", DocumentMeta("Pack", "Alex", "Test"), (section,))
    reader = read(render_pdf(document, PROFILES[profile]))
    text = squash_spaces(" ".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) >= 2
    for n in (1, 60, 120):
        assert f"Line {n} of a very long box." in text


def test_a_callout_that_fits_a_page_is_not_split():
    filler = tuple(Paragraph(content_text("Some words to read. " * 12)) for _ in range(8))
    box = Callout(tuple(content_text(f"Box line {n}.") for n in range(1, 9)),
                  content_text("Box title"), Tone.INFO)
    document = Document("pack", DocumentMeta("Pack", "Alex", "Test"),
                        (Section("s", "Section", SectionKind.MODULE, (*filler, box)),))
    for options in PROFILES.values():
        pages = [page.extract_text() for page in read(render_pdf(document, options)).pages]
        holding = [index for index, text in enumerate(pages)
                   if "Box title" in text or "Box line 8." in text]
        assert len(set(holding)) == 1


@pytest.mark.parametrize(("profile", "smallest"), [("standard", 12), ("large-print", 16)])
def test_wallet_card_numbers_and_steps_are_large(reference_pack, profile, smallest):
    reader = read(render_pdf(reference_pack, PROFILES[profile]))
    page = reader.pages[outline_pages(reader)["Your wallet card"]]
    card = next(block for section in reference_pack.sections for block in section.blocks
                if isinstance(block, WalletCard))
    assert card.steps and card.contacts
    wanted = {c.number for c in card.contacts} | {c.label for c in card.contacts}
    found = [(text, size) for text, size in text_sizes(page)
             if text in wanted or re.match(r"[1-3]\. ", text)]
    assert {text for text, _ in found} >= {c.number for c in card.contacts}
    assert sum(1 for text, _ in found if re.match(r"[1-3]\. ", text)) == len(card.steps)
    assert min(size for _, size in found) >= smallest


def test_wallet_card_text_shrinks_only_when_it_would_not_fit():
    long_steps = tuple(("Take one slow breath and count the things you can see. " * 3)
                       for _ in range(3))
    document = every_block_document()
    sections = tuple(
        replace(s, blocks=tuple(replace(b, steps=long_steps) if isinstance(b, WalletCard)
                                else b for b in s.blocks)) for s in document.sections)
    reader = read(render_pdf(replace(document, sections=sections)))
    page = reader.pages[outline_pages(reader)["Your wallet card"]]
    step_sizes = [size for text, size in text_sizes(page) if re.match(r"[1-3]\. ", text)]
    assert step_sizes and max(step_sizes) < 12  # smaller, so it stays inside the card
    assert "3. Take one slow breath" in page.extract_text()


def footer_sizes(page, bottom: float) -> list[float]:
    sizes = []

    def visit(text, cm, tm, _font, size):
        if text.strip() and tm[5] * cm[3] + cm[5] < bottom:
            sizes.append(size * tm[0])

    page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("profile", list(PROFILES))
def test_footer_is_9_point_or_14_in_large_print_in_every_profile(monkeypatch, document,
                                                                 profile):
    monkeypatch.setattr("outreach_kit.render.booklet.impose_booklet", lambda pdf: pdf)
    options = PROFILES[profile]
    layout = styles_for(options).layout
    reader = read(render_pdf(document, options))
    for index in (1, len(reader.pages) - 1):
        page = reader.pages[index]
        sizes = footer_sizes(page, layout.bottom)
        assert sizes, f"no footer on page {index}"
        assert min(sizes) >= (14 if options.large_print else 9)
        text = squash_spaces(page.extract_text())
        assert "Last reviewed 1 March 2026" in text and "Next review due 1 March 2029" in text


def test_reference_pack_contents_fits_one_page_in_standard(reference_pack):
    reader = read(render_pdf(reference_pack))
    starts = outline_pages(reader)
    span = contents_span(starts, "Contents")
    assert len(span) == 1
    entries = [s for s in reference_pack.sections
               if s.in_contents and s.kind is not SectionKind.CONTENTS]
    assert len(entries) >= 14  # six suggested pages at most since issue 11 (was 18 or more)
    listed = contents_numbers(reader, span, [s.title for s in entries])
    assert len(listed) == len(entries)
    titles = [size for text, size in text_sizes(reader.pages[span[0]])
              if any(text in s.title for s in entries) and not text.isdigit()]
    assert titles and min(titles) >= 12


def test_twenty_four_contents_entries_fit_one_a4_page_in_standard():
    sections = [Section("contents", "Contents", SectionKind.CONTENTS)]
    sections += [Section(f"part-{i}", f"Making sense of it: part {i} of the pack",
                         SectionKind.MODULE, (Paragraph(content_text("Words.")),))
                 for i in range(1, 25)]
    document = Document("pack", DocumentMeta("Pack", "Alex", "Test"), tuple(sections),
                        cover=Cover(title="For Sam"))
    reader = read(render_pdf(document))
    assert len(contents_span(outline_pages(reader), "Contents")) == 1


def test_cover_shows_the_service_larger_than_the_details(standard):
    sizes = text_sizes(read(standard).pages[0])
    title = max(size for text, size in sizes if "For Sam" in text)
    service = max(size for text, size in sizes if "Harbour Drop-in" in text)
    keyworker = max(size for text, size in sizes if "Alex" in text)
    assert title >= 13 * 3
    assert service > keyworker


def test_the_cover_bookmark_never_carries_the_name():
    reader = PdfReader(io.BytesIO(render_pdf(every_block_document("Morven"))))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[0] == "Cover"
    assert not [t for t in titles if "Morven" in t]


@pytest.mark.parametrize("profiles", [["standard"], ["large-print"]])
def test_a_section_never_ends_with_its_review_line_alone_on_a_page(profiles):
    import datetime as dt
    from pathlib import Path

    from outreach_kit.assemble import build_pack, load_recipe
    from outreach_kit.content import load_library

    root = Path(__file__).resolve().parents[1]
    library = load_library(root / "content")
    recipe = load_recipe(root / "examples" / "reference-pack.yaml", library)
    pack = build_pack(library, recipe, dt.date(2026, 11, 26))
    reader = PdfReader(io.BytesIO(render_pdf(pack, PrintOptions.from_names(profiles))))
    for number, page in enumerate(reader.pages, start=1):
        lines = [line for line in (page.extract_text() or "").splitlines()
                 if not line.startswith("Page ") and "Content version" not in line
                 and " / Next review due" not in line and line.strip()]
        assert not (len(lines) == 1 and lines[0].startswith("Last reviewed")), number
