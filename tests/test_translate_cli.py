"""``outreach-kit translate export|import`` and ``build --language`` / ``language:``."""

from __future__ import annotations

import io
from pathlib import Path

import polib
import pytest
import yaml
from pypdf import PdfReader
from support import ROOT
from translation_fixtures import copy_content

from outreach_kit.cli.main import main
from outreach_kit.content.loader import load_library
from outreach_kit.translations.files import load_translations
from outreach_kit.validate import validate_library

NOTE = "This page is in English. Your worker can go through it with you."


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path)


def _translate(catalogue: Path, prefix: str) -> None:
    po = polib.pofile(str(catalogue))
    for entry in po:
        entry.msgstr = f"{prefix} {entry.msgid}"
    po.save(str(catalogue))


def test_export_translate_import_then_build_in_polish(content: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "pl.po"
    assert main(["translate", "export", "--language", "pl", "--module", "safer-naloxone",
                 "-o", str(catalogue), "--content", str(content)]) == 0
    _translate(catalogue, "PL")
    assert main(["translate", "import", str(catalogue), "--translator", "Test",
                 "--content", str(content)]) == 0
    recipe = tmp_path / "r.yaml"
    recipe.write_text("schema_version: 1\nmodules: [safer-naloxone]\nlanguage: pl\n", "utf-8")
    out = tmp_path / "pl.pdf"
    assert main(["build", str(recipe), "-o", str(out), "--content", str(content)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "PL Staying safer: naloxone" in text
    assert NOTE in text  # the help-right-now page has no Polish translation
    assert "Translation not yet checked" in text


def test_build_language_option_overrides_the_recipe(content: Path, tmp_path: Path) -> None:
    recipe = tmp_path / "r.yaml"
    recipe.write_text("schema_version: 1\nmodules: [safer-naloxone]\n", "utf-8")
    out = tmp_path / "ro.html"
    assert main(["build", str(recipe), "-o", str(out), "--language", "ro",
                 "--content", str(content)]) == 0
    html = out.read_text("utf-8")
    assert '<html lang="ro" dir="ltr">' in html and NOTE in html
    assert main(["build", str(recipe), "-o", str(tmp_path / "x.pdf"), "--language", "xx-qq",
                 "--content", str(content)]) == 2


def test_wording_import_is_tied_to_the_english_the_translator_saw(
        content: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "ar.po"
    assert main(["translate", "export", "--language", "ar", "-o", str(catalogue),
                 "--content", str(content)]) == 0
    po = polib.pofile(str(catalogue))
    for entry in po:
        if entry.msgctxt == "wording:cover.title":
            entry.msgstr = "حزمتك"
        elif entry.msgctxt == "wording:page_words.page_of":
            entry.msgstr = "صفحة {page} من {total}"
        elif not entry.msgctxt.startswith("wording:"):
            entry.msgstr = ""
    po.save(str(catalogue))
    for entry in list(po):  # keep the fixed words only (modules would all be empty)
        if not entry.msgctxt.startswith("wording:"):
            po.remove(entry)
    po.metadata["X-Outreach-Kit-Fingerprints"] = " ".join(
        item for item in po.metadata["X-Outreach-Kit-Fingerprints"].split()
        if item.startswith("wording="))
    po.save(str(catalogue))
    # The English changes after the export: the import must come back out of date.
    wording = content / "wording.yaml"
    wording.write_text(wording.read_text("utf-8").replace('title: "Your pack"',
                                                          'title: "Your own pack"'), "utf-8")
    assert main(["translate", "import", str(catalogue), "--content", str(content)]) == 0
    saved = yaml.safe_load((content / "translations" / "ar" / "wording.yaml").read_text())
    assert saved["cover"] == {"title": "حزمتك"}
    library = load_library(content)
    assert load_translations(library, "ar").wording is None
    assert any("out of date" in p.message for p in validate_library(library))


def test_import_refuses_a_catalogue_with_a_module_entry_removed(
        content: Path, tmp_path: Path) -> None:
    catalogue = tmp_path / "pl.po"
    assert main(["translate", "export", "--language", "pl", "--module", "safer-naloxone",
                 "-o", str(catalogue), "--content", str(content)]) == 0
    _translate(catalogue, "PL")
    po = polib.pofile(str(catalogue))
    po.remove(po[3])
    po.save(str(catalogue))
    assert main(["translate", "import", str(catalogue), "--content", str(content)]) == 1
    assert not (content / "translations" / "pl").exists()


def test_build_in_a_draft_language_tells_the_worker_as_the_app_does(tmp_path, capsys):
    """The shipped Polish pages are drafts: `build` says so on stderr, and names the pages
    still in English, before the worker hands the pack over."""
    out = tmp_path / "pack.pdf"
    assert main(["build", str(ROOT / "examples" / "reference-pack.yaml"), "--language",
                     "pl", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "note: The translated pages are a draft" in err
    assert "in English (no current translation)" in err
    assert main(["build", str(ROOT / "examples" / "reference-pack.yaml"),
                     "-o", str(tmp_path / "en.pdf")]) == 0
    assert "note: " not in capsys.readouterr().err
