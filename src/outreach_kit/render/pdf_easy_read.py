"""Easy Read in the PDF: a picture on the left, the words on the right.

Sizes come from :data:`.presentation.EASY_READ` (the picture is a multiple of the body
size, so large print makes pictures larger too).
"""

from __future__ import annotations

import threading

from reportlab.graphics import renderPDF
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from ..document import Picture, PicturedItem
from .pdf_flowables import FontSafeTable
from .pdf_markup import linked, text_markup
from .pdf_parts import StoryParts
from .pictures import pdf_drawing
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
    words.append(parts.para(parts.inline(item.text), s.body))
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
    # White space between ideas: the body size.
    return [KeepTogether([table]), Spacer(1, s.body_size)]


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
