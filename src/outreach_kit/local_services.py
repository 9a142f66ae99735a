"""Keep an area's own service directory current: add, edit, remove, mark as checked.

A directory is one YAML file in ``content/resources/``, which several app sessions may
save at once. Each save (:func:`save_change`) holds the file's lock while it re-reads the
file, applies only this session's change, validates the result with the schema the loader
uses and replaces the file atomically: no save loses another's, a half-written file is
never left behind, and a service someone else changed meanwhile is never overwritten
silently. CSV import and export live in ``service_csv``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .atomic import leftover_temporaries, remove_leftover_temporaries, write_text_atomic
from .content.loader import validate_source
from .content.schema import Service, ServiceDirectoryFile, ServiceDirectoryInfo
from .content.yaml_source import parse_yaml_bytes, read_yaml
from .errors import ContentError, FormError, Problem, SettingsError
from .file_lock import FileBusyError, locked
from .service_problems import FORM_LABELS, form_problems, plain_problems

# One session's edit, applied to the directory as it is on disk when the save happens.
Change = Callable[[ServiceDirectoryFile], ServiceDirectoryFile]
MAX_CONFLICTS_SHOWN = 5


def new_directory(directory_id: str, name: str, area: str) -> ServiceDirectoryFile:
    try:
        info = ServiceDirectoryInfo(id=directory_id, name=name, area=area)
    except ValidationError as exc:
        reasons = "; ".join(message for _, message in plain_problems(exc))
        raise SettingsError(f"Area name: {reasons}") from None
    return ServiceDirectoryFile(schema_version=1, directory=info, services=[])


def load_directory(path: Path) -> ServiceDirectoryFile:
    source, problems = read_yaml(path)
    if source is not None:
        directory, problems = validate_source(source, ServiceDirectoryFile)
        if directory is not None:
            return directory
    raise ContentError(problems)


def directory_yaml(directory: ServiceDirectoryFile) -> str:
    data = directory.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    header = (
        "# Local services for this area. Edited with the Outreach Kit app (Local services page);\n"
        "# hand edits are fine too: run `outreach-kit validate --strict content/` afterwards.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def save_change(path: Path, seen: ServiceDirectoryFile, change: Change) -> ServiceDirectoryFile:
    """Apply this session's ``change`` to the directory file as it is now, and save it.

    ``seen`` is the directory as this session opened it (a new one when the file does not
    exist yet). The services the change touches are those it adds, alters or removes in
    ``seen``; if someone else changed one of them since, nothing is saved (SettingsError).
    Returns the directory as saved.
    """
    mine = change(seen)
    touched = _touched(seen, mine)
    with locked(path):
        remove_leftover_temporaries(path)  # only a killed save leaves one while we hold the lock
        current = load_directory(path) if path.exists() else seen
        _refuse_conflicts(seen, mine, current, touched)
        saved = change(current)
        _write_checked(path, saved)
    return saved


def create_directory(path: Path, directory: ServiceDirectoryFile) -> None:
    """Save a new directory; refused if its file exists (made meanwhile by someone else)."""
    with locked(path):
        if path.exists():
            raise SettingsError(f"there is already a directory file called {path.name}")
        _write_checked(path, directory)


def tidy_folder(folder: Path) -> None:
    """Remove temporary files left beside directory files by saves that were killed.

    A file's leftovers are removed only if its lock can be had at once: a save in progress
    in another session keeps its own temporary file.
    """
    for target in {_target_of(tmp) for tmp in folder.glob(".*.tmp")}:
        if not leftover_temporaries(target):
            continue
        try:
            with locked(target, timeout=0):
                remove_leftover_temporaries(target)
        except FileBusyError:
            continue


def _target_of(temporary: Path) -> Path:
    """``.a.yaml.x1y2.tmp`` -> ``a.yaml`` beside it."""
    return temporary.with_name(temporary.name[1:].removesuffix(".tmp").rsplit(".", 1)[0])


def _write_checked(path: Path, directory: ServiceDirectoryFile) -> None:
    """Validate the directory as it will be read back, then replace the file atomically."""
    text = directory_yaml(directory)
    # Read our own output back through the real loader before it replaces anything.
    source = parse_yaml_bytes(text.encode("utf-8"), path)
    checked, problems = validate_source(source, ServiceDirectoryFile)
    if checked is None or checked != directory:
        problems = problems or [Problem(str(path), None, "", "did not read back the same")]
        raise SettingsError("\n".join(str(p) for p in problems))
    write_text_atomic(path, text)  # OutputError naming the file if it cannot be written


def _by_id(directory: ServiceDirectoryFile) -> dict[str, Service]:
    return {s.id: s for s in directory.services}


def _touched(before: ServiceDirectoryFile, after: ServiceDirectoryFile) -> list[str]:
    old, new = _by_id(before), _by_id(after)
    return [i for i in dict.fromkeys([*old, *new]) if old.get(i) != new.get(i)]


def _refuse_conflicts(seen: ServiceDirectoryFile, mine: ServiceDirectoryFile,
                      current: ServiceDirectoryFile, touched: list[str]) -> None:
    """SettingsError if a service this session changes was changed on disk since ``seen``
    (unless it was changed to exactly what this session wants)."""
    was, wanted, now = _by_id(seen), _by_id(mine), _by_id(current)
    # A service removed meanwhile is reported even when this session removes it too.
    lines = [_conflict(was.get(i), now.get(i)) for i in touched if now.get(i) != was.get(i)
             and (now.get(i) != wanted.get(i) or now.get(i) is None)]
    if lines:
        if len(lines) > MAX_CONFLICTS_SHOWN:
            more = len(lines) - MAX_CONFLICTS_SHOWN
            lines = [*lines[:MAX_CONFLICTS_SHOWN], f"... and {more} more services"]
        raise SettingsError("\n".join(lines))


def _conflict(was: Service | None, now: Service | None) -> str:
    if was is not None and now is not None:
        return (f"Someone else changed '{now.name}' since you opened it. Nothing was saved: "
                "open it again to see their change.")
    if now is not None:
        return (f"Someone else added '{now.name}' since you opened this directory. Nothing "
                "was saved: open it again to see their service.")
    name = was.name if was is not None else "a service"
    return (f"Someone else removed '{name}' since you opened it. Nothing was saved: open "
            "the directory again to see their change.")


def upsert_service(directory: ServiceDirectoryFile, service: Service) -> ServiceDirectoryFile:
    """Add ``service``, or replace the one with the same id."""
    services = [s for s in directory.services if s.id != service.id]
    position = next((i for i, s in enumerate(directory.services) if s.id == service.id),
                    len(services))
    services.insert(position, service)
    return directory.model_copy(update={"services": services})


def remove_service(directory: ServiceDirectoryFile, service_id: str) -> ServiceDirectoryFile:
    if not any(s.id == service_id for s in directory.services):
        raise SettingsError(f"there is no service with id '{service_id}' in this directory")
    services = [s for s in directory.services if s.id != service_id]
    return directory.model_copy(update={"services": services})


def mark_checked(
    directory: ServiceDirectoryFile, service_id: str, today: dt.date
) -> ServiceDirectoryFile:
    for service in directory.services:
        if service.id == service_id:
            return upsert_service(directory, service.model_copy(update={"last_checked": today}))
    raise SettingsError(f"there is no service with id '{service_id}' in this directory")


def overdue(directory: ServiceDirectoryFile, today: dt.date) -> list[Service]:
    return [s for s in directory.services if s.check_due <= today]


def asks_for_own_area(directory: ServiceDirectoryFile) -> bool:
    """True when ``directory`` holds made-up example entries: a service the worker adds
    then goes to their own area's directory (:func:`add_own_service`), not among them."""
    return bool(directory.example_services())


def own_directory(area: str, directories: Iterable[ServiceDirectoryFile]) -> ServiceDirectoryFile:
    """The worker's own directory for ``area``: an existing one for that area with no
    example entries, or a new one (id ``local-<area>``) to save beside the others."""
    wanted = area.strip()
    if not wanted:
        raise SettingsError("area: give the name of your own area, for example your town")
    for directory in directories:
        if (directory.directory.area.casefold() == wanted.casefold()
                and not asks_for_own_area(directory)):
            return directory
    slug = re.sub(r"[^a-z0-9]+", "-", wanted.casefold()).strip("-")[:50] or "area"
    return new_directory(f"local-{slug}", f"Local services ({wanted})", wanted)


def add_own_service(directory: ServiceDirectoryFile, service: Service) -> ServiceDirectoryFile:
    """Add (or replace) a service the worker keeps: in the directory's area, never marked as
    example data."""
    if asks_for_own_area(directory):
        raise SettingsError("this directory holds example services; add yours to your own "
                            "area's directory")
    own = service.model_copy(update={"area": directory.directory.area, "example": False})
    return upsert_service(directory, own)


def service_from_form(values: dict[str, Any]) -> Service:
    """Build a Service from form or CSV values; raises SettingsError naming each bad field.
    A service typed in by a worker is theirs: never example data."""
    data = {k: v for k, v in values.items() if v not in (None, "", []) and k != "example"}
    try:
        return Service.model_validate(data)
    except ValidationError as exc:
        raise FormError(form_problems(exc), FORM_LABELS) from None
