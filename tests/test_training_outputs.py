"""Facilitator guide, participant handout (Document and PDF) and slides (PPTX)."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from outreach_kit.document import (
    BulletList,
    Callout,
    Document,
    Heading,
    Paragraph,
    SectionKind,
    Steps,
    WriteIn,
    plain,
)
from outreach_kit.errors import RecipeError
from outreach_kit.render.pdf import render_pdf
from outreach_kit.training.guide import facilitator_guide
from outreach_kit.training.handout import participant_handout
from outreach_kit.training.kit import training_kit
from outreach_kit.training.schema import TrainingFile
from outreach_kit.training.slides import session_slides

SESSIONS = ("intro-60", "attachment-90", "workshop-half-day")


def squash(text: str) -> str:
    """Compare text ignoring all whitespace (PDF text comes back with its own line breaks)."""
    return re.sub(r"\s+", "", text)


def block_text(block) -> list[str]:
    match block:
        case Heading(text=t) | Paragraph(text=t):
            return [plain(t)]
        case BulletList(items=items) | Steps(items=items):
            return [plain(i) for i in items]
        case Callout(body=body, title=title):
            return [plain(title), *(plain(b) for b in body)]
        case WriteIn(prompt=prompt, choices=choices):
            return [plain(prompt), *(plain(c) for c in choices)]
    return []


def document_text(document: Document, kinds: set[SectionKind] | None = None) -> str:
    parts: list[str] = []
    if document.cover:
        parts += [document.cover.title, document.cover.subtitle]
    for section in document.sections:
        if kinds is not None and section.kind not in kinds:
            continue
        parts += [section.title, plain(section.intro), section.content_warning]
        for block in section.blocks:
            parts += block_text(block)
    return "\n".join(parts)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture(scope="module")
def kit(library):
    return training_kit(library)


@pytest.fixture(scope="module")
def secrets(library) -> list[str]:
    """Every facilitator-only string in the training content: notes, preparation, answers."""
    found = []
    for item, _ in library.sources():
        if isinstance(item, TrainingFile):
            found += [text for _, text in item.facilitator_text()]
    assert len(found) > 100
    return found


def session_participant_text(kit, session_id: str) -> list[str]:
    session = kit.sessions[session_id]
    texts = [session.summary, session.wellbeing_note]
    texts += [s.participant_activity for s in session.segments]
    for vignette in kit.session_vignettes(session):
        texts += [*vignette.story, *vignette.discussion_questions]
    for exercise in kit.session_exercises(session):
        texts += [exercise.intro, *(p.text for p in exercise.prompts)]
    for quiz in kit.session_quizzes(session):
        texts += [q.question for q in quiz.questions]
    texts += [card.action for card in kit.session_cards(session)]
    return texts


def session_facilitator_text(kit, session_id: str) -> list[str]:
    session = kit.sessions[session_id]
    texts = [*session.preparation, *(n for s in session.segments for n in s.facilitator_notes)]
    for vignette in kit.session_vignettes(session):
        texts += vignette.facilitator_notes
    for exercise in kit.session_exercises(session):
        texts += exercise.facilitator_notes
    for quiz in kit.session_quizzes(session):
        texts += [q.answer for q in quiz.questions]
    return texts


# ---------------------------------------------------------------------------- handout


@pytest.mark.parametrize("session_id", SESSIONS)
def test_handout_document_has_no_facilitator_text(library, kit, secrets, session_id):
    handout = participant_handout(library, session_id)
    assert handout.kind == "training-participant"
    assert all(s.kind is not SectionKind.NOTES for s in handout.sections)
    text = squash(document_text(handout))
    leaked = [s for s in secrets if squash(s) in text]
    assert leaked == []
    assert "Answer:" not in document_text(handout)
    # and it does carry what participants need (so the check above is not vacuous)
    for expected in session_participant_text(kit, session_id):
        assert squash(expected) in text, expected[:60]


@pytest.mark.parametrize("session_id", SESSIONS)
def test_handout_pdf_has_no_facilitator_text(library, kit, secrets, session_id):
    data = render_pdf(participant_handout(library, session_id))
    text = squash(pdf_text(data))
    assert [s[:60] for s in secrets if squash(s) in text] == []
    for expected in session_participant_text(kit, session_id):
        assert squash(expected) in text, expected[:60]


def test_handout_has_space_to_write_and_unmarked_quiz_choices(library, kit):
    handout = participant_handout(library, "intro-60")
    write_ins = [b for s in handout.sections for b in s.blocks if isinstance(b, WriteIn)]
    quiz = kit.quizzes["model-quiz"]
    quiz_blocks = [b for b in write_ins if b.choices]
    assert len(quiz_blocks) == len(quiz.questions)
    for block, question in zip(quiz_blocks, quiz.questions, strict=True):
        assert [plain(c) for c in block.choices] == question.choices  # no mark on the right one
    davie = kit.vignettes["davie-the-shield"]
    prompts = {plain(b.prompt) for b in write_ins if b.lines > 0}
    assert set(davie.discussion_questions) <= prompts
    assert "Your notes" in prompts


# ---------------------------------------------------------------------------- guide


@pytest.mark.parametrize("session_id", SESSIONS)
def test_guide_has_every_note_and_answer_in_notes_sections(library, kit, session_id):
    guide = facilitator_guide(library, session_id)
    assert guide.kind == "training-facilitator"
    notes = squash(document_text(guide, {SectionKind.NOTES}))
    others = squash(document_text(guide, set(SectionKind) - {SectionKind.NOTES}))
    for secret in session_facilitator_text(kit, session_id):
        assert squash(secret) in notes, secret[:60]
        assert squash(secret) not in others, secret[:60]


def test_guide_timings_run_from_start_to_end(library):
    guide = facilitator_guide(library, "workshop-half-day")
    steps = next(b for b in guide.section("timings").blocks if isinstance(b, Steps))
    rows = [plain(i) for i in steps.items]
    assert rows[0].startswith("0:00 to 0:10 (10 min): Welcome")
    assert rows[-1].startswith("3:15 to 3:30 (15 min)")
    assert any("(15 min): Break" in r for r in rows)


def test_guide_pdf_contains_quiz_answers(library, kit):
    text = squash(pdf_text(render_pdf(facilitator_guide(library, "intro-60"))))
    for question in kit.quizzes["model-quiz"].questions:
        assert squash(question.answer) in text


def test_unknown_session_names_the_valid_ones(library):
    with pytest.raises(RecipeError) as raised:
        facilitator_guide(library, "no-such-session")
    message = str(raised.value)
    assert all(session_id in message for session_id in SESSIONS)


# ---------------------------------------------------------------------------- slides


@pytest.fixture(scope="module")
def deck_bytes(library):
    """Build each deck once per module (python-pptx takes about 60 ms a slide here)."""
    built: dict[tuple[str, str], bytes] = {}

    def build(session_id: str, audience: str = "facilitator") -> bytes:
        key = (session_id, audience)
        if key not in built:
            built[key] = session_slides(library, session_id, audience)
        return built[key]

    return build


def notes_of(deck) -> list[str]:
    return [slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
            for slide in deck.slides]


@pytest.mark.parametrize("session_id", SESSIONS)
def test_slides_open_and_every_slide_has_speaker_notes(deck_bytes, kit, session_id):
    deck = Presentation(io.BytesIO(deck_bytes(session_id)))
    session = kit.sessions[session_id]
    assert len(deck.slides) >= 4 + len(session.segments)
    assert all(note.strip() for note in notes_of(deck))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert titles[0] == session.title
    for segment in session.segments:
        assert segment.title in titles
    for vignette in kit.session_vignettes(session):
        assert vignette.title in titles
    notes = squash("\n".join(notes_of(deck)))
    for secret in session_facilitator_text(kit, session_id):
        assert squash(secret) in notes, secret[:60]
    props = deck.core_properties
    assert props.title == session.title
    assert props.author and props.language == "en-GB"


@pytest.mark.parametrize("session_id", SESSIONS)
def test_every_run_on_every_slide_is_readable_size(deck_bytes, session_id):
    deck = Presentation(io.BytesIO(deck_bytes(session_id)))
    sizes = [run.font.size for slide in deck.slides for shape in slide.shapes
             if shape.has_text_frame for p in shape.text_frame.paragraphs for run in p.runs]
    assert sizes and all(size is not None and size >= Pt(18) for size in sizes)
    assert deck.slide_width > deck.slide_height  # 16:9


@pytest.mark.parametrize("session_id", SESSIONS)
def test_participant_slides_keep_notes_but_no_facilitator_text(deck_bytes, secrets,
                                                               session_id):
    deck = Presentation(io.BytesIO(deck_bytes(session_id, "participant")))
    notes = notes_of(deck)
    assert all(note.strip() for note in notes)
    joined = squash("\n".join(notes))
    assert [s[:60] for s in secrets if squash(s) in joined] == []
    assert "Answer:" not in "\n".join(notes)
