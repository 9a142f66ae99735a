"""The language and writing direction of a Word file.

Word reads the proofing language from ``w:lang`` (``w:bidi`` for right-to-left scripts)
and lays out right-to-left paragraphs from ``w:bidi`` on the paragraph and ``w:rtl`` on
its runs; set on the Normal style, every paragraph and run inherits them.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.styles.style import BaseStyle
from lxml.etree import SubElement

from ..languages import is_right_to_left


def set_style_language(style: BaseStyle, language: str) -> None:
    r_pr = style.element.get_or_add_rPr()
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = SubElement(r_pr, qn("w:lang"))
    lang.set(qn("w:val"), language)
    if not is_right_to_left(language):
        return
    lang.set(qn("w:bidi"), language)
    if r_pr.find(qn("w:rtl")) is None:
        SubElement(r_pr, qn("w:rtl"))
    p_pr = style.element.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        SubElement(p_pr, qn("w:bidi"))
