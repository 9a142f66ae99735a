"""Whole-library validation: load errors plus warnings an editor should act on.

Warnings do not stop the app; ``outreach-kit validate --strict`` fails on them too.
"""

from __future__ import annotations

import datetime as dt

from .content.library import ContentLibrary
from .content.schema import Module, ServiceDirectoryFile
from .errors import Problem
from .language import check_library


def review_warnings(library: ContentLibrary, today: dt.date) -> list[Problem]:
    """Review dates that have passed and service details that are due a check."""
    warnings: list[Problem] = []
    for item, source in library.sources():
        if isinstance(item, Module) and item.next_review <= today:
            line, _ = source.locate(("next_review",))
            warnings.append(Problem(str(source.path), line, "next_review",
                                    f"review was due on {item.next_review:%d %B %Y}",
                                    "warning"))
        if isinstance(item, ServiceDirectoryFile):
            if item.directory.example:
                line, _ = source.locate(("directory", "example"))
                warnings.append(Problem(
                    str(source.path), line, "directory.example",
                    "example data: replace with your area's services before printing",
                    "warning"))
            for i, service in enumerate(item.services):
                if service.check_due <= today:
                    line, _ = source.locate(("services", i, "last_checked"))
                    warnings.append(Problem(
                        str(source.path), line, f"services[{i}].last_checked",
                        f"'{service.name}' was due a check on {service.check_due:%d %B %Y}",
                        "warning"))
    return warnings


def validate_library(library: ContentLibrary, today: dt.date | None = None) -> list[Problem]:
    """Every error and warning for the library, sorted by file and line."""
    today = today or dt.date.today()
    problems = list(library.problems)
    problems += review_warnings(library, today)
    problems += check_library(library)
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
