"""Atkinson Hyperlegible for every PDF, and which characters it can draw.

The four TTFs from ``fontpkg-atkinson-hyperlegible`` are registered once per process
(:func:`register_fonts`, safe to call from many threads) as one family, so ``<b>`` and
``<i>`` in paragraph markup pick the right face. No other font is ever used.

The font covers Latin text and common punctuation but not, for example, ✓ ☐ → or emoji.
:func:`drawable_text` turns any string into one the font can draw, by these rules, in order
(the rules live in :func:`.presentation.fit_to_font`; this module supplies the glyphs):

1. Control characters are cleaned as in every format (:func:`.presentation.clean_text`:
   line breaks stay, other controls become U+FFFD, so rule 5 shows them as ``?``). The
   text is normalised to Unicode NFC (``e`` + combining accent becomes ``é``).
2. Line breaks and tabs become a plain space.
3. Invisible format characters (category Cf: right-to-left and left-to-right marks,
   zero-width spaces and joiners, soft hyphens, byte-order marks, variation selectors, tag
   characters) are removed: they draw nothing on paper.
4. Common characters the font lacks map to close equivalents: arrows (→ becomes ->),
   ticks and boxes (✓ becomes "(tick)", ☐ becomes "[ ]"), odd spaces become a space, odd
   hyphens and dashes become ``-`` or an en or em dash, primes become quote marks. A character
   whose compatibility form the font can draw is replaced by that form (``ﬁ`` becomes ``fi``,
   full-width ``Ａ`` becomes ``A``).
5. Anything else the font cannot draw (emoji, most non-Latin scripts, private-use and
   unassigned code points, lone surrogates) becomes ``?``, one per character, so the reader
   can see that something was there.

Nothing is dropped silently: only invisible characters (rules 2 and 3) disappear.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from .pdf_font_encoding import SubsetTTFont
from .presentation import FONT_FACES, fit_to_font, font_path

REGULAR, BOLD, ITALIC, BOLD_ITALIC = (face.name for face in FONT_FACES)
FAMILY = REGULAR

_NEVER_DRAWN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four Atkinson Hyperlegible faces as one family (once per process)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for face in FONT_FACES:
            pdfmetrics.registerFont(SubsetTTFont(face.name, str(font_path(face))))
        # FAMILY is also the regular face's name, so <b> in a REGULAR paragraph finds BOLD.
        registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC,
                           boldItalic=BOLD_ITALIC)
        _registered = True


@lru_cache(maxsize=1)
def _drawable() -> frozenset[str]:
    """Characters every one of the four faces has a glyph for."""
    register_fonts()
    common: set[int] | None = None
    for face in FONT_FACES:
        font = pdfmetrics.getFont(face.name)
        assert isinstance(font, TTFont)  # registered above
        codes = set(font.face.charToGlyph)
        common = codes if common is None else common & codes
    return frozenset(
        chr(code)
        for code in common or ()
        if unicodedata.category(chr(code)) not in _NEVER_DRAWN_CATEGORIES
    )


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


# Set while a document in another script renders (.font_families.using_family): that
# family's own rule for drawable text.
family_text: ContextVar[Callable[[str], str] | None] = ContextVar("family_text", default=None)


def drawable_text(text: str) -> str:
    """``text`` with every character the font cannot draw replaced (see module docstring)."""
    other = family_text.get()
    if other is not None:
        return other(text)
    return fit_to_font(text, _drawable())
