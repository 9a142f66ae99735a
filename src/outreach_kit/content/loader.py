"""Load every file in a content folder, collecting all problems before reporting.

``load_library`` never stops at the first bad file: each file is read and validated on its
own, cross-file references are checked afterwards, and the result carries both the good
content and a list of problems. A broken module is left out and reported; the rest work.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import ContentError, Problem, did_you_mean
from .kinds import FileKind, file_kinds
from .library import ContentLibrary
from .messages import plain_message
from .suggestions import suggestion_problems
from .yaml_source import Loc, YamlSource, field_name, read_yaml

M = TypeVar("M", bound=BaseModel)

# Pydantic's generic messages, in words a content editor can act on.
_FRIENDLY = {
    "missing": "this field is required but missing",
    "extra_forbidden": "unknown field (check the spelling; see docs/content-guide.md)",
    "string_type": "expected text here; put the value in quotes",
    "date_from_datetime_parsing": "expected a date written as YYYY-MM-DD",
    "date_parsing": "expected a date written as YYYY-MM-DD",
    "date_type": "expected a date written as YYYY-MM-DD",
    "list_type": "expected a list (lines starting with '- ')",
    "model_type": "expected a set of 'key: value' lines",
    "dict_type": "expected a set of 'key: value' lines",
    "int_parsing": "expected a whole number here, written in digits",
    "int_type": "expected a whole number here, written in digits",
    "int_from_float": "expected a whole number here, written in digits",
    "bool_parsing": "expected true or false",
    "bool_type": "expected true or false",
}


def validate_source(source: YamlSource, model: type[M]) -> tuple[M | None, list[Problem]]:
    """Validate one file's data against its model; map every error to file:line: field."""
    shown = str(source.path)
    if not isinstance(source.data, dict):
        kind = type(source.data).__name__
        found = {"list": "a list", "str": "a single line of text"}.get(kind, f"a {kind}")
        line = source.lines.get((), 1)  # where the list or text starts, after any comments
        return None, [
            Problem(shown, line, "", f"expected a set of 'key: value' lines at the top, "
                                     f"found {found}")
        ]
    try:
        return model.model_validate(source.data), []
    except ValidationError as exc:
        return None, [_problem_from_error(source, err) for err in exc.errors()]


def _problem_from_error(source: YamlSource, err: Any) -> Problem:
    loc = _field_named_in_message(source, tuple(err["loc"]), err)
    line, found = source.locate(loc)
    shown_loc = found
    if err["type"] in ("missing", "extra_forbidden") and loc and loc[-1] not in found:
        shown_loc = (*found, loc[-1])
    message = _FRIENDLY.get(err["type"]) or plain_message(err)
    if err["type"].startswith("date") and _looks_like_date(err.get("input")):
        # Shown: the offending value only (a date, never client text).
        message = f"'{err['input']}' is not a real date; check the month and the day"
    if err["type"] == "value_error":
        message = err["msg"].removeprefix("Value error, ")
    trapped = source.trapped_words.get(found)
    if trapped is not None and err["type"] != "bool_type":
        message = (
            f"'{trapped}' is read as a yes/no value here, not as text; "
            f"write it in quotes: \"{trapped}\""
        )
    return Problem(str(source.path), line, field_name(shown_loc), message)


def _field_named_in_message(source: YamlSource, loc: Loc, err: Any) -> Loc:
    """A check across fields ("next_review must be after last_reviewed") names its field
    first; point at that field rather than at the start of the whole item."""
    if err["type"] != "value_error":
        return loc
    first_word = err["msg"].removeprefix("Value error, ").split(" ", 1)[0]
    return (*loc, first_word) if (*loc, first_word) in source.lines else loc


def _looks_like_date(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def load_file(path: Path, model: type[M]) -> tuple[M | None, list[Problem], YamlSource | None]:
    source, problems = read_yaml(path)
    if source is None:
        return None, problems, None
    item, problems = validate_source(source, model)
    return item, problems, source


def _files_for(root: Path, kind: FileKind) -> list[Path]:
    folder = root / kind.folder if kind.folder else root
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(kind.pattern) if not p.name.startswith("."))


def load_library(root: Path | str, kinds: Collection[str] | None = None) -> ContentLibrary:
    """Load ``root`` (a content folder): every kind of file, or only the ``kinds`` named
    (see ``kinds.PACK_KINDS``; more can be added later with :func:`load_kinds`).
    Problems are kept on ``library.problems``."""
    root = Path(root)
    if not root.exists():
        raise ContentError([Problem(str(root), None, "", "content folder not found")])
    if not root.is_dir():
        raise ContentError([Problem(str(root), None, "", "is not a folder")])
    library = ContentLibrary(root=root)
    _load(library, file_kinds(kinds))
    return library


def load_kinds(library: ContentLibrary, kinds: Collection[str]) -> ContentLibrary:
    """Add the named kinds of file to a library loaded with only some (once each)."""
    missing = [kind for kind in file_kinds(kinds) if kind.name not in library.loaded_kinds]
    if missing:
        _load(library, missing)
    return library


def _load(library: ContentLibrary, kinds: Iterable[FileKind]) -> None:
    problems: list[Problem] = list(library.problems)
    for kind in kinds:
        library.loaded_kinds.add(kind.name)
        paths = _files_for(library.root, kind)
        if kind.required and not paths:
            problems.append(Problem(str(library.root / kind.where), None, "",
                                    "required file is missing"))
        for path in paths:
            item, file_problems, source = load_file(path, kind.model)
            problems.extend(file_problems)
            if item is not None and source is not None:
                problems.extend(library.add(item, source))
    # Run again when more kinds are loaded later: what they find again is kept once (a set).
    problems.extend(check_references(library))
    problems.extend(suggestion_problems(library, complete=not any(p.is_error for p in problems)))
    library.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field))


def check_references(library: ContentLibrary) -> Iterable[Problem]:
    """Every id that one file names in another must exist.

    A "phone" reference names a service whose phone number is printed (a help page, the
    wallet card): the service must exist and have a phone number.
    """
    known = {
        "subtheme": set(library.subthemes),
        "observation": set(library.observations),
        "module": set(library.modules),
        "service": set(library.services),
        "phone": {s.id for s in library.services.values() if s.phone},
        "picture": set(library.pictures),
    }
    for item, source in library.sources():
        references = getattr(item, "references", None)
        if references is None:
            continue
        for loc, kind, ref in references():
            if ref not in known.get(kind, set()):
                line, _ = source.locate(loc)
                yield Problem(str(source.path), line, field_name(loc),
                              _unknown(kind, ref, library))


def _unknown(kind: str, ref: str, library: ContentLibrary) -> str:
    if kind == "phone" and ref in library.services:
        return f"service '{ref}' has no phone number"
    kind = "service" if kind == "phone" else kind
    known: dict[str, Iterable[str]] = {
        "subtheme": library.subthemes, "observation": library.observations,
        "module": library.modules, "service": library.services, "picture": library.pictures}
    return f"unknown {kind} '{ref}'{did_you_mean(ref, known.get(kind, ()), kind)}"


def require_valid(library: ContentLibrary) -> ContentLibrary:
    """Raise ContentError when the library has any error (warnings are fine)."""
    errors = [p for p in library.problems if p.is_error]
    if errors:
        raise ContentError(errors)
    return library
