"""The facilitator guide: overview, timings, segment notes, vignette notes and quiz answers.

Everything that only a facilitator should read (``TrainingFile.facilitator_text``) is placed
in sections of kind ``SectionKind.NOTES``, so renderers can mark it as facilitator-only.
"""

from __future__ import annotations

from ..content.library import ContentLibrary
from ..document import (
    Block,
    BulletList,
    Callout,
    Document,
    Heading,
    Paragraph,
    Section,
    SectionKind,
    Steps,
    Tone,
    content_text,
)
from .common import (
    NES_FRAMEWORK,
    SessionMaterial,
    clock,
    contents,
    cover,
    document_meta,
    outcome_line,
    subtheme_names,
    timed_segments,
)
from .schema import ATTACHMENT_LABELS, Exercise, MondayCard, Quiz, Segment, Session, Vignette

ROLE = "Facilitator guide"


def _bullets(items: list[str]) -> BulletList:
    return BulletList(tuple(content_text(i) for i in items))


def _overview(library: ContentLibrary, session: Session) -> Section:
    return Section(
        id="overview",
        title="Session overview",
        intro=content_text(session.summary),
        time_needed_minutes=session.minutes,
        blocks=(
            Paragraph(content_text(f"**Who it is for:** {session.audience}")),
            Callout((content_text(session.wellbeing_note),),
                    content_text("Read this out at the start"), Tone.SAFETY),
            Heading(content_text("Learning outcomes")),
            _bullets([outcome_line(o) for o in session.learning_outcomes]),
            Paragraph(content_text(f"Levels and principles follow {NES_FRAMEWORK}."),
                      style="small"),
            Heading(content_text("Parts of the model this session covers")),
            _bullets(subtheme_names(library, session.subthemes)),
        ),
    )


def _timings(session: Session) -> Section:
    rows = [
        f"{clock(start)} to {clock(end)} ({segment.minutes} min): {segment.title}. "
        f"{segment.method}."
        for start, end, segment in timed_segments(session)
    ]
    return Section(
        id="timings",
        title="Timings at a glance",
        intro=content_text(f"Total: {session.minutes} minutes."),
        blocks=(Steps(tuple(content_text(r) for r in rows)),),
    )


def _preparation(session: Session) -> Section:
    materials = list(dict.fromkeys(m for s in session.segments for m in s.materials))
    blocks: list[Block] = [Steps(tuple(content_text(p) for p in session.preparation))]
    if materials:
        blocks += [Heading(content_text("Materials")), _bullets(materials)]
    return Section(id="preparation", title="Before the session", kind=SectionKind.NOTES,
                   blocks=tuple(blocks))


def _uses(material: SessionMaterial, segment: Segment) -> list[str]:
    kit = material.kit
    uses = [f"Vignette: {kit.vignettes[v].title}" for v in segment.vignettes]
    uses += [f"Exercise: {kit.exercises[e].title}" for e in segment.exercises]
    if segment.quiz:
        uses.append(f"Quiz: {kit.quizzes[segment.quiz].title}")
    uses += [f"Card: {kit.cards[c].title}" for c in segment.cards]
    return uses


def _segment(material: SessionMaterial, number: int, start: int, end: int,
             segment: Segment) -> Section:
    blocks: list[Block] = [
        Heading(content_text("What participants do")),
        Paragraph(content_text(segment.participant_activity)),
        Heading(content_text("Facilitator notes")),
        _bullets(segment.facilitator_notes),
    ]
    if segment.materials:
        blocks += [Heading(content_text("Materials")), _bullets(segment.materials)]
    if uses := _uses(material, segment):
        blocks += [Heading(content_text("Uses")), _bullets(uses)]
    return Section(
        id=f"segment-{number}",
        title=f"{clock(start)} to {clock(end)}: {segment.title}",
        kind=SectionKind.NOTES,
        intro=content_text(f"{segment.minutes} minutes. {segment.method}."),
        time_needed_minutes=segment.minutes,
        blocks=tuple(blocks),
        new_page=number == 1,
    )


def _vignette(library: ContentLibrary, vignette: Vignette) -> Section:
    themes = "; ".join(subtheme_names(library, vignette.subthemes))
    blocks: list[Block] = [
        Paragraph(content_text(f"**Attachment pattern:** "
                               f"{ATTACHMENT_LABELS[vignette.attachment_pattern]}")),
        Paragraph(content_text(f"**Model:** {themes}")),
        Heading(content_text("The story")),
        *(Paragraph(content_text(p)) for p in vignette.story),
        Heading(content_text("Discussion questions")),
        _bullets(vignette.discussion_questions),
        Heading(content_text("Facilitator notes")),
        _bullets(vignette.facilitator_notes),
    ]
    return Section(id=f"vignette-{vignette.id}", title=f"Vignette: {vignette.title}",
                   kind=SectionKind.NOTES, content_warning=vignette.content_warning or "",
                   blocks=tuple(blocks))


def _exercise(exercise: Exercise) -> Section:
    blocks: list[Block] = [Paragraph(content_text(exercise.intro))]
    if exercise.safety_note:
        blocks.append(Callout((content_text(exercise.safety_note),),
                              content_text("Say this to the group"), Tone.SAFETY))
    blocks += [Heading(content_text("Prompts")), _bullets([p.text for p in exercise.prompts]),
               Heading(content_text("Facilitator notes")), _bullets(exercise.facilitator_notes)]
    return Section(id=f"exercise-{exercise.id}", title=f"Exercise: {exercise.title}",
                   kind=SectionKind.NOTES, time_needed_minutes=exercise.minutes,
                   blocks=tuple(blocks))


def _quiz_answers(quiz: Quiz) -> Section:
    blocks: list[Block] = []
    for number, question in enumerate(quiz.questions, start=1):
        blocks.append(Heading(content_text(f"{number}. {question.question}"), level=3))
        if question.choices:
            right = " / ".join(question.choices[i] for i in question.correct)
            blocks.append(Paragraph(content_text(f"**Answer:** {right}")))
        blocks.append(Paragraph(content_text(question.answer)))
    return Section(id=f"quiz-{quiz.id}-answers", title=f"Quiz answers: {quiz.title}",
                   kind=SectionKind.NOTES, blocks=tuple(blocks))


def _cards(cards: list[MondayCard]) -> Section:
    blocks = tuple(
        Callout((content_text(card.action), content_text(card.why),
                 content_text("Principles: " + ", ".join(p.value for p in card.principles))),
                content_text(card.title), Tone.TIP)
        for card in cards
    )
    return Section(id="monday-cards", title="Try this on Monday cards", blocks=blocks)


def _sources(material: SessionMaterial) -> Section:
    file = material.file
    lines = [s.title + (f" ({s.publisher})" if s.publisher else "") for s in file.sources]
    return Section(
        id="sources",
        title="Sources and review",
        blocks=(
            _bullets(lines),
            Paragraph(content_text(
                "All vignettes are made up. Any likeness to a real person is a coincidence.")),
            Paragraph(content_text(f"Written by {file.author}.")),
        ),
        last_reviewed=file.last_reviewed,
        next_review=file.next_review,
    )


def facilitator_guide(library: ContentLibrary, session_id: str) -> Document:
    """The facilitator guide for ``session_id``."""
    material = SessionMaterial.load(library, session_id)
    session, kit = material.session, material.kit
    sections: list[Section] = [contents(), _overview(library, session), _timings(session),
                               _preparation(session)]
    sections += [_segment(material, n, start, end, segment)
                 for n, (start, end, segment) in enumerate(timed_segments(session), start=1)]
    sections += [_vignette(library, v) for v in kit.session_vignettes(session)]
    sections += [_exercise(e) for e in kit.session_exercises(session)]
    sections += [_quiz_answers(q) for q in kit.session_quizzes(session)]
    if cards := kit.session_cards(session):
        sections.append(_cards(cards))
    sections.append(_sources(material))
    return Document(
        kind="training-facilitator",
        meta=document_meta(library, material, ROLE),
        sections=tuple(sections),
        cover=cover(material, ROLE),
        labels=library.fixed_wording().labels(),
    )
