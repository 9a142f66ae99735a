"""The pack read aloud, offline: WAV with chapter markers, MP3, or one WAV per section in a ZIP.

The voice is ``espeak-ng`` (Debian's ``espeak-ng`` package, installed by
``.ci/install-system-deps``; also available for Windows and macOS), run as a separate
program at a slow rate. Text goes in through a pipe and sound comes back through a pipe:
nothing is written to disk, no temporary file exists, nothing is cached, and no request
leaves the computer. Client details (the cover's name) are spoken only into the bytes
returned. MP3 is made from the WAV by ``lame`` or ``ffmpeg``, again through pipes.

Chapters: the WAV carries a ``cue `` chunk with one cue point per section and a ``LIST``
``adtl`` chunk labelling each (the RIFF markers audio editors show as regions or markers).
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass

from .. import document as d
from ..errors import RenderError
from .audio_script import SpokenSection, spoken_sections

VOICE = "en-gb"
WORDS_PER_MINUTE = 140  # slower than espeak-ng's 175
PAUSE_SECONDS = 1.0  # silence between sections
TIMEOUT_SECONDS = 300
VOICE_PROGRAMS = ("espeak-ng", "espeak")
MP3_PROGRAMS = ("lame", "ffmpeg")
_ZIP_DATE = (2026, 1, 1, 0, 0, 0)  # fixed, so the same pack gives the same file


@dataclass(frozen=True)
class Sound:
    """16-bit mono PCM."""

    rate: int
    frames: bytes


def _program(names: Sequence[str], purpose: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise RenderError(f"{purpose} needs the program {' or '.join(names)}, which is not "
                      "installed on this computer (on Debian or Ubuntu: "
                      f"sudo apt install {names[0]})")


def _run(command: list[str], data: bytes, what: str) -> bytes:
    try:
        done = subprocess.run(command, input=data, capture_output=True, check=False,
                              timeout=TIMEOUT_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RenderError(f"{what} failed ({type(exc).__name__})") from None
    if done.returncode != 0 or not done.stdout:
        # stderr is not shown: it could echo the text being read
        raise RenderError(f"{what} failed (exit code {done.returncode})")
    return done.stdout


def _pcm(wav: bytes) -> Sound:
    """The samples of a WAV espeak-ng wrote to a pipe (its size fields are placeholders)."""
    if wav[:4] != b"RIFF" or wav[8:12] != b"WAVE":
        raise RenderError("the voice program did not return sound")
    pos, rate = 12, 22050
    while pos + 8 <= len(wav):
        chunk, size = wav[pos:pos + 4], struct.unpack("<I", wav[pos + 4:pos + 8])[0]
        if chunk == b"fmt ":
            channels, rate, bits = (struct.unpack("<H", wav[pos + 10:pos + 12])[0],
                                    struct.unpack("<I", wav[pos + 12:pos + 16])[0],
                                    struct.unpack("<H", wav[pos + 22:pos + 24])[0])
            if (channels, bits) != (1, 16):
                raise RenderError("the voice program returned an unexpected sound format")
        if chunk == b"data":
            frames = wav[pos + 8:]
            return Sound(rate, frames[:len(frames) - len(frames) % 2])
        pos += 8 + size + size % 2
    raise RenderError("the voice program did not return sound")


def speak(text: str) -> Sound:
    """``text`` spoken by espeak-ng, through pipes only."""
    voice = _program(VOICE_PROGRAMS, "Reading aloud")
    wav = _run([voice, "--stdout", "-b", "1", "-v", VOICE, "-s", str(WORDS_PER_MINUTE)],
               text.encode("utf-8"), "Reading aloud")
    return _pcm(wav)


def _silence(rate: int, seconds: float) -> bytes:
    return b"\x00\x00" * int(rate * seconds)


def _chunk(name: bytes, body: bytes) -> bytes:
    return name + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) % 2 else b"")


def wav_bytes(sound: Sound, chapters: Sequence[tuple[int, str]] = ()) -> bytes:
    """A WAV file; ``chapters`` are (sample offset, label) cue points."""
    fmt = struct.pack("<HHIIHH", 1, 1, sound.rate, sound.rate * 2, 2, 16)
    chunks = _chunk(b"fmt ", fmt) + _chunk(b"data", sound.frames)
    if chapters:
        cues = struct.pack("<I", len(chapters)) + b"".join(
            struct.pack("<II4sIII", i + 1, offset, b"data", 0, 0, offset)
            for i, (offset, _) in enumerate(chapters))
        labels = b"".join(
            _chunk(b"labl", struct.pack("<I", i + 1) + label.encode("utf-8") + b"\x00")
            for i, (_, label) in enumerate(chapters))
        chunks += _chunk(b"cue ", cues) + _chunk(b"LIST", b"adtl" + labels)
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WAVE" + chunks


def _spoken(document: d.Document) -> list[tuple[SpokenSection, Sound]]:
    return [(section, speak(section.text)) for section in spoken_sections(document)]


def render_wav(document: d.Document) -> bytes:
    """The whole document in one WAV, a chapter marker at the start of each section."""
    parts = _spoken(document)
    if not parts:
        raise RenderError("there is nothing to read aloud")
    rate = parts[0][1].rate
    frames = bytearray()
    chapters: list[tuple[int, str]] = []
    for section, sound in parts:
        chapters.append((len(frames) // 2, section.title))
        frames += sound.frames + _silence(rate, PAUSE_SECONDS)
    return wav_bytes(Sound(rate, bytes(frames)), chapters)


def render_zip(document: d.Document) -> bytes:
    """One WAV per section, numbered in reading order, in a ZIP."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (section, sound) in enumerate(_spoken(document), start=1):
            info = zipfile.ZipInfo(f"{number:02d}-{section.key}.wav", _ZIP_DATE)
            archive.writestr(info, wav_bytes(sound), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def render_mp3(document: d.Document) -> bytes:
    """The WAV encoded as MP3 by lame or ffmpeg (MP3 has no chapter markers here)."""
    wav = render_wav(document)
    encoder = _program(MP3_PROGRAMS, "Making an MP3")
    if encoder.endswith(("ffmpeg", "ffmpeg.exe")):
        command = [encoder, "-hide_banner", "-loglevel", "error", "-f", "wav", "-i", "pipe:0",
                   "-f", "mp3", "-q:a", "5", "pipe:1"]
    else:
        command = [encoder, "--quiet", "-V", "5", "-", "-"]
    return _run(command, wav, "Making an MP3")
