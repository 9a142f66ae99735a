"""Atkinson Hyperlegible for every PDF, and the rule for characters it cannot draw.

The four TTFs from ``fontpkg-atkinson-hyperlegible`` are registered once per process
(:func:`register_fonts`, safe to call from many threads) as one family, so ``<b>`` and
``<i>`` in paragraph markup pick the right face. No other font is ever used.

The font covers Latin text and common punctuation but not, for example, ✓ ☐ → or emoji.
:func:`drawable_text` turns any string into one the font can draw, by these rules, in order:

1. The text is normalised to Unicode NFC (``e`` + combining accent becomes ``é``).
2. Line breaks, tabs and other whitespace controls become a plain space.
3. Other control characters (Unicode category Cc) and invisible format characters
   (category Cf: right-to-left and left-to-right marks, zero-width spaces and joiners, soft
   hyphens, byte-order marks, variation selectors, tag characters) are removed: they draw
   nothing on paper.
4. Common characters the font lacks map to close equivalents: arrows (→ becomes ->),
   ticks and boxes (✓ becomes "(tick)", ☐ becomes "[ ]"), odd spaces become a space, odd
   hyphens and dashes become ``-`` or an en or em dash, primes become quote marks. A character
   whose compatibility form the font can draw is replaced by that form (``ﬁ`` becomes ``fi``,
   full-width ``Ａ`` becomes ``A``).
5. Anything else the font cannot draw (emoji, most non-Latin scripts, private-use and
   unassigned code points, lone surrogates) becomes ``?``, one per character, so the reader
   can see that something was there.

Nothing is dropped silently: only characters that draw nothing (rules 2 and 3) disappear.
"""

from __future__ import annotations

import threading
import unicodedata
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "AtkinsonHyperlegible"
REGULAR = "AtkinsonHyperlegible"
BOLD = "AtkinsonHyperlegible-Bold"
ITALIC = "AtkinsonHyperlegible-Italic"
BOLD_ITALIC = "AtkinsonHyperlegible-BoldItalic"

_FILES = {
    REGULAR: "AtkinsonHyperlegible-Regular.ttf",
    BOLD: "AtkinsonHyperlegible-Bold.ttf",
    ITALIC: "AtkinsonHyperlegible-Italic.ttf",
    BOLD_ITALIC: "AtkinsonHyperlegible-BoldItalic.ttf",
}

REPLACEMENT = "?"

# Rule 4: close equivalents for characters Atkinson Hyperlegible lacks.
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
_NEVER_DRAWN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

_lock = threading.Lock()
_registered = False


def font_dir() -> Path:
    import fontpkg_atkinson_hyperlegible

    return Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"


def register_fonts() -> None:
    """Register the four Atkinson Hyperlegible faces as one family (once per process)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        folder = font_dir()
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
        # FAMILY is also the regular face's name, so <b> in a REGULAR paragraph finds BOLD.
        registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                           boldItalic=BOLD_ITALIC)
        _registered = True


@lru_cache(maxsize=1)
def _drawable() -> frozenset[str]:
    """Characters every one of the four faces has a glyph for."""
    register_fonts()
    common: set[int] | None = None
    for name in _FILES:
        codes = set(pdfmetrics.getFont(name).face.charToGlyph)
        common = codes if common is None else common & codes
    return frozenset(
        chr(code)
        for code in common or ()
        if unicodedata.category(chr(code)) not in _NEVER_DRAWN_CATEGORIES
    )


def can_draw(char: str) -> bool:
    return char in _drawable()


def missing_glyphs(text: str) -> set[str]:
    """Characters of ``text`` (after NFC) the embedded font has no glyph for.

    Plain spaces, tabs and line breaks are not reported: they are layout, not glyphs.
    """
    drawable = _drawable()
    return {
        char
        for char in unicodedata.normalize("NFC", text)
        if char not in drawable and char not in " \t\n\r"
    }


@lru_cache(maxsize=2048)
def _replace_char(char: str) -> str:
    if char in _WHITESPACE_CONTROLS:
        return " "
    category = unicodedata.category(char)
    if category in _REMOVED_CATEGORIES or _is_variation_selector(char):
        return ""
    drawable = _drawable()
    equivalent = TYPOGRAPHIC_EQUIVALENTS.get(char)
    if equivalent is not None and all(c in drawable for c in equivalent):
        return equivalent
    if category == "Zs":
        return " "
    compatible = "".join(
        c for c in unicodedata.normalize("NFKC", char) if unicodedata.category(c) != "Mn"
    )
    if compatible and compatible != char and all(c in drawable for c in compatible):
        return compatible
    return REPLACEMENT


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def drawable_text(text: str) -> str:
    """``text`` with every character the font cannot draw replaced (see module docstring)."""
    drawable = _drawable()
    text = unicodedata.normalize("NFC", text)
    if drawable.issuperset(text):
        return text
    return "".join(char if char in drawable else _replace_char(char) for char in text)
