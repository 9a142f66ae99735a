"""Whole-library validation: load errors plus warnings an editor should act on.

Warnings do not stop the app; ``outreach-kit validate --strict`` fails on them too.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from .content.library import ContentLibrary
from .content.schema import ServiceDirectoryFile
from .content.source_check import source_warnings
from .content.yaml_source import field_name
from .errors import Problem
from .language import check_library
from .language.easy_read import easy_read_problems
from .letters.library import letter_problems
from .letters.schema import LetterLibraryFile
from .render.font_families import missing_for_language
from .render.fonts import missing_glyphs
from .training.kit import check_training
from .translations.files import all_translations, translated_text


def review_warnings(library: ContentLibrary, today: dt.date) -> list[Problem]:
    """Review dates that have passed and service details that are due a check."""
    warnings: list[Problem] = []
    for item, source in library.sources():
        # Modules, letter files and training files all carry next_review.
        next_review = getattr(item, "next_review", None)
        if isinstance(next_review, dt.date) and next_review <= today:
            line, _ = source.locate(("next_review",))
            warnings.append(Problem(str(source.path), line, "next_review",
                                    f"review was due on {next_review:%d %B %Y}",
                                    "warning"))
        if isinstance(item, ServiceDirectoryFile):
            examples = [i for i, s in enumerate(item.services) if s.example]
            if examples:  # one note per file, at its first made-up entry
                line, _ = source.locate(("services", examples[0], "example"))
                # A note, not a warning: the shipped example must not fail --strict.
                warnings.append(Problem(str(source.path), line,
                                        f"services[{examples[0]}].example",
                                        _example_note(library), "note"))
            for i, service in enumerate(item.services):
                if service.check_due <= today:
                    line, _ = source.locate(("services", i, "last_checked"))
                    warnings.append(Problem(
                        str(source.path), line, f"services[{i}].last_checked",
                        f"'{service.name}' was due a check on {service.check_due:%d %B %Y}",
                        "warning"))
    return warnings


def glyph_warnings(library: ContentLibrary) -> list[Problem]:
    """Characters in client text that the embedded font cannot draw (printed as "?")."""
    warnings: list[Problem] = []
    for item, source in library.sources():
        client_text: Any = getattr(item, "client_text", None)
        if not callable(client_text):
            continue
        for loc, text in client_text():
            missing = missing_glyphs(text)
            if missing:
                line, _ = source.locate(loc)
                names = ", ".join(f"'{c}' ({unicodedata.name(c, f'U+{ord(c):04X}')})"
                                  for c in sorted(missing))
                warnings.append(Problem(str(source.path), line, field_name(loc),
                                        f"the print font has no {names}: it would print "
                                        "as '?'; use plain words or punctuation", "warning"))
    return warnings


def translation_warnings(library: ContentLibrary) -> list[Problem]:
    """Every translation's problems, and characters its language's print font cannot draw."""
    problems: list[Problem] = []
    for found in all_translations(library):
        problems += found.problems
        for source, loc, text in translated_text(found):
            missing = missing_for_language(found.language, text)
            if missing:
                line, _ = source.locate(loc)
                names = ", ".join(f"'{c}'" for c in sorted(missing))
                problems.append(Problem(str(source.path), line, field_name(loc),
                                        f"the print font for this language has no {names}: "
                                        "it would print as '?'", "warning"))
    return problems


def _example_note(library: ContentLibrary) -> str:
    """The pack's example-data notice, as a note: "example data: replace with ..."."""
    notice = library.wording.example_notice if library.wording else "Example data."
    return notice[:1].lower() + notice[1:].rstrip(".")


def folder_problems(library: ContentLibrary) -> list[Problem]:
    """Checks that need a whole folder: letter types and slots, training cross-references."""
    # A content folder may leave letters out altogether; when it has some, they must be whole.
    letters = letter_problems(library)[1] if library.items_of(LetterLibraryFile) else []
    return letters + check_training(library)


def validate_library(library: ContentLibrary, today: dt.date | None = None) -> list[Problem]:
    """Every error and warning for the library, sorted by file and line."""
    today = today or dt.date.today()
    problems = list(library.problems)
    problems += review_warnings(library, today)
    problems += check_library(library)
    problems += glyph_warnings(library)
    problems += easy_read_problems(library)
    problems += source_warnings(library)
    problems += folder_problems(library)
    problems += translation_warnings(library)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
