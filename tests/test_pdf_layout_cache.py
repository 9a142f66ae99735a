"""The PDF layout cache (render.pdf_layout_cache): what it keeps, that no personal text is
ever kept, and that a PDF made with it is byte for byte the PDF made without it."""

from __future__ import annotations

import datetime as dt

import pytest
from support import ROOT

from outreach_kit.assemble import build_pack, load_recipe
from outreach_kit.document import Section
from outreach_kit.formats import PROFILES, PrintOptions
from outreach_kit.letters.make import make_pack_letter
from outreach_kit.render import pdf_layout_cache as cache
from outreach_kit.render.pdf import render_pdf
from outreach_kit.render.pdf_flowables import WrapOnceParagraph
from outreach_kit.render.pdf_styles import styles_for

TODAY = dt.date(2026, 11, 26)
NAME = "Zebediah Quillfeather"
KEYWORKER = "Marguerite Oakhollow"
CONTACT = "07700 900417"
STEP = "Ring my sister Philippa"
THEIR_WORDS = "I keep the radio on all night"
PERSONAL = (NAME, KEYWORKER, CONTACT, STEP, THEIR_WORDS)


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.set_enabled(True)
    cache.clear()
    yield
    cache.set_enabled(True)
    cache.clear()


@pytest.fixture(scope="module")
def personal_pack(library):
    """The reference pack for a named person, with their own steps and a letter."""
    recipe = load_recipe(ROOT / "examples" / "reference-pack.yaml", library)
    recipe = recipe.model_copy(update={
        "person_name": NAME, "keyworker_name": KEYWORKER, "service_contact": CONTACT,
        "wallet_steps": [STEP]})
    letter = make_pack_letter(library, {
        "letter_type": "after-conversation", "person": {"name": NAME,
                                                        "their_words": THEIR_WORDS},
        "signer": {"name": KEYWORKER, "role": "Keyworker"}}, TODAY)
    return build_pack(library, recipe, TODAY, letter_section=letter.section)


def _cached_text() -> str:
    return "\n".join(cache.cached_markup())


def test_module_text_is_kept_and_personal_text_never_is(personal_pack):
    render_pdf(personal_pack)
    kept = _cached_text()
    module = next(s for s in personal_pack.sections if s.content_only)
    assert module.title in kept  # the module's own words are shared
    assert cache.cached_markup()
    for text in PERSONAL:
        assert text in str(personal_pack.cover) or any(
            text in str(s) for s in personal_pack.sections)  # the pack does hold it
        assert text not in kept


def test_only_module_sections_are_marked_content_only(personal_pack):
    kinds = {s.kind.value for s in personal_pack.sections if s.content_only}
    assert kinds == {"module", "help-now", "how-to-use", "services"}
    assert not Section("x", "A title").content_only  # never by default


def test_a_paragraph_is_kept_only_when_marked_shared():
    style = styles_for(PrintOptions()).body
    WrapOnceParagraph(f"Hello {NAME}", style).wrap(300, 1000)
    assert cache.cached_markup() == []
    WrapOnceParagraph("Words from a module.", style, shared=True).wrap(300, 1000)
    assert "Words from a module." in cache.cached_markup()


def test_a_cached_paragraph_lays_out_as_a_fresh_one():
    style = styles_for(PrintOptions()).body
    text = "Words from a module, <b>some bold</b>, long enough to break over lines. " * 4
    first = WrapOnceParagraph(text, style, shared=True)
    second = WrapOnceParagraph(text, style, shared=True)
    plain = WrapOnceParagraph(text, style)
    sizes = [p.wrap(200, 1000) for p in (first, second, plain)]
    assert sizes[0] == sizes[1] == sizes[2]
    assert second.frags is not first.frags  # each paragraph has its own fragments
    assert [len(p.blPara.lines) for p in (first, second, plain)] == [
        len(plain.blPara.lines)] * 3


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_output_with_the_cache_is_byte_identical(personal_pack, library, profile):
    options = PrintOptions.from_names([profile])
    other = build_pack(library, load_recipe(ROOT / "examples" / "minimal.yaml", library),
                       TODAY)
    cache.set_enabled(False)
    without = [render_pdf(personal_pack, options), render_pdf(other, options)]
    cache.set_enabled(True)
    cold = [render_pdf(personal_pack, options), render_pdf(other, options)]
    warm = [render_pdf(other, options), render_pdf(personal_pack, options)][::-1]
    # Third time: shared paragraphs draw from the drawings kept the second time.
    replayed = [render_pdf(personal_pack, options), render_pdf(other, options)]
    assert cache.cached_markup()
    assert any(drawing is not None for drawing in cache._drawn.values())
    assert cold == without
    assert warm == without
    assert replayed == without


def test_the_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    style = styles_for(PrintOptions()).body
    for n in range(10):
        WrapOnceParagraph(f"Module line {n}.", style, shared=True).wrap(300, 1000)
    assert len(cache.cached_markup()) <= 6  # at most 3 fragment lists and 3 layouts
