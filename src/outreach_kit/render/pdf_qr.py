"""QR codes in the PDF: the dark modules as filled rectangles, cached per address."""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from .qr import qr_modules


@lru_cache(maxsize=512)
def qr_fill_operators(url: str) -> tuple[int, str]:
    """(modules per side, PDF operators filling the dark modules) for ``url``.

    ReportLab's ``QrCodeWidget`` builds one shape per module and re-encodes on every draw
    (about 0.15 s a code), so the fill is built once, in module units, per address.
    """
    modules = qr_modules(url)
    count = len(modules)
    rects = []
    for row_index, row in enumerate(modules):
        y = count - row_index - 1
        column = 0
        for dark, run in groupby(row):
            length = len(list(run))
            if dark:
                rects.append(f"{column} {y} {length} 1 re")
            column += length
    return count, "\n".join(rects) + "\nf"


class QrCode(Flowable):
    """A QR code ``size`` points square, with a quiet zone, drawn as filled rectangles."""

    QUIET_ZONE = 2  # modules of white space around the code, which readers need

    def __init__(self, url: str, size: float, colour: Color):
        super().__init__()
        self.url = url
        self.size = size
        self.colour = colour
        self.module_count, self.operators = qr_fill_operators(url)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        cell = self.size / (self.module_count + 2 * self.QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.translate(self.QUIET_ZONE * cell, self.QUIET_ZONE * cell)
        canvas.scale(cell, cell)
        canvas.addLiteral(self.operators)
        canvas.restoreState()
