"""Paragraph fragments from the renderer's own markup, without ReportLab's HTML parser.

Every Paragraph's markup is built by :mod:`.pdf_markup` and the PDF story from the document
model: escaped text, ``<b>``, ``<i>`` and ``<a href="...">`` only. ReportLab parses it with
Python's ``html.parser``, about a tenth of render time; reading that small grammar with one
regular expression and handing ReportLab the same tree (``ParaParser.tt_parse``) gives the
same fragments, so the PDF is byte for byte the same. Markup outside the grammar returns
None and goes through ReportLab's parser as before.

Walking that tree through ``ParaParser.tt_parse`` still cost about a tenth of a first
render, so :func:`parsed_frags` makes the same fragments itself: for each run of text, a
copy of the fragment ReportLab made once for the same style and the same nesting of
``<b>``, ``<i>`` and ``<a>``, with the run's text and the paragraph's own link and
underline lists, as ``ParaParser`` sets them (tests compare the two on random markup).
"""

from __future__ import annotations

import re
from html import unescape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaFrag, ParaParser

# A tag of the grammar, an entity, or a run of text; anything else is outside the grammar.
_TOKEN = re.compile(r'<(b|i)>|</(b|i|a)>|<a href="([^"<>]*)">|&(\w+);|([^<&]+)')
# The entities xml.sax.saxutils writes (escape and quoteattr).
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"'}

TupleTree = tuple[str, dict[str, str] | None, list["TupleTree | str"], None]


def tuple_tree(markup: str) -> TupleTree | None:
    """``markup`` as ReportLab's tuple tree, or None if it is outside the grammar."""
    root: TupleTree = ("para", None, [], None)
    stack = [root]
    position = 0
    for match in _TOKEN.finditer(markup):
        if match.start() != position:
            return None
        position = match.end()
        opening, closing, href, entity, text = match.groups()
        if text is not None:
            stack[-1][2].append(text)
        elif entity is not None:
            if entity not in _ENTITIES:
                return None
            # html.parser hands each entity over on its own, so it is its own fragment
            stack[-1][2].append(_ENTITIES[entity])
        elif closing is not None:
            if len(stack) == 1 or stack[-1][0] != closing:
                return None
            stack.pop()
        else:
            node: TupleTree = (opening or "a", None if opening else {"href": unescape(href)},
                               [], None)
            stack[-1][2].append(node)
            stack.append(node)
    if position != len(markup) or len(stack) != 1:
        return None
    return root


def parsed_frags(markup: str,
                 style: ParagraphStyle) -> tuple[str, list[ParaFrag]] | None:
    """(cleaned text, fragments) as ReportLab's Paragraph would make them of ``markup``,
    or None: then give ``markup`` to ReportLab's parser."""
    if style.textTransform:  # never set by the renderer's styles
        return None
    text = cleanBlockQuotedText(markup)
    tree = tuple_tree(text)
    if tree is None:
        return None
    return text, _frags(tree, style)


def reportlab_frags(tree: TupleTree, style: ParagraphStyle) -> list[ParaFrag] | None:
    """The fragments ReportLab's ``ParaParser`` makes of a tuple tree."""
    parsed: tuple[object, list[ParaFrag] | None, object] = (
        ParaParser().tt_parse(tree, style))  # type: ignore[no-untyped-call]  # untyped stub
    _, frags, bullet_frags = parsed
    return None if bullet_frags else frags


def _frags(tree: TupleTree, style: ParagraphStyle) -> list[ParaFrag]:
    out: list[ParaFrag] = []
    underlines: list[object] = []  # one list per paragraph, shared, as ParaParser does
    links = 0

    def walk(node: TupleTree, path: tuple[str, ...], link: list[tuple[int, str]]) -> None:
        nonlocal links
        for child in node[2]:
            if isinstance(child, str):
                frag = _template(style, path).clone(text=child)
                frag.link, frag.us_lines = link, underlines
                out.append(frag)
                continue
            tag, attributes = child[0], child[1]
            inner = link
            if tag == "a" and attributes is not None:
                inner = [*link, (links, attributes["href"].strip())]
                links += 1
            walk(child, (*path, tag), inner)

    walk(tree, (), [])
    return out


_templates: dict[tuple[ParagraphStyle, tuple[str, ...]], ParaFrag] = {}


def _template(style: ParagraphStyle, path: tuple[str, ...]) -> ParaFrag:
    """The fragment ReportLab makes for text inside the tags ``path`` (outermost first)."""
    key = (style, path)
    template = _templates.get(key)
    if template is None:
        node: TupleTree | str = "x"
        for tag in reversed(path):
            node = (tag, {"href": "x"} if tag == "a" else None, [node], None)
        frags = reportlab_frags(("para", None, [node], None), style)
        assert frags is not None and len(frags) == 1, "a single run makes one fragment"
        template = _templates.setdefault(key, frags[0])
    return template
