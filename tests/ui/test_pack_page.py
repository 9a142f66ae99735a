"""The Make a pack page: the short flow, search, the one list of services, the summary with
its real page count, the one download, Start again and saved choices."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import ROOT, go, no_exceptions, page_app, router_app, whole_app

pytestmark = pytest.mark.usefixtures("private_content")

SWITCH_OFF = "w.obs.only-way-to-switch-off"


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _preview(at):
    return at.session_state["pack.made"][1]


def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in folder.rglob("*") if p.is_file()}


def test_app_opens_on_make_a_pack_with_its_own_labelled_navigation():
    at = whole_app().run()
    no_exceptions(at)
    assert at.title[0].value == "Make a pack"
    assert any("Nothing about the person is saved" in c.value for c in at.caption)
    links = [link.proto.label for link in at.get("page_link")]
    titles = ["Make a pack", "Write a letter", "Training", "Content library",
              "Local services", "Organisation"]
    assert links == titles + titles, "the sidebar menu, then the phone menu"
    assert any(m.value == "**Pages:**" for m in at.markdown)


def test_make_a_pack_flow(private_content: Path):
    from outreach_kit.outputs import render_document

    before = _snapshot(private_content, private_content.parent / "settings", ROOT / "content")
    at = page_app("page_pack").run()
    at.text_input(key="w.person_name").input("Sam")
    at.text_input(key="w.keyworker_name").input("Alex")
    at.checkbox(key=SWITCH_OFF).check()
    at.text_input(key="w.wallet.1").input("Phone my sister")
    at.run()
    no_exceptions(at)
    assert "understand-blocking-out" in at.multiselect(key="w.modules").value
    preview = _preview(at)
    text = _pdf_text(preview.pdf)
    assert "For Sam" in text and "Phone my sister" in text and "116 123" in text
    assert len(PdfReader(io.BytesIO(preview.pdf)).pages) == preview.page_count
    assert any(m.value.startswith(f"**{preview.page_count} pages**") for m in at.markdown)
    (button,) = [b for b in at.get("download_button") if b.proto.label.startswith("Download")]
    assert button.proto.label == "Download the pack (PDF)"
    at.radio(key="w.format").set_value("docx").run()
    (button,) = [b for b in at.get("download_button") if b.proto.label.startswith("Download")]
    assert button.proto.label == "Download the pack (Word (DOCX))"
    assert render_document(preview.made.document, "docx", preview.made.options)[:2] == b"PK"
    assert _snapshot(private_content, private_content.parent / "settings",
                     ROOT / "content") == before, "nothing written anywhere"


def test_the_page_count_follows_every_change():
    at = page_app("page_pack").run()
    first = _preview(at).page_count
    at.checkbox(key=SWITCH_OFF).check().run()
    at.checkbox(key="w.obs.avoids-family").check().run()
    assert _preview(at).page_count > first
    at.multiselect(key="w.profiles").set_value(["large-print"]).run()
    assert f"**{_preview(at).page_count} pages**" in " ".join(m.value for m in at.markdown)


def test_search_finds_observations_and_ticks_carry_over_to_the_themes():
    at = page_app("page_pack").run()
    at.text_input(key="w.obs_search").input("switch off").run()
    boxes = [c for c in at.checkbox if c.key and c.key.startswith("w.obs.")]
    assert SWITCH_OFF in [c.key for c in boxes] and len(boxes) < 10
    at.checkbox(key=SWITCH_OFF).check().run()
    at.text_input(key="w.obs_search").input("").run()
    no_exceptions(at)
    assert at.checkbox(key=SWITCH_OFF).value is True
    assert _preview(at).made.document.sections, "the pack follows the tick"
    labels = [e.label for e in at.expander]
    assert "Using to cope with feelings, pain and memories" in labels
    assert any(c.value == "In the research: Drugs as a self-regulator" for c in at.caption)


def test_services_one_list_an_area_adds_visibly_and_each_is_removable():
    at = page_app("page_pack").run()
    listed = at.multiselect(key="w.service_ids").value
    assert "samaritans" in listed and len(listed) > 10, "the starting area's services show"
    at.button(key="services.clear").click().run()
    assert at.multiselect(key="w.service_ids").value == []
    at.multiselect(key="w.service_ids").set_value(["samaritans", "breathing-space"]).run()
    no_exceptions(at)
    cards = [b.name for s in _preview(at).made.document.sections for b in s.blocks
             if hasattr(b, "phone") and hasattr(b, "name")]
    assert sorted(cards) == ["Breathing Space", "Samaritans"]
    at.selectbox(key="w.add_area").set_value("Scotland")
    at.button(key="services.add_area").click().run()
    assert set(listed) <= set(at.multiselect(key="w.service_ids").value)


def test_start_again_asks_then_forgets_the_person_and_the_files():
    at = page_app("page_pack").run()
    at.text_input(key="w.person_name").input("Zebediah")
    at.checkbox(key=SWITCH_OFF).check().run()
    at.button(key="start_again").click().run()
    assert at.text_input(key="w.person_name").value == "Zebediah", "nothing is cleared yet"
    at.button(key="start_again.no").click().run()
    assert at.text_input(key="w.person_name").value == "Zebediah", "kept when the worker says no"
    at.button(key="start_again").click().run()
    at.button(key="start_again.yes").click().run()
    no_exceptions(at)
    assert at.text_input(key="w.person_name").value == ""
    assert at.checkbox(key=SWITCH_OFF).value is False
    assert "For Zebediah" not in _pdf_text(_preview(at).pdf), "the file made for Zebediah is gone"
    assert all("Zebediah" not in repr(at.session_state[k]) for k in at.session_state)


def test_two_sessions_never_share_client_details():
    first = page_app("page_pack").run()
    first.text_input(key="w.person_name").input("Morven").run()
    assert "For Morven" in _pdf_text(_preview(first).pdf)
    second = page_app("page_pack").run()
    no_exceptions(second)
    assert second.text_input(key="w.person_name").value == ""
    assert all("Morven" not in repr(second.session_state[k]) for k in second.session_state)
    assert "Morven" not in _pdf_text(_preview(second).pdf)


def test_name_is_carried_to_the_letter_page_within_the_session():
    at = go(router_app(), "page_pack")
    at.text_input(key="w.person_name").input("Sam").run()
    go(at, "page_letter")
    no_exceptions(at)
    assert at.text_input(key="w.person_name").value == "Sam"


def test_the_sidebar_shows_the_organisation_once_it_is_set():
    from outreach_kit.settings import OrganisationSettings, save_settings

    at = whole_app().run()
    assert not [m for m in at.sidebar.markdown if "Harbour" in m.value]
    save_settings(OrganisationSettings(organisation="Harbour *Outreach*"))
    at = whole_app().run()
    no_exceptions(at)
    assert any(m.value == "**Harbour \\*Outreach\\***" for m in at.sidebar.markdown), \
        "the name is shown as written, never as markup"
