"""Packs read aloud offline: WAV with chapter markers, MP3 and a ZIP of sections; help right
now first; phone numbers digit by digit; nothing but pipes; no network."""

from __future__ import annotations

import datetime as dt
import io
import struct
import subprocess
import wave
import zipfile
from pathlib import Path

import pytest
from sample_documents import every_block_document
from support import ROOT

from outreach_kit import document as d, formats
from outreach_kit.assemble.recipe import load_recipe
from outreach_kit.cli.main import main
from outreach_kit.errors import OptionError
from outreach_kit.formats import format_for, formats_for
from outreach_kit.outputs import make_pack, render_document
from outreach_kit.render.audio_script import spoken_sections

TODAY = dt.date(2026, 11, 29)


def riff_chunks(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 8
    found, pos = {}, 12
    while pos < len(data):
        name, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        found[name] = data[pos + 8:pos + 8 + size]
        pos += 8 + size + size % 2
    return found


def small_document() -> d.Document:
    document = every_block_document()
    keep = {"how-to-use", "help-right-now", "grounding-minute"}
    return d.Document(document.kind, document.meta,
                      tuple(s for s in document.sections if s.id in keep), document.cover)


def test_reference_pack_as_wav_has_a_plausible_length_and_a_chapter_per_section(
        library, no_network):
    made = make_pack(library, load_recipe(ROOT / "examples" / "reference-pack.yaml", library),
                     TODAY, profiles=["easy-read"])
    wav = made.render("wav")
    with wave.open(io.BytesIO(wav)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        minutes = sound.getnframes() / sound.getframerate() / 60
    script = spoken_sections(made.document)
    words = sum(len(section.text.split()) for section in script)
    assert 80 <= words / minutes <= 220, (words, minutes)
    chunks = riff_chunks(wav)
    assert struct.unpack("<I", chunks[b"cue "][:4])[0] == len(script)
    labels = chunks[b"LIST"]
    assert labels[:4] == b"adtl" and labels.count(b"labl") == len(script)
    assert labels.index(b"Help right now") < labels.index(b"Cover")
    assert [s.key for s in script][:2] == ["help-right-now", "cover"]


def test_help_right_now_is_read_first_and_numbers_digit_by_digit():
    script = spoken_sections(small_document())
    assert [s.key for s in script] == ["help-right-now", "cover", "how-to-use",
                                       "grounding-minute"]
    assert "1 1 6, 1 2 3" in script[0].text
    assert "0 8 0 0, 8 3, 8 5, 8 7" in script[0].text
    assert "116 123" not in script[0].text


def test_zip_holds_one_wav_per_section_in_reading_order(no_network):
    data = render_document(small_document(), "zip")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == ["01-help-right-now.wav", "02-cover.wav", "03-how-to-use.wav",
                         "04-grounding-minute.wav"]
        for name in names:
            with wave.open(io.BytesIO(archive.read(name))) as sound:
                assert sound.getnframes() > sound.getframerate()  # more than a second


def test_mp3_is_encoded_through_a_pipe(no_network):
    data = render_document(small_document(), "mp3")
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def test_the_voice_gets_text_only_through_a_pipe(monkeypatch):
    calls = []
    real_run = subprocess.run

    def spy(command, **kwargs):
        calls.append((command, kwargs.get("input", b"")))
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    render_document(small_document(), "wav")
    assert calls and all("--stdout" in command for command, _ in calls)
    assert all("Sam" not in " ".join(command) for command, _ in calls)
    assert any(b"Sam" in given for _, given in calls)  # the cover, spoken into the file only


def test_audio_formats_come_from_the_registry_and_need_a_voice(monkeypatch):
    assert {"wav", "mp3", "zip"} <= set(formats_for("pack"))
    monkeypatch.setattr(formats, "_installed", lambda program: False)
    assert set(formats_for("pack")) == {"pdf", "html", "md", "docx"}
    with pytest.raises(OptionError, match="needs espeak-ng or espeak on this computer"):
        format_for(Path("pack.wav"), allowed=formats_for("pack"))
    with pytest.raises(OptionError, match="needs espeak-ng or espeak and lame or ffmpeg"):
        formats.check_format("mp3", formats_for("pack"))


def test_build_writes_a_zip_from_the_command_line(tmp_path, no_network):
    out = tmp_path / "pack.zip"
    assert main(["build", str(ROOT / "examples" / "minimal.yaml"), "-o", str(out),
                 "--profile", "easy-read"]) == 0
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist()[0] == "01-help-right-now.wav"
