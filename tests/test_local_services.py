"""Local service directories: edits are validated, written atomically and read back."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import ROOT

from outreach_kit.assemble.pack import build_pack
from outreach_kit.assemble.recipe import Recipe
from outreach_kit.content import load_library
from outreach_kit.errors import ContentError, OutputError, SettingsError
from outreach_kit.local_services import (
    add_own_service,
    asks_for_own_area,
    create_directory,
    load_directory,
    mark_checked,
    new_directory,
    overdue,
    own_directory,
    remove_service,
    save_change,
    service_from_form,
    upsert_service,
)
from outreach_kit.outputs import render_document

TODAY = dt.date(2026, 11, 26)


def _form(**overrides):
    values = {
        "id": "drop-in-centre",
        "name": "Drop-in centre",
        "description": "A warm place to sit, have tea and talk.",
        "area": "Example Town",
        "categories": ["drop-in"],
        "phone": "0131 496 0000",
        "hours": "Monday to Friday, 10am to 4pm",
        "cost": "Free",
        "for_whom": "Anyone over 16",
        "source": {"title": "Phoned the service", "checked": TODAY},
        "last_checked": TODAY,
        "check_every_days": 90,
    }
    values.update(overrides)
    return values


def test_add_save_and_read_back(tmp_path: Path):
    path = tmp_path / "resources" / "my-area.yaml"
    directory = new_directory("my-area", "My area", "Example Town")
    directory = upsert_service(directory, service_from_form(_form()))
    create_directory(path, directory)
    assert load_directory(path) == directory
    assert "drop-in-centre" in path.read_text(encoding="utf-8")
    with pytest.raises(SettingsError, match=r"already a directory file called my-area\.yaml"):
        create_directory(path, new_directory("my-area", "Other", "Elsewhere"))
    assert load_directory(path) == directory


def test_edit_keeps_position_and_remove(tmp_path: Path):
    directory = new_directory("my-area", "My area", "Example Town")
    directory = upsert_service(directory, service_from_form(_form()))
    directory = upsert_service(directory, service_from_form(_form(id="food-bank", name="Food")))
    edited = upsert_service(directory, service_from_form(_form(name="Drop-in (new name)")))
    assert [s.id for s in edited.services] == ["drop-in-centre", "food-bank"]
    assert edited.services[0].name == "Drop-in (new name)"
    removed = remove_service(edited, "drop-in-centre")
    assert [s.id for s in removed.services] == ["food-bank"]
    with pytest.raises(SettingsError, match="no service with id 'nope'"):
        remove_service(removed, "nope")


def test_overdue_and_mark_checked():
    old = TODAY - dt.timedelta(days=120)
    directory = upsert_service(
        new_directory("my-area", "My area", "Example Town"),
        service_from_form(_form(last_checked=old, source={"title": "x", "checked": old})),
    )
    assert [s.id for s in overdue(directory, TODAY)] == ["drop-in-centre"]
    checked = mark_checked(directory, "drop-in-centre", TODAY)
    assert overdue(checked, TODAY) == []
    assert checked.services[0].last_checked == TODAY


def test_bad_form_names_every_field():
    with pytest.raises(SettingsError) as info:
        service_from_form(_form(phone="call us!", web="http://insecure.example"))
    message = str(info.value)
    assert "Phone: write the number in digits" in message
    assert "Website: give the whole address, starting with https://" in message
    assert "pattern" not in message and "web:" not in message
    assert set(info.value.fields) == {"phone", "web"}  # type: ignore[attr-defined]


def test_boolean_word_in_text_field_stays_text(tmp_path: Path):
    # "No" as a cost must survive a save and a reload as the word, not False.
    path = tmp_path / "area.yaml"
    directory = upsert_service(new_directory("my-area", "My area", "Example Town"),
                               service_from_form(_form(cost="No")))
    create_directory(path, directory)
    assert load_directory(path).services[0].cost == "No"


def test_failed_save_leaves_old_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "area.yaml"
    directory = upsert_service(new_directory("my-area", "My area", "Example Town"),
                               service_from_form(_form()))
    create_directory(path, directory)
    before = path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match=r"cannot write .*area\.yaml \(No space left on device\)"):
        save_change(path, directory,
                    lambda d: upsert_service(d, service_from_form(_form(name="Other"))))
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.tmp"))  # no temp file left


def test_saved_directory_loads_in_library(tmp_path: Path, content_dir: Path):
    import shutil

    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    directory = upsert_service(new_directory("my-area", "My area", "Example Town"),
                               service_from_form(_form(id="my-new-service")))
    create_directory(copy / "resources" / "my-area.yaml", directory)
    assert (copy / "resources" / ".my-area.yaml.lock").exists()  # hidden: never content
    library = load_library(copy)
    assert "my-new-service" in library.services
    assert not [p for p in library.errors if "my-area" in p.path]


def test_broken_directory_file_reports_line(tmp_path: Path):
    path = tmp_path / "area.yaml"
    path.write_text("schema_version: 1\ndirectory:\n  id: x-y\n  name: N\n  area: A\n"
                    "services:\n  - id: s-one\n    name: S\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_directory(path)
    assert any(p.line == 7 and p.field.startswith("services[0]") for p in info.value.problems)


def test_a_directory_that_does_not_read_back_is_a_settings_error(tmp_path: Path):
    path = tmp_path / "area.yaml"
    directory = new_directory("my-area", "My area", "Example Town")
    broken = directory.model_copy(update={"schema_version": 2})  # not validated on copy
    with pytest.raises(SettingsError) as info:
        create_directory(path, broken)
    assert not isinstance(info.value, ContentError)
    assert "schema_version" in str(info.value)
    assert str(path) in str(info.value)
    assert not path.exists()


# ---------------------------------------------------------------------------- example data


def test_a_service_typed_in_is_never_example_data():
    assert service_from_form(_form(example=True)).example is False


def test_the_example_directory_asks_for_the_workers_own_area(content_dir: Path):
    example = load_directory(content_dir / "resources" / "example-local.yaml")
    assert asks_for_own_area(example)
    assert example.example_services() == example.services
    mine = own_directory("Harbour Town", [example])
    assert not asks_for_own_area(mine)
    assert (mine.directory.id, mine.directory.area) == ("local-harbour-town", "Harbour Town")
    with pytest.raises(SettingsError, match="holds example services"):
        add_own_service(example, service_from_form(_form()))
    mine = add_own_service(mine, service_from_form(_form()))
    assert [(s.area, s.example) for s in mine.services] == [("Harbour Town", False)]
    assert own_directory(" harbour town ", [example, mine]) is mine  # found again, not new
    with pytest.raises(SettingsError, match="area"):
        own_directory("  ", [example])


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.mark.parametrize("into_example_file", [True, False])
def test_a_pack_with_a_workers_own_service_prints_no_example_notice(tmp_path: Path,
                                                                    into_example_file: bool):
    # issue 11: "Harbour Drop-in" added to the example directory printed as example data
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    example_path = content / "resources" / "example-local.yaml"
    example = load_directory(example_path)
    harbour = service_from_form(_form(id="harbour-drop-in", name="Harbour Drop-in",
                                      area="Harbour Town"))
    if into_example_file:  # what the app did before: straight into the example file
        save_change(example_path, example, lambda d: upsert_service(d, harbour))
    else:  # the worker's own area first
        mine = add_own_service(own_directory("Harbour Town", [example]), harbour)
        create_directory(content / "resources" / f"{mine.directory.id}.yaml", mine)
    library = load_library(content)
    assert not library.errors
    assert library.services["harbour-drop-in"].example is False
    notice = library.fixed_wording().example_notice

    own_only = build_pack(library, Recipe(services={"ids": ["harbour-drop-in"]}), TODAY)
    assert own_only.notices == ()
    text = _pdf_text(render_document(own_only, "pdf"))
    assert "Harbour Drop-in" in text
    assert notice not in text

    with_one_example = build_pack(
        library, Recipe(services={"ids": ["harbour-drop-in", "example-drop-in"]}), TODAY)
    text = _pdf_text(render_document(with_one_example, "pdf"))
    assert with_one_example.notices == (notice,)
    assert text.count(notice) == 2  # on the cover, and under the made-up drop-in only
    assert text.index("Harbour Drop-in") < text.index("Example Town Drop-in")
    harbour_card = text[text.index("Harbour Drop-in"):text.index("Example Town Drop-in")]
    assert notice not in harbour_card
