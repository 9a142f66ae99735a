"""The cut-out wallet card: a fold-over card, each face exactly credit-card size."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame

# A credit card (ISO/IEC 7810 ID-1) is 85.60 x 53.98 mm; printers and guides round to 54.
CARD_WIDTH = 85.6 * mm
CARD_HEIGHT = 54 * mm
CARD_PADDING = 3.5 * mm
CUT_DASH = (4, 3)
FOLD_DASH = (1, 2)

FaceMaker = Callable[[float], list[Flowable]]


class WalletCard(Flowable):
    """A fold-over cut-out: front and back faces, each exactly credit-card size.

    The outer edge (85.6 x 108 mm) is a dashed cut line; the fold between the faces is
    dotted. Each face is built (``make_front(size)``, ``make_back(size)``) at the largest
    text size in ``sizes`` whose text fits the face; if even the smallest does not fit, it
    shrinks to fit, so the card is the same size in every profile.
    """

    def __init__(self, make_front: FaceMaker, make_back: FaceMaker,
                 sizes: tuple[float, ...], edge: Color):
        super().__init__()
        self.make_front = make_front
        self.make_back = make_back
        self.sizes = sizes
        self.edge = edge
        self.width = CARD_WIDTH
        self.height = 2 * CARD_HEIGHT

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    @staticmethod
    def _height(content: list[Flowable], width: float) -> float | None:
        """Height of ``content`` stacked in ``width``, or None if a line is too wide."""
        total = 0.0
        for index, flowable in enumerate(content):
            used_w, used_h = flowable.wrap(width, CARD_HEIGHT)
            if used_w > width + 0.01 or flowable.minWidth() > width:
                return None
            total += used_h + (flowable.getSpaceAfter() if index < len(content) - 1 else 0)
        return total

    def fitted(self, make: FaceMaker) -> tuple[float, list[Flowable]]:
        """(text size, content) for one face: the largest size whose text fits."""
        inner_w = CARD_WIDTH - 2 * CARD_PADDING
        inner_h = CARD_HEIGHT - 2 * CARD_PADDING
        content: list[Flowable] = []
        for size in self.sizes:
            content = make(size)
            height = self._height(content, inner_w)
            if height is not None and height <= inner_h:
                return size, content
        return self.sizes[-1], content

    def _face(self, make: FaceMaker, bottom: float) -> None:
        inner_w = CARD_WIDTH - 2 * CARD_PADDING
        inner_h = CARD_HEIGHT - 2 * CARD_PADDING
        _, content = self.fitted(make)
        box = KeepInFrame(inner_w, inner_h, content, mode="shrink", vAlign="TOP")
        _, used_h = box.wrapOn(self.canv, inner_w, inner_h)
        box.drawOn(self.canv, CARD_PADDING, bottom + CARD_HEIGHT - CARD_PADDING - used_h)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(self.edge)
        canvas.setLineWidth(1)
        canvas.setDash(*CUT_DASH)
        canvas.rect(0, 0, CARD_WIDTH, 2 * CARD_HEIGHT, stroke=1, fill=0)
        canvas.setDash(*FOLD_DASH)
        canvas.setLineWidth(0.8)
        canvas.line(0, CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT)
        canvas.restoreState()
        self._face(self.make_front, CARD_HEIGHT)
        self._face(self.make_back, 0)
