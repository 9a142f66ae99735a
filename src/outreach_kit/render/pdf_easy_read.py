"""Easy Read in the PDF: a picture on the left, the words on the right.

Sizes come from :data:`.presentation.EASY_READ` (the picture is a multiple of the body
size, so large print makes pictures larger too).
"""

from __future__ import annotations

import threading
from functools import lru_cache

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from ..document import Picture, PicturedItem
from .pdf_flowables import FontSafeTable, kept_together
from .pdf_markup import linked, text_markup
from .pdf_parts import StoryParts
from .pdf_styles import PdfStyles
from .presentation import EASY_READ, tel_link

_DRAWING_LOCK = threading.Lock()


class PictureFlowable(Flowable):
    """An icon drawn once per PDF as a form XObject and placed wherever it is used: a pack
    repeats the same few pictures, so each costs its paths once (and the file is smaller)."""

    def __init__(self, picture: Picture, size: float, colour: Color):
        super().__init__()
        self.picture = picture
        self.colour = colour
        self.width = self.height = size
        self.key = f"picture-{picture.id}-{size:.1f}-{colour.hexval()[2:]}"

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        if not canvas.hasForm(self.key):
            # Imported at the first picture: the SVG reader and ReportLab's graphics cost
            # about 6 ms of process time, and a pack without Easy Read draws none.
            from reportlab.graphics import renderPDF

            from .pictures import pdf_drawing

            drawing = pdf_drawing(self.picture.svg_path, self.width, self.colour)
            canvas.beginForm(self.key, 0, 0, self.width, self.height)
            # The drawing is shared (cached); ReportLab's renderer marks a drawing while it
            # draws it, so two threads must not draw the same one at once.
            with _DRAWING_LOCK:
                renderPDF.draw(drawing, canvas, 0, 0)
            canvas.endForm()
        canvas.doForm(self.key)


def picture_flowable(parts: StoryParts, picture: Picture | None, size: float) -> Flowable:
    """The picture as a drawing, or an empty square of the same size when there is none."""
    if picture is None:
        return Spacer(size, size)
    return PictureFlowable(picture, size, parts.palette.heading)


def pictured_item(parts: StoryParts, item: PicturedItem) -> list[Flowable]:
    s = parts.styles
    size = s.body_size * EASY_READ.picture_scale
    gap = s.body_size * EASY_READ.picture_gap_scale
    words: list[Flowable] = []
    if item.number:
        number = linked(text_markup(item.number), tel_link(item.number))
        words.append(parts.para(number, s.contact_number))
    words.append(parts.para(parts.inline(item.text), item_words(s)))
    table = FontSafeTable([[picture_flowable(parts, item.picture, size), words]],
                          colWidths=[size + gap, s.layout.frame_width - size - gap],
                          hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return [ItemKeep([table]), Spacer(1, s.body_size * EASY_READ.item_gap_scale)]


@lru_cache(maxsize=32)
def item_words(styles: PdfStyles) -> ParagraphStyle:
    """The body style with no space after: the gap between items is one spacer, so the
    words and their picture end together (cached: the layout cache keys on the style)."""
    return ParagraphStyle("easy_read_item", parent=styles.body, spaceAfter=0)


class ItemKeep(KeepTogether):
    """One pictured item, never split across pages."""


@lru_cache(maxsize=32)
def run_on_title(styles: PdfStyles) -> ParagraphStyle:
    """A module title that follows another module on the same page: space above it (a
    frame drops space-before at the top of a page, so a title there starts level)."""
    return ParagraphStyle("h1_run_on", parent=styles.h1,
                          spaceBefore=styles.body_size * EASY_READ.run_on_space_scale)


def keep_title_with_items(flowables: list[Flowable]) -> list[Flowable]:
    """``flowables`` (a section) with everything up to its first few pictured items kept
    together, so a title never ends a page without the ideas it names."""
    items = [index for index, f in enumerate(flowables) if isinstance(f, ItemKeep)]
    if not items:
        return flowables
    end = items[min(EASY_READ.items_kept_with_title, len(items)) - 1] + 1
    group: list[Flowable] = []
    for flowable in flowables[:end]:  # merged, never nested (see pdf_story)
        group += kept_together(flowable) if isinstance(flowable, KeepTogether) else [flowable]
    return [KeepTogether(group), *flowables[end:]]


def pictured_line(parts: StoryParts, picture: Picture, style_size: float, text: Flowable,
                  width: float) -> FontSafeTable:
    """A small picture beside one line ``width`` wide (the wallet card's numbers)."""
    size = style_size * 1.6
    first = size + style_size * 0.5
    table = FontSafeTable([[picture_flowable(parts, picture, size), text]],
                          colWidths=[first, width - first], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), style_size * 0.2),
    ]))
    return table
