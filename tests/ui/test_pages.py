"""Every page renders with AppTest, and the main flows work without a browser."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import ROOT, no_exceptions, page_app, whole_app

pytestmark = pytest.mark.usefixtures("private_content")


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def test_app_opens_on_make_a_pack_with_privacy_line():
    at = whole_app().run()
    no_exceptions(at)
    assert at.title[0].value == "Make a pack"
    shown = [i.value for i in at.info] + [c.value for c in at.sidebar.caption]
    assert any("Nothing about the person is saved. Download the pack before you close this "
               "page." in text for text in shown)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("page_pack", "Make a pack"),
        ("page_letter", "Write a letter"),
        ("page_training", "Training"),
        ("page_library", "Content library"),
        ("page_services", "Local services"),
        ("page_organisation", "Organisation"),
    ],
)
def test_every_page_renders(page: str, title: str):
    at = page_app(page).run()
    no_exceptions(at)
    assert at.title[0].value == title


def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in folder.rglob("*") if p.is_file()}


def test_make_a_pack_flow(private_content: Path):
    before = _snapshot(private_content, private_content.parent / "settings", ROOT / "content")
    at = page_app("page_pack").run()
    at.text_input(key="w.person_name").input("Sam")
    at.text_input(key="w.keyworker_name").input("Alex")
    first_obs = next(c for c in at.checkbox if c.key and c.key.startswith("w.obs."))
    first_obs.check()
    at.run()
    no_exceptions(at)
    assert at.multiselect(key="w.modules").value, "recommendations fill the module list"
    at.text_input(key="w.wallet.1").input("Phone my sister")
    at.button(key="make").click().run()
    no_exceptions(at)
    document, options, pdf = at.session_state["pack.made"]
    text = _pdf_text(pdf)
    assert "For Sam" in text
    assert "Phone my sister" in text
    assert "116 123" in text  # the help-right-now page is always there
    labels = {b.label for b in at.get("download_button")}
    assert {"Download PDF", "Download web page (HTML)", "Download Markdown",
            "Download Word (DOCX)"} <= labels
    # The other formats render on click, from the same document.
    from outreach_kit.outputs import render_document

    assert b"For Sam" in render_document(document, "html", options)
    assert render_document(document, "docx", options).startswith(b"PK")
    # Nothing was written anywhere the app keeps files.
    assert _snapshot(private_content, private_content.parent / "settings",
                     ROOT / "content") == before


def test_pack_still_works_with_a_broken_module(private_content: Path):
    broken = private_content / "modules" / "zz-broken.yaml"
    broken.write_text("schema_version: 1\nid: zz-broken\ntitle: [unclosed\n", encoding="utf-8")
    library = page_app("page_library").run()
    no_exceptions(library)
    assert any("problem" in e.value for e in library.error)
    assert any("zz-broken.yaml" in t.value for t in library.text)
    at = page_app("page_pack").run()
    no_exceptions(at)
    at.button(key="make").click().run()
    no_exceptions(at)
    assert "116 123" in _pdf_text(at.session_state["pack.made"][2])


def test_two_sessions_never_share_client_details():
    first = page_app("page_pack").run()
    first.text_input(key="w.person_name").input("Morven").run()
    first.button(key="make").click().run()
    second = page_app("page_pack").run()
    no_exceptions(second)
    assert second.text_input(key="w.person_name").value == ""
    assert "pack.made" not in second.session_state
    assert all("Morven" not in repr(second.session_state[k]) for k in second.session_state)


def test_recipe_save_holds_no_personal_fields():
    at = page_app("page_pack").run()
    at.text_input(key="w.person_name").input("Sam")
    at.text_input(key="w.service_contact").input("07700 900123")
    at.run()
    saved = next(b for b in at.get("download_button") if b.key == "recipe.save")
    text = saved.proto.url if hasattr(saved, "proto") else ""
    from outreach_kit.outputs import recipe_yaml_without_personal_fields

    recipe = recipe_yaml_without_personal_fields({
        "person_name": "Sam", "service_contact": "07700 900123", "observations": []})
    assert "Sam" not in recipe and "07700" not in recipe and "Sam" not in text


def test_letter_page_checks_and_exports():
    at = page_app("page_letter").run()
    no_exceptions(at)
    at.text_input(key="w.letter.name").input("Sam")
    at.text_area(key="w.letter.their_words").input("I just need a break from it all")
    at.text_input(key="w.letter.signer").input("Alex")
    at.run()
    no_exceptions(at)
    assert any("reading ease" in c.value for c in at.caption) or at.success
    make = at.button(key="letter.make")
    assert make.disabled, "no export before the consent box is ticked"
    at.checkbox(key="letter.consent").check().run()
    at.button(key="letter.make").click().run()
    no_exceptions(at)
    _, files = at.session_state["letter.files"]
    assert set(files) == {"pdf", "docx", "md", "txt"}
    assert "I just need a break from it all" in files["txt"].decode("utf-8")


def test_training_page_makes_a_handout():
    at = page_app("page_training").run()
    at.radio(key="training.audience").set_value("participant")
    at.button(key="training.make").click().run()
    no_exceptions(at)
    stem, fmt, data = at.session_state["training.file"]
    assert fmt == "pdf" and stem.endswith("participant")
    assert data.startswith(b"%PDF")


def test_local_services_add_and_export(private_content: Path):
    at = page_app("page_services").run()
    no_exceptions(at)
    at.text_input(key="svc.area").input("Harbour")
    at.button[[b.label for b in at.button].index("Create directory")].click().run()
    no_exceptions(at)
    assert (private_content / "resources" / "harbour.yaml").is_file()
    at.selectbox(key="services.directory").set_value("harbour").run()
    at.text_input(key="svc.name").input("Harbour Food Bank")
    at.text_area(key="svc.description").input("Food parcels and a hot meal.")
    at.text_input(key="svc.phone").input("0131 496 0999")
    at.text_input(key="svc.hours").input("Tuesday 12 to 3")
    at.text_input(key="svc.for_whom").input("Anyone")
    at.button[[b.label for b in at.button].index("Save service")].click().run()
    no_exceptions(at)
    assert not at.error, [e.value for e in at.error]
    written = (private_content / "resources" / "harbour.yaml").read_text(encoding="utf-8")
    assert "Harbour Food Bank" in written
    assert any(s.value == "Saved." for s in at.success)
    assert "harbour-food-bank" in at.selectbox(key="services.edit").options or any(
        "Harbour Food Bank" in o for o in at.selectbox(key="services.edit").options)


def test_organisation_settings_saved(tmp_path: Path):
    at = page_app("page_organisation").run()
    at.text_input(key="org.name").input("Harbour Drop-in")
    at.button[[b.label for b in at.button].index("Save settings")].click().run()
    no_exceptions(at)
    saved = (tmp_path / "settings" / "organisation.yaml").read_text(encoding="utf-8")
    assert "Harbour Drop-in" in saved


def test_streamlit_config_protects_privacy():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 5
