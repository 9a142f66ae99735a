"""Keep an area's own service directory current: add, edit, remove, mark as checked, CSV.

A directory is one YAML file in ``content/resources/``. Every change is validated with the
same schema the loader uses, and written atomically, so a mistake never leaves the file
half-written or invalid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .atomic import write_text_atomic
from .content.loader import validate_source
from .content.schema import Service, ServiceDirectoryFile, ServiceDirectoryInfo
from .content.yaml_source import field_name, parse_yaml_bytes, read_yaml
from .errors import ContentError, Problem, SettingsError

CSV_COLUMNS = (
    "id", "name", "description", "area", "categories", "phone", "phone_note", "text", "web",
    "email", "address", "hours", "cost", "for_whom", "source_title", "source_url",
    "source_checked", "last_checked", "check_every_days",
)
MAX_CSV_BYTES = 500_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def new_directory(directory_id: str, name: str, area: str) -> ServiceDirectoryFile:
    try:
        info = ServiceDirectoryInfo(id=directory_id, name=name, area=area)
    except ValidationError as exc:
        raise SettingsError(_first_message(exc)) from None
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


def save_directory(path: Path, directory: ServiceDirectoryFile) -> None:
    """Validate the directory as it will be read back, then replace the file atomically."""
    text = directory_yaml(directory)
    # Read our own output back through the real loader before it replaces anything.
    source = parse_yaml_bytes(text.encode("utf-8"), path)
    checked, problems = validate_source(source, ServiceDirectoryFile)
    if checked is None or checked != directory:
        problems = problems or [Problem(str(path), None, "", "did not read back the same")]
        raise SettingsError("\n".join(str(p) for p in problems))
    write_text_atomic(path, text)  # OutputError naming the file if it cannot be written


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
                            "area's directory (local_services.own_directory)")
    own = service.model_copy(update={"area": directory.directory.area, "example": False})
    return upsert_service(directory, own)


def service_from_form(values: dict[str, Any]) -> Service:
    """Build a Service from form or CSV values; raises SettingsError naming each bad field.
    A service typed in by a worker is theirs: never example data."""
    data = {k: v for k, v in values.items() if v not in (None, "", []) and k != "example"}
    try:
        return Service.model_validate(data)
    except ValidationError as exc:
        raise SettingsError(_all_messages(exc)) from None


# ---------------------------------------------------------------------------- CSV


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ runs as a formula in spreadsheet programs.
    return "'" + text if text.startswith(_FORMULA_START) else text


def services_to_csv(directory: ServiceDirectoryFile) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for s in directory.services:
        writer.writerow(_cell(v) for v in (
            s.id, s.name, s.description, s.area, ";".join(s.categories), s.phone, s.phone_note,
            s.text, s.web, s.email, s.address, s.hours, s.cost, s.for_whom, s.source.title,
            s.source.url, s.source.checked.isoformat(), s.last_checked.isoformat(),
            s.check_every_days,
        ))
    return out.getvalue()


def services_from_csv(raw: bytes, shown_name: str = "services.csv") -> list[Service]:
    """Parse CSV made by :func:`services_to_csv` (or by hand). All row errors are reported."""
    if len(raw) > MAX_CSV_BYTES:
        raise SettingsError(f"{shown_name}: file is too large (the limit is 500 kB)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsError(f"{shown_name}: is not UTF-8 text; save it as 'CSV UTF-8'") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("id", "name", "hours", "cost", "for_whom") if c not in
               (reader.fieldnames or [])]
    if missing:
        raise SettingsError(f"{shown_name}: missing column(s): {', '.join(missing)}")
    unknown = [c for c in reader.fieldnames or [] if c not in CSV_COLUMNS]
    if unknown:
        raise SettingsError(f"{shown_name}: unknown column(s): {', '.join(unknown)}")
    services: list[Service] = []
    problems: list[str] = []
    for row in reader:
        row_number = reader.line_num
        values = {k: _uncell(v) for k, v in row.items() if k}
        try:
            services.append(Service.model_validate(_row_to_data(values)))
        except ValidationError as exc:
            found = (f"{shown_name}:{row_number}: {_column(err['loc'], values)}: {_message(err)}"
                     for err in exc.errors())
            problems.extend(dict.fromkeys(m for m in found if m not in problems))
        except ValueError as exc:
            problems.append(f"{shown_name}:{row_number}: {exc}")
    if problems:
        raise SettingsError("\n".join(problems))
    ids = [s.id for s in services]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SettingsError(f"{shown_name}: service id '{duplicates[0]}' appears more than once")
    return services


def _uncell(value: str | None) -> str:
    """Undo :func:`_cell`: drop the apostrophe only where it was added before a formula start.

    A name such as "'Tis the Hub" keeps its apostrophe.
    """
    text = (value or "").strip()
    if text.startswith("'") and text[1:2] and text[1:2] in _FORMULA_START:
        return text[1:]
    return text


def _column(loc: tuple[Any, ...], values: dict[str, str]) -> str:
    """The CSV column a validation error is about (``source.checked`` -> its real column)."""
    if loc[:1] == ("source",) and len(loc) > 1:
        if loc[1] == "checked" and not values.get("source_checked"):
            return "last_checked"  # the source date was taken from last_checked
        return f"source_{loc[1]}"
    return field_name(tuple(loc)) or "row"


def _row_to_data(values: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        k: v for k, v in values.items()
        if v and k in CSV_COLUMNS and not k.startswith("source_") and k != "categories"
    }
    data["categories"] = [c.strip() for c in values.get("categories", "").split(";") if c.strip()]
    data["source"] = {
        k: v for k, v in (
            ("title", values.get("source_title") or "Local knowledge"),
            ("url", values.get("source_url")),
            ("checked", values.get("source_checked") or values.get("last_checked")),
        ) if v
    }
    return data


def merge_services(
    directory: ServiceDirectoryFile, services: Iterable[Service]
) -> ServiceDirectoryFile:
    for service in services:
        directory = upsert_service(directory, service)
    return directory


# ---------------------------------------------------------------------------- messages


def _message(err: Any) -> str:
    if err["type"] == "missing":
        return "this field is required"
    return str(err["msg"]).removeprefix("Value error, ")


def _first_message(exc: ValidationError) -> str:
    err = exc.errors()[0]
    return f"{field_name(tuple(err['loc']))}: {_message(err)}"


def _all_messages(exc: ValidationError) -> str:
    return "\n".join(
        f"{field_name(tuple(err['loc'])) or 'service'}: {_message(err)}" for err in exc.errors()
    )
