"""Shared fixtures: the real content library, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from outreach_kit.content import load_library

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return CONTENT


@pytest.fixture(scope="session")
def library():
    return load_library(CONTENT)
