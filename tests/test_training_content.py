"""Training content: schema rules, timings, ids and references, and the language checks."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from outreach_kit.content import load_library
from outreach_kit.content.loader import load_file
from outreach_kit.language import check_library, find_stigma, readability
from outreach_kit.training.kit import check_training, training_kit
from outreach_kit.training.schema import (
    AttachmentPattern,
    NesLevel,
    Principle,
    TrainingFile,
)

MODEL_SUBTHEMES = {
    "blocking-out", "predictability-safety", "physical-pain", "relational-trauma",
    "normalisation", "accessibility", "morality",
    "disconnection", "self-stigma", "connecting",
    "story-in-pieces", "choice-and-control", "stuck-here-and-now",
}
SESSIONS = {"intro-60": 60, "attachment-90": 90, "workshop-half-day": 210}


@pytest.fixture(scope="module")
def kit(library):
    return training_kit(library)


def training_files(library) -> list[tuple[TrainingFile, object]]:
    return [(i, s) for i, s in library.sources() if isinstance(i, TrainingFile)]


# ---------------------------------------------------------------------------- sessions


def test_the_three_sessions_exist_with_their_stated_lengths(kit):
    assert {sid: s.minutes for sid, s in kit.sessions.items()} == SESSIONS


@pytest.mark.parametrize("session_id", sorted(SESSIONS))
def test_segment_minutes_add_up_to_the_session_length(kit, session_id):
    session = kit.sessions[session_id]
    assert sum(segment.minutes for segment in session.segments) == session.minutes


def test_half_day_workshop_has_a_break_a_letter_task_and_reflective_practice(kit):
    session = kit.sessions["workshop-half-day"]
    methods = [s.method.lower() for s in session.segments]
    assert "break" in methods
    kinds = {kit.exercises[e].kind.value for e in session.exercise_ids}
    assert {"practice", "reflective", "supervision", "team-support"} <= kinds
    assert "therapeutic-letter-draft" in session.exercise_ids


def test_outcomes_map_to_nes_levels_and_principles(kit):
    for session in kit.sessions.values():
        for outcome in session.learning_outcomes:
            assert outcome.nes_level in (NesLevel.INFORMED, NesLevel.SKILLED)
            assert outcome.principles
    every_principle = {p for s in kit.sessions.values() for o in s.learning_outcomes
                       for p in o.principles}
    assert every_principle == set(Principle)


BAD_TIMINGS = textwrap.dedent("""\
    schema_version: 1
    author: "Test"
    last_reviewed: 2026-11-01
    next_review: 2029-11-01
    session:
      id: short-one
      title: "A session"
      audience: "Staff"
      summary: "About it."
      wellbeing_note: "Look after yourself."
      learning_outcomes:
        - {text: "One", nes_level: informed, principles: [safety]}
        - {text: "Two", nes_level: skilled, principles: [trust]}
      subthemes: [blocking-out]
      preparation: ["Print things."]
      segments:
        - {title: "A", minutes: 20, method: "Talk", participant_activity: "Listen.",
           facilitator_notes: ["Talk."]}
        - {title: "B", minutes: 30, method: "Pairs", participant_activity: "Talk.",
           facilitator_notes: ["Listen."]}
      minutes: 60
    """)


def test_validator_rejects_segments_that_do_not_fill_the_session(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_TIMINGS)
    item, problems, _ = load_file(path, TrainingFile)
    assert item is None
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.path, problem.line, problem.field) == (str(path), 21, "session.minutes")
    assert "add up to 50 minutes" in problem.message
    assert "60" in problem.message
    assert str(problem).startswith(f"{path}:21: session.minutes:")


def test_validator_accepts_the_same_file_once_the_minutes_match(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(BAD_TIMINGS.replace("minutes: 60", "minutes: 50"))
    item, problems, _ = load_file(path, TrainingFile)
    assert problems == []
    assert item is not None and item.session.minutes == 50


def test_quiz_answer_must_point_at_a_real_choice(tmp_path):
    path = tmp_path / "quiz.yaml"
    path.write_text(textwrap.dedent("""\
        schema_version: 1
        author: "Test"
        last_reviewed: 2026-11-01
        next_review: 2029-11-01
        quizzes:
          - id: quiz-one
            title: "Quiz"
            intro: "Try it."
            questions:
              - {id: q-a, question: "One?", choices: ["x", "y"], correct: [2], answer: "y"}
              - {id: q-b, question: "Two?", answer: "Open."}
              - {id: q-c, question: "Three?", answer: "Open."}
              - {id: q-d, question: "Four?", answer: "Open."}
        """))
    _, problems, _ = load_file(path, TrainingFile)
    assert [(p.line, p.field) for p in problems] == [(10, "quizzes[0].questions[0].correct")]
    assert "correct choice 2 does not exist" in problems[0].message


# ---------------------------------------------------------------------------- materials


def test_at_least_six_vignettes_covering_every_attachment_pattern(kit):
    assert len(kit.vignettes) >= 6
    assert {v.attachment_pattern for v in kit.vignettes.values()} == set(AttachmentPattern)


def test_every_vignette_maps_to_valid_model_subthemes(kit, library):
    assert set(library.subthemes) == MODEL_SUBTHEMES  # the real model file is loaded
    for vignette in kit.vignettes.values():
        assert vignette.subthemes
        assert set(vignette.subthemes) <= MODEL_SUBTHEMES, vignette.id
        assert len(vignette.discussion_questions) >= 2
        assert vignette.facilitator_notes


def test_training_files_have_no_load_or_reference_problems(library, content_dir):
    training = str(content_dir / "training")
    assert [str(p) for p in library.problems if p.path.startswith(training)] == []
    assert check_training(library) == []


def test_every_session_names_existing_materials_and_model_subthemes(kit):
    for session in kit.sessions.values():
        assert set(session.subthemes) <= MODEL_SUBTHEMES
        assert set(session.vignette_ids) <= set(kit.vignettes)
        assert set(session.exercise_ids) <= set(kit.exercises)
        assert set(session.quiz_ids) <= set(kit.quizzes)
        assert set(session.card_ids) <= set(kit.cards)
        assert session.vignette_ids, session.id
        assert session.card_ids, session.id


def test_reflective_supervision_quiz_and_card_requirements(kit):
    kinds = [e.kind.value for e in kit.exercises.values()]
    assert {"reflective", "supervision", "team-support"} <= set(kinds)
    own = kit.exercises["own-attachment-style"]
    assert own.safety_note and "do not have to" in own.safety_note
    quiz = kit.quizzes["model-quiz"]
    assert 8 <= len(quiz.questions) <= 10
    assert all(q.answer for q in quiz.questions)
    assert len(kit.cards) >= 8


def _copy_training(content_dir: Path, tmp_path: Path) -> Path:
    root = tmp_path / "content"
    root.mkdir()
    for name in ("content.yaml", "model.yaml", "wording.yaml"):
        (root / name).write_text((content_dir / name).read_text())
    (root / "resources").mkdir()  # the services the wallet card names
    (root / "resources" / "scotland-national.yaml").write_text(
        (content_dir / "resources" / "scotland-national.yaml").read_text())
    (root / "language").mkdir()
    (root / "language" / "terms.yaml").write_text(
        (content_dir / "language" / "terms.yaml").read_text())
    (root / "training").mkdir()
    for path in (content_dir / "training").glob("*.yaml"):
        (root / "training" / path.name).write_text(path.read_text())
    return root


def test_cross_check_reports_unknown_materials_and_duplicate_ids(content_dir, tmp_path):
    root = _copy_training(content_dir, tmp_path)
    session_file = root / "training" / "intro-60.yaml"
    text = session_file.read_text()
    session_file.write_text(text.replace("vignettes: [davie-the-shield]",
                                         "vignettes: [davie-the-sheild]"))
    cards = root / "training" / "monday-cards.yaml"
    cards.write_text(cards.read_text().replace("id: five-minute-debrief",
                                               "id: name-a-strength"))
    library = load_library(root)
    problems = check_training(library)
    by_message = {p.message: p for p in problems}
    dangling = by_message["unknown vignette 'davie-the-sheild'"]
    expected_line = text.splitlines().index(
        "      vignettes: [davie-the-shield]") + 1
    assert (dangling.path, dangling.line) == (str(session_file), expected_line)
    assert dangling.field == "session.segments[3].vignettes[0]"
    with pytest.raises(Exception) as raised:
        training_kit(library)
    assert "davie-the-sheild" in str(raised.value)
    # a duplicate id inside one file is caught by the schema itself
    assert any(p.path == str(cards) and "is listed twice" in p.message
               for p in library.problems)


def test_loader_reports_unknown_subtheme_in_a_vignette(content_dir, tmp_path):
    root = _copy_training(content_dir, tmp_path)
    path = root / "training" / "vignettes.yaml"
    text = path.read_text()
    path.write_text(text.replace("subthemes: [predictability-safety, blocking-out, morality]",
                                 "subthemes: [predictability-safety, blocking-out, morals]"))
    library = load_library(root)
    found = [p for p in library.problems if "unknown subtheme 'morals'" in p.message]
    assert len(found) == 1
    assert found[0].field == "vignettes[0].subthemes[2]"


# ---------------------------------------------------------------------------- language


def test_no_stigmatising_language_in_any_training_text(library):
    assert library.terms is not None
    findings = []
    for item, source in training_files(library):
        for loc, text in [*item.client_text(), *item.facilitator_text()]:
            findings += [(source.path.name, loc, f.matched)
                         for f in find_stigma(text, library.terms)]
    assert findings == []


def test_participant_text_is_plain_and_staff_notes_readable(library):
    assert len(training_files(library)) == 7
    for item, source in training_files(library):
        client = "\n".join(" ".join(t.split()) for _, t in item.client_text())
        score = readability(client)
        assert score.reading_ease >= 60, (source.path.name, score.reading_ease)
        assert score.average_sentence_words < 20, source.path.name
        notes = [t for _, t in item.facilitator_text()]
        if notes:
            staff = readability("\n".join(" ".join(t.split()) for t in notes))
            assert staff.reading_ease >= 50, (source.path.name, staff.reading_ease)


def test_library_language_check_has_no_warnings_for_training(library, content_dir):
    training = str(content_dir / "training")
    assert [str(p) for p in check_library(library) if p.path.startswith(training)] == []
