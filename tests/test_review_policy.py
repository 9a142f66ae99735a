"""The organisation's rule on pages not yet clinically reviewed, in the core and in build."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from support import ROOT

from outreach_kit.assemble.recipe import load_recipe
from outreach_kit.cli.main import main
from outreach_kit.content import load_library
from outreach_kit.errors import ReviewPolicyError
from outreach_kit.outputs import make_pack
from outreach_kit.review_policy import awaiting_review_note, pages_awaiting_review
from outreach_kit.settings import OrganisationSettings, save_settings, settings_for_content

TODAY = dt.date(2026, 11, 29)
RECIPE = ROOT / "examples" / "minimal.yaml"


def _clinically_review_everything(content: Path) -> None:
    for path in (content / "modules").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\n  status: [a-z-]+\n", "\n  status: clinically-reviewed\n",
                               text), encoding="utf-8")


def test_the_default_allows_unreviewed_pages_and_names_them_for_the_worker(library):
    assert OrganisationSettings().allow_unreviewed_modules is True
    made = make_pack(library, load_recipe(RECIPE, library), TODAY)
    pages = pages_awaiting_review(library, made.document)
    in_pack = [s.id for s in made.document.sections if s.id in library.modules]
    assert [p.id for p in pages] == in_pack  # nothing is clinically reviewed yet
    note = awaiting_review_note(library, made.document)
    assert note.startswith(f"{len(pages)} page(s) in this pack are not yet clinically reviewed")
    assert all(page.title in note for page in pages)


def test_not_allowed_refuses_the_pack_and_names_the_pages(library):
    recipe = load_recipe(RECIPE, library)
    with pytest.raises(ReviewPolicyError) as caught:
        make_pack(library, recipe, TODAY, allow_unreviewed=False)
    message = str(caught.value)
    assert "allow only clinically reviewed pages" in message
    assert library.help_now_module().title in message
    assert "Organisation page" in message


def test_not_allowed_builds_when_every_page_is_clinically_reviewed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    _clinically_review_everything(content)
    library = load_library(content)
    made = make_pack(library, load_recipe(RECIPE, library), TODAY, allow_unreviewed=False)
    assert not pages_awaiting_review(library, made.document)
    assert awaiting_review_note(library, made.document) == ""


def test_build_reads_the_setting_saved_with_the_content(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("OUTREACH_KIT_SETTINGS", raising=False)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "pack.pdf"
    args = ["build", str(RECIPE), "-o", str(out), "--content", str(content)]
    assert main(args) == 0
    save_settings(OrganisationSettings(allow_unreviewed_modules=False), content)
    assert settings_for_content(content).allow_unreviewed_modules is False
    out.unlink()
    capsys.readouterr()
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "not yet clinically reviewed" in err and "Help right now" in err
    assert not out.exists()


def test_settings_folder_from_the_environment_wins(tmp_path, monkeypatch):
    settings = tmp_path / "settings"
    settings.mkdir()
    save_settings(OrganisationSettings(allow_unreviewed_modules=False), settings)
    monkeypatch.setenv("OUTREACH_KIT_SETTINGS", str(settings))
    assert settings_for_content(tmp_path / "elsewhere").allow_unreviewed_modules is False
