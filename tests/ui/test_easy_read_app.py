"""The app offers Easy Read and the audio downloads from the registry (no UI code of its own)."""

from __future__ import annotations

import pytest

from outreach_kit import document as d
from outreach_kit.formats import PROFILES

from .conftest import no_exceptions, page_app

pytestmark = pytest.mark.usefixtures("private_content")


def test_easy_read_pack_and_audio_downloads_are_offered():
    at = page_app("page_pack").run()
    assert PROFILES["easy-read"] in at.multiselect(key="w.profiles").options
    at.multiselect(key="w.profiles").set_value(["easy-read"]).run()  # the pack is made again
    no_exceptions(at)
    made = at.session_state["pack.made"][1].made
    assert made.options.easy_read
    assert any(isinstance(b, d.PicturedItem) for s in made.document.sections for b in s.blocks)
    assert {"audio (WAV)", "audio (MP3)", "audio, one file per section (ZIP)"} <= set(
        at.radio(key="w.format").options), "from the registry in formats.py"
    at.radio(key="w.format").set_value("zip").run()
    labels = {b.label for b in at.get("download_button")}
    assert "Download the pack (audio, one file per section (ZIP))" in labels
