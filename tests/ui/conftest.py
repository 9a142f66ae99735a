"""AppTest helpers: run one page (or the whole app) against a private copy of content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60


@pytest.fixture
def private_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of content/ and an empty settings folder, so tests never touch the real ones."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    settings = tmp_path / "settings"
    settings.mkdir()
    monkeypatch.setenv("OUTREACH_KIT_CONTENT", str(content))
    monkeypatch.setenv("OUTREACH_KIT_SETTINGS", str(settings))
    return content


def page_app(page: str) -> AppTest:
    """An AppTest running one page module's ``render()``."""
    script = (
        "import importlib\n"
        f"importlib.import_module('outreach_kit.ui.{page}').render()\n"
    )
    return AppTest.from_string(script, default_timeout=TIMEOUT)


def router_app() -> AppTest:
    """One session that can move between pages: set session_state["test.page"], then run.

    (AppTest.switch_page only works with file-based pages; ours are functions.)
    """
    script = (
        "import importlib\n"
        "import streamlit as st\n"
        "page = st.session_state.get('test.page', 'page_pack')\n"
        "importlib.import_module(f'outreach_kit.ui.{page}').render()\n"
    )
    return AppTest.from_string(script, default_timeout=TIMEOUT)


def go(at: AppTest, page: str) -> AppTest:
    at.session_state["test.page"] = page
    return at.run()


def whole_app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
