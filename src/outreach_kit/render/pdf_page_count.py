"""How many pages a document prints on, found by laying it out without drawing it.

The app shows the real page count after every change, so it lays the pack out on every
tick. Layout alone decides where pages break; drawing each flowable, the footers and
writing the file decide nothing about it, and they are over half of a render. So this runs
the layout of :func:`.pdf.lay_out` (the same story, styles, template and frame) but draws
no flowable and writes nothing. tests/test_pdf_page_count.py checks the count against the
rendered PDF for every example, profile and script.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any, Literal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..document import Document
from .options import PageFormat, PrintOptions
from .pdf import BodyFrame, FooterCanvas, PackDocTemplate, lay_out


def page_count(document: Document, options: PrintOptions = PrintOptions()) -> int:  # noqa: B008
    """The pages of ``render_pdf(document, options)``: A4 or A5 pages, or for the A5
    booklet the A4 sheet sides it is imposed on."""
    template = lay_out(document, options, BytesIO(), _LayoutOnlyTemplate, _LayoutOnlyCanvas)
    canvas = template.canv
    assert isinstance(canvas, _LayoutOnlyCanvas)
    pages = len(canvas.pages_laid_out())
    if options.page is PageFormat.A5_BOOKLET:
        # Imported here for the reason render_pdf gives (.booklet needs pypdf).
        from .booklet import padded_page_count

        return padded_page_count(pages) // 2  # two A5 pages to a sheet side
    return pages


def _not_drawn(canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
    """Stands in for a flowable's drawOn: the frame has placed it; nothing is drawn."""


class _LayoutOnlyFrame(BodyFrame):
    def add(self, flowable: Flowable, canv: Canvas, trySplit: int = 0) -> Literal[0, 1]:
        # The frame places the flowable and then calls its drawOn, which draws it and
        # everything inside it. An entry in the instance's own dict shadows the method for
        # this one call (set there directly: a list item's indenter passes attributes it
        # is given on to the paragraph inside it).
        own = vars(flowable)
        own["drawOn"] = _not_drawn
        try:
            placed = super().add(flowable, canv, trySplit)
        finally:
            del own["drawOn"]
        return placed


class _LayoutOnlyTemplate(PackDocTemplate):
    frame_class = _LayoutOnlyFrame


class _LayoutOnlyCanvas(FooterCanvas):
    """Keeps the pages as FooterCanvas does, then writes nothing (no footers, no file)."""

    def save(self) -> None:
        pass

    def pages_laid_out(self) -> list[dict[str, Any]]:
        return self._page_states
