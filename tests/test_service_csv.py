"""CSV import and export of services: streamed, within its own limits, problems by line."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from outreach_kit.content.schema import Service
from outreach_kit.errors import SettingsError
from outreach_kit.local_services import new_directory, service_from_form, upsert_service
from outreach_kit.service_csv import (
    MAX_CSV_FIELD,
    MAX_CSV_ROWS,
    MAX_PROBLEMS_SHOWN,
    merge_services,
    services_from_csv,
    services_to_csv,
)

TODAY = dt.date(2026, 11, 26)
HEADER = "id,name,hours,cost,for_whom,area,description,categories,phone,last_checked\n"
# Words from the schema library's own messages, never shown to a worker.
CODE_WORDS = re.compile(r"String should|Input should|pattern|Value error|Field required|"
                        r"validation|_csv|Error\b")


def _row(i: int, phone: str = "0131 496 0000", description: str = "Desc") -> str:
    return f"s-{i},Service {i},9-5,Free,All,Town,{description},drop-in,{phone},2026-11-01\n"


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(rows)).encode("utf-8")


def _problems(raw: bytes, shown_name: str = "services.csv") -> list[str]:
    with pytest.raises(SettingsError) as info:
        services_from_csv(raw, shown_name)
    lines = str(info.value).splitlines()
    assert not [line for line in lines if CODE_WORDS.search(line)], lines
    return lines


def _service(**overrides) -> Service:
    values = {
        "id": "drop-in-centre", "name": "Drop-in centre",
        "description": "A warm place to sit, have tea and talk.", "area": "Example Town",
        "categories": ["drop-in"], "phone": "0131 496 0000",
        "hours": "Monday to Friday, 10am to 4pm", "cost": "Free", "for_whom": "Anyone over 16",
        "source": {"title": "Phoned the service", "checked": TODAY}, "last_checked": TODAY,
        "check_every_days": 90,
    }
    return service_from_form(values | overrides)


def test_round_trip_and_formula_guard():
    directory = upsert_service(
        new_directory("my-area", "My area", "Example Town"),
        _service(description="=HYPERLINK(\"http://evil\") is just text"),
    )
    text = services_to_csv(directory)
    assert "'=HYPERLINK" in text  # spreadsheet programs will not run it
    assert services_from_csv(text.encode("utf-8")) == directory.services


@pytest.mark.parametrize("name", ["'Tis the Hub", "'quoted' name", "O'Neill's Place"])
def test_an_apostrophe_that_starts_a_name_is_kept(name: str):
    directory = upsert_service(new_directory("my-area", "My area", "Example Town"),
                               _service(name=name))
    assert services_from_csv(services_to_csv(directory).encode()) == directory.services


def test_the_longest_description_a_service_may_have_imports_again():
    directory = upsert_service(new_directory("my-area", "My area", "Example Town"),
                               _service(description="x" * 4000))
    assert services_from_csv(services_to_csv(directory).encode()) == directory.services


def test_each_row_problem_names_its_line_and_column_in_plain_words():
    lines = _problems(_csv(_row(1), _row(2, phone="not a number"), _row(3, phone="call")))
    assert lines == [
        "services.csv:3: phone: write the number in digits (spaces allowed), "
        "for example 0131 496 0000",
        "services.csv:4: phone: write the number in digits (spaces allowed), "
        "for example 0131 496 0000",
    ]


def test_a_bad_date_names_its_real_column():
    row = "a-one,One,9-5,Free,All,Town,Desc,drop-in,0131 496 0000,2026-13-01"
    assert _problems(f"{HEADER}{row}\n".encode()) == [
        "services.csv:2: last_checked: write the date as YYYY-MM-DD, for example 2026-11-26"]
    lines = _problems(f"{HEADER[:-1]},source_checked\n{row[:-10]}2026-11-01,2026-02-30\n"
                      .encode())
    assert lines == ["services.csv:2: source_checked: write the date as YYYY-MM-DD, "
                     "for example 2026-11-26"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (_csv(_row(1)) + "s-2,Café,9-5\n".encode("latin-1"),  # a spreadsheet's own encoding
         "services.csv:3: is not UTF-8 text; save the file as 'CSV UTF-8' from your "
         "spreadsheet program"),
        (b"id,name\nx,y\n", "services.csv:1: missing column(s): hours, cost, for_whom"),
        (b"id,name,hours,cost,for_whom,colour\n", "services.csv:1: unknown column(s): colour"),
        (b"id,name,hours,cost,for_whom,name\n", "services.csv:1: column(s) named twice: name"),
        (b"", "services.csv: is empty; its first line names the columns, for example: "
              "id,name,hours,cost,for_whom"),
        (b"\n\n", "services.csv: is empty; its first line names the columns, for example: "
                  "id,name,hours,cost,for_whom"),
        (b"a" * 600_000, "services.csv: the file is too large (the limit is 500 kB); "
                         "split it into smaller files"),
        (_csv(_row(1)) + b"PK\x03\x04\x00\x00\n",
         "services.csv:3: holds a zero byte: this looks like a spreadsheet file, not CSV "
         "text; save it as 'CSV UTF-8'"),
    ],
)
def test_bad_files(raw: bytes, expected: str):
    assert _problems(raw) == [expected]


def test_a_field_longer_than_the_csv_modules_own_limit_is_a_plain_problem():
    # issue 14: a field over 131,072 characters raised an uncaught _csv.Error
    raw = _csv(_row(1), _row(2, description="x" * 140_000), _row(3))
    assert len(raw) < 500_000
    assert _problems(raw) == [
        f"services.csv:3: a value is longer than {MAX_CSV_FIELD:,} characters "
        "(is a quote left open?)"]


def test_a_field_over_our_limit_names_its_column_and_other_rows_are_still_checked():
    raw = _csv(_row(1, phone="x"), _row(2, description="y" * (MAX_CSV_FIELD + 1)))
    assert _problems(raw) == [
        "services.csv:2: phone: write the number in digits (spaces allowed), "
        "for example 0131 496 0000",
        f"services.csv:3: description: is longer than {MAX_CSV_FIELD:,} characters",
    ]


def test_an_unclosed_quote_is_reported_where_it_opens():
    raw = _csv(_row(1), _row(2).replace("Service 2", '"Service 2'), _row(3), _row(4))
    lines = _problems(raw)
    assert lines and all(line.startswith("services.csv:3: ") for line in lines)
    assert lines[-1] == ("services.csv:3: row: runs on to line 5; if that is a mistake, "
                         "a quote may be left open")


def test_a_row_with_too_many_values_and_a_repeated_id():
    raw = _csv(_row(1), _row(2).replace("Service 2", "Service, 2"), _row(1))
    assert _problems(raw) == [
        "services.csv:3: row: has 1 value(s) more than there are columns; put quotes around "
        "a value that holds a comma",
        "services.csv:4: id: 's-1' is already on line 2",
    ]


def test_a_quoted_value_over_several_lines_is_fine():
    raw = _csv(_row(1, description='"Tea,\nand a chat"'), _row(2))
    services = services_from_csv(raw)
    assert [s.description for s in services] == ["Tea,\nand a chat", "Desc"]


def test_many_problems_are_cut_short_with_a_count():
    raw = _csv(*(_row(i, phone="x") for i in range(MAX_PROBLEMS_SHOWN + 7)))
    lines = _problems(raw)
    assert len(lines) == MAX_PROBLEMS_SHOWN + 1
    assert lines[-1] == "... and 7 more problems"


class _CountingStream(io.BytesIO):
    """Counts the lines handed out, to show the import reads as it goes."""

    lines_read = 0

    def __next__(self) -> bytes:
        self.lines_read += 1
        return super().__next__()


def test_too_many_rows_are_refused_at_once_naming_the_csv():
    # issue 14: 10,000 rows blocked the page for 19 s, then named the directory file.
    raw = _csv(*(f"s{i},S,9,F,A,T,D,di,01314960,2026-11-01\n" for i in range(10_000)))
    assert len(raw) < 500_000  # under the size limit, like the 468 kB file
    stream = _CountingStream(raw)
    with pytest.raises(SettingsError) as info:
        services_from_csv(stream, "my-list.csv")
    assert str(info.value) == (
        f"my-list.csv: has more than {MAX_CSV_ROWS:,} services (line {MAX_CSV_ROWS + 2} is "
        f"past the limit); split it into files of at most {MAX_CSV_ROWS:,} rows")
    assert stream.lines_read <= MAX_CSV_ROWS + 3  # stopped there, the rest never read


def test_as_many_rows_as_the_limit_import():
    services = services_from_csv(_csv(*(_row(i) for i in range(MAX_CSV_ROWS))))
    assert [s.id for s in services] == [f"s-{i}" for i in range(MAX_CSV_ROWS)]


def test_merge_updates_in_place_and_adds_the_rest_at_the_end():
    directory = new_directory("my-area", "My area", "Example Town")
    for i in range(3):
        directory = upsert_service(directory, _service(id=f"s-{i}", name=f"Old {i}"))
    merged = merge_services(directory, [_service(id="s-9", name="New"),
                                        _service(id="s-1", name="Changed")])
    assert [(s.id, s.name) for s in merged.services] == [
        ("s-0", "Old 0"), ("s-1", "Changed"), ("s-2", "Old 2"), ("s-9", "New")]
