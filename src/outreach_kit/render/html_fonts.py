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
        data = base64.b64encode(_woff_subset(static_instance(family, weight), characters))
        rules.append(f'@font-face{{font-family:"{family.regular}";font-style:normal;'
                     f"font-weight:{weight};font-display:swap;"
                     f'src:url(data:font/woff;base64,{data.decode()}) format("woff");}}')
    return "\n".join(rules)


def _woff_subset(font_bytes: bytes, characters: str) -> bytes:
    options = subset.Options()
    options.flavor = "woff"
    options.hinting = False
    options.name_IDs = ["*"]  # keeps the copyright and the OFL licence
    options.name_languages = ["*"]
    options.layout_features = ["*"]  # Arabic joining (init, medi, fina) and ligatures
    font = TTFont(io.BytesIO(font_bytes), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    out = io.BytesIO()
    font.flavor = "woff"
    font.save(out)
    return out.getvalue()
