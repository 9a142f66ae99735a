"""What can be made, in which formats and print profiles: the one table.

The command line's choices and help, the app's format pickers and download buttons, recipe
and settings validation and the renderer dispatch in ``outputs`` all read this module. It
sits at the bottom of the package (it imports only ``errors``), so any layer may use it.
A new format, document kind or print profile is one entry here plus its renderer.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from .errors import OptionError


@dataclass(frozen=True)
class OutputFormat:
    name: str
    label: str  # for people: "Word (DOCX)"
    mime: str
    suffix: str  # the usual file ending, with its dot
    other_suffixes: tuple[str, ...] = ()  # endings also understood: ".htm"
    # Programs this computer needs for the format: one of each group (audio needs a voice).
    needs: tuple[tuple[str, ...], ...] = ()


_VOICE = ("espeak-ng", "espeak")

FORMATS: dict[str, OutputFormat] = {f.name: f for f in (
    OutputFormat("pdf", "PDF", "application/pdf", ".pdf"),
    OutputFormat("html", "web page (HTML)", "text/html", ".html", (".htm",)),
    OutputFormat("md", "Markdown", "text/markdown", ".md", (".markdown",)),
    OutputFormat("docx", "Word (DOCX)",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 ".docx"),
    OutputFormat("txt", "plain text", "text/plain", ".txt"),
    OutputFormat("pptx", "slides (PPTX)",
                 "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                 ".pptx"),
    # Read aloud (render/audio.py): one WAV with a chapter marker per section, an MP3, or
    # one WAV per section in a ZIP.
    OutputFormat("wav", "audio (WAV)", "audio/wav", ".wav", needs=(_VOICE,)),
    OutputFormat("mp3", "audio (MP3)", "audio/mpeg", ".mp3",
                 needs=(_VOICE, ("lame", "ffmpeg"))),
    OutputFormat("zip", "audio, one file per section (ZIP)", "application/zip", ".zip",
                 needs=(_VOICE,)),
)}


@lru_cache(maxsize=32)
def _installed(program: str) -> bool:
    return shutil.which(program) is not None


def available(fmt: str) -> bool:
    """Whether this computer has the programs ``fmt`` needs (always, for most formats)."""
    return all(any(_installed(p) for p in group) for group in FORMATS[fmt].needs)


def missing_programs_message(fmt: str) -> str:
    missing = [group for group in FORMATS[fmt].needs if not any(_installed(p) for p in group)]
    names = in_words([" or ".join(group) for group in missing], "and")
    return (f"making {FORMATS[fmt].label} needs {names} on this computer (on Debian or "
            f"Ubuntu: sudo apt install {' '.join(group[0] for group in missing)})")


@dataclass(frozen=True)
class DocumentKind:
    name: str
    formats: tuple[str, ...]  # the first is the default


KINDS: dict[str, DocumentKind] = {k.name: k for k in (
    DocumentKind("pack", ("pdf", "html", "md", "docx", "wav", "mp3", "zip")),
    DocumentKind("letter", ("pdf", "docx", "md", "txt")),
    # The guide or handout (PDF), or the session's slides (PPTX); the audience decides
    # what is in them (participants never see answers or facilitator notes).
    DocumentKind("training-facilitator", ("pdf", "pptx")),
    DocumentKind("training-participant", ("pdf", "pptx")),
    # For a clinical lead: module text, sources and a sign-off table (review_pack.py).
    DocumentKind("review-pack", ("pdf", "docx")),
)}

TRAINING_AUDIENCES: tuple[str, ...] = ("facilitator", "participant")


def training_kind(audience: str) -> DocumentKind:
    """The document kind for a training audience (OptionError when there is none)."""
    if audience not in TRAINING_AUDIENCES:
        raise OptionError(f"unknown audience '{audience}'; choose "
                          f"{' or '.join(TRAINING_AUDIENCES)}")
    return KINDS[f"training-{audience}"]


def formats_for(kind: str) -> tuple[str, ...]:
    """The formats ``kind`` can be made in on this computer (audio needs a voice program)."""
    return tuple(fmt for fmt in KINDS[kind].formats if available(fmt))


def all_formats(*kinds: str) -> tuple[str, ...]:
    """Every format any of ``kinds`` can be made in, in table order."""
    wanted = {fmt for kind in kinds for fmt in KINDS[kind].formats}
    return tuple(fmt for fmt in FORMATS if fmt in wanted)


def in_words(items: list[str], joiner: str = "or") -> str:
    """``a, b or c``."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {joiner} {items[-1]}"


def check_format(fmt: str, allowed: Iterable[str] = tuple(FORMATS)) -> str:
    """``fmt`` itself when it is one of ``allowed``; otherwise OptionError."""
    allowed = tuple(allowed)
    if fmt not in allowed:
        if fmt in FORMATS and not available(fmt):
            raise OptionError(missing_programs_message(fmt))
        raise OptionError(f"unknown format '{fmt}'; choose from {', '.join(allowed)}")
    return fmt


def format_for(path: Path, given: str | None = None,
               allowed: Iterable[str] = tuple(FORMATS)) -> str:
    """The output format named by ``given`` or else by the file's ending."""
    allowed = tuple(allowed)
    if given:
        return check_format(given.lower().lstrip("."), allowed)
    ending = path.suffix.lower()
    for fmt in allowed:
        if ending in (FORMATS[fmt].suffix, *FORMATS[fmt].other_suffixes):
            return fmt
    for fmt, known in FORMATS.items():
        if ending in (known.suffix, *known.other_suffixes) and not available(fmt):
            raise OptionError(missing_programs_message(fmt))
    endings = [FORMATS[f].suffix for f in allowed]
    raise OptionError(f"cannot tell the format from '{path.name}': end the file name with "
                      f"{in_words(endings)}, or use --format")


# ---------------------------------------------------------------------------- profiles


class PageFormat(StrEnum):
    A4 = "a4"
    A5_BOOKLET = "a5-booklet"


DEFAULT_PROFILE = "standard"

# Print profiles, combinable: a5-booklet + large-print is fine.
PROFILES: dict[str, str] = {
    "standard": "Standard A4",
    "a5-booklet": "A5 booklet (printed two-up on A4, fold and staple)",
    "large-print": "Large print (18 pt)",
    "dyslexia": "Dyslexia friendly (cream paper colour, extra spacing, no italics)",
    "greyscale": "Greyscale (for black-and-white printers)",
    "easy-read": "Easy Read (a picture beside each idea, short sentences, 16 pt or larger)",
}


def unknown_profile_message(name: str) -> str:
    return f"unknown print profile '{name}'; choose from {', '.join(PROFILES)}"


def check_profiles(names: Iterable[str]) -> list[str]:
    """The chosen profile names, trimmed and lower-cased; OptionError for an unknown one."""
    chosen = [n.strip().lower() for n in names if n and n.strip()]
    for name in chosen:
        if name not in PROFILES:
            raise OptionError(unknown_profile_message(name))
    return list(dict.fromkeys(chosen))


@dataclass(frozen=True)
class PrintOptions:
    """What the chosen profiles switch on, for the renderers."""

    page: PageFormat = PageFormat.A4
    large_print: bool = False
    dyslexia: bool = False
    greyscale: bool = False
    easy_read: bool = False

    @classmethod
    def from_names(cls, names: Iterable[str]) -> PrintOptions:
        chosen = set(check_profiles(names))
        return cls(
            page=PageFormat.A5_BOOKLET if "a5-booklet" in chosen else PageFormat.A4,
            large_print="large-print" in chosen,
            dyslexia="dyslexia" in chosen,
            greyscale="greyscale" in chosen,
            easy_read="easy-read" in chosen,
        )

    @property
    def names(self) -> list[str]:
        names = ["a5-booklet"] if self.page is PageFormat.A5_BOOKLET else []
        names += [n for n, on in (("large-print", self.large_print), ("dyslexia", self.dyslexia),
                                  ("greyscale", self.greyscale),
                                  ("easy-read", self.easy_read)) if on]
        return names or [DEFAULT_PROFILE]
