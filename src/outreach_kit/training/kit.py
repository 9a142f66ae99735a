"""The training kit: every session, vignette, exercise, quiz and card, indexed by id.

The content loader validates each training file on its own and checks subtheme ids.
:func:`check_training` adds what only the whole folder can show: ids used in two files,
and sessions naming vignettes, exercises, quizzes or cards that do not exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content.library import ContentLibrary
from ..content.yaml_source import YamlSource, field_name
from ..errors import ContentError, Problem, RecipeError
from .schema import Exercise, MondayCard, Quiz, Session, TrainingFile, Vignette

TRAINING_FOLDER = "training"


@dataclass(frozen=True)
class TrainingKit:
    sessions: dict[str, Session] = field(default_factory=dict)
    vignettes: dict[str, Vignette] = field(default_factory=dict)
    exercises: dict[str, Exercise] = field(default_factory=dict)
    quizzes: dict[str, Quiz] = field(default_factory=dict)
    cards: dict[str, MondayCard] = field(default_factory=dict)
    files: dict[str, TrainingFile] = field(default_factory=dict)  # session id -> its file

    def session(self, session_id: str) -> Session:
        if session_id not in self.sessions:
            known = ", ".join(sorted(self.sessions)) or "none (the training folder is empty)"
            raise RecipeError(f"no training session called '{session_id[:64]}'; "
                              f"choose from: {known}")
        return self.sessions[session_id]

    def session_file(self, session_id: str) -> TrainingFile:
        return self.files[session_id]

    # Items a session uses, in the order the segments name them (each once).
    def session_vignettes(self, session: Session) -> list[Vignette]:
        return [self.vignettes[i] for i in dict.fromkeys(session.vignette_ids)]

    def session_exercises(self, session: Session) -> list[Exercise]:
        return [self.exercises[i] for i in dict.fromkeys(session.exercise_ids)]

    def session_quizzes(self, session: Session) -> list[Quiz]:
        return [self.quizzes[i] for i in dict.fromkeys(session.quiz_ids)]

    def session_cards(self, session: Session) -> list[MondayCard]:
        return [self.cards[i] for i in dict.fromkeys(session.card_ids)]


_KIND_TABLES = {
    "session": "sessions",
    "vignette": "vignettes",
    "exercise": "exercises",
    "quiz": "quizzes",
    "card": "cards",
}


def _training_files(library: ContentLibrary) -> list[tuple[TrainingFile, YamlSource]]:
    return [(item, source) for item, source in library.sources()
            if isinstance(item, TrainingFile)]


def _collect(library: ContentLibrary) -> tuple[TrainingKit, list[Problem]]:
    kit = TrainingKit()
    problems: list[Problem] = []
    first_seen: dict[tuple[str, str], Path] = {}
    for item, source in _training_files(library):
        for loc, kind, item_id in item.items():
            key = (kind, item_id)
            if key in first_seen:
                line, _ = source.locate(loc)
                problems.append(Problem(str(source.path), line, field_name(loc),
                                        f"{kind} id '{item_id}' is also used in "
                                        f"{first_seen[key].name}"))
                continue
            first_seen[key] = source.path
            table: dict[str, Any] = getattr(kit, _KIND_TABLES[kind])
            if kind == "session":
                table[item_id] = item.session
                kit.files[item_id] = item
            else:
                table[item_id] = next(x for x in getattr(item, _KIND_TABLES[kind])
                                      if x.id == item_id)
    for item, source in _training_files(library):
        for loc, kind, ref in item.training_references():
            if ref not in getattr(kit, _KIND_TABLES[kind]):
                line, _ = source.locate(loc)
                problems.append(Problem(str(source.path), line, field_name(loc),
                                        f"unknown {kind} '{ref}'"))
    return kit, problems


def check_training(library: ContentLibrary) -> list[Problem]:
    """Problems only the whole training folder shows (duplicate ids, dangling references)."""
    return _collect(library)[1]


def _in_training_folder(problem: Problem, library: ContentLibrary) -> bool:
    folder = (library.root / TRAINING_FOLDER).resolve()
    try:
        return Path(problem.path).resolve().is_relative_to(folder)
    except OSError:
        return False


def training_kit(library: ContentLibrary) -> TrainingKit:
    """The kit, or ContentError listing every problem in the training files."""
    kit, kit_problems = _collect(library)
    problems = [p for p in library.problems if p.is_error and _in_training_folder(p, library)]
    problems += kit_problems
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.path, p.line or 0)))
    return kit
