"""Broken content: every problem is reported at its exact file, line and field.

Each case copies the small valid library in ``fixtures/minimal`` into tmp_path, lays one
broken file from ``fixtures/broken/<case>/`` over it, loads it, and checks the one error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from outreach_kit.content import load_library, require_valid
from outreach_kit.content.loader import load_file
from outreach_kit.content.schema import Module
from outreach_kit.content.yaml_source import MAX_FILE_BYTES
from outreach_kit.errors import ContentError, Problem

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
BROKEN = FIXTURES / "broken"
MODULE = "modules/take-a-break.yaml"
SERVICES = "resources/test-area.yaml"

# case: (file, line, field, words the message must contain)
CASES: dict[str, tuple[str, int | None, str, str]] = {
    "syntax-error": (MODULE, 5, "", "YAML syntax error"),
    "duplicate-key": (MODULE, 5, "title", "duplicate key 'title' (first used on line 3)"),
    "unknown-field": (MODULE, 9, "sumary", "unknown field"),
    "missing-field": (SERVICES, 7, "services[0].hours", "required but missing"),
    "wrong-type": (MODULE, 8, "time_needed_minutes", "whole number"),
    "boolean-trap": (SERVICES, 14, "services[0].cost", "'no' is read as a yes/no value"),
    "dangling-reference": (MODULE, 8, "subthemes[1]", "unknown subtheme 'no-such-theme'"),
    "bad-date": (MODULE, 13, "last_reviewed", "'2026-13-45' is not a real date"),
    "empty-file": ("modules/empty.yaml", None, "", "file is empty"),
    "non-utf8": (SERVICES, 8, "", "not UTF-8"),
    "list-not-mapping": ("modules/a-list.yaml", 3, "", "found a list"),
    "binary-file": ("modules/picture.yaml", None, "", "binary file"),
    "unknown-block": (MODULE, 16, "body[0]", "each block is one of heading, paragraph"),
    "bad-choice": (MODULE, 4, "kind", "'psychoeducation'"),
    "unsafe-tag": (MODULE, 3, "title", "python/object/apply:os.system' is not allowed"),
    "review-order": (MODULE, 14, "next_review", "must be after last_reviewed"),
    "duplicate-id": (MODULE, 2, "id", "module id 'take-a-break' is also used in"),
}


def copy_minimal(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(MINIMAL, root)
    return root


def break_with(root: Path, case: str) -> None:
    shutil.copytree(BROKEN / case, root, dirs_exist_ok=True)


def errors_of(root: Path) -> list[Problem]:
    return [p.relative_to(root) for p in load_library(root).problems if p.is_error]


def test_minimal_fixture_is_valid(tmp_path):
    root = copy_minimal(tmp_path)
    library = require_valid(load_library(root))
    assert list(library.modules) == ["take-a-break"]
    assert list(library.services) == ["test-drop-in"]
    assert library.problems == []


def test_every_broken_fixture_has_a_case():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(CASES)
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_file_reported_at_exact_file_line_and_field(tmp_path, case):
    file, line, field, words = CASES[case]
    root = copy_minimal(tmp_path)
    break_with(root, case)
    errors = errors_of(root)
    assert len(errors) == 1, errors
    (error,) = errors
    assert (error.path, error.line, error.field) == (file, line, field)
    assert words in error.message
    # Printed the way editors and tools expect: path:line: field: message
    where = file if line is None else f"{file}:{line}"
    assert str(error).startswith(f"{where}: {field}: " if field else f"{where}: ")


def test_all_errors_in_all_files_are_collected_in_one_run(tmp_path):
    root = copy_minimal(tmp_path)
    cases = ["empty-file", "list-not-mapping", "binary-file", "boolean-trap", "bad-date"]
    for case in cases:
        break_with(root, case)
    found = {(e.path, e.line, e.field) for e in errors_of(root)}
    assert found == {CASES[c][:3] for c in cases}


def test_a_broken_module_is_left_out_and_the_rest_still_load(tmp_path):
    root = copy_minimal(tmp_path)
    break_with(root, "boolean-trap")  # breaks the services file only
    library = load_library(root)
    assert list(library.modules) == ["take-a-break"]
    assert library.services == {}
    with pytest.raises(ContentError) as caught:
        require_valid(library)
    assert "services[0].cost" in str(caught.value)


def test_ten_megabyte_file_is_refused_without_parsing(tmp_path):
    root = copy_minimal(tmp_path)
    huge = root / "modules" / "huge.yaml"
    line = "paragraph: " + "words " * 20 + "\n"
    huge.write_text(line * (10_000_000 // len(line) + 1))
    assert huge.stat().st_size >= 10_000_000 > MAX_FILE_BYTES
    (error,) = errors_of(root)
    assert (error.path, error.line, error.field) == ("modules/huge.yaml", None, "")
    assert "too large" in error.message
    assert "words" not in error.message


def test_missing_content_folder_is_one_clear_error(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_library(tmp_path / "no-such-folder")
    (problem,) = caught.value.problems
    assert problem.path == str(tmp_path / "no-such-folder")
    assert problem.message == "content folder not found"


def test_a_file_instead_of_a_folder_is_one_clear_error(tmp_path):
    not_a_folder = tmp_path / "content.txt"
    not_a_folder.write_text("hello")
    with pytest.raises(ContentError) as caught:
        load_library(not_a_folder)
    assert [p.message for p in caught.value.problems] == ["is not a folder"]


def test_missing_required_file_is_reported(tmp_path):
    root = copy_minimal(tmp_path)
    (root / "model.yaml").unlink()
    errors = errors_of(root)
    assert ("model.yaml", None, "", "required file is missing") in {
        (e.path, e.line, e.field, e.message) for e in errors
    }


def test_error_messages_never_show_more_of_the_file_than_the_offending_value(tmp_path):
    root = copy_minimal(tmp_path)
    secret = "Jamie told me about the night in Leith"
    module = (root / MODULE).read_text()
    # A syntax error on a line holding private-looking words...
    (root / "modules" / "syntax.yaml").write_text(
        f'schema_version: 1\nsummary: "{secret}\n  title: [unclosed\n')
    # ...and a paragraph far too long (over 4000 characters) in an otherwise good module.
    long_text = (secret + ". ") * 120
    (root / MODULE).write_text(module.replace(
        "Some days your head will not stop. That is hard. You can try one small thing.",
        long_text))
    errors = errors_of(root)
    assert {e.path for e in errors} == {"modules/syntax.yaml", MODULE}
    for error in errors:
        assert "Jamie" not in str(error) and "Leith" not in str(error)


def test_load_file_reports_problems_for_one_file(tmp_path):
    path = tmp_path / "module.yaml"
    shutil.copy(BROKEN / "wrong-type" / MODULE, path)
    item, problems, source = load_file(path, Module)
    assert item is None and source is not None
    assert [(p.line, p.field) for p in problems] == [(8, "time_needed_minutes")]


def test_a_second_directory_with_the_same_id_is_a_clash_and_the_first_stays(tmp_path):
    root = copy_minimal(tmp_path)
    first = (root / SERVICES).read_text()
    second = first.replace("test-drop-in", "other-drop-in").replace(
        "  area: Testshire\n", "  area: Testshire\n  example: true\n", 1)
    assert "example: true" in second
    (root / "resources" / "zz-copy.yaml").write_text(second)
    library = load_library(root)
    (error,) = [p.relative_to(root) for p in library.problems if p.is_error]
    assert (error.path, error.line, error.field) == ("resources/zz-copy.yaml", 3, "directory.id")
    assert "directory id 'test-area' is also used in" in error.message
    assert str(library.path_of(library.directories["test-area"])).endswith(SERVICES)
    assert list(library.services) == ["test-drop-in"]


def test_duplicate_ids_inside_the_model_name_the_real_field(tmp_path):
    root = copy_minimal(tmp_path)
    model = root / "model.yaml"
    text = model.read_text()
    model.write_text(text.replace("- id: physical-pain", "- id: blocking-out"))
    library = load_library(root)
    clashes = [p.relative_to(root) for p in library.problems if "is also used" in p.message]
    assert [(p.path, p.field) for p in clashes] == [
        ("model.yaml", "categories[0].subthemes[1].id")]
    # the first subtheme with that id stays, as modules do
    assert library.subthemes["blocking-out"].name == "Blocking out thoughts and feelings"


# ---------------------------------------------------------------- wording, numbers, roles


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, words: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if words in line)


def _problems(root: Path) -> set[tuple[str, int | None, str, str]]:
    return {(e.path, e.line, e.field, e.message) for e in errors_of(root)}


def test_wording_file_is_required_and_checked_like_any_content_file(tmp_path):
    root = copy_minimal(tmp_path)
    wording = root / "wording.yaml"
    _edit(wording, "  subtitle:", "  subtitel:")
    line = _line_of(wording, "subtitel:")
    found = {(p, ln, f) for p, ln, f, m in _problems(root) if "unknown field" in m}
    assert found == {("wording.yaml", line, "cover.subtitel")}
    wording.unlink()
    assert ("wording.yaml", None, "", "required file is missing") in _problems(root)


def test_wallet_card_must_name_a_service_with_a_phone_number(tmp_path):
    root = copy_minimal(tmp_path)
    wording = root / "wording.yaml"
    _edit(wording, "  contacts: []", "  contacts:\n    - service: nowhere\n      label: Help\n"
          "    - service: test-drop-in\n      label: Drop-in")
    assert _problems(root) == {
        ("wording.yaml", _line_of(wording, "nowhere"), "wallet_card.contacts[0].service",
         "unknown service 'nowhere' (every id: outreach-kit recommend --list-services)")}
    _edit(root / SERVICES, '    phone: "0800 000 000"\n', '    web: https://example.org\n')
    assert ("wording.yaml", _line_of(wording, "test-drop-in"),
            "wallet_card.contacts[1].service",
            "service 'test-drop-in' has no phone number") in _problems(root)


def test_contact_block_takes_its_number_from_a_service(tmp_path):
    root = copy_minimal(tmp_path)
    module = root / MODULE
    _edit(module, "body:\n", "body:\n  - contact:\n      service: test-drop-in\n"
          "      heading: Drop in. Free.\n  - contact:\n      service: no-such-line\n"
          "      heading: Nobody.\n")
    assert _problems(root) == {
        (MODULE, _line_of(module, "no-such-line"), "body[1].contact.service",
         "unknown service 'no-such-line' "
         "(every id: outreach-kit recommend --list-services)")}


def test_a_role_belongs_to_one_module(tmp_path):
    root = copy_minimal(tmp_path)
    first = root / MODULE
    _edit(first, "audience: client\n", "audience: client\nrole: help-right-now\n")
    second = root / "modules" / "take-another-break.yaml"
    second.write_text(first.read_text().replace("id: take-a-break", "id: take-another-break"))
    library = load_library(root)
    assert library.help_now_module().id == "take-a-break"
    assert {(p.path, p.line, p.field) for p in library.errors} == {
        (str(second), _line_of(second, "role:"), "role")}
    assert "already given to module 'take-a-break'" in library.errors[0].message


def test_a_reason_may_only_use_its_own_placeholders(tmp_path):
    root = copy_minimal(tmp_path)
    wording = root / "wording.yaml"
    _edit(wording, '"Picked for you: {what}"', '"Picked for you, {name}: {what}"')
    assert _problems(root) == {
        ("wording.yaml", _line_of(wording, "  picked:"), "reasons.picked",
         "picked may use {what}; not name")}
