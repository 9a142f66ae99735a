"""Organisation settings are validated, saved atomically and hold no client data."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_kit.errors import ContentError, OutputError, SettingsError
from outreach_kit.settings import (
    OrganisationSettings,
    load_logo,
    load_settings,
    remove_logo,
    save_logo,
    save_settings,
)


def test_defaults_when_nothing_saved(tmp_path: Path):
    defaults = load_settings(tmp_path)
    assert defaults == OrganisationSettings()
    # made without validation: the same values, fields set and dump as a validated one
    assert defaults.model_dump() == OrganisationSettings.model_validate({}).model_dump()
    assert defaults.model_fields_set == OrganisationSettings().model_fields_set == set()
    assert defaults.default_profiles == ["standard"]
    assert defaults.allow_unreviewed_modules is True


def test_round_trip(tmp_path: Path):
    settings = OrganisationSettings(
        organisation="Harbour Drop-in", address_lines=["1 Quay Street", "Example Town"],
        default_profiles=["large-print", "greyscale"], default_area="Example Town",
    )
    save_settings(settings, tmp_path)
    assert load_settings(tmp_path) == settings


def test_unknown_profile_rejected():
    with pytest.raises(ValueError, match="unknown print profile 'poster'"):
        OrganisationSettings(default_profiles=["poster"])


def test_broken_file_names_line(tmp_path: Path):
    (tmp_path / "organisation.yaml").write_text(
        "schema_version: 1\norganisation: X\ncolour: red\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_settings(tmp_path)
    problem = info.value.problems[0]
    assert (problem.line, problem.field) == (3, "colour")


def test_logo_must_be_png(tmp_path: Path):
    with pytest.raises(SettingsError):
        save_logo(b"GIF89a....", tmp_path)
    png = b"\x89PNG\r\n\x1a\n" + b"rest"
    save_logo(png, tmp_path)
    assert load_logo(tmp_path) == png
    remove_logo(tmp_path)
    assert load_logo(tmp_path) is None


def test_settings_that_do_not_read_back_are_a_settings_error(tmp_path: Path):
    bad = OrganisationSettings.model_construct(**{
        **OrganisationSettings().model_dump(), "organisation": "x" * 200})
    with pytest.raises(SettingsError) as info:
        save_settings(bad, tmp_path)
    assert not isinstance(info.value, ContentError)
    assert "organisation" in str(info.value)
    assert not (tmp_path / "organisation.yaml").exists()


def test_settings_that_cannot_be_written_are_an_output_error(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(OutputError, match=r"cannot write .*not-a-folder"):
        save_settings(OrganisationSettings(organisation="Hub"), blocker)
