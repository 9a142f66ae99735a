"""The presentation rules every renderer reads: labels, colours, links, text cleaning."""

from __future__ import annotations

import pytest

from outreach_kit.document import Callout, Labels, ServiceCard, Tone, content_text, user_text
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.presentation import (
    COLOURS,
    CREAM,
    REPLACEMENT_CHAR,
    STANDARD,
    WHITE,
    callout_label,
    clean_text,
    colours_for,
    example_note,
    fit_to_font,
    grey,
    qr_target,
    safe_link,
    tel_link,
)

LABELS = Labels(callouts=((Tone.SAFETY, "Staying safer"), (Tone.TIP, "Tip")),
                example_service="Example data: replace it.")


def test_a_callout_shows_its_title_else_the_label_for_its_tone():
    titled = Callout((content_text("Body"),), content_text("**Own** title"), Tone.SAFETY)
    assert callout_label(titled, LABELS) == titled.title
    untitled = Callout((content_text("Body"),), (), Tone.SAFETY)
    assert callout_label(untitled, LABELS) == user_text("Staying safer")
    assert callout_label(Callout((), (), Tone.INFO), LABELS) == ()  # no label: none shown
    assert callout_label(untitled, Labels()) == ()


def test_only_example_services_carry_the_note():
    assert example_note(ServiceCard("A", (), example=True), LABELS) == "Example data: replace it."
    assert example_note(ServiceCard("A", ()), LABELS) == ""


@pytest.mark.parametrize("href, expected", [
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("  https://example.org/  ", "https://example.org/"),
    ("HTTPS://example.org/", "HTTPS://example.org/"),
    ("mailto:help@example.org", "mailto:help@example.org"),
    ("tel:+441314960000", "tel:+441314960000"),
    ("https://example.org/café", "https://example.org/caf%C3%A9"),
    ("http://example.org/", None),  # one rule for every format: no plain http
    ("javascript:alert(1)", None),
    ("data:text/html,hi", None),
    ("file:///etc/passwd", None),
    ("/relative", None),
    ("", None),
    (None, None),
])
def test_links_are_https_mailto_or_tel_only(href, expected):
    assert safe_link(href) == expected


def test_tel_links_need_a_real_number():
    assert tel_link("0131 496 0000 (office)") == "tel:01314960000"
    assert tel_link("+44 800") == "tel:+44800"
    assert tel_link("ask at the desk") is None


def test_control_characters_one_rule():
    assert clean_text("plain text") == "plain text"
    assert clean_text("a\r\nb\rc\u2028d\x0be") == "a\nb\nc\nd\ne"  # every break is \n
    assert clean_text("tab\tkept") == "tab\tkept"
    assert clean_text("a\x00b\x7fc\x9f") == "a\ufffdb\ufffdc\ufffd"  # shown, never dropped
    assert clean_text("x\ud800y\uffff") == f"x{REPLACEMENT_CHAR}y{REPLACEMENT_CHAR}"
    assert clean_text("Zoë \u200f ok") == "Zoë \u200f ok"  # not a control character


def test_fit_to_font_cleans_then_replaces_what_the_font_lacks():
    glyphs = frozenset("abc -()tick?")
    assert fit_to_font("a\x00b", glyphs) == "a?b"
    assert fit_to_font("a\r\nb", glyphs) == "a b"
    assert fit_to_font("a✓", glyphs) == "a(tick)"
    assert fit_to_font("aж", glyphs) == "a?"


def test_one_colour_table_per_profile():
    assert colours_for(PrintOptions()) is COLOURS["standard"] is STANDARD
    assert colours_for(PrintOptions.from_names(["dyslexia"])).page == CREAM
    greyscale = colours_for(PrintOptions.from_names(["dyslexia", "greyscale"]))
    assert greyscale.page == WHITE  # no grey wash: print on cream paper instead
    assert greyscale == STANDARD.greyscale()
    assert grey("#ff0000") == "#4c4c4c" and grey("#ffffff") == WHITE


def test_each_tone_has_its_own_edge_and_fill():
    pairs = {tone: STANDARD.tone(tone) for tone in Tone}
    assert len(set(pairs.values())) == len(Tone)
    assert pairs[Tone.SAFETY] == (STANDARD.safety_edge, STANDARD.safety_fill)


def test_qr_codes_only_for_short_https_addresses():
    assert qr_target(" https://example.org/a ") == "https://example.org/a"
    assert qr_target("mailto:help@example.org") is None
    assert qr_target("http://example.org/") is None
    assert qr_target("https://example.org/" + "a" * 300) is None
