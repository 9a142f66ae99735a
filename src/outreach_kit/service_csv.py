"""Services as CSV, for spreadsheets: export, and an import read one row at a time.

The import has its own limits, each refused with a message that names the CSV file and,
where there is one, the line:

- ``MAX_CSV_BYTES`` (500 kB), checked before anything is read;
- ``MAX_CSV_ROWS`` (1,000 services): a directory file holds about 2,000 services before
  the content loader's own limits (1 MB, 50,000 values), and an import adds to what is
  already there. The row after the limit stops the import at once;
- ``MAX_CSV_FIELD`` (4,000 characters): the longest text a service has (its description),
  so every exported directory imports again.
"""

from __future__ import annotations

import csv
import io
from _csv import Reader
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from pydantic import ValidationError

from .content.schema import Service, ServiceDirectoryFile
from .errors import SettingsError
from .service_problems import plain_problems

CSV_COLUMNS = (
    "id", "name", "description", "area", "categories", "phone", "phone_note", "text", "web",
    "email", "address", "hours", "cost", "for_whom", "source_title", "source_url",
    "source_checked", "last_checked", "check_every_days",
)
REQUIRED_COLUMNS = ("id", "name", "hours", "cost", "for_whom")
MAX_CSV_BYTES = 500_000
MAX_CSV_ROWS = 1_000
MAX_CSV_FIELD = 4_000
MAX_PROBLEMS_SHOWN = 50
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def services_from_csv(data: bytes | BinaryIO, shown_name: str = "services.csv") -> list[Service]:
    """Services from CSV made by :func:`services_to_csv` (or by hand), read row by row.

    Every row's problems are reported together, one a line, as ``name:line: column: what``.
    """
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    if _size(stream) > MAX_CSV_BYTES:
        raise SettingsError(f"{shown_name}: the file is too large (the limit is "
                            f"{MAX_CSV_BYTES // 1000} kB); split it into smaller files")
    records = _records(csv.reader(_lines(stream, shown_name)), shown_name)
    columns = _columns(next(records, None), shown_name)
    services: list[Service] = []
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for count, (line, end, record) in enumerate(records, start=1):
        if count > MAX_CSV_ROWS:
            raise SettingsError(
                f"{shown_name}: has more than {MAX_CSV_ROWS:,} services (line {line} is past "
                f"the limit); split it into files of at most {MAX_CSV_ROWS:,} rows")
        service, found = _read_row(columns, record)
        if service is not None and service.id in first_line:
            found = [("id", f"'{service.id}' is already on line {first_line[service.id]}")]
        elif service is not None:
            first_line[service.id] = line
            services.append(service)
        if found and end > line:
            found.append(("row", f"runs on to line {end}; if that is a mistake, a quote "
                                 "may be left open"))
        problems.extend(dict.fromkeys(f"{shown_name}:{line}: {column}: {message}"
                                      for column, message in found))
    if problems:
        raise SettingsError(_shown(problems))
    return services


def _size(stream: BinaryIO) -> int:
    start = stream.tell()
    size = stream.seek(0, io.SEEK_END) - start
    stream.seek(start)
    return size


def _lines(stream: BinaryIO, shown_name: str) -> Iterator[str]:
    """The file's lines as text, decoded one at a time so a bad byte is reported at its line
    (a UTF-8 character never holds a newline byte)."""
    for number, raw in enumerate(stream, start=1):
        if b"\x00" in raw:
            raise SettingsError(f"{shown_name}:{number}: holds a zero byte: this looks like a "
                                "spreadsheet file, not CSV text; save it as 'CSV UTF-8'")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise SettingsError(f"{shown_name}:{number}: is not UTF-8 text; save the file as "
                                "'CSV UTF-8' from your spreadsheet program") from None
        yield text.removeprefix("\ufeff") if number == 1 else text


def _records(reader: Reader, shown_name: str) -> Iterator[tuple[int, int, list[str]]]:
    """(line where it starts, line where it ends, values) for each record that is not
    blank. A quoted value may hold line breaks, so a record can span lines."""
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise SettingsError(f"{shown_name}:{line}: {_csv_problem(exc)}") from None
        if any(value.strip() for value in record):
            yield line, reader.line_num, [_uncell(value) for value in record]


def _csv_problem(exc: csv.Error) -> str:
    reason = str(exc)
    if "field larger than field limit" in reason:
        return f"a value is longer than {MAX_CSV_FIELD:,} characters (is a quote left open?)"
    if "new-line" in reason:
        return "a line break inside a value that has no quotes around it"
    return "cannot be read as CSV"


def _columns(header: tuple[int, int, list[str]] | None, shown_name: str) -> list[str]:
    if header is None:
        raise SettingsError(f"{shown_name}: is empty; its first line names the columns, "
                            f"for example: {','.join(REQUIRED_COLUMNS)}")
    columns = [c.strip() for c in header[2]]
    problems = [m for m in (
        _listed("missing column(s)", [c for c in REQUIRED_COLUMNS if c not in columns]),
        _listed("unknown column(s)", [c for c in columns if c not in CSV_COLUMNS]),
        _listed("column(s) named twice", sorted({c for c in columns if columns.count(c) > 1})),
    ) if m]
    if problems:
        raise SettingsError("\n".join(f"{shown_name}:{header[0]}: {m}" for m in problems))
    return columns


def _listed(what: str, names: list[str]) -> str:
    return f"{what}: {', '.join(names)}" if names else ""


def _read_row(columns: list[str],
              record: list[str]) -> tuple[Service | None, list[tuple[str, str]]]:
    """The row's service, or None and (column, problem) for each problem."""
    # Short rows leave the last columns empty; long ones are reported.
    values = dict(zip(columns, record, strict=False))
    found = _row_problems(values, len(record) - len(columns))
    if found:
        return None, found
    try:
        return Service.model_validate(_row_to_data(values)), []
    except ValidationError as exc:
        return None, [(_column(field, values), message) for field, message in plain_problems(exc)]


def _row_problems(values: dict[str, str], extra: int) -> list[tuple[str, str]]:
    found = [(column, f"is longer than {MAX_CSV_FIELD:,} characters")
             for column, value in values.items() if len(value) > MAX_CSV_FIELD]
    if extra > 0:
        found.append(("row", f"has {extra} value(s) more than there are columns; put quotes "
                             "around a value that holds a comma"))
    return found


def _shown(problems: list[str]) -> str:
    shown = problems[:MAX_PROBLEMS_SHOWN]
    if len(problems) > len(shown):
        shown.append(f"... and {len(problems) - len(shown):,} more problems")
    return "\n".join(shown)


def _uncell(value: str) -> str:
    """Undo :func:`_cell`: drop the apostrophe only where it was added before a formula start.

    A name such as "'Tis the Hub" keeps its apostrophe.
    """
    text = value.strip()
    if text.startswith("'") and text[1:2] and text[1:2] in _FORMULA_START:
        return text[1:]
    return text


def _column(field: str, values: dict[str, str]) -> str:
    """The CSV column a problem is about (``source.checked`` -> its real column)."""
    if field.startswith("source."):
        if field == "source.checked" and not values.get("source_checked"):
            return "last_checked"  # the source date was taken from last_checked
        return field.replace(".", "_", 1)
    return field.split("[", 1)[0] or "row"


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
    """Replace the services with the same id in place; add the others at the end."""
    incoming = {s.id: s for s in services}
    kept = [incoming.pop(s.id, s) for s in directory.services]
    return directory.model_copy(update={"services": [*kept, *incoming.values()]})
