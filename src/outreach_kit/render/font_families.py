"""The PDF font for each language: Atkinson Hyperlegible where it covers the script.

- Latin script (English, Polish, Romanian...): Atkinson Hyperlegible (:mod:`.fonts`).
- Arabic script (Arabic, Urdu, Farsi): Noto Sans Arabic, which also has Latin letters and
  digits, so numbers and English pages in the same pack print in one family.
- Any other script (Cyrillic for Ukrainian, Greek...): Noto Sans.

The Noto fonts come from the ``fontpkg-noto-sans`` and ``fontpkg-noto-sans-arabic`` packages
(SIL Open Font License) as variable fonts. ReportLab needs static faces, so the regular
(400) and bold (700) instances are made in memory with fontTools' instancer the first time
a process needs them (about 1 s for Arabic and 3 s for Noto Sans, cut first to the Latin,
Greek and Cyrillic blocks); nothing is written to disk or fetched. They have no italic
face: emphasis in these languages prints upright.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import fontpkg_noto_sans
import fontpkg_noto_sans_arabic
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from ..languages import script_of
from .bidi import shape
from .fonts import BOLD, REGULAR, family_text, missing_glyphs, register_fonts
from .pdf_font_encoding import SubsetTTFont
from .presentation import fit_to_font


@dataclass(frozen=True)
class FontFamily:
    regular: str  # also the CSS font-family name of the HTML export (.html_fonts)
    bold: str
    package_file: str = ""  # "" for Atkinson Hyperlegible (always registered)
    arabic: bool = False  # join Arabic letters and draw right-to-left lines

    @property
    def is_default(self) -> bool:
        return not self.package_file


ATKINSON = FontFamily(REGULAR, BOLD)
NOTO_SANS = FontFamily("NotoSans", "NotoSans-Bold",
                       str(Path(fontpkg_noto_sans.ROOT) / "files" / "NotoSans[wdth,wght].ttf"))
NOTO_SANS_ARABIC = FontFamily(
    "NotoSansArabic", "NotoSansArabic-Bold",
    str(Path(fontpkg_noto_sans_arabic.ROOT) / "files" / "NotoSansArabic[wdth,wght].ttf"),
    arabic=True)

# Noto Sans is large; only these blocks are kept before making instances.
_NOTO_SANS_BLOCKS = (range(0x20, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00),
                     range(0x2000, 0x2070), range(0x20A0, 0x20C0), range(0x2100, 0x2200))


def family_for(language: str) -> FontFamily:
    script = script_of(language)
    if script == "Latn":
        return ATKINSON
    if script == "Arab":
        return NOTO_SANS_ARABIC
    return NOTO_SANS


_lock = threading.Lock()
_registered: set[str] = set()


def register_family(family: FontFamily) -> None:
    """Register the family's regular and bold faces with ReportLab (once per process)."""
    register_fonts()
    if family.is_default or family.regular in _registered:
        return
    with _lock:
        if family.regular in _registered:
            return
        for name, weight in ((family.regular, 400), (family.bold, 700)):
            pdfmetrics.registerFont(SubsetTTFont(name, BytesIO(static_instance(family, weight))))
        registerFontFamily(family.regular, normal=family.regular, bold=family.bold,
                           italic=family.regular, boldItalic=family.bold)
        _registered.add(family.regular)


@lru_cache(maxsize=4)
def static_instance(family: FontFamily, weight: int) -> bytes:
    """The family's face of ``weight`` (400 or 700) as a static TrueType font."""
    return _static_instance(family, weight)


def _static_instance(family: FontFamily, weight: int) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont as ToolsFont
    from fontTools.varLib import instancer

    # recalcTimestamp=False keeps the package's own date in the font's header: saving would
    # stamp the time of day into it, and the same pack made twice would differ.
    font = ToolsFont(family.package_file, recalcTimestamp=False)
    if family is NOTO_SANS:
        options = subset.Options(layout_features=["*"], name_IDs=["*"], notdef_outline=True)
        cutter = subset.Subsetter(options)
        cutter.populate(unicodes=[c for block in _NOTO_SANS_BLOCKS for c in block])
        cutter.subset(font)
    static = instancer.instantiateVariableFont(font, {"wght": weight, "wdth": 100},
                                               static=True)
    out = BytesIO()
    static.save(out)
    return out.getvalue()


@lru_cache(maxsize=4)
def _package_characters(family: FontFamily) -> frozenset[str]:
    from fontTools.ttLib import TTFont as ToolsFont

    return frozenset(chr(code) for code in ToolsFont(family.package_file).getBestCmap())


def missing_for_language(language: str, text: str) -> set[str]:
    """Characters of ``text`` the PDF font for ``language`` has no glyph for (read from the
    font file's character map: no instance is made)."""
    family = family_for(language)
    if family.is_default:
        return missing_glyphs(text)
    have = _package_characters(family)
    return {char for char in unicodedata.normalize("NFC", text) if char not in have
            and char not in " \t\n\r" and unicodedata.category(char) != "Cf"}


@lru_cache(maxsize=8)
def drawable(family: FontFamily) -> frozenset[str]:
    register_family(family)
    codes: set[int] | None = None
    for name in (family.regular, family.bold):
        font = pdfmetrics.getFont(name)
        assert isinstance(font, TTFont)
        faces = set(font.face.charToGlyph)
        codes = faces if codes is None else codes & faces
    return frozenset(chr(c) for c in codes or () if unicodedata.category(chr(c))
                     not in ("Cc", "Cf", "Cs", "Co", "Cn"))


def family_drawable_text(family: FontFamily, text: str) -> str:
    """``text`` as ``family`` can draw it: Arabic letters joined, then fitted to its glyphs."""
    return fit_to_font(shape(text) if family.arabic else text, drawable(family))


@contextmanager
def using_family(family: FontFamily) -> Iterator[None]:
    """While rendering one document: its text is fitted to ``family`` (see fonts.py)."""
    register_family(family)
    if family.is_default:
        yield
        return
    token = family_text.set(lambda text: family_drawable_text(family, text))
    try:
        yield
    finally:
        family_text.reset(token)
