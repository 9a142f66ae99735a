"""WordprocessingML paragraphs, runs, links and tables, built straight with lxml.

python-docx's object layer finds each child's place by schema search and sets run text one
character at a time; for a 40-page pack that was most of the DOCX time. These builders
write the same elements, children already in schema order, in a fraction of the time. They
are appended to a parent element of the python-docx document, so the package, styles,
numbering and relationships stay python-docx's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from docx.oxml.styles import CT_Style
from lxml.etree import SubElement, _Element

# Tags and attributes, qualified once.
P, PPR, PSTYLE, PAGE_BREAK_BEFORE = qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn(
    "w:pageBreakBefore")
NUMPR, ILVL, NUMID = qn("w:numPr"), qn("w:ilvl"), qn("w:numId")
PBDR, LEFT, BOTTOM, SHD = qn("w:pBdr"), qn("w:left"), qn("w:bottom"), qn("w:shd")
SPACING, IND, JC = qn("w:spacing"), qn("w:ind"), qn("w:jc")
R, RPR, BOLD, ITALIC = qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:i")
COLOR, SZ, UNDERLINE = qn("w:color"), qn("w:sz"), qn("w:u")
T, BR, TAB = qn("w:t"), qn("w:br"), qn("w:tab")
HYPERLINK, RID = qn("w:hyperlink"), qn("r:id")
TBL, TBLPR, TBLSTYLE, TBLW, TBLGRID, GRIDCOL = (qn("w:tbl"), qn("w:tblPr"), qn("w:tblStyle"),
                                               qn("w:tblW"), qn("w:tblGrid"), qn("w:gridCol"))
TR, TC, TCPR, TCW, GRIDSPAN = qn("w:tr"), qn("w:tc"), qn("w:tcPr"), qn("w:tcW"), qn(
    "w:gridSpan")
VAL, TYPE, W, SZ_ATTR, SPACE, COLOR_ATTR, FILL, AFTER = (
    qn("w:val"), qn("w:type"), qn("w:w"), qn("w:sz"), qn("w:space"), qn("w:color"),
    qn("w:fill"), qn("w:after"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_PIECES = re.compile(r"[\t\n\r]|[^\t\n\r]+")


@dataclass(frozen=True)
class Look:
    """How a paragraph looks beyond its style (lengths in twentieths of a point)."""

    page_break_before: bool = False
    numbering: int | None = None  # numId of a list instance
    left_border: str | None = None  # callout bar colour (rrggbb)
    bottom_border: str | None = None  # write-in rule colour (rrggbb)
    fill: str | None = None  # shading (rrggbb)
    space_after: int | None = None
    indent_left: int | None = None
    align: str | None = None  # "right"


def paragraph(parent: _Element, style_id: str | None, look: Look | None = None) -> _Element:
    """A new ``w:p`` at the end of ``parent``."""
    p = SubElement(parent, P)
    if style_id is None and look is None:
        return p
    ppr = SubElement(p, PPR)
    if style_id:
        SubElement(ppr, PSTYLE).set(VAL, style_id)
    if look is None:
        return p
    if look.page_break_before:
        SubElement(ppr, PAGE_BREAK_BEFORE)
    if look.numbering is not None:
        numpr = SubElement(ppr, NUMPR)
        SubElement(numpr, ILVL).set(VAL, "0")
        SubElement(numpr, NUMID).set(VAL, str(look.numbering))
    if look.left_border or look.bottom_border:
        borders = SubElement(ppr, PBDR)
        if look.left_border:
            _border(borders, LEFT, "24", "6", look.left_border)
        if look.bottom_border:
            _border(borders, BOTTOM, "6", "1", look.bottom_border)
    if look.fill:
        shading = SubElement(ppr, SHD)
        shading.set(VAL, "clear")
        shading.set(COLOR_ATTR, "auto")
        shading.set(FILL, look.fill)
    if look.space_after is not None:
        SubElement(ppr, SPACING).set(AFTER, str(look.space_after))
    if look.indent_left is not None:
        SubElement(ppr, IND).set(qn("w:left"), str(look.indent_left))
    if look.align:
        SubElement(ppr, JC).set(VAL, look.align)
    return p


def _border(borders: _Element, side: str, size: str, space: str, colour: str) -> None:
    edge = SubElement(borders, side)
    edge.set(VAL, "single")
    edge.set(SZ_ATTR, size)
    edge.set(SPACE, space)
    edge.set(COLOR_ATTR, colour)


def run(parent: _Element, text: str, *, bold: bool = False, italic: bool = False,
        size: int | None = None, colour: str | None = None,
        underline: bool = False) -> _Element:
    """A ``w:r`` at the end of ``parent`` (size in half-points). Tabs and line breaks become
    ``w:tab`` and ``w:br``, as python-docx's ``Run.text`` does."""
    r = SubElement(parent, R)
    if bold or italic or size or colour or underline:
        rpr = SubElement(r, RPR)
        if bold:
            SubElement(rpr, BOLD)
        if italic:
            SubElement(rpr, ITALIC)
        if colour:
            SubElement(rpr, COLOR).set(VAL, colour)
        if size:
            SubElement(rpr, SZ).set(VAL, str(size))
        if underline:
            SubElement(rpr, UNDERLINE).set(VAL, "single")
    for piece in _PIECES.findall(text):
        if piece == "\t":
            SubElement(r, TAB)
        elif piece in "\n\r":
            SubElement(r, BR)
        else:
            t = SubElement(r, T)
            t.text = piece
            if piece[0] == " " or piece[-1] == " ":
                t.set(XML_SPACE, "preserve")
    return r


def hyperlink(parent: _Element, rel_id: str) -> _Element:
    link = SubElement(parent, HYPERLINK)
    link.set(RID, rel_id)
    return link


def page_break(parent: _Element) -> None:
    SubElement(SubElement(SubElement(parent, P), R), BR).set(TYPE, "page")


def table(parent: _Element, style_id: str, widths: tuple[int, ...],
          rows: list[list[int]]) -> list[list[_Element]]:
    """A left-aligned table; ``rows`` lists each cell's span. Returns each cell's paragraph."""
    tbl = SubElement(parent, TBL)
    props = SubElement(tbl, TBLPR)
    SubElement(props, TBLSTYLE).set(VAL, style_id)
    width = SubElement(props, TBLW)
    width.set(W, "0")
    width.set(TYPE, "auto")
    SubElement(props, JC).set(VAL, "left")
    grid = SubElement(tbl, TBLGRID)
    for column in widths:
        SubElement(grid, GRIDCOL).set(W, str(column))
    cells: list[list[_Element]] = []
    for spans in rows:
        tr = SubElement(tbl, TR)
        row: list[_Element] = []
        column = 0
        for span in spans:
            tc = SubElement(tr, TC)
            tc_props = SubElement(tc, TCPR)
            cell_width = SubElement(tc_props, TCW)
            cell_width.set(W, str(sum(widths[column:column + span])))
            cell_width.set(TYPE, "dxa")
            if span > 1:
                SubElement(tc_props, GRIDSPAN).set(VAL, str(span))
            row.append(paragraph(tc, None, Look(space_after=0)))
            column += span
        cells.append(row)
    return cells


def set_language(style_element: CT_Style, language: str) -> None:
    r_pr = style_element.get_or_add_rPr()
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = SubElement(r_pr, qn("w:lang"))
    lang.set(VAL, language)


def east_asian_font(style_element: CT_Style, font: str) -> None:
    fonts = style_element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
