"""Right-to-left lines for the PDF: Arabic letters joined, lines in visual order, text
layer in reading (logical) order.

ReportLab lays a paragraph out in logical order and would draw each line left to right.
For a paragraph whose first strong character is right-to-left (Arabic, Urdu, Farsi):

1. before layout, :func:`shape` joins Arabic letters into their contextual forms with
   ``arabic-reshaper`` (Unicode presentation forms, one character each, so widths are
   right when ReportLab wraps the words);
2. after wrapping, :func:`draw_bidi_line` orders *each line* with the Unicode bidi
   algorithm (``python-bidi``), never the whole paragraph (which would swap its lines),
   and draws it in visual order, right-aligned when the paragraph starts right to left.
   This is how PDF producers write right-to-left text, and what text extraction expects:
   pypdf, for one, turns each right-to-left run back into reading (logical) order.
   Presentation forms read back as the ordinary letters after Unicode NFKC normalisation.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..translations.numbers import GROUPED_NUMBER


def has_rtl(text: str) -> bool:
    """Does ``text`` start, at its first strong character, right to left?"""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


@lru_cache(maxsize=4096)
def shape(text: str) -> str:
    """Arabic letters in their joined (contextual) forms; other text unchanged."""
    if not any(unicodedata.bidirectional(c) == "AL" for c in text):
        return text
    # Imported here: arabic-reshaper's import costs about 27 ms (python -X importtime), and
    # only packs in an Arabic-script language need it.
    import arabic_reshaper

    shaped: str = arabic_reshaper.reshape(text)
    return shaped


# A number written in groups (GROUPED_NUMBER) is kept as one left-to-right unit. Without
# this, the bidi algorithm lays its groups out right to left in a right-to-left line, and a
# reader would dial them in the wrong order.
_LRE, _PDF = "\u202a", "\u202c"  # left-to-right embedding; pop directional formatting


def visual_order(text: str, right_to_left: bool = True) -> list[tuple[int, str]]:
    """(index in ``text``, character to draw) for each character, left to right on the
    line (mirrored brackets included); ``right_to_left``: the paragraph's base direction."""
    from bidi import algorithm  # only right-to-left packs need it (see shape)

    marked, origin = _embed_numbers(text)
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if right_to_left else 0
    storage["base_dir"] = "R" if right_to_left else "L"
    algorithm.get_embedding_levels(marked, storage, False, False)
    for index, char in enumerate(storage["chars"]):
        char["index"] = origin[index]
    algorithm.explicit_embed_and_overrides(storage, False)
    algorithm.resolve_weak_types(storage, False)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    algorithm.apply_mirroring(storage, False)
    return [(char["index"], char["ch"]) for char in storage["chars"]
            if char["index"] is not None]


def _embed_numbers(text: str) -> tuple[str, list[int | None]]:
    """``text`` with each grouped number inside a left-to-right embedding, and for each
    character of the result its index in ``text`` (None for the added marks)."""
    marked: list[str] = []
    origin: list[int | None] = []
    position = 0
    for match in GROUPED_NUMBER.finditer(text):
        for index in range(position, match.start()):
            marked.append(text[index])
            origin.append(index)
        marked.append(_LRE)
        origin.append(None)
        for index in range(match.start(), match.end()):
            marked.append(text[index])
            origin.append(index)
        marked.append(_PDF)
        origin.append(None)
        position = match.end()
    for index in range(position, len(text)):
        marked.append(text[index])
        origin.append(index)
    return "".join(marked), origin


@dataclass(frozen=True)
class Run:
    """Part of a line in one font, size and colour."""

    text: str
    font: str
    size: float
    colour: Color | None = None


def line_width(runs: list[Run]) -> float:
    return sum(stringWidth(run.text, run.font, run.size) for run in runs)


def draw_bidi_line(canvas: Canvas, runs: list[Run], left: float, width: float, y: float,
                   right_to_left: bool) -> None:
    """Draw one wrapped line in visual order: right-aligned in a right-to-left paragraph,
    left-aligned otherwise (see the module docstring)."""
    styled = [(char, run) for run in runs for char in run.text]
    text = "".join(char for char, _ in styled)
    if not text.strip():
        return
    pieces: list[tuple[str, Run]] = []  # visual order, one piece per run of one style
    for index, drawn in visual_order(text, right_to_left):
        run = styled[index][1]
        if pieces and pieces[-1][1] is run:
            pieces[-1] = (pieces[-1][0] + drawn, run)
        else:
            pieces.append((drawn, run))
    total = sum(stringWidth(piece, run.font, run.size) for piece, run in pieces)
    x = left + width - total if right_to_left else left
    for piece, run in pieces:
        canvas.setFont(run.font, run.size)
        if run.colour is not None:
            canvas.setFillColor(run.colour)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, run.font, run.size)


def paragraph_lines(paragraph: object) -> list[list[Run]]:
    """The wrapped lines of a laid-out ReportLab Paragraph as runs (logical order)."""
    bl = getattr(paragraph, "blPara")  # noqa: B009  # set by Paragraph.wrap
    out: list[list[Run]] = []
    if bl.kind == 0:
        for _, words in bl.lines:
            out.append([Run(" ".join(words), bl.fontName, bl.fontSize, bl.textColor)])
        return out
    for line in bl.lines:
        runs = []
        for frag in line.words:
            text = getattr(frag, "text", "")
            if text:
                runs.append(Run(text, frag.fontName, frag.fontSize,
                                getattr(frag, "textColor", None)))
        out.append(runs)
    return out


def draw_bidi_paragraph(paragraph: object, canvas: Canvas) -> bool:
    """Draw a laid-out Paragraph line by line in visual order if it holds any right-to-left
    text (returns False, drawing nothing, if not)."""
    lines = paragraph_lines(paragraph)
    text = "".join(run.text for line in lines for run in line)
    if not any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
        return False
    style = getattr(paragraph, "style")  # noqa: B009
    height: float = getattr(paragraph, "height")  # noqa: B009
    width = float(getattr(paragraph, "width")) - style.rightIndent - style.leftIndent  # noqa: B009
    right_to_left = has_rtl(text)
    y = height - style.fontSize
    for runs in lines:
        draw_bidi_line(canvas, runs, style.leftIndent, width, y, right_to_left)
        y -= style.leading
    return True
