"""The training schema: what each YAML file in ``content/training/`` may contain.

One file kind (``TrainingFile``) holds any mix of a session plan, vignettes, reflective
exercises, quizzes and "try this on Monday" cards, with who wrote it and when it is next due
a review. Participant-facing words come out of ``client_text()``; facilitator-only words
(notes, answers, preparation) out of ``facilitator_text()``, so tests can prove that the
handout never carries the second kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from typing import TypeVar

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..content.kinds import FileKind, register_kind
from ..content.schema import Id, Loc, Reviewed, ShortText, Strict, Text, VersionedFile

T = TypeVar("T")


class NesLevel(StrEnum):
    """Practice levels of NES "Transforming Psychological Trauma" (2017)."""

    INFORMED = "informed"
    SKILLED = "skilled"
    ENHANCED = "enhanced"
    SPECIALIST = "specialist"


class Principle(StrEnum):
    """The five trauma-informed principles."""

    SAFETY = "safety"
    TRUST = "trust"
    CHOICE = "choice"
    COLLABORATION = "collaboration"
    EMPOWERMENT = "empowerment"


class AttachmentPattern(StrEnum):
    DISMISSING_AVOIDANT = "dismissing-avoidant"
    PREOCCUPIED_ANXIOUS = "preoccupied-anxious"
    DISORGANISED = "disorganised"
    SECURE = "secure"


ATTACHMENT_LABELS: dict[AttachmentPattern, str] = {
    AttachmentPattern.DISMISSING_AVOIDANT: "Dismissing or avoidant",
    AttachmentPattern.PREOCCUPIED_ANXIOUS: "Preoccupied or anxious",
    AttachmentPattern.DISORGANISED: "Disorganised",
    AttachmentPattern.SECURE: "Secure (for contrast)",
}


class ExerciseKind(StrEnum):
    REFLECTIVE = "reflective"
    SUPERVISION = "supervision"
    TEAM_SUPPORT = "team-support"
    PRACTICE = "practice"  # a skills task, such as drafting a therapeutic letter


def _unique(values: list[T], what: str) -> list[T]:
    seen: set[T] = set()
    for value in values:
        if value in seen:
            raise ValueError(f"{what} '{value}' is listed twice")
        seen.add(value)
    return values


# ---------------------------------------------------------------------------- sessions


class LearningOutcome(Strict):
    text: ShortText
    nes_level: NesLevel
    principles: list[Principle] = Field(min_length=1)

    @field_validator("principles")
    @classmethod
    def _no_repeats(cls, values: list[Principle]) -> list[Principle]:
        return _unique(values, "principle")


class Segment(Strict):
    """One timed part of a session."""

    title: ShortText
    minutes: int = Field(ge=1, le=120)
    method: ShortText
    participant_activity: Text
    facilitator_notes: list[Text] = Field(min_length=1)
    materials: list[ShortText] = Field(default_factory=list)
    vignettes: list[Id] = Field(default_factory=list)
    exercises: list[Id] = Field(default_factory=list)
    quiz: Id | None = None
    cards: list[Id] = Field(default_factory=list)


class Session(Strict):
    """A session plan. ``segments`` comes before ``minutes`` so the check can see both."""

    id: Id
    title: ShortText
    audience: ShortText
    summary: Text
    wellbeing_note: Text
    learning_outcomes: list[LearningOutcome] = Field(min_length=2)
    subthemes: list[Id] = Field(min_length=1)
    preparation: list[Text] = Field(min_length=1)
    segments: list[Segment] = Field(min_length=2)
    minutes: int = Field(ge=15, le=480)

    @field_validator("subthemes")
    @classmethod
    def _no_repeated_subthemes(cls, values: list[str]) -> list[str]:
        return _unique(values, "subtheme")

    @field_validator("minutes")
    @classmethod
    def _segments_fill_the_session(cls, minutes: int, info: ValidationInfo) -> int:
        segments = info.data.get("segments")
        if segments is None:  # segments had their own errors
            return minutes
        total = sum(segment.minutes for segment in segments)
        if total != minutes:
            raise ValueError(
                f"the segments add up to {total} minutes but the session is {minutes} "
                f"minutes long; change a segment's minutes or the session's minutes so they match"
            )
        return minutes

    @property
    def vignette_ids(self) -> list[str]:
        return [v for s in self.segments for v in s.vignettes]

    @property
    def exercise_ids(self) -> list[str]:
        return [e for s in self.segments for e in s.exercises]

    @property
    def quiz_ids(self) -> list[str]:
        return [s.quiz for s in self.segments if s.quiz]

    @property
    def card_ids(self) -> list[str]:
        return [c for s in self.segments for c in s.cards]


# ---------------------------------------------------------------------------- materials


class Vignette(Strict):
    """A fictional person and situation; no real people."""

    id: Id
    title: ShortText
    attachment_pattern: AttachmentPattern
    subthemes: list[Id] = Field(min_length=1)
    content_warning: ShortText | None = None
    story: list[Text] = Field(min_length=1)
    discussion_questions: list[ShortText] = Field(min_length=2)
    facilitator_notes: list[Text] = Field(min_length=1)

    @field_validator("subthemes")
    @classmethod
    def _no_repeated_subthemes(cls, values: list[str]) -> list[str]:
        return _unique(values, "subtheme")


class Prompt(Strict):
    text: ShortText
    lines: int = Field(default=4, ge=0, le=20)


class Exercise(Strict):
    id: Id
    title: ShortText
    kind: ExerciseKind
    minutes: int = Field(ge=1, le=120)
    intro: Text
    safety_note: Text | None = None
    prompts: list[Prompt] = Field(min_length=1)
    facilitator_notes: list[Text] = Field(min_length=1)


class QuizQuestion(Strict):
    """A question; ``correct`` and ``answer`` are for the facilitator only."""

    id: Id
    question: ShortText
    choices: list[ShortText] = Field(default_factory=list, max_length=5)
    correct: list[int] = Field(default_factory=list)
    answer: Text

    @model_validator(mode="after")
    def _answer_matches_choices(self) -> QuizQuestion:
        if len(self.choices) == 1:
            raise ValueError("give two or more choices, or none for a written answer")
        if self.choices and not self.correct:
            raise ValueError("say which choice is correct (correct: [0] is the first)")
        if not self.choices and self.correct:
            raise ValueError("'correct' only makes sense when there are choices")
        for index in self.correct:
            if not 0 <= index < len(self.choices):
                raise ValueError(
                    f"correct choice {index} does not exist (choices count from 0 to "
                    f"{len(self.choices) - 1})"
                )
        return self


class Quiz(Strict):
    id: Id
    title: ShortText
    intro: Text
    questions: list[QuizQuestion] = Field(min_length=4, max_length=15)

    @field_validator("questions")
    @classmethod
    def _unique_question_ids(cls, questions: list[QuizQuestion]) -> list[QuizQuestion]:
        _unique([q.id for q in questions], "question id")
        return questions


class MondayCard(Strict):
    """A "try this on Monday" card: one small thing to do at work next week."""

    id: Id
    title: ShortText
    action: Text
    why: ShortText
    principles: list[Principle] = Field(min_length=1)


# ---------------------------------------------------------------------------- the file


class TrainingFile(Reviewed, VersionedFile):
    """One file in ``content/training/``."""

    session: Session | None = None
    vignettes: list[Vignette] = Field(default_factory=list)
    exercises: list[Exercise] = Field(default_factory=list)
    quizzes: list[Quiz] = Field(default_factory=list)
    cards: list[MondayCard] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content_and_sane_dates(self) -> TrainingFile:
        if self.next_review <= self.last_reviewed:
            raise ValueError("next_review must be after last_reviewed")
        if not (self.session or self.vignettes or self.exercises or self.quizzes or self.cards):
            raise ValueError(
                "the file holds nothing: add a session, vignettes, exercises, quizzes or cards"
            )
        ids = [item_id for _, _, item_id in self.items()]
        _unique(ids, "id")
        return self

    def items(self) -> Iterator[tuple[Loc, str, str]]:
        """(location, kind, id) of everything in this file that has an id."""
        if self.session:
            yield ("session", "id"), "session", self.session.id
        for name, kind in (("vignettes", "vignette"), ("exercises", "exercise"),
                           ("quizzes", "quiz"), ("cards", "card")):
            for i, item in enumerate(getattr(self, name)):
                yield (name, i, "id"), kind, item.id

    def references(self) -> Iterator[tuple[Loc, str, str]]:
        """Model subthemes named here (checked by the content loader)."""
        if self.session:
            for i, subtheme in enumerate(self.session.subthemes):
                yield ("session", "subthemes", i), "subtheme", subtheme
        for vi, vignette in enumerate(self.vignettes):
            for i, subtheme in enumerate(vignette.subthemes):
                yield ("vignettes", vi, "subthemes", i), "subtheme", subtheme

    def training_references(self) -> Iterator[tuple[Loc, str, str]]:
        """Vignettes, exercises, quizzes and cards a session names (checked by the kit)."""
        if not self.session:
            return
        for si, segment in enumerate(self.session.segments):
            base = ("session", "segments", si)
            for name, kind in (("vignettes", "vignette"), ("exercises", "exercise"),
                               ("cards", "card")):
                for i, ref in enumerate(getattr(segment, name)):
                    yield (*base, name, i), kind, ref
            if segment.quiz:
                yield (*base, "quiz"), "quiz", segment.quiz

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        """Every piece of text a participant reads (handout and participant slides)."""
        if session := self.session:
            yield ("session", "title"), session.title
            yield ("session", "summary"), session.summary
            yield ("session", "wellbeing_note"), session.wellbeing_note
            for i, outcome in enumerate(session.learning_outcomes):
                yield ("session", "learning_outcomes", i, "text"), outcome.text
            for i, segment in enumerate(session.segments):
                base: Loc = ("session", "segments", i)
                yield (*base, "title"), segment.title
                yield (*base, "participant_activity"), segment.participant_activity
        for i, vignette in enumerate(self.vignettes):
            base = ("vignettes", i)
            yield (*base, "title"), vignette.title
            if vignette.content_warning:
                yield (*base, "content_warning"), vignette.content_warning
            for j, paragraph in enumerate(vignette.story):
                yield (*base, "story", j), paragraph
            for j, discussion in enumerate(vignette.discussion_questions):
                yield (*base, "discussion_questions", j), discussion
        for i, exercise in enumerate(self.exercises):
            base = ("exercises", i)
            yield (*base, "title"), exercise.title
            yield (*base, "intro"), exercise.intro
            if exercise.safety_note:
                yield (*base, "safety_note"), exercise.safety_note
            for j, prompt in enumerate(exercise.prompts):
                yield (*base, "prompts", j, "text"), prompt.text
        for i, quiz in enumerate(self.quizzes):
            base = ("quizzes", i)
            yield (*base, "title"), quiz.title
            yield (*base, "intro"), quiz.intro
            for j, question in enumerate(quiz.questions):
                yield (*base, "questions", j, "question"), question.question
                for k, choice in enumerate(question.choices):
                    yield (*base, "questions", j, "choices", k), choice
        for i, card in enumerate(self.cards):
            base = ("cards", i)
            yield (*base, "title"), card.title
            yield (*base, "action"), card.action
            yield (*base, "why"), card.why

    def facilitator_text(self) -> Iterator[tuple[Loc, str]]:
        """Facilitator-only text: notes, preparation, materials lists and quiz answers."""
        if session := self.session:
            for i, step in enumerate(session.preparation):
                yield ("session", "preparation", i), step
            for i, segment in enumerate(session.segments):
                for j, note in enumerate(segment.facilitator_notes):
                    yield ("session", "segments", i, "facilitator_notes", j), note
        for i, vignette in enumerate(self.vignettes):
            for j, note in enumerate(vignette.facilitator_notes):
                yield ("vignettes", i, "facilitator_notes", j), note
        for i, exercise in enumerate(self.exercises):
            for j, note in enumerate(exercise.facilitator_notes):
                yield ("exercises", i, "facilitator_notes", j), note
        for i, quiz in enumerate(self.quizzes):
            for j, question in enumerate(quiz.questions):
                yield ("quizzes", i, "questions", j, "answer"), question.answer


# The content loader reads content/training/*.yaml with this model once this module is
# imported (it is named in outreach_kit.CONTENT_KIND_MODULES; see content/kinds.py).
register_kind(FileKind("training", "*.yaml", TrainingFile))
