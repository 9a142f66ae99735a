"""Review state in the app: the pack page's note or refusal, and the Content library filter."""

from __future__ import annotations

from pathlib import Path

from outreach_kit.settings import OrganisationSettings, load_settings, save_settings

from .conftest import no_exceptions, page_app


def _make_pack(at):
    at.text_input(key="w.person_name").input("Sam").run()  # the pack is made on each change
    no_exceptions(at)
    return at


def test_by_default_the_worker_is_told_which_pages_await_review(private_content: Path):
    at = _make_pack(page_app("page_pack").run())
    assert "pack.made" in at.session_state
    notes = [i.value for i in at.info if "not yet clinically reviewed" in i.value]
    assert len(notes) == 1 and "Help right now" in notes[0]
    assert not at.error


def test_when_not_allowed_the_pack_is_refused_naming_the_pages(private_content: Path):
    settings = private_content.parent / "settings"
    save_settings(OrganisationSettings(allow_unreviewed_modules=False), settings)
    at = _make_pack(page_app("page_pack").run())
    assert "pack.made" not in at.session_state
    errors = " ".join(e.value for e in at.error)
    assert "allow only clinically reviewed pages" in errors and "Help right now" in errors
    assert not any(b.label.startswith("Download the pack") for b in at.get("download_button"))


def test_the_organisation_page_saves_the_setting(private_content: Path):
    at = page_app("page_organisation").run()
    box = at.checkbox(key="org.unreviewed")
    assert box.value is True
    box.uncheck()
    at.button[0].click().run()
    no_exceptions(at)
    assert load_settings().allow_unreviewed_modules is False


def test_content_library_shows_and_filters_by_review_state(private_content: Path):
    at = page_app("page_library").run()
    no_exceptions(at)
    titles = [e.label for e in at.expander if "Team-reviewed" in e.label]
    assert titles, "each module shows its review state"
    at.selectbox(key="lib.review").select("clinically-reviewed").run()
    assert any("No modules match" in i.value for i in at.info)
    at.selectbox(key="lib.review").select("team-reviewed").run()
    assert [e.label for e in at.expander if "Team-reviewed" in e.label] == titles
