"""Composing letters: suggestions, defaults, choices, edits, safe placeholders, recipes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from outreach_kit.document import SectionKind, plain
from outreach_kit.errors import RecipeError
from outreach_kit.letters.build import build_letterhead, letter_document, letter_section
from outreach_kit.letters.compose import compose_letter
from outreach_kit.letters.fields import fill_placeholders, join_naturally
from outreach_kit.letters.library import letter_library
from outreach_kit.letters.options import paragraph_options
from outreach_kit.letters.recipe import LetterRecipe, load_letter_recipe
from outreach_kit.letters.schema import LetterSlot, LetterType

TODAY = dt.date(2026, 11, 26)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PERSON = {
    "name": "Sam",
    "their_words": "I just want a bit of peace",
    "strengths": ["you are funny", "you look after your dog"],
    "what_matters": "your dog",
    "next_step": "go for a walk",
    "new_worker": "Jo",
}


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


def recipe(**changes) -> LetterRecipe:
    data = {"letter_type": "after-conversation", "person": PERSON,
            "letterhead": {"organisation": "The Hub"},
            "signer": {"name": "Alex", "role": "Keyworker"}}
    data.update(changes)
    return LetterRecipe.model_validate(data)


# ---------------------------------------------------------------------------- suggestions


def test_options_follow_the_type_slots_and_only_fit_that_type(letters):
    hand_over = recipe(letter_type="hand-over")
    for slot in letters.letter_type("hand-over").slots:
        options = paragraph_options(letters, hand_over, slot)
        assert [o for o in options if o.available], slot
        assert all(LetterType.HAND_OVER in letters.variants[o.id].letter_types
                   for o in options)


def test_options_put_matching_subthemes_first(letters):
    pain = paragraph_options(letters, recipe(subthemes=["physical-pain"]),
                             LetterSlot.MAKING_SENSE)
    assert pain[0].id == "sense-pain" and pain[0].starts_with
    other = paragraph_options(letters, recipe(subthemes=["normalisation"]),
                              LetterSlot.MAKING_SENSE)
    assert other[0].id == "sense-all-around"


def test_options_missing_a_field_are_not_available_and_say_what_they_need(letters):
    sam = recipe(person={"name": "Sam"})  # no next_step
    options = paragraph_options(letters, sam, LetterSlot.NEXT_STEP)
    offered = [o for o in options if o.available]
    assert offered and all("{next_step}" not in o.text for o in offered)
    waiting = [o for o in options if not o.available]
    assert waiting and all("fill in: " in " ".join(o.missing) for o in waiting)
    filled = paragraph_options(letters, recipe(person={"name": "Sam", "next_step": "x"}),
                               LetterSlot.NEXT_STEP)
    assert "{next_step}" in letters.variants[filled[0].id].text  # the worker's words first


# ---------------------------------------------------------------------------- composing


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_each_letter_type_builds_with_defaults(letters, letter_type):
    letter = compose_letter(letters, LetterRecipe(letter_type=letter_type), TODAY)
    assert letter.greeting == "Hello,"  # no name given
    assert len(letter.paragraphs) >= 3
    assert letter.sign_off
    assert letter.date_text == "26 November 2026"
    assert all("{" not in p.text for p in letter.paragraphs)
    document = letter_document(letter, build_letterhead(LetterRecipe(
        letter_type=letter_type).letterhead))
    assert document.kind == "letter"
    assert document.sections[0].kind is SectionKind.LETTER


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_each_letter_type_uses_every_slot_when_fields_are_filled(letters, letter_type):
    letter = compose_letter(letters, recipe(letter_type=letter_type), TODAY)
    assert letter.skipped == ()
    kind = letters.letter_type(letter_type)
    assert [p.slot for p in letter.paragraphs] == [s.value for s in kind.slots[:-1]]
    assert letter.greeting == "Dear Sam,"


def test_their_words_are_quoted_exactly(letters):
    words = "it's the only thing that works,  honestly…"
    letter = compose_letter(letters, recipe(person={**PERSON, "their_words": words}), TODAY)
    heard = next(p for p in letter.paragraphs if p.slot == "what_i_heard")
    assert heard.text.endswith(f"“{words}”")


def test_default_never_picks_a_paragraph_tagged_to_an_unchosen_theme(letters):
    letter = compose_letter(letters, recipe(subthemes=[]), TODAY)
    for paragraph in letter.paragraphs:
        assert not letters.variants[paragraph.variant_id].subthemes, paragraph.variant_id
    chosen = compose_letter(letters, recipe(subthemes=["physical-pain"]), TODAY)
    assert "sense-pain" in [p.variant_id for p in chosen.paragraphs]


def test_chosen_paragraph_is_used(letters):
    letter = compose_letter(letters, recipe(paragraphs={"open_door": "door-ask-for-me"}), TODAY)
    door = next(p for p in letter.paragraphs if p.slot == "open_door")
    assert door.variant_id == "door-ask-for-me"
    assert "The Hub" in door.text


def test_edited_paragraph_replaces_the_suggestion_exactly(letters):
    text = "Your words {name} and {{ name }} & <b>bold</b> stay just as typed."
    letter = compose_letter(letters, recipe(edited={"opening": text}), TODAY)
    opening = letter.paragraphs[0]
    assert opening.edited is True
    assert opening.text == text
    assert opening.variant_id is None


def test_empty_edit_leaves_the_part_out(letters):
    letter = compose_letter(letters, recipe(edited={"feeling_judged": ""}), TODAY)
    assert "feeling_judged" not in [p.slot for p in letter.paragraphs]
    assert "feeling_judged" in letter.skipped


def test_edited_sign_off(letters):
    letter = compose_letter(letters, recipe(edited={"sign_off": "Cheers for now,"}), TODAY)
    assert letter.sign_off == "Cheers for now,"


def test_missing_fields_skip_the_part(letters):
    letter = compose_letter(letters, recipe(person={"name": "Sam"}), TODAY)
    assert "what_i_heard" in letter.skipped
    assert all("{" not in p.text for p in letter.paragraphs)


@pytest.mark.parametrize(("changes", "message"), [
    ({"paragraphs": {"opening": "no-such-paragraph"}}, "no paragraph 'no-such-paragraph'"),
    ({"paragraphs": {"opening": "door-ask-for-me"}}, "no paragraph 'door-ask-for-me'"),
    ({"paragraphs": {"what_i_heard": "heard-stayed-with-me"}, "person": {"name": "Sam"}},
     "needs 'their_words' filled in"),
])
def test_bad_choices_are_recipe_errors(letters, changes, message):
    with pytest.raises(RecipeError, match=message):
        compose_letter(letters, recipe(**changes), TODAY)


@pytest.mark.parametrize(("changes", "message"), [
    ({"edited": {"feeling_judged": "I never judged you."}},
     "edited.feeling_judged: a hand-over letter has no such part"),
    ({"paragraphs": {"making_sense": "anything"}},
     "paragraphs.making_sense: a hand-over letter has no such part"),
])
def test_edits_or_choices_for_parts_the_type_lacks_are_errors(letters, changes, message):
    kind = letters.letter_type("hand-over")
    assert LetterSlot.FEELING_JUDGED not in kind.slots
    assert LetterSlot.MAKING_SENSE not in kind.slots
    with pytest.raises(RecipeError, match=message):
        compose_letter(letters, recipe(letter_type="hand-over", **changes), TODAY)


def test_unknown_subtheme_is_an_error(letters, library):
    with pytest.raises(RecipeError, match="unknown subtheme 'not-a-theme'"):
        compose_letter(letters, recipe(subthemes=["not-a-theme"]), TODAY,
                       known_subthemes=library.subthemes)


def test_recipe_date_wins_over_today(letters):
    letter = compose_letter(letters, recipe(date="2027-01-05"), TODAY)
    assert letter.date_text == "5 January 2027"


def test_written_together_letter_carries_the_dissociation_guidance(letters):
    letter = compose_letter(letters, recipe(letter_type="written-together"), TODAY)
    assert any("dissociate" in line for line in letter.guidance)
    document = letter_document(letter, build_letterhead(recipe().letterhead))
    block = document.sections[0].blocks[0]
    printed = " ".join(plain(p) for p in block.paragraphs)
    assert "dissociate" not in printed  # guidance is for the worker, never printed


def test_letter_section_for_a_pack(letters):
    letter = compose_letter(letters, recipe(), TODAY)
    section = letter_section(letter, build_letterhead(recipe().letterhead), section_id="my-letter")
    assert section.id == "my-letter"
    assert section.kind is SectionKind.LETTER
    assert section.in_contents is True
    block = section.blocks[0]
    assert plain(block.greeting) == "Dear Sam,"
    assert block.signer_name == "Alex"


def test_paragraph_breaks_in_an_edit_become_separate_paragraphs(letters):
    letter = compose_letter(letters, recipe(edited={"opening": "First part.\n\nSecond part."}),
                            TODAY)
    block = letter_document(letter, build_letterhead(recipe().letterhead)).sections[0].blocks[0]
    assert [plain(p) for p in block.paragraphs[:2]] == ["First part.", "Second part."]


# ---------------------------------------------------------------------------- placeholders


@pytest.mark.parametrize("value", [
    "{name}", "{{ name }}", "{0.__class__}", "{their_words}", "%s %(name)s", "}{", "{",
])
def test_placeholder_values_are_inserted_as_data(value):
    filled = fill_placeholders("Dear {name}, you said {their_words}.",
                               {"name": value, "their_words": "hello"})
    assert filled == f"Dear {value}, you said hello."


def test_a_line_break_typed_in_a_value_stays_inside_the_sentence():
    filled = fill_placeholders("I noticed: {strengths}. These count.",
                               {"strengths": "looks out \n\nfor  Danny\r\n"})
    assert filled == "I noticed: looks out for  Danny. These count."


def test_fill_placeholders_refuses_a_missing_value_without_echoing_values():
    with pytest.raises(RecipeError) as caught:
        fill_placeholders("Dear {name}", {"name": ""})
    assert "'name'" in str(caught.value)


def test_join_naturally():
    assert join_naturally([]) == ""
    assert join_naturally(["a"]) == "a"
    assert join_naturally(["a", "b", "c"]) == "a, b and c"


# ---------------------------------------------------------------------------- recipe files


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("letter-*.yaml")), ids=lambda p: p.name)
def test_example_recipes_compose_cleanly(letters, library, path):
    from outreach_kit.letters.checks import check_letter

    loaded = load_letter_recipe(path)
    letter = compose_letter(letters, loaded, TODAY, known_subthemes=library.subthemes)
    assert letter.paragraphs
    assert check_letter(letter).all_clear


def test_there_is_an_example_for_every_letter_type():
    types = {load_letter_recipe(p).letter_type for p in EXAMPLES.glob("letter-*.yaml")}
    assert types == set(LetterType)


def test_recipe_errors_name_file_line_and_field(tmp_path):
    path = tmp_path / "letter.yaml"
    path.write_text("schema_version: 1\nletter_type: thank-you\nperson:\n  nmae: Sam\n"
                    "edited:\n  ending: hi\n")
    with pytest.raises(RecipeError) as caught:
        load_letter_recipe(path)
    message = str(caught.value)
    assert f"{path}:2: letter_type:" in message
    assert f"{path}:4: person.nmae: unknown field" in message
    assert f"{path}:6: edited.ending: must be one of 'opening'," in message
    lines = message.splitlines()  # one problem per line (issue 14)
    assert len(lines) == 3 and all(line.startswith(f"{path}:") for line in lines)
    assert "Input should" not in message


def test_recipe_error_does_not_echo_personal_text(tmp_path):
    path = tmp_path / "letter.yaml"
    secret = "Mhairi-Secret-Name"
    path.write_text(f"schema_version: 1\nletter_type: after-conversation\nperson:\n"
                    f"  name: [{secret}]\n")
    with pytest.raises(RecipeError) as caught:
        load_letter_recipe(path)
    assert secret not in str(caught.value)
    assert "person.name" in str(caught.value)


def test_yes_no_trap_in_a_recipe(tmp_path):
    path = tmp_path / "letter.yaml"
    path.write_text("schema_version: 1\nletter_type: after-conversation\nperson:\n  name: no\n")
    with pytest.raises(RecipeError, match="read as a yes/no value"):
        load_letter_recipe(path)


def test_relative_logo_path_is_resolved_against_the_recipe(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    path = folder / "letter.yaml"
    path.write_text("schema_version: 1\nletter_type: hand-over\nletterhead:\n  logo: logo.png\n")
    assert load_letter_recipe(path).letterhead.logo == str(folder / "logo.png")


def test_missing_recipe_file(tmp_path):
    with pytest.raises(RecipeError, match="file not found"):
        load_letter_recipe(tmp_path / "nope.yaml")


def test_the_content_library_can_be_passed_directly(library):
    assert paragraph_options(library, recipe(letter_type="reaching-out"), LetterSlot.OPENING)
    with pytest.raises(RecipeError, match="unknown subtheme"):
        compose_letter(library, recipe(subthemes=["no-such"]), TODAY)
    assert compose_letter(library, recipe(), TODAY).greeting == "Dear Sam,"
