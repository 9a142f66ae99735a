"""Issue 12's content fixes stay fixed: reason lines, one spelling of OK, tone, BBV page."""

from __future__ import annotations

import pytest
from support import ROOT

from outreach_kit.assemble.recommend import recommend, safety_floor
from outreach_kit.language import find_stigma


def test_every_reason_under_a_module_title_ends_with_a_full_stop(library):
    reasons = {r.reader_reason for r in safety_floor(library)}
    for obs in library.observations:
        reasons |= {r.reader_reason for r in recommend(library, [obs], limit=None)}
    assert reasons
    assert [r for r in reasons if not r.endswith(".") or r.endswith("..")] == []


def test_ok_is_spelt_one_way_and_lint_keeps_it_so(library):
    for path in (ROOT / "content").rglob("*.yaml"):
        if path.name != "terms.yaml":
            assert " okay" not in path.read_text(encoding="utf-8").lower(), path
    found = [(f.term_id, f.matched) for f in find_stigma("That is okay. Okay then.",
                                                          library.terms)]
    assert found == [("spelling-ok", "okay"), ("spelling-ok", "Okay")]


@pytest.mark.parametrize(("module_id", "gone"), [
    ("connect-feeling-judged", "bear with me"),
    ("connect-family-and-children", "keep things steady"),
    ("safer-mixing-substances", "bromazolam"),
])
def test_tone_and_out_of_date_wording_is_gone(module_id, gone):
    text = (ROOT / "content" / "modules" / f"{module_id}.yaml").read_text(encoding="utf-8")
    assert gone not in text.lower()


def test_blood_borne_virus_page_covers_sex_prison_and_reinfection(library):
    text = " ".join(t for _, t in library.modules["safer-blood-borne-virus-testing"]
                    .client_text())
    for words in ("sex without a condom", "in prison", "getting hep C again"):
        assert words in text, words


def test_artery_advice_says_how_long_to_press_and_when_to_phone_999(library):
    text = " ".join(t for _, t in library.modules["safer-injecting-and-wounds"].client_text())
    for words in ("10 minutes", "higher than your heart", "Phone 999 if:"):
        assert words in text, words
