"""Letters claim nothing unsupported: "You said..." only with a field or a tick behind it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from outreach_kit.cli.main import main
from outreach_kit.content import load_library
from outreach_kit.content.loader import load_file
from outreach_kit.errors import RecipeError
from outreach_kit.letters.claims import find_claim
from outreach_kit.letters.compose import compose_letter
from outreach_kit.letters.library import letter_library, letter_problems
from outreach_kit.letters.options import paragraph_options
from outreach_kit.letters.recipe import LetterRecipe, load_letter_recipe
from outreach_kit.letters.schema import PERSONAL_FIELDS, LetterLibraryFile, LetterSlot, LetterType

TODAY = dt.date(2026, 11, 26)
FIXTURES = Path(__file__).parent / "fixtures" / "letters"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


@pytest.mark.parametrize("text", [
    "You said that you blame yourself.",
    "Something stayed with me. You told me about your mum.",
    "You also told me about a time when things went differently.",
    "You have mentioned your brother.",
    "You’ve said it before.",
    "I know you blame yourself.",
    "You feel like nobody listens.",
    "I know you feel let down.",
    "You felt judged at the hospital.",
    "We talked, and you spoke about your dad.",
])
def test_claims_are_found(text):
    assert find_claim(text)


@pytest.mark.parametrize("text", [
    "Many people in your position blame themselves.",
    "Small things can help you feel more like yourself.",
    "A place where you feel welcome, just as you are.",
    "You might feel let down that I am leaving.",
    "You can tell me how you feel about it.",
    "You did not have to tell me any of what you shared.",
])
def test_general_statements_are_not_claims(text):
    assert find_claim(text) is None


def test_a_claim_without_needs_is_a_file_and_line_error():
    item, problems, _ = load_file(FIXTURES / "claim-without-needs.yaml", LetterLibraryFile)
    assert item is None
    found = {p.field: (p.line, p.message) for p in problems}
    line, message = found["slots[0].variants[0].text"]
    assert line == 16  # the text: line of the first variant
    assert '"You said" says what the person said or felt' in message
    assert "needs:" in message
    assert "slots[0].variants[1].text" not in found  # declared: accepted
    line, message = found["slots[0].variants[2].needs"]
    assert "'their_word' is not a field" in message
    assert "slots[0].variants[2].text" not in found  # no second error for the same slip


def test_validate_rejects_a_claim_paragraph_without_needs(tmp_path, content_dir, capsys):
    root = tmp_path / "content"
    shutil.copytree(content_dir, root)
    path = root / "letters" / "feeling-judged.yaml"
    text = path.read_text()
    assert "        needs: [blames-self]\n" in text
    path.write_text(text.replace("        needs: [blames-self]\n", "", 1))
    assert main(["validate", str(root)]) != 0
    err = capsys.readouterr()
    out = err.out + err.err
    assert f"{path}:" in out
    assert "says what the person said or felt" in out


def test_a_need_naming_an_undefined_claim_is_a_folder_error(tmp_path, content_dir):
    root = tmp_path / "content"
    shutil.copytree(content_dir, root)
    path = root / "letters" / "strengths.yaml"
    path.write_text(path.read_text().replace("needs: [went-differently]",
                                             "needs: [no-such-claim]", 1))
    _, problems = letter_problems(load_library(root))
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("strengths.yaml", "'no-such-claim' is neither a field nor a claim defined under "
                           "claims:")]
    assert problems[0].line is not None


def test_every_claim_paragraph_in_the_library_declares_a_field_or_a_claim(letters):
    claiming = [v for slot in LetterSlot for v in letters.variants_for(slot)
                if find_claim(v.text)]
    assert len(claiming) >= 8
    for variant in claiming:
        assert variant.needs, variant.id
        assert set(variant.needs) <= set(PERSONAL_FIELDS) | set(letters.claims), variant.id


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_claim_paragraphs_are_offered_only_when_their_support_is_given(letters, letter_type):
    recipe = LetterRecipe(letter_type=letter_type, person={"name": "Sam"},
                          subthemes=["self-stigma", "stuck-here-and-now"])
    for slot in letters.letter_type(letter_type).slots:  # nothing filled in, nothing ticked
        offered = [o for o in paragraph_options(letters, recipe, slot) if o.available]
        assert not [o.id for o in offered if find_claim(o.text)]
    letter = compose_letter(letters, recipe, TODAY)
    for paragraph in letter.paragraphs:
        assert find_claim(paragraph.text) is None, paragraph.variant_id


def test_the_self_stigma_theme_alone_no_longer_puts_words_in_their_mouth(library):
    recipe = load_letter_recipe(EXAMPLES / "letter-after-conversation.yaml")
    assert "self-stigma" in recipe.subthemes and not recipe.said
    letter = compose_letter(library, recipe, TODAY)
    text = " ".join(p.text for p in letter.paragraphs)
    assert "You said that you blame yourself" not in text
    assert "blame themselves" in text  # a general statement for the theme instead
    ticked = compose_letter(library, recipe.model_copy(update={"said": ["blames-self"]}), TODAY)
    assert "You said that you blame yourself." in " ".join(p.text for p in ticked.paragraphs)


def test_a_ticked_claim_is_used_even_without_its_theme(letters):
    recipe = LetterRecipe(letter_type="after-conversation", said=["blames-self"])
    letter = compose_letter(letters, recipe, TODAY)
    judged = next(p for p in letter.paragraphs if p.slot == "feeling_judged")
    assert judged.variant_id == "judged-carry-shame"
    assert letter.unused == ()


def test_choosing_a_claim_paragraph_that_is_not_ticked_is_an_error(letters):
    recipe = LetterRecipe(letter_type="after-conversation",
                          paragraphs={"feeling_judged": "judged-carry-shame"})
    with pytest.raises(RecipeError, match="needs 'blames-self' ticked under said:"):
        compose_letter(letters, recipe, TODAY)


def test_an_unknown_claim_in_a_recipe_is_an_error(letters):
    with pytest.raises(RecipeError, match="said: unknown 'said-hello'; use one of "
                                          "blames-self, went-differently"):
        compose_letter(letters, LetterRecipe(letter_type="hand-over", said=["said-hello"]),
                       TODAY)
