"""Easy Read in Word: the picture (a PNG drawn from the icon) on the left, words on the right.

Word cannot take the icons' SVG directly everywhere, so each picture is rasterised once per
process by :func:`.pictures.png_bytes` (resvg; see that module for why not Cairo).
"""

from __future__ import annotations

import io

from docx.document import Document as WordDocument
from docx.shared import Cm
from docx.text.paragraph import Paragraph as WordParagraph
from lxml.etree import _Element

from .. import document as d
from . import docx_xml as x
from .pictures import png_bytes
from .presentation import clean_text

PICTURE_PIXELS = 192  # about 300 dpi at the 1.6 cm it is shown
PICTURE_CM = 1.6
WIDTHS = (round(Cm(2.2).twips), round(Cm(13.8).twips))


def add_picture(document: WordDocument, paragraph: _Element, picture: d.Picture,
                colour: str, height_cm: float = PICTURE_CM) -> None:
    """The picture as an inline image in ``paragraph``, with its alt text as the image's
    description (read by screen readers in Word)."""
    png = png_bytes(picture.svg_path, PICTURE_PIXELS, colour)
    run = WordParagraph(paragraph, document._body).add_run()
    shape = run.add_picture(io.BytesIO(png), height=Cm(height_cm))
    shape._inline.docPr.set("descr", picture.alt)
    shape._inline.docPr.set("title", picture.alt)


def pictured_item(document: WordDocument, body: _Element, item: d.PicturedItem,
                  colour: str, body_pt: int) -> _Element:
    """A two-cell table row, the picture in the first cell and the number (if any) in the
    second; returns the second cell's paragraph, for the words."""
    picture_cell, words_cell = x.table(body, "", WIDTHS, [[1, 1]])[0]
    if item.picture is not None:
        add_picture(document, picture_cell, item.picture, colour)
    if item.number:
        x.run(words_cell, clean_text(item.number) + " ", bold=True, size=2 * (body_pt + 4))
    return words_cell
