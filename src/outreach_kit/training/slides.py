"""Session slides as PPTX (python-pptx), every slide with speaker notes.

The slides are the same for both audiences. The speaker notes differ:
- facilitator deck: the facilitator notes, vignette notes and quiz answers;
- participant deck (for sharing after a session): only participant-facing words (the
  activity, the story, the exercise introduction), never notes or answers.

Slides are 16:9 with titles at 36 pt (32 pt when long) and body text at 24 pt (20 pt for
longer text). Titles sit in title placeholders so screen readers find each slide's title.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.presentation import Presentation as PresentationType
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from ..content.library import ContentLibrary
from .common import (
    Audience,
    SessionMaterial,
    clock,
    length_label,
    outcome_line,
    timed_segments,
)
from .schema import ATTACHMENT_LABELS, Exercise, MondayCard, Quiz, Segment, Vignette

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.7)
BODY_WIDTH = Emu(WIDTH - 2 * MARGIN)
TITLE_PT, LONG_TITLE_PT, BODY_PT, LONG_BODY_PT, SMALL_PT = 36, 32, 24, 20, 18
# Above these, text drops a size so that it stays on the slide.
LONG_TITLE_CHARS, LONG_TEXT_CHARS, MANY_ITEMS = 45, 520, 7
INK = RGBColor(0x1A, 0x1A, 0x1A)  # type: ignore[no-untyped-call]  # unannotated in pptx
LAYOUT_TITLE, LAYOUT_TITLE_ONLY = 0, 5


@dataclass(frozen=True)
class SlideSpec:
    title: str
    body: Sequence[str]  # paragraphs or bullet points
    notes: str
    subtitle: str = ""


def _notes(audience: Audience, facilitator: Sequence[str], participant: Sequence[str]) -> str:
    chosen = facilitator if audience is Audience.FACILITATOR else participant
    return "\n\n".join(part for part in chosen if part)


def _segment_slides(material: SessionMaterial, audience: Audience) -> list[SlideSpec]:
    kit = material.kit
    slides: list[SlideSpec] = []
    seen: set[str] = set()
    for start, end, segment in timed_segments(material.session):
        slides.append(SlideSpec(
            title=segment.title,
            body=[f"{segment.minutes} minutes · {segment.method}", segment.participant_activity],
            notes=_notes(audience,
                         [f"{clock(start)} to {clock(end)}.", *segment.facilitator_notes],
                         [segment.participant_activity]),
        ))
        for vignette_id in segment.vignettes:
            if vignette_id not in seen:
                seen.add(vignette_id)
                slides.append(_vignette_slide(kit.vignettes[vignette_id], audience))
        for exercise_id in segment.exercises:
            if exercise_id not in seen:
                seen.add(exercise_id)
                slides.append(_exercise_slide(kit.exercises[exercise_id], audience))
        if segment.quiz and segment.quiz not in seen:
            seen.add(segment.quiz)
            slides += _quiz_slides(kit.quizzes[segment.quiz], audience)
        cards = [kit.cards[c] for c in segment.cards]
        if cards:
            slides.append(_cards_slide(segment, cards, audience))
    return slides


def _vignette_slide(vignette: Vignette, audience: Audience) -> SlideSpec:
    facilitator = [f"Attachment pattern: {ATTACHMENT_LABELS[vignette.attachment_pattern]}.",
                   *vignette.facilitator_notes]
    return SlideSpec(title=vignette.title, body=vignette.discussion_questions,
                     notes=_notes(audience, facilitator, vignette.story))


def _exercise_slide(exercise: Exercise, audience: Audience) -> SlideSpec:
    return SlideSpec(
        title=exercise.title,
        body=[p.text for p in exercise.prompts],
        notes=_notes(audience, [exercise.safety_note or "", *exercise.facilitator_notes],
                     [exercise.intro, exercise.safety_note or ""]),
    )


def _quiz_slides(quiz: Quiz, audience: Audience) -> list[SlideSpec]:
    slides = [SlideSpec(title=quiz.title, body=[quiz.intro],
                        notes=_notes(audience, [quiz.intro], [quiz.intro]))]
    for number, question in enumerate(quiz.questions, start=1):
        right = " / ".join(question.choices[i] for i in question.correct)
        answer = [f"Answer: {right}." if right else "", question.answer]
        slides.append(SlideSpec(
            title=f"Question {number}",
            body=[question.question, *question.choices],
            notes=_notes(audience, answer, [f"{question.question} Talk it over with a partner."]),
        ))
    return slides


def _cards_slide(segment: Segment, cards: list[MondayCard], audience: Audience) -> SlideSpec:
    details = [f"{card.title}: {card.action}" for card in cards]
    return SlideSpec(title="Try this on Monday", body=[card.title for card in cards],
                     notes=_notes(audience, [*segment.facilitator_notes, *details], details))


def _slide_specs(material: SessionMaterial, audience: Audience) -> list[SlideSpec]:
    session = material.session
    plan = [f"{clock(start)}  {segment.title}" for start, _, segment in timed_segments(session)]
    opening = [
        SlideSpec(
            title=session.title,
            subtitle=f"{length_label(session.minutes)} · {session.audience}",
            body=[],
            notes=_notes(audience, ["Before you start:", *session.preparation],
                         [session.summary]),
        ),
        SlideSpec(title="Looking after yourself", body=[session.wellbeing_note],
                  notes=_notes(audience, ["Read this out slowly.", session.wellbeing_note],
                               [session.wellbeing_note])),
        SlideSpec(title="What you will learn",
                  body=[o.text for o in session.learning_outcomes],
                  notes="\n\n".join(outcome_line(o) for o in session.learning_outcomes)),
        SlideSpec(title="The plan", body=plan,
                  notes=_notes(audience, [f"Total {session.minutes} minutes."],
                               [session.summary])),
    ]
    return opening + _segment_slides(material, audience)


# ---------------------------------------------------------------------------- drawing


def _place(shape: BaseShape, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top = Emu(left), Emu(top)
    shape.width, shape.height = Emu(width), Emu(height)


def _write(frame: TextFrame, lines: Sequence[str], size: int, bold_first: bool = False) -> None:
    frame.word_wrap = True
    for i, line in enumerate(lines):
        # add_paragraph is unannotated in python-pptx
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        paragraph.space_after = Pt(size // 2)
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.color.rgb = INK
        run.font.bold = bold_first and i == 0


def _title_slide(deck: PresentationType, spec: SlideSpec) -> Slide:
    slide: Slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE])
    title, subtitle = slide.placeholders[0], slide.placeholders[1]
    _place(title, MARGIN, Inches(2.0), WIDTH - 2 * MARGIN, Inches(2.0))
    _place(subtitle, MARGIN, Inches(4.2), WIDTH - 2 * MARGIN, Inches(1.6))
    title.text_frame.clear()
    _write(title.text_frame, [spec.title], 40, bold_first=True)
    subtitle.text_frame.clear()
    _write(subtitle.text_frame, [spec.subtitle], BODY_PT)
    return slide


def _content_slide(deck: PresentationType, spec: SlideSpec) -> Slide:
    slide: Slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_ONLY])
    title = slide.shapes.title
    assert title is not None  # the title-only layout always has a title placeholder
    _place(title, MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.35))
    title.text_frame.clear()
    title_pt = LONG_TITLE_PT if len(spec.title) > LONG_TITLE_CHARS else TITLE_PT
    _write(title.text_frame, [spec.title], title_pt, bold_first=True)
    if spec.body:
        long = sum(len(b) for b in spec.body) > LONG_TEXT_CHARS or len(spec.body) > MANY_ITEMS
        size = LONG_BODY_PT if long else BODY_PT
        box = slide.shapes.add_textbox(MARGIN, Inches(1.8), BODY_WIDTH, Inches(4.9))
        _write(box.text_frame, spec.body, size)
    return slide


def _footer(slide: Slide, text: str) -> None:
    box = slide.shapes.add_textbox(MARGIN, Emu(HEIGHT - Inches(0.6)), BODY_WIDTH, Inches(0.4))
    _write(box.text_frame, [text], SMALL_PT)


def _set_properties(deck: PresentationType, library: ContentLibrary,
                    material: SessionMaterial, audience: Audience) -> None:
    props = deck.core_properties
    session, file = material.session, material.file
    stamp = dt.datetime.combine(file.last_reviewed, dt.time(9, 0))
    props.title = session.title
    props.subject = f"Outreach Kit training session ({audience.value} slides)"
    props.author = file.author
    props.last_modified_by = file.author
    props.keywords = f"training; attachment; trauma-informed practice; {session.id}"
    props.category = "Training"
    props.language = "en-GB"
    props.comments = (f"Content version {library.content_version}. "
                      f"Next review due {file.next_review:%d %B %Y}.")
    props.created = props.modified = stamp
    props.revision = 1


def session_slides(library: ContentLibrary, session_id: str,
                   audience: Audience | str = Audience.FACILITATOR) -> bytes:
    """The slide deck for ``session_id`` as PPTX bytes."""
    audience = Audience(audience)
    material = SessionMaterial.load(library, session_id)
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    specs = _slide_specs(material, audience)
    for number, spec in enumerate(specs, start=1):
        slide = _title_slide(deck, spec) if number == 1 else _content_slide(deck, spec)
        _footer(slide, f"{material.session.title} · {number} of {len(specs)}")
        notes = slide.notes_slide.notes_text_frame
        if notes is not None:  # the default template always has a notes placeholder
            notes.text = spec.notes
    _set_properties(deck, library, material, audience)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()

