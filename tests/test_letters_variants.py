"""Letters that do not read like forms: three or more paragraphs for every part, chosen to fit
what was entered, switchable by the worker; two letter types share at most one sentence."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from outreach_kit.errors import RecipeError
from outreach_kit.letters.compose import compose_letter
from outreach_kit.letters.library import letter_library
from outreach_kit.letters.options import choose_paragraph, letter_claims, paragraph_options
from outreach_kit.letters.recipe import LetterRecipe
from outreach_kit.letters.schema import LetterSlot, LetterType

TODAY = dt.date(2026, 11, 26)
FULL_PERSON = {
    "name": "Sam",
    "their_words": "I just want a bit of peace",
    "strengths": ["you are funny", "you look after your dog"],
    "what_matters": "your dog",
    "next_step": "go for a walk",
    "new_worker": "Jo",
}
# The part of the letter that carries each of the worker's fields.
FIELD_SLOTS = {LetterSlot.WHAT_I_HEARD: "their_words", LetterSlot.STRENGTHS: "strengths",
               LetterSlot.WHAT_MATTERS: "what_matters", LetterSlot.NEXT_STEP: "next_step"}


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


def full(letter_type: LetterType, **changes) -> LetterRecipe:
    data = {"letter_type": letter_type, "person": FULL_PERSON,
            "letterhead": {"organisation": "The Hub"}, "signer": {"name": "Alex"}}
    return LetterRecipe.model_validate(data | changes)


def type_slots(letters):
    return [(kind.id, slot) for kind in letters.types.values() for slot in kind.slots]


def test_every_part_of_every_letter_type_has_three_paragraphs_or_more(letters):
    for letter_type, slot in type_slots(letters):
        written = [v.id for v in letters.variants_for(slot) if letter_type in v.letter_types]
        assert len(written) >= 3, (letter_type, slot, written)


def test_with_everything_filled_in_the_worker_can_switch_between_three_or_more(letters):
    for letter_type, slot in type_slots(letters):
        options = paragraph_options(letters, full(letter_type), slot)
        usable = [o for o in options if o.available and o.suits_themes]
        assert len(usable) >= 3, (letter_type, slot)
        field = FIELD_SLOTS.get(slot)
        if field:  # switching never has to drop the worker's words
            value = FULL_PERSON[field] if field != "strengths" else "you are funny"
            carrying = [o for o in usable if value in o.text]
            assert len(carrying) >= 3, (letter_type, slot)


def test_options_put_the_worker_words_first_and_mark_the_starting_paragraph(letters):
    recipe = full(LetterType.AFTER_CONVERSATION, subthemes=["stuck-here-and-now"])
    options = paragraph_options(letters, recipe, LetterSlot.STRENGTHS)
    assert "you are funny" in options[0].text  # before the theme's paragraph
    starting = [o for o in options if o.starts_with]
    assert [o.id for o in starting] == [options[0].id]
    letter = compose_letter(letters, recipe, TODAY)
    used = next(p for p in letter.paragraphs if p.slot == "strengths")
    assert used.variant_id == starting[0].id


def test_options_say_what_a_paragraph_still_needs_in_worker_words(letters):
    recipe = LetterRecipe(letter_type="after-conversation")
    options = {o.id: o for o in paragraph_options(letters, recipe, "what_i_heard")}
    assert options["heard-stayed-with-me"].missing == ("fill in: Their own words",)
    assert "{their_words}" in options["heard-stayed-with-me"].text
    judged = {o.id: o for o in paragraph_options(letters, recipe, "feeling_judged")}
    assert judged["judged-carry-shame"].missing == ("tick: They said they blame themselves",)
    assert not judged["judged-carry-shame"].available
    assert judged["judged-many-blame"].available and not judged["judged-many-blame"].suits_themes


def test_the_starting_paragraph_follows_what_was_entered(letters):
    def starts(recipe, slot):
        return next(o.id for o in paragraph_options(letters, recipe, slot) if o.starts_with)

    bare = LetterRecipe(letter_type="after-conversation")
    assert starts(bare, "next_step") != starts(full("after-conversation"), "next_step")
    assert starts(bare, "making_sense") != starts(
        bare.model_copy(update={"subthemes": ["physical-pain"]}), "making_sense")
    # the same letter part reads differently in each letter type
    openings = {starts(full(t), "opening") for t in LetterType}
    assert len(openings) == len(LetterType)


def test_choose_paragraph_pins_one_and_none_goes_back(letters):
    recipe = full(LetterType.REACHING_OUT)
    pinned = choose_paragraph(letters, recipe, "next_step", "next-no-pressure")
    assert pinned.paragraphs == {LetterSlot.NEXT_STEP: "next-no-pressure"}
    letter = compose_letter(letters, pinned, TODAY)
    step = next(p for p in letter.paragraphs if p.slot == "next_step")
    assert step.variant_id == "next-no-pressure"
    assert "go for a walk" in step.text
    assert choose_paragraph(letters, pinned, "next_step", None).paragraphs == {}


@pytest.mark.parametrize(("slot", "variant_id", "message"), [
    ("next_step", "next-meet-new-worker", "no paragraph 'next-meet-new-worker'"),  # hand-over
    ("opening", "next-no-pressure", "no paragraph 'next-no-pressure'"),
    ("feeling_judged", "judged-carry-shame", "needs you to tick: They said they blame"),
])
def test_choose_paragraph_refuses_what_cannot_be_used(letters, slot, variant_id, message):
    with pytest.raises(RecipeError, match=message):
        choose_paragraph(letters, full(LetterType.AFTER_CONVERSATION), slot, variant_id)


def test_letter_claims_are_the_tickable_things_said(library):
    claims = {c.id: c.label for c in letter_claims(library)}
    assert claims == {"blames-self": "They said they blame themselves",
                      "went-differently": "They told you about a time things went a bit "
                                          "differently"}


def sentences(letter) -> set[str]:
    found = {letter.sign_off}
    for paragraph in letter.paragraphs:
        text = " ".join(paragraph.text.split())
        found.update(s for s in re.split(r"(?<=[.!?”])\s+", text) if s)
    return found


@pytest.mark.parametrize("said", [[], ["blames-self", "went-differently"]], ids=["", "said"])
def test_two_letter_types_share_at_most_one_sentence(letters, library, said):
    choices = [[], list(library.subthemes), *([s] for s in library.subthemes)]
    for themes in choices:
        composed = {t: compose_letter(letters, full(t, subthemes=themes, said=said), TODAY)
                    for t in LetterType}
        for a, b in itertools.combinations(LetterType, 2):
            shared = sentences(composed[a]) & sentences(composed[b])
            assert len(shared) <= 1, (themes, a, b, shared)
