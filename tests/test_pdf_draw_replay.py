"""Replaying a shared paragraph's drawing (render.pdf_draw_replay): the same operators and
the same font numbering as drawing it afresh, whatever the document drew before; and what
is never replayed. Whole PDFs with and without it: tests/test_pdf_layout_cache.py."""

from __future__ import annotations

from io import BytesIO

import pytest
from reportlab.pdfbase.pdfmetrics import getFont

from outreach_kit.formats import PrintOptions
from outreach_kit.render import pdf_layout_cache as cache
from outreach_kit.render.fonts import BOLD, REGULAR, register_fonts
from outreach_kit.render.pdf import FooterCanvas
from outreach_kit.render.pdf_flowables import WrapOnceParagraph
from outreach_kit.render.pdf_styles import styles_for

TEXT = ("Words from a module, <b>some of them bold</b>, and enough of them to break "
        "over several lines; with (brackets) and a back\\slash. ") * 3


@pytest.fixture(autouse=True)
def fresh_cache():
    register_fonts()
    cache.set_enabled(True)
    yield
    cache.set_enabled(True)
    cache.clear()


def _draw(markup: str, before: str) -> tuple[str, dict[str, dict[int, int]]]:
    """A new document's page operators (as the page joins them) after drawing ``before``
    then the paragraph, and how the document numbered each font's characters."""
    canvas = FooterCanvas(BytesIO(), invariant=1)
    canvas.setFont(BOLD, 12)
    canvas.drawString(10, 10, before)  # characters first used here get the first numbers
    paragraph = WrapOnceParagraph(markup, styles_for(PrintOptions()).body, shared=True)
    paragraph.wrap(300, 1000)
    paragraph.drawOn(canvas, 20, 500)
    numbering = {name: dict(getFont(name).state[canvas._doc].assignments)
                 for name in (REGULAR, BOLD) if canvas._doc in getFont(name).state}
    return "\n".join(canvas._code), numbering


def _kept(markup: str) -> list[object]:
    return [drawing for key, drawing in cache._drawn.items() if key[0] == markup]


def test_a_replayed_paragraph_draws_what_a_fresh_one_draws():
    cache.set_enabled(False)
    fresh = _draw(TEXT, "Zq9 xylophone")
    cache.set_enabled(True)
    _draw(TEXT, "abc")
    assert _kept(TEXT) == []  # text seen once is not recorded (its layout is kept)
    _draw(TEXT, "abc def")  # recorded, in a document that numbered other characters first
    assert _kept(TEXT) and _kept(TEXT)[0] is not None
    assert _draw(TEXT, "Zq9 xylophone") == fresh


def test_a_paragraph_with_a_link_is_drawn_afresh_every_time():
    linked = 'Visit <a href="https://example.org/">the example site</a> today.'
    cache.set_enabled(False)
    fresh = _draw(linked, "Zq9")
    cache.set_enabled(True)
    _draw(linked, "abc")
    _draw(linked, "abc")
    assert _kept(linked) == [None]  # known, and not kept
    assert _draw(linked, "Zq9") == fresh


def test_nothing_is_kept_while_the_cache_is_off():
    cache.set_enabled(False)
    _draw(TEXT, "abc")
    assert _kept(TEXT) == []
