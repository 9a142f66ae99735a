"""The participant handout: what participants read, with space to write.

Built only from participant-facing fields (see ``TrainingFile.client_text``): never
facilitator notes, preparation, quiz answers or which choice is correct.
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
    WriteIn,
    content_text,
)
from .common import (
    NES_FRAMEWORK,
    NES_LABELS,
    SessionMaterial,
    contents,
    cover,
    document_meta,
    timed_segments,
)
from .schema import Exercise, MondayCard, Quiz, Session, Vignette

ROLE = "Participant handout"


def _about(session: Session) -> Section:
    outcomes = tuple(
        content_text(f"{o.text} (NES level: {NES_LABELS[o.nes_level]})")
        for o in session.learning_outcomes
    )
    plan = tuple(
        content_text(f"{segment.title} ({segment.minutes} minutes)")
        for _, _, segment in timed_segments(session)
    )
    return Section(
        id="about",
        title="About this session",
        intro=content_text(session.summary),
        time_needed_minutes=session.minutes,
        blocks=(
            Callout((content_text(session.wellbeing_note),), content_text("Looking after yourself"),
                    Tone.SAFETY),
            Heading(content_text("What you will learn")),
            BulletList(outcomes),
            Heading(content_text("The plan")),
            Steps(plan),
        ),
    )


def _activities(session: Session) -> Section:
    blocks: list[Block] = []
    for _, _, segment in timed_segments(session):
        blocks += [
            Heading(content_text(f"{segment.title} ({segment.minutes} minutes)")),
            Paragraph(content_text(segment.participant_activity)),
            WriteIn(content_text("Your notes"), lines=3),
        ]
    return Section(id="activities", title="Activities and notes", blocks=tuple(blocks))


def _vignette(vignette: Vignette) -> Section:
    blocks: list[Block] = [Paragraph(content_text(p)) for p in vignette.story]
    blocks.append(Heading(content_text("Talk it through")))
    blocks += [WriteIn(content_text(q), lines=3) for q in vignette.discussion_questions]
    return Section(
        id=f"vignette-{vignette.id}",
        title=vignette.title,
        intro=content_text("A made-up story. Any likeness to a real person is a coincidence."),
        content_warning=vignette.content_warning or "",
        blocks=tuple(blocks),
    )


def _exercise(exercise: Exercise) -> Section:
    blocks: list[Block] = [Paragraph(content_text(exercise.intro))]
    if exercise.safety_note:
        blocks.append(Callout((content_text(exercise.safety_note),),
                              content_text("You choose"), Tone.SAFETY))
    blocks += [WriteIn(content_text(p.text), lines=p.lines) for p in exercise.prompts]
    return Section(id=f"exercise-{exercise.id}", title=exercise.title,
                   time_needed_minutes=exercise.minutes, blocks=tuple(blocks))


def _quiz(quiz: Quiz) -> Section:
    blocks: list[Block] = [Paragraph(content_text(quiz.intro))]
    for number, question in enumerate(quiz.questions, start=1):
        blocks.append(WriteIn(
            content_text(f"{number}. {question.question}"),
            lines=0 if question.choices else 3,
            choices=tuple(content_text(c) for c in question.choices),
        ))
    return Section(id=f"quiz-{quiz.id}", title=quiz.title, blocks=tuple(blocks))


def _cards(cards: list[MondayCard]) -> Section:
    blocks: list[Block] = [
        Callout((content_text(card.action), content_text(card.why)),
                content_text(card.title), Tone.TIP)
        for card in cards
    ]
    blocks.append(WriteIn(content_text("The one thing I will try next week:"), lines=3))
    return Section(id="monday-cards", title="Try this on Monday", blocks=tuple(blocks))


def _further_reading(material: SessionMaterial) -> Section:
    titles = [NES_FRAMEWORK] + [
        s.title for s in material.file.sources if "Transforming Psychological Trauma" not in s.title
    ]
    return Section(
        id="further-reading",
        title="Where this comes from",
        blocks=(BulletList(tuple(content_text(t) for t in titles)),),
    )


def participant_handout(library: ContentLibrary, session_id: str) -> Document:
    """The handout for ``session_id``: no answers, no facilitator notes, space to write."""
    material = SessionMaterial.load(library, session_id)
    session, kit = material.session, material.kit
    sections: list[Section] = [contents(), _about(session), _activities(session)]
    sections += [_vignette(v) for v in kit.session_vignettes(session)]
    sections += [_exercise(e) for e in kit.session_exercises(session)]
    sections += [_quiz(q) for q in kit.session_quizzes(session)]
    if cards := kit.session_cards(session):
        sections.append(_cards(cards))
    sections.append(_further_reading(material))
    return Document(
        kind="training-participant",
        meta=document_meta(library, material, ROLE),
        sections=tuple(s for s in sections if s.kind is not SectionKind.NOTES),
        cover=cover(material, ROLE),
        labels=library.fixed_wording().labels(),
    )
