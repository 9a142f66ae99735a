"""Shared fixtures: the real content library, the small pack fixture, a minimal copy."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from support import MINIMAL_CONTENT, PACK_CONTENT, ROOT

from outreach_kit.content import load_library

CONTENT = ROOT / "content"

# Commands run by the tests keep their cache (outreach_kit.user_cache) in a folder of this
# test run's own, never in the user's: each test process starts with none.
os.environ["OUTREACH_KIT_CACHE"] = tempfile.mkdtemp(prefix="outreach-kit-cache-")


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return CONTENT


@pytest.fixture(scope="session")
def library():
    return load_library(CONTENT)


@pytest.fixture(scope="session")
def fixture_library():
    """tests/fixtures/packs/content: a small library whose packs have exact expectations."""
    library = load_library(PACK_CONTENT)
    assert not library.errors, library.errors
    return library


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the minimal valid content folder, to break one file at a time."""
    root = tmp_path / "content"
    shutil.copytree(MINIMAL_CONTENT, root)
    return root


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection from this process fails the test."""
    import socket

    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network is switched off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == [], f"network used: {attempts}"
