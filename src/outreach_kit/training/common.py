"""Small pieces shared by the facilitator guide, the participant handout and the slides."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from ..content.library import ContentLibrary
from ..document import Cover, DocumentMeta, Section, SectionKind
from .kit import TrainingKit, training_kit
from .schema import LearningOutcome, NesLevel, Segment, Session, TrainingFile

NES_FRAMEWORK = ("NES (NHS Education for Scotland), Transforming Psychological Trauma: "
                 "A Knowledge and Skills Framework for the Scottish Workforce (2017)")

NES_LABELS = {
    NesLevel.INFORMED: "Trauma Informed",
    NesLevel.SKILLED: "Trauma Skilled",
    NesLevel.ENHANCED: "Trauma Enhanced",
    NesLevel.SPECIALIST: "Trauma Specialist",
}


class Audience(StrEnum):
    FACILITATOR = "facilitator"
    PARTICIPANT = "participant"


@dataclass(frozen=True)
class SessionMaterial:
    """A session and everything it names, looked up once."""

    kit: TrainingKit
    session: Session
    file: TrainingFile

    @classmethod
    def load(cls, library: ContentLibrary, session_id: str) -> SessionMaterial:
        kit = training_kit(library)
        session = kit.session(session_id)
        return cls(kit, session, kit.session_file(session_id))


def clock(minutes: int) -> str:
    """Minutes from the start as h:mm (0:05, 1:30)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def timed_segments(session: Session) -> Iterator[tuple[int, int, Segment]]:
    """(start, end, segment), in minutes from the start of the session."""
    start = 0
    for segment in session.segments:
        yield start, start + segment.minutes, segment
        start += segment.minutes


def outcome_line(outcome: LearningOutcome) -> str:
    principles = ", ".join(p.value for p in outcome.principles)
    return f"{outcome.text} (NES level: {NES_LABELS[outcome.nes_level]}; principles: {principles})"


def length_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if minutes < 120 or rest:
        return f"{minutes} minutes"
    return f"{hours} hours"


def subtheme_names(library: ContentLibrary, ids: list[str]) -> list[str]:
    names = []
    for subtheme_id in ids:
        subtheme = library.subthemes.get(subtheme_id)
        if subtheme is None:
            names.append(subtheme_id)
            continue
        category = library.category_of(subtheme_id)
        names.append(f"{subtheme.name} ({category.name})")
    return names


def document_meta(library: ContentLibrary, material: SessionMaterial, role: str) -> DocumentMeta:
    session, file = material.session, material.file
    return DocumentMeta(
        title=f"{session.title}: {role}",
        author=file.author,
        subject=f"Outreach Kit training session, {length_label(session.minutes)}",
        content_version=library.content_version,
        last_reviewed=file.last_reviewed,
        next_review=file.next_review,
        keywords=("training", "attachment", "trauma-informed practice", session.id),
    )


def cover(material: SessionMaterial, role: str) -> Cover:
    session = material.session
    return Cover(title=session.title, subtitle=f"{role} · {length_label(session.minutes)}")


def contents() -> Section:
    """A contents page; renderers fill in the titles (and page numbers in the PDF)."""
    return Section(id="contents", title="Contents", kind=SectionKind.CONTENTS, in_contents=False)
