"""A pack in another language prints no fixed English words around its content."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata

import pytest
import yaml
from pypdf import PdfReader
from support import ROOT

from outreach_kit.assemble.pack import build_pack
from outreach_kit.assemble.recipe import load_recipe
from outreach_kit.render.html import render_html
from outreach_kit.render.pdf import render_pdf

TODAY = dt.date(2026, 11, 29)
RECIPE = ROOT / "examples" / "reference-pack.yaml"
# Words the renderers used to print in English whatever the pack's language
ENGLISH_FIXED = [
    r"Service:", r"Keyworker:", r"Contact:", r"Date:", r"About \d+ minutes?\.",
    r"Next review due", r"Content version", r"Content note", r"Before you read",
    r"Details checked", r"Last checked", r"Cost:", r"Who it is for", r"\bFor Sam\b",
]


def _pages(library, language: str | None) -> list[str]:  # type: ignore[no-untyped-def]
    recipe = load_recipe(RECIPE, library)
    if language:
        recipe = recipe.model_copy(update={"language": language})
    reader = PdfReader(io.BytesIO(render_pdf(build_pack(library, recipe, TODAY))))
    # Arabic letters are drawn in their joined forms: NFKC reads them back.
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


def _wording(language: str) -> dict:  # type: ignore[type-arg]
    path = ROOT / "content" / "translations" / language / "wording.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_english_pack_prints_the_fixed_words(library) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(_pages(library, None))
    for pattern in ENGLISH_FIXED:
        if pattern not in (r"Before you read", r"Details checked"):  # other formats' words
            assert re.search(pattern, text), pattern


@pytest.mark.parametrize("language", ["ar", "pl"])
def test_a_translated_pack_prints_no_fixed_english_words(library, language: str) -> None:  # type: ignore[no-untyped-def]
    wording = _wording(language)
    in_english = wording["language_notes"]["page_in_english"]
    pages = _pages(library, language)
    own = [page for page in pages if in_english not in " ".join(page.split())]
    assert len(own) > len(pages) // 2
    for number, page in enumerate(own):
        for pattern in ENGLISH_FIXED:
            assert not re.search(pattern, page), (language, number, pattern)
    words = wording["page_words"]
    footer = words["content_version"].split("{")[0].split()
    assert all(word in pages[1] for word in footer)  # the cover has no footer
    # The cover names the person in the language's words (Arabic is read back in visual
    # order, so the words of the line are compared, not their order)
    expected = set(wording["cover"]["for_person"].format(name="Sam").split())
    assert any(set(line.split()) == expected for line in pages[0].splitlines())


def test_the_web_page_skip_link_is_translated(library) -> None:  # type: ignore[no-untyped-def]
    recipe = load_recipe(RECIPE, library).model_copy(update={"language": "pl"})
    html = render_html(build_pack(library, recipe, TODAY))
    assert "Skip to the pack" not in html
    assert _wording("pl")["page_words"]["skip_to_pack"] in html
    assert "Time needed" not in html and "This pack does not replace" not in html
