"""The letter library in content/letters/: complete, tagged, plain and free of stigma."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_kit.content.loader import load_file
from outreach_kit.language import find_stigma, readability
from outreach_kit.letters.checks import find_commands
from outreach_kit.letters.library import letter_library, letter_problems
from outreach_kit.letters.schema import (
    PLACEHOLDERS,
    LetterLibraryFile,
    LetterSlot,
    LetterType,
    placeholders_in,
    with_samples,
)

FIXTURES = Path(__file__).parent / "fixtures" / "letters"


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


def all_variants(letters):
    return [(slot, v) for slot in LetterSlot for v in letters.variants_for(slot)]


def test_letter_files_load_without_problems(library, content_dir):
    letter_dir = str(content_dir / "letters")
    assert [str(p) for p in library.problems if p.path.startswith(letter_dir)] == []
    assert len(library.items_of(LetterLibraryFile)) >= 2
    _, problems = letter_problems(library)
    assert problems == []


def test_every_letter_type_is_defined_with_a_sign_off_last(letters):
    assert set(letters.types) == set(LetterType)
    for kind in letters.types.values():
        assert kind.slots[0] is LetterSlot.OPENING
        assert kind.slots[-1] is LetterSlot.SIGN_OFF
        assert "{name}" in kind.greeting


@pytest.mark.parametrize("slot", list(LetterSlot))
def test_every_slot_has_at_least_three_variants(letters, slot):
    assert len(letters.variants_for(slot)) >= 3


def test_every_slot_of_every_type_has_a_paragraph_for_that_type(letters):
    for kind in letters.types.values():
        for slot in kind.slots:
            assert any(kind.id in v.letter_types for v in letters.variants_for(slot)), (
                kind.id, slot)


def test_variants_are_tagged_to_real_subthemes(letters, library):
    tagged = [v for _, v in all_variants(letters) if v.subthemes]
    assert len(tagged) >= 15
    for variant in tagged:
        assert set(variant.subthemes) <= set(library.subthemes), variant.id
    # together the variants speak to every category of the model
    categories = {library.category_of(s).id for v in tagged for s in v.subthemes}
    assert categories == {c.id for c in library.categories.values() if c.research}


def test_placeholders_are_whitelisted_and_personal_fields_are_used(letters):
    used = set()
    for _, variant in all_variants(letters):
        assert set(placeholders_in(variant.text)) <= set(PLACEHOLDERS)
        used.update(placeholders_in(variant.text))
    assert {"their_words", "strengths", "what_matters", "next_step", "new_worker"} <= used


def test_their_words_end_the_paragraph_in_quotes(letters):
    """The person's words keep their own punctuation: nothing is added after the quote."""
    for variant in letters.variants_for(LetterSlot.WHAT_I_HEARD):
        assert variant.text.endswith("“{their_words}”"), variant.id


@pytest.mark.parametrize("slot", [s for s in LetterSlot if s is not LetterSlot.SIGN_OFF])
def test_every_paragraph_reads_easily(letters, slot):
    for variant in letters.variants_for(slot):
        score = readability(with_samples(variant.text))
        assert score.reading_ease >= 60, (variant.id, score.reading_ease)
        assert score.longest_sentence_words <= 25, variant.id


def test_no_paragraph_uses_stigmatising_words_or_orders(letters):
    for _, variant in all_variants(letters):
        text = with_samples(variant.text)
        assert find_stigma(text) == [], variant.id
        assert find_commands(text) == [], variant.id
    for kind in letters.types.values():
        assert find_stigma(kind.greeting) == []


def test_written_together_guidance_covers_dissociation(letters):
    guidance = " ".join(letters.letter_type(LetterType.WRITTEN_TOGETHER).guidance).lower()
    assert "dissociate" in guidance
    assert "in the session" in guidance
    assert "homework" in guidance


def test_every_type_reminds_the_worker_about_agreement(letters):
    for kind in letters.types.values():
        assert "agree" in " ".join(kind.guidance).lower(), kind.id


def test_letter_files_record_review_and_sources(library):
    for item in library.items_of(LetterLibraryFile):
        assert item.author
        assert item.sources
        assert item.next_review > item.last_reviewed


def test_unknown_placeholder_is_an_error_with_file_and_line():
    item, problems, _ = load_file(FIXTURES / "bad-placeholder.yaml", LetterLibraryFile)
    assert item is None
    assert len(problems) == 1
    problem = problems[0]
    assert problem.line == 15
    assert problem.field == "slots[0].variants[0].text"
    assert "unknown placeholder '{nickname}'" in problem.message


def test_stray_brace_and_bad_letter_type_are_errors():
    item, problems, _ = load_file(FIXTURES / "bad-variant.yaml", LetterLibraryFile)
    assert item is None
    messages = {p.field: p.message for p in problems}
    assert "not part of a placeholder" in messages["slots[0].variants[0].text"]
    assert "slots[0].variants[1].letter_types[0]" in messages


def test_unknown_subtheme_in_a_letter_file_is_reported(tmp_path, content_dir):
    import shutil

    from outreach_kit.content import load_library

    root = tmp_path / "content"
    shutil.copytree(content_dir, root)
    text = (root / "letters" / "open-door.yaml").read_text()
    text = text.replace("subthemes: [choice-and-control, accessibility]",
                        "subthemes: [choice-and-control, no-such-theme]")
    (root / "letters" / "open-door.yaml").write_text(text)
    library = load_library(root)
    found = [p for p in library.problems if p.path.endswith("open-door.yaml")]
    assert [p.message for p in found] == ["unknown subtheme 'no-such-theme'"]
    assert found[0].field.endswith("subthemes[1]")
