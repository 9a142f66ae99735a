"""How every format presents a document, decided once for PDF, HTML, DOCX, Markdown and text.

- **Labels.** Which label a callout shows and the note under an example service card. The
  words are not here: they travel in :attr:`Document.labels` (from ``content/wording.yaml``).
- **Colours** per print profile: one table, the PDF's, checked for 4.5:1 text contrast.
- **Links**: only ``https:``, ``mailto:`` and ``tel:`` targets become clickable.
- **Text cleaning** for every format (:func:`clean_text`), and for the PDF the characters
  its font cannot draw (:func:`fit_to_font`, fed the font's glyphs by :mod:`.fonts`).
- **Font files**: Atkinson Hyperlegible, drawn in the PDF and embedded in the HTML.

This module imports no renderer library, so every renderer can read it cheaply.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import fontpkg_atkinson_hyperlegible

from .. import document as d
from .options import PrintOptions

# ---------------------------------------------------------------------------- labels

# Drawn with a thick border (and a heavier bar in HTML): the reader must not miss these.
STRONG_TONES = frozenset({d.Tone.WARNING, d.Tone.SAFETY})


def callout_label(callout: d.Callout, labels: d.Labels) -> d.Inline:
    """What a callout shows above its body: its own title, else the document's label for
    its tone. Empty means no label line at all."""
    return callout.title or d.user_text(labels.callout(callout.tone))


def example_note(card: d.ServiceCard, labels: d.Labels) -> str:
    """The note under a service card that holds example data ("" for a real service)."""
    return labels.example_service if card.example else ""


# ---------------------------------------------------------------------------- colours


@dataclass(frozen=True)
class Colours:
    """Every colour a renderer uses, as ``#rrggbb``. Text is drawn in ``text``, ``heading``,
    ``muted`` or ``link`` on ``page`` or a callout fill (see :data:`TEXT_PAIRS`)."""

    text: str
    heading: str
    muted: str
    link: str
    rule: str  # lines, borders, write-in rules (not text)
    page: str
    info_fill: str
    info_edge: str
    tip_fill: str
    tip_edge: str
    warning_fill: str
    warning_edge: str
    safety_fill: str
    safety_edge: str
    black: str = "#000000"

    def tone(self, tone: d.Tone) -> tuple[str, str]:
        """(edge, fill) of a callout of this tone."""
        name = tone.value
        return getattr(self, f"{name}_edge"), getattr(self, f"{name}_fill")

    def greyscale(self) -> Colours:
        """Every colour as the grey of the same lightness."""
        return replace(self, **{f.name: grey(getattr(self, f.name)) for f in fields(self)})


def grey(colour: str) -> str:
    """``#rrggbb`` as the grey of the same lightness (Rec. 601 luma)."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    level = round(0.299 * red + 0.587 * green + 0.114 * blue)
    return f"#{level:02x}{level:02x}{level:02x}"


WHITE = "#ffffff"
CREAM = "#fdf6e3"

STANDARD = Colours(
    text="#1b1b1b", heading="#0b4f6c", muted="#3f4a52", link="#0b4f6c", rule="#5e6b75",
    page=WHITE,
    info_fill="#e7f0f7", info_edge="#0b4f6c",
    tip_fill="#e8f4ea", tip_edge="#2e6b3a",
    warning_fill="#fff3dc", warning_edge="#7a4f00",
    safety_fill="#fbe6e6", safety_edge="#9b1c1c",
)

COLOURS: dict[str, Colours] = {
    "standard": STANDARD,
    "dyslexia": replace(STANDARD, page=CREAM),
    # With dyslexia too the page is left white: a grey wash wastes toner (print on cream).
    "greyscale": STANDARD.greyscale(),
}

# (foreground, background) pairs that carry text; each must reach 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (fg, bg)
    for fg in ("text", "heading", "muted", "link")
    for bg in ("page", "info_fill", "tip_fill", "warning_fill", "safety_fill")
)


def colours_for(options: PrintOptions) -> Colours:
    if options.greyscale:
        return COLOURS["greyscale"]
    return COLOURS["dyslexia"] if options.dyslexia else COLOURS["standard"]


# ---------------------------------------------------------------------------- Easy Read


@dataclass(frozen=True)
class EasyReadLayout:
    """The easy-read profile: large type, open spacing, a picture beside each idea."""

    min_body_size: float = 16.0  # points; large print's 18 pt wins when both are chosen
    min_line_ratio: float = 1.5  # line spacing, as a multiple of the type size
    paragraph_gap_ratio: float = 1.0  # space after a paragraph, as a multiple of the size
    picture_scale: float = 2.25  # picture side, as a multiple of the body size
    picture_gap_scale: float = 1.0  # space between picture and words, likewise
    item_gap_scale: float = 0.5  # space between two items (the words have none after)
    run_on_space_scale: float = 2.5  # space above a module title that follows another
    title_scale: float = 1.5  # a section title (1.8 elsewhere: the body is larger here)
    items_kept_with_title: int = 2  # a title never ends a page without these
    side_margin_mm: float = 16.0  # A4: the pictures take width, and wider lines wrap less


EASY_READ = EasyReadLayout()


# ---------------------------------------------------------------------------- links

LINK_SCHEMES = ("https", "mailto", "tel")
_LINK_PREFIXES = ("https://", "mailto:", "tel:")
# Characters kept as they are inside a link target; anything else is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def safe_link(href: str | None) -> str | None:
    """``href`` percent-encoded if it is an https, mailto or tel link, otherwise None."""
    if not href:
        return None
    stripped = href.strip()
    if not stripped.lower().startswith(_LINK_PREFIXES):
        return None
    encoded = quote(stripped, safe=_URL_SAFE)
    if any(ord(char) < 33 or ord(char) > 126 for char in encoded):
        return None
    return encoded


def qr_target(url: str) -> str | None:
    """The address a QR code should hold: https only (a code is for the web) and short
    enough to scan; otherwise None and no code is drawn."""
    url = url.strip()
    if url.lower().startswith("https://") and len(url) <= 300 and url.isprintable():
        return safe_link(url)
    return None


def tel_link(number: str) -> str | None:
    """A ``tel:`` link for a phone number as printed, or None if it has too few digits."""
    digits = "".join(char for char in number if char.isdigit() or char == "+")
    return f"tel:{digits}" if len(digits) >= 3 else None


# ---------------------------------------------------------------------------- text

REPLACEMENT_CHAR = "\ufffd"  # stands in for a character that cannot be shown
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]")
_UNSHOWABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """The one rule for control characters, in every format.

    Every kind of line break becomes ``\\n`` and tabs stay (each format decides what they
    look like). Any other control character, lone surrogate or non-character (U+FFFE,
    U+FFFF) becomes U+FFFD, one each: a terminal would act on them and XML cannot hold most
    of them, but dropping them could leave a typed field silently empty. (The PDF font has
    no U+FFFD, so on paper it is ``?``, like any character the font cannot draw.)
    """
    if text.isprintable():
        return text
    return _UNSHOWABLE.sub(REPLACEMENT_CHAR, _LINE_BREAKS.sub("\n", text))


REPLACEMENT = "?"

# Close equivalents for characters the PDF font lacks.
TYPOGRAPHIC_EQUIVALENTS: dict[str, str] = {
    "→": "->", "⟶": "->", "➔": "->", "➜": "->", "⇒": "=>",
    "←": "<-", "⟵": "<-", "⇐": "<=",
    "↔": "<->", "⇔": "<=>",
    "↑": "^", "↓": "v",
    "✓": "(tick)", "✔": "(tick)", "☑": "[x]", "☒": "[x]", "☐": "[ ]", "□": "[ ]",
    "✗": "(cross)", "✘": "(cross)",
    "‐": "-", "‑": "-", "‒": "–", "―": "—", "⁃": "-",
    "′": "'", "″": '"', "‛": "'", "‟": '"',
    "❝": "“", "❞": "”", "❛": "‘", "❜": "’",
    "●": "•", "▪": "•", "◦": "•", "‣": "•", "№": "No.",
}

_WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf"})


def fit_to_font(text: str, drawable: frozenset[str]) -> str:
    """``text`` as a font with the glyphs ``drawable`` can draw it (rules in :mod:`.fonts`).

    Cleaned by :func:`clean_text`, normalised to NFC; line breaks and tabs become spaces,
    invisible format characters go, typographic characters get close equivalents, anything
    else (U+FFFD from cleaning too) becomes one ``?`` each.
    """
    text = unicodedata.normalize("NFC", clean_text(text))
    if drawable.issuperset(text):
        return text
    return "".join(char if char in drawable else _replace_char(char, drawable)
                   for char in text)


@lru_cache(maxsize=4096)
def _replace_char(char: str, drawable: frozenset[str]) -> str:
    if char in _WHITESPACE_CONTROLS:
        return " "
    category = unicodedata.category(char)
    if category in _REMOVED_CATEGORIES or _is_variation_selector(char):
        return ""
    equivalent = TYPOGRAPHIC_EQUIVALENTS.get(char)
    if equivalent is not None and drawable.issuperset(equivalent):
        return equivalent
    if category == "Zs":
        return " "
    compatible = "".join(
        c for c in unicodedata.normalize("NFKC", char) if unicodedata.category(c) != "Mn"
    )
    if compatible and compatible != char and drawable.issuperset(compatible):
        return compatible
    return REPLACEMENT


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


# ---------------------------------------------------------------------------- fonts

FONT_FAMILY = "Atkinson Hyperlegible"
WORD_FONT = "Arial"  # DOCX: on every Word and LibreOffice install; Atkinson may not be


@dataclass(frozen=True)
class FontFace:
    name: str  # the name ReportLab registers the face under
    file: str
    italic: bool
    bold: bool


FONT_FACES = (
    FontFace("AtkinsonHyperlegible", "AtkinsonHyperlegible-Regular.ttf", False, False),
    FontFace("AtkinsonHyperlegible-Bold", "AtkinsonHyperlegible-Bold.ttf", False, True),
    FontFace("AtkinsonHyperlegible-Italic", "AtkinsonHyperlegible-Italic.ttf", True, False),
    FontFace("AtkinsonHyperlegible-BoldItalic", "AtkinsonHyperlegible-BoldItalic.ttf",
             True, True),
)


def font_path(face: FontFace) -> Path:
    return Path(fontpkg_atkinson_hyperlegible.ROOT) / "files" / face.file
