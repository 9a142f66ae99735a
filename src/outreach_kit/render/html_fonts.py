"""The HTML export's font for a script Atkinson Hyperlegible does not cover.

A page in Arabic, Urdu, Farsi or Ukrainian embeds the same Noto face the PDF uses
(:mod:`.font_families`), cut to the characters of the page, after Atkinson Hyperlegible in
the font list: the browser takes each character from the first font that has it, so Latin
letters and digits stay in Atkinson Hyperlegible and the rest come from Noto, offline.
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from .font_families import family_for, static_instance


def script_font(language: str) -> str:
    """The CSS family name to list after Atkinson Hyperlegible ("" when none is needed)."""
    family = family_for(language)
    return "" if family.is_default else family.regular


@lru_cache(maxsize=16)
def script_font_faces_css(language: str, characters: str) -> str:
    family = family_for(language)
    if family.is_default:
        return ""
    rules = []
    for weight in (400, 700):
        face = static_instance(family, weight)
        data = base64.b64encode(woff_subset(face, characters, all_features=True))
        rules.append(f'@font-face{{font-family:"{family.regular}";font-style:normal;'
                     f"font-weight:{weight};font-display:swap;"
                     f'src:url(data:font/woff;base64,{data.decode()}) format("woff");}}')
    return "\n".join(rules)


def woff_subset(font: Path | bytes, characters: str, *, all_features: bool = False) -> bytes:
    """The font with only the glyphs for ``characters``, as WOFF bytes; ``all_features``
    keeps every layout feature (Arabic joining: init, medi, fina; ligatures)."""
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False  # screens and printers render these sizes well unhinted
    # The whole name table stays: copyright and OFL licence (the fonts have no Reserved Font
    # Name, so a subset may keep its name); pruning it was also the slowest step.
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    if all_features:
        options.layout_features = ["*"]
    source = str(font) if isinstance(font, Path) else io.BytesIO(font)
    ttfont = TTFont(source, recalcTimestamp=False)  # same bytes for the same text
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(ttfont)
    out = io.BytesIO()
    ttfont.flavor = "woff"
    ttfont.save(out)
    return out.getvalue()
