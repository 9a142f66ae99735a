"""One exception hierarchy for the whole tool.

The CLI maps each class to an exit code (``exit_code``, read only by ``cli.main``) and the
app shows ``str(error)`` with ``st.error``, so messages are written for a keyworker or
content editor, and never carry client text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class OutreachKitError(Exception):
    """Base class: every error the tool expects to meet and can explain."""

    exit_code = 1


class ContentError(OutreachKitError):
    """The content folder has problems (see ``problems``)."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems) or "content problem")


class RecipeError(OutreachKitError):
    """A pack or letter recipe is missing, unreadable or names things that do not exist."""


class RenderError(OutreachKitError):
    """A document could not be turned into the requested output."""


class TemplateError(OutreachKitError):
    """A user-editable template is unsafe, too large, too slow or names an unknown field."""


class ImageError(OutreachKitError):
    """An uploaded image (for example a letterhead logo) is not a usable PNG or JPEG."""


class SettingsError(OutreachKitError):
    """A settings or local-services file the app writes could not be validated or saved."""


class FormError(SettingsError):
    """What a worker typed into a form cannot be saved: plain words for each field."""

    def __init__(self, fields: dict[str, str], labels: dict[str, str]):
        self.fields = fields  # form field -> what is wrong, in plain words
        super().__init__("\n".join(f"{labels.get(f, f)}: {m}" for f, m in fields.items()))


class ReviewPolicyError(OutreachKitError):
    """A pack would include pages not yet clinically reviewed, and the organisation's
    settings do not allow that."""


class OutputError(OutreachKitError):
    """A finished file could not be written (no such folder, no permission, disk full)."""


class OptionError(OutreachKitError):
    """A choice names a format, print profile or audience that does not exist.

    Raised by the core (``formats``), where the choice may come from a recipe, the app or
    the command line. The CLI turns one about its own arguments into a UsageError.
    """


class UsageError(OutreachKitError):
    """The command line was used wrongly (bad option, missing file). Raised only by ``cli``."""

    exit_code = 2


# The command that lists every id of a kind, for "did you mean" messages.
LIST_COMMANDS = {
    "observation": "outreach-kit recommend --list-observations",
    "module": "outreach-kit recommend --list-modules",
    "service": "outreach-kit recommend --list-services",
}


def did_you_mean(word: str, known: Iterable[str], kind: str = "") -> str:
    """"; did you mean 'x'?" for the closest known id, then the command listing them all
    (when ``kind`` has one), ready to append to "unknown observation 'y'"."""
    # Imported here: only a mistake needs it, and every command imports this module
    # (difflib costs about 1 ms of process time).
    import difflib

    close = difflib.get_close_matches(word.lower(), list(known), n=1, cutoff=0.75)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    command = LIST_COMMANDS.get(kind)
    return hint + (f" (every id: {command})" if command else "")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a look) in a content file.

    Printed as ``path:line: field: message`` so editors and tools can jump to it.
    """

    path: str
    line: int | None = None
    field: str = ""
    message: str = ""
    # "error": the file is left out. "warning": fix before release (--strict fails).
    # "note": worth knowing, never a failure (e.g. a directory marked as example data).
    severity: str = "error"

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        tag = "" if self.severity == "error" else f" ({self.severity})"
        return f"{where}:{field} {self.message}{tag}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def relative_to(self, root: Path) -> Problem:
        try:
            rel = str(Path(self.path).resolve().relative_to(root.resolve()))
        except ValueError:
            return self
        return Problem(rel, self.line, self.field, self.message, self.severity)
