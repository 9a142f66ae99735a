"""The page count the app shows comes from laying the pack out without drawing it: it must
be the page count of the PDF that is then made, for every example, profile and script."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sample_documents import every_block_document

from outreach_kit.assemble.recipe import load_recipe
from outreach_kit.outputs import make_pack
from outreach_kit.render import pdf_page_count
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.pdf import render_pdf
from outreach_kit.render.pdf_page_count import page_count

ROOT = Path(__file__).resolve().parents[1]
PACK_EXAMPLES = ["reference-pack", "minimal", "no-personal-details"]
PROFILE_SETS = [[], ["a5-booklet"], ["large-print"], ["dyslexia"], ["easy-read"],
                ["a5-booklet", "large-print"], ["greyscale", "easy-read"]]
TODAY = dt.date(2026, 11, 29)


def _pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("example", PACK_EXAMPLES)
@pytest.mark.parametrize("profiles", PROFILE_SETS, ids="+".join)
def test_the_count_is_the_pages_of_the_pdf(library, example, profiles):
    recipe = load_recipe(ROOT / "examples" / f"{example}.yaml", library)
    made = make_pack(library, recipe, TODAY, profiles=profiles, base_dir=ROOT / "examples")
    assert page_count(made.document, made.options) == _pages(made.render("pdf"))


@pytest.mark.parametrize("language", ["ar", "pl", "uk"])
def test_the_count_holds_in_other_languages_and_scripts(library, language):
    recipe = load_recipe(ROOT / "examples" / "reference-pack.yaml", library)
    made = make_pack(library, recipe.model_copy(update={"language": language}), TODAY)
    assert page_count(made.document, made.options) == _pages(made.render("pdf"))


def test_the_count_holds_for_every_kind_of_block():
    document = every_block_document()
    for options in (PrintOptions(), PrintOptions.from_names(["a5-booklet"])):
        assert page_count(document, options) == _pages(render_pdf(document, options))


def test_nothing_is_drawn_or_written(library, monkeypatch):
    """Laying out only: no text reaches a page and no file is written (that is the saving)."""
    recipe = load_recipe(ROOT / "examples" / "reference-pack.yaml", library)
    made = make_pack(library, recipe, TODAY)
    kept = {}
    real_lay_out = pdf_page_count.lay_out

    def watched(*args, **kwargs):
        kept["template"] = template = real_lay_out(*args, **kwargs)
        return template

    monkeypatch.setattr(pdf_page_count, "lay_out", watched)
    assert page_count(made.document, made.options) > 20
    canvas = kept["template"].canv
    drawn = [op for state in canvas.pages_laid_out() for op in state["_code"]]
    assert not [op for op in drawn if "Tj" in op or "TJ" in op], "no text was drawn"
    assert kept["template"].filename.getvalue() == b"", "nothing was written"
