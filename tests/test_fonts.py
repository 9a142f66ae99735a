"""Atkinson Hyperlegible registration and the documented rule for undrawable characters."""

from __future__ import annotations

import unicodedata
from io import BytesIO

import pytest
from fontTools.ttLib import TTFont as ToolsFont
from hypothesis import given, settings, strategies as st
from reportlab.pdfbase import pdfmetrics

from outreach_kit.render.font_families import NOTO_SANS, NOTO_SANS_ARABIC, _static_instance
from outreach_kit.render.fonts import (
    BOLD,
    BOLD_ITALIC,
    ITALIC,
    REGULAR,
    drawable_text,
    missing_glyphs,
    register_fonts,
)
from outreach_kit.render.presentation import REPLACEMENT, TYPOGRAPHIC_EQUIVALENTS


def test_register_fonts_is_idempotent_and_registers_the_family():
    register_fonts()
    register_fonts()
    names = pdfmetrics.getRegisteredFontNames()
    for face in (REGULAR, BOLD, ITALIC, BOLD_ITALIC):
        assert face in names
        assert "AtkinsonHyperlegible" in pdfmetrics.getFont(face).face.name.decode()
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(REGULAR, 1, 0) == BOLD
    assert tt2ps(REGULAR, 0, 1) == ITALIC
    assert tt2ps(REGULAR, 1, 1) == BOLD_ITALIC


def test_plain_english_text_is_left_alone():
    text = "Café, naïve: “quotes” – dashes — £5 & 100% • it’s fine…"
    assert drawable_text(text) == text
    assert missing_glyphs(text) == set()


def test_text_is_normalised_to_nfc():
    assert drawable_text("Cafe\u0301") == "Café"


def test_whitespace_controls_become_spaces_and_other_controls_show():
    assert drawable_text("one\ntwo\tthree\r\nfour") == "one two three four"  # \r\n: one break
    # presentation.clean_text: U+FFFD, which the font lacks, so one "?" each
    assert drawable_text("a\x00b\x07c\x1bd\x7f") == "a?b?c?d?"


def test_invisible_format_characters_are_removed():
    marks = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    assert drawable_text(f"left{marks}right") == "leftright"
    assert drawable_text("zero\u200bwidth\u200d\ufeff\u00ad") == "zerowidth"


def test_typographic_characters_get_close_equivalents():
    assert drawable_text("Go → there ← back") == "Go -> there <- back"
    assert drawable_text("☐ no ☑ yes ✓ done") == "[ ] no [x] yes (tick) done"
    assert drawable_text("non\u2011breaking\u2009thin") == "non-breaking thin"
    assert drawable_text("ﬁne Ａ") == "fine A"


def test_every_equivalent_is_drawable_and_replaces_an_undrawable_character():
    for char, equivalent in TYPOGRAPHIC_EQUIVALENTS.items():
        assert missing_glyphs(char) == {char}, char
        assert missing_glyphs(equivalent) == set(), char


def test_anything_else_becomes_one_question_mark_per_character():
    assert drawable_text("hi 😀") == f"hi {REPLACEMENT}"
    assert drawable_text("❤️") == REPLACEMENT  # the variation selector draws nothing
    assert drawable_text("Привет") == REPLACEMENT * 6
    assert drawable_text("\ud800x\uffff") == f"{REPLACEMENT}x{REPLACEMENT}"


def test_missing_glyphs_names_what_the_font_lacks():
    assert missing_glyphs("tick ✓ and 😀 and → then\nnew line") == {"✓", "😀", "→"}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_drawable_text_only_has_drawable_characters_and_drops_only_invisible_ones(text):
    result = drawable_text(text)
    assert missing_glyphs(result) == set()
    assert drawable_text(result) == result
    visible = [
        char for char in unicodedata.normalize("NFC", text)
        if unicodedata.category(char) not in ("Cc", "Cf")
        and not 0xFE00 <= ord(char) <= 0xFE0F
        and not 0xE0100 <= ord(char) <= 0xE01EF
    ]
    assert len(result) >= len(visible)


@pytest.mark.parametrize("family", [NOTO_SANS, NOTO_SANS_ARABIC], ids=lambda f: f.regular)
def test_a_static_face_keeps_the_packages_date_so_the_same_pack_is_the_same_file(family):
    """The faces made for other scripts carry the font package's own date, not the time
    they were made: otherwise two builds of one recipe would differ in those bytes."""
    package_date = ToolsFont(family.package_file)["head"].modified
    for weight in (400, 700):
        face = ToolsFont(BytesIO(_static_instance(family, weight)))
        assert face["head"].modified == package_date
