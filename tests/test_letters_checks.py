"""Checks shown beside a letter: stigma, reading ease, length, orders, consent."""

from __future__ import annotations

import datetime as dt

import pytest

from outreach_kit.letters.checks import CONSENT_REMINDER, check_letter, find_commands
from outreach_kit.letters.compose import compose_letter
from outreach_kit.letters.library import letter_library
from outreach_kit.letters.recipe import LetterRecipe

TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


def compose(letters, **edited):
    recipe = LetterRecipe.model_validate({
        "letter_type": "after-conversation",
        "person": {"name": "Sam", "their_words": "I just want some peace"},
        "edited": edited})
    return compose_letter(letters, recipe, TODAY)


def test_library_letter_is_all_clear(letters):
    checks = check_letter(compose(letters))
    assert checks.all_clear
    assert checks.stigma_count == 0
    assert checks.commands == []
    assert all(p.reading_ease is not None and p.reading_ease >= 60 for p in checks.paragraphs)
    assert checks.total_words == sum(p.words for p in checks.paragraphs) > 100
    assert checks.summary_lines()[-1] == "No wording problems found."


def test_stigma_in_an_edited_paragraph_is_found_with_a_suggestion(letters):
    checks = check_letter(compose(letters, opening="Most addicts I meet are kind. You are too."))
    opening = checks.paragraphs[0]
    assert opening.edited
    assert [f.term_id for f in opening.stigma] == ["addict"]
    assert "person who uses drugs" in opening.stigma_suggestions()[0]
    assert not checks.all_clear
    assert any("paragraph 1 (opening)" in line for line in checks.summary_lines())


def test_hard_paragraph_is_flagged(letters):
    hard = ("Notwithstanding considerable organisational complexities, interdisciplinary "
            "collaboration facilitates comprehensive individualised psychotherapeutic "
            "interventions addressing multidimensional vulnerabilities.")
    checks = check_letter(compose(letters, making_sense=hard))
    flagged = [p for p in checks.paragraphs if p.hard_to_read]
    assert [p.slot for p in flagged] == ["making_sense"]
    assert any("reading ease" in line for line in checks.summary_lines())


def test_a_hard_wrapped_paragraph_is_scored_as_one_piece_of_text(letters):
    hard = ("Notwithstanding considerable organisational complexities, interdisciplinary "
            "collaboration facilitates comprehensive individualised psychotherapeutic "
            "interventions addressing multidimensional vulnerabilities.")
    wrapped = "\n".join(hard.split())  # one word a line: would look like one-word sentences
    one_line, hard_wrapped = (check_letter(compose(letters, making_sense=text))
                              for text in (hard, wrapped))
    score = {p.slot: p.reading_ease for p in one_line.paragraphs}["making_sense"]
    wrapped_score = {p.slot: p.reading_ease for p in hard_wrapped.paragraphs}["making_sense"]
    assert wrapped_score == score
    assert [p.slot for p in hard_wrapped.paragraphs if p.hard_to_read] == ["making_sense"]


def test_curly_apostrophes_in_orders_are_found():
    (finding,) = find_commands("Don\u2019t forget to ring me.")
    assert finding.phrase == "Don\u2019t forget to"
    (finding,) = find_commands("Don\u02bct forget to ring me.")  # a modifier apostrophe
    assert finding.gentler == "you might want to"


@pytest.mark.parametrize(("text", "phrase", "gentler"), [
    ("Then you must call me.", "you must", "you might like to"),
    ("I think you should rest.", "you should", "you could"),
    ("You need to eat.", "You need to", "it might help to"),
    ("you have to try", "you have to", "you could"),
    ("You’ve got to come in.", "You’ve got to", "you could"),
    ("Make sure you lock up.", "Make sure you", "it may help to"),
    ("Don't forget to ring.", "Don't forget to", "you might want to"),
])
def test_orders_are_flagged_with_a_gentler_alternative(text, phrase, gentler):
    [finding] = find_commands(text, paragraph=3)
    assert finding.phrase == phrase
    assert finding.gentler == gentler
    assert finding.paragraph == 3
    assert str(finding).startswith("paragraph 3, line 1:")


def test_order_line_and_column_are_reported():
    [finding] = find_commands("First line.\nAnd then you should go.")
    assert (finding.line, finding.column) == (2, 10)


@pytest.mark.parametrize("text", [
    "You do not have to do anything.", "You could, if you like.", "It is up to you.",
    "Nobody must judge you.", "The shop you mustered", "If you would like, we could meet.",
])
def test_invitations_are_not_flagged(text):
    assert find_commands(text) == []


def test_orders_in_an_edited_letter(letters):
    checks = check_letter(compose(letters, next_step="You need to come on Monday."))
    assert [c.phrase for c in checks.commands] == ["You need to"]


def test_consent_reminder_is_given(letters):
    assert CONSENT_REMINDER.startswith("Only send this letter if the person has agreed")
    assert check_letter(compose(letters)).consent_reminder == CONSENT_REMINDER


def test_summary_never_repeats_whole_paragraphs(letters):
    private = "Mhairi told me about the flat on Dundas Street."
    checks = check_letter(compose(letters, opening=private))
    assert all("Dundas" not in line for line in checks.summary_lines())
