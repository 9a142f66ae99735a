"""Letters keep every typed word: each filled field is in the letter, or reported as unused."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from outreach_kit.cli.main import main
from outreach_kit.letters.compose import compose_letter
from outreach_kit.letters.coverage import unused_fields
from outreach_kit.letters.library import letter_library
from outreach_kit.letters.make import make_letter
from outreach_kit.letters.recipe import LetterRecipe
from outreach_kit.letters.schema import LetterType
from outreach_kit.outputs import render_document

TODAY = dt.date(2026, 11, 26)
# Distinct words, so finding one in the letter cannot be a coincidence.
FULL_PERSON = {
    "name": "Morven",
    "their_words": "the quiet helps me think straight",
    "strengths": ["you share your tobacco with the new lads", "you turn up for your pal",
                  "you make folk laugh at the hardest times"],
    "what_matters": "your granny's allotment",
    "next_step": "walk round the allotment together on Thursday",
    "new_worker": "Kirsty Laing",
}
# The fields each letter type has a place for; new_worker only in hand-over letters.
EXPECTED_USED = {t: {"name", "their_words", "strengths", "what_matters", "next_step"}
                 for t in LetterType}
EXPECTED_USED[LetterType.HAND_OVER].add("new_worker")


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


def flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def printed(letter) -> str:
    return flat(" ".join([letter.greeting, *(p.text for p in letter.paragraphs),
                          letter.sign_off]))


def typed(person: dict) -> list[tuple[str, int | None, str]]:
    values = [(k, None, v) for k, v in person.items() if k != "strengths" and v]
    values += [("strengths", i, s) for i, s in enumerate(person.get("strengths", [])) if s]
    return values


def assert_each_field_used_or_reported(recipe: LetterRecipe, letter) -> set[str]:
    """The invariant: a typed value is reported exactly when it is not in the letter."""
    text = printed(letter)
    reported = {(u.field, u.index) for u in letter.unused if u.field != "said"}
    missing = set()
    for key, index, value in typed(recipe.person.model_dump()):
        in_letter = flat(value) in text
        assert in_letter != ((key, index) in reported), (key, index)
        if not in_letter:
            missing.add(key)
    return missing


THEME_CHOICES = ["none", "all", "blocking-out", "predictability-safety", "physical-pain",
                 "relational-trauma", "normalisation", "accessibility", "morality",
                 "disconnection", "self-stigma", "connecting", "story-in-pieces",
                 "choice-and-control", "stuck-here-and-now"]


def themes_for(choice: str, library) -> list[str]:
    return {"none": [], "all": list(library.subthemes)}.get(choice, [choice])


def test_theme_choices_cover_every_subtheme(library):
    assert set(THEME_CHOICES) - {"none", "all"} == set(library.subthemes)


@pytest.mark.parametrize("said", [[], ["blames-self", "went-differently"]], ids=["", "said"])
@pytest.mark.parametrize("themes", THEME_CHOICES)
@pytest.mark.parametrize("letter_type", list(LetterType))
def test_every_filled_field_is_in_the_letter_for_every_type_and_theme(
        letters, library, letter_type, themes, said):
    recipe = LetterRecipe(letter_type=letter_type, subthemes=themes_for(themes, library),
                          said=said, person=FULL_PERSON)
    letter = compose_letter(letters, recipe, TODAY, known_subthemes=library.subthemes)
    missing = assert_each_field_used_or_reported(recipe, letter)
    assert missing == set(FULL_PERSON) - EXPECTED_USED[letter_type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(
    letter_type=st.sampled_from(list(LetterType)),
    fields=st.sets(st.sampled_from(sorted(FULL_PERSON))),
    strengths=st.integers(min_value=1, max_value=3),
    themes=st.sets(st.sampled_from(THEME_CHOICES[2:])),
    said=st.sets(st.sampled_from(["blames-self", "went-differently"])),
)
def test_any_mix_of_fields_themes_and_ticks_keeps_the_typed_words(
        letters, letter_type, fields, strengths, themes, said):
    person = {k: v for k, v in FULL_PERSON.items() if k in fields}
    if "strengths" in person:
        person["strengths"] = FULL_PERSON["strengths"][:strengths]
    recipe = LetterRecipe(letter_type=letter_type, subthemes=sorted(themes),
                          said=sorted(said), person=person)
    letter = compose_letter(letters, recipe, TODAY)
    missing = assert_each_field_used_or_reported(recipe, letter)
    assert missing <= set(FULL_PERSON) - EXPECTED_USED[letter_type]
    assert all("{" not in p.text for p in letter.paragraphs)


ISSUE_SCENARIO = {  # issue 11: neither typed value used to reach the letter
    "letter_type": "after-conversation",
    "subthemes": ["blocking-out", "disconnection", "stuck-here-and-now"],
    "person": {"name": "Sam", "strengths": ["Looks out for his pal Danny"],
               "what_matters": "His wee girl"},
}


@pytest.mark.parametrize(("fmt", "read"), [
    ("pdf", lambda data: "\n".join(p.extract_text() for p in pypdf.PdfReader(
        io.BytesIO(data)).pages)),
    ("docx", lambda data: "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)),
])
def test_the_issue_scenario_keeps_both_typed_values_in_pdf_and_word(library, fmt, read):
    made = make_letter(library, LetterRecipe.model_validate(ISSUE_SCENARIO), TODAY)
    text = flat(read(render_document(made.document, fmt)))
    assert "looks out for his pal danny" in text
    assert "his wee girl" in text
    assert "told me about a time" not in text  # nobody entered that
    assert made.letter.unused == ()


def test_a_field_the_worker_edits_out_is_reported_without_its_words(letters):
    person = {k: v for k, v in FULL_PERSON.items() if k != "new_worker"}
    recipe = LetterRecipe(letter_type="after-conversation", person=person,
                          edited={"strengths": "You have a good heart."})
    letter = compose_letter(letters, recipe, TODAY)
    reported = [(u.field, u.index) for u in letter.unused]
    assert reported == [("strengths", 0), ("strengths", 1), ("strengths", 2)]
    assert str(letter.unused[1]) == "Strength 2 of 3 is filled in but not in the letter."
    for note in letter.unused:
        assert all(flat(v) not in flat(str(note)) for _, _, v in typed(FULL_PERSON))


def test_new_worker_outside_a_hand_over_letter_is_reported_with_why(letters):
    recipe = LetterRecipe(letter_type="reaching-out", person=FULL_PERSON)
    notes = [str(u) for u in compose_letter(letters, recipe, TODAY).unused]
    assert notes == ["Name of the new worker is filled in but not in the letter (only "
                     "hand-over letters name the new worker)."]


def test_a_ticked_claim_no_paragraph_repeats_is_reported(letters):
    recipe = LetterRecipe(letter_type="hand-over", person=FULL_PERSON, said=["blames-self"])
    letter = compose_letter(letters, recipe, TODAY)
    assert [(u.field, u.index) for u in letter.unused] == [("said", 0)]
    assert "They said they blame themselves" in str(letter.unused[0])


def test_unused_fields_follows_a_template_body(library, letters, tmp_path):
    template = tmp_path / "short.j2"
    template.write_text("Just a short hello from us.\n")
    recipe = LetterRecipe(letter_type="after-conversation", person={"what_matters": "chess"})
    made = make_letter(library, recipe, TODAY, template_path=template)
    assert [u.field for u in made.letter.unused] == ["what_matters"]
    assert unused_fields(recipe, made.letter, letters) == list(made.letter.unused)


def test_cli_prints_one_note_per_unused_field_on_stderr(tmp_path, capsys):
    recipe = tmp_path / "letter.yaml"
    recipe.write_text(
        "schema_version: 1\nletter_type: reaching-out\nsaid: [went-differently]\n"
        "person:\n  name: Morven\n  new_worker: Kirsty Laing\n  strengths: [you are kind]\n"
        "edited:\n  strengths: You have a good heart.\n")
    out = tmp_path / "letter.txt"
    assert main(["letter", str(recipe), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    notes = [line for line in err if line.startswith("note: ") and "left out" not in line]
    assert notes == [
        "note: Strength 1 of 1 is filled in but not in the letter.",
        "note: Name of the new worker is filled in but not in the letter (only hand-over "
        "letters name the new worker).",
        'note: You ticked "They told you about a time things went a bit differently", but no '
        "paragraph in the letter uses it.",
    ]
    assert "Kirsty" not in "\n".join(err)  # a note names the field, never what was typed
    assert "Morven" in out.read_text()


def test_cli_prints_no_unused_note_when_every_field_is_used(tmp_path, capsys):
    example = Path(__file__).resolve().parents[1] / "examples" / "letter-hand-over.yaml"
    assert main(["letter", str(example), "-o", str(tmp_path / "l.md")]) == 0
    assert "not in the letter" not in capsys.readouterr().err


def test_a_pack_with_a_letter_prints_the_same_unused_notes(tmp_path, capsys):
    recipe = tmp_path / "pack.yaml"
    recipe.write_text(
        "schema_version: 1\nobservations: [uses-more-when-stressed]\nletter:\n"
        "  letter_type: hand-over\n  said: [blames-self]\n"
        "  person:\n    name: Morven\n    what_matters: your granny's allotment\n")
    out = tmp_path / "pack.md"
    assert main(["build", str(recipe), "-o", str(out)]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines()
             if "not in the letter" in line or "no paragraph" in line]
    assert notes == ['note: You ticked "They said they blame themselves", but no paragraph '
                     "in the letter uses it."]
    assert "your granny's allotment" in out.read_text()
