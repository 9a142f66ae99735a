"""Custom ReportLab flowables: section markers, the contents table, ruled write-in lines,
tick boxes, QR codes, the cut-out wallet card and the letterhead logo.

Tick boxes and lines are drawn as shapes: Atkinson Hyperlegible has no ☐ or ✓ glyph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from itertools import groupby

from reportlab import rl_config
from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import getAscent
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from ..errors import ImageError
from .fonts import REGULAR

# A credit card (ISO/IEC 7810 ID-1) is 85.60 x 53.98 mm; printers and guides round to 54.
CARD_WIDTH = 85.6 * mm
CARD_HEIGHT = 54 * mm
CARD_PADDING = 3.5 * mm
CUT_DASH = (4, 3)
FOLD_DASH = (1, 2)


@dataclass(frozen=True)
class OutlineMarker:
    """Where a section starts: the doc template bookmarks it and tells the contents."""

    key: str
    title: str


class WrapOnceParagraph(Paragraph):
    """A Paragraph that keeps its line breaks while it is asked for the same width again.

    Layout asks the same paragraph for its size many times (keep-together checks, tables,
    table splits); without ReportLab's C accelerator each re-break is costly.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth, availHeight):
        if self._wrapped_width == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size

    def split(self, availWidth, availHeight):
        # When a split fails ReportLab deletes the line breaks to force a fresh wrap, but a
        # table may then draw the cell without wrapping it again: keep them instead.
        kept = self.__dict__.get("blPara")
        parts = super().split(availWidth, availHeight)
        if not parts and kept is not None and "blPara" not in self.__dict__:
            self.blPara = kept
        return parts


class SectionTitle(WrapOnceParagraph):
    """A section's visible title; carries the marker the doc template acts on."""

    def __init__(self, text: str | None, style=None, marker: OutlineMarker | None = None,
                 **kwargs):
        # ReportLab's split() builds the pieces as self.__class__(None, style, frags=...):
        # only the first piece carries the marker.
        super().__init__(text, style, **kwargs)
        self.outline_marker = marker


class HiddenMarker(Flowable):
    """A zero-size marker for sections whose title is not drawn (letters)."""

    def __init__(self, marker: OutlineMarker):
        super().__init__()
        self.outline_marker = marker
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        pass


class EvenPageStart(Flowable):
    """Zero size; on a right-hand (odd) page it shows ``note`` and moves to the next page.

    Pages count from 1 with the cover (a right-hand page), so what follows starts on a
    left-hand page and a two-page section is seen as one spread.
    """

    def __init__(self, note: Flowable):
        super().__init__()
        self.note = note
        self.width = self.height = 0

    def wrap(self, avail_width, avail_height):
        if self._doctemplateAttr("page") % 2 == 1:
            self._doctemplateAttr("frame").add_generated_content(self.note, PageBreak())
        return 0, 0

    def draw(self):
        pass


class ContentsTable(Flowable):
    """Section titles, each with the page it starts on, laid out in a single pass.

    The titles are known before layout. Each page number is a :class:`PageNumber`, which
    asks the canvas for a forward reference filled in once every section is placed. The
    number column has a fixed width, so the table's height never depends on the numbers;
    the table may run over several pages.
    """

    def __init__(self, entries: list[tuple[str, str]], entry_style, number_style,
                 rule_colour: Color):
        super().__init__()
        self.entries = entries  # (key, title markup)
        self.entry_style = entry_style
        self.number_style = number_style
        self.rule_colour = rule_colour
        self._table: Table | None = None
        self._table_width = 0.0

    def _make_table(self, avail_width: float) -> Table:
        number_width = self.number_style.fontSize * 2.6
        rows = [[WrapOnceParagraph(title, self.entry_style), PageNumber(key, self.number_style)]
                for key, title in self.entries]
        table = FontSafeTable(rows, colWidths=[avail_width - number_width, number_width],
                              hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, self.rule_colour),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ]))
        return table

    def _table_for(self, avail_width: float) -> Table:
        if self._table is None or self._table_width != avail_width:
            self._table = self._make_table(avail_width)
            self._table_width = avail_width
        return self._table

    def wrap(self, avail_width, avail_height):
        return self._table_for(avail_width).wrap(avail_width, avail_height)

    def split(self, avail_width, avail_height):
        return self._table_for(avail_width).split(avail_width, avail_height)

    def drawOn(self, canvas, x, y, _sW=0):
        assert self._table is not None
        self._table.drawOn(canvas, x, y, _sW)


class PageNumber(Flowable):
    """One line holding, right-aligned, the page number where section ``key`` starts.

    The number is not known while the page is drawn: the canvas (``page_number_at``, see
    :class:`~outreach_kit.render.pdf.FooterCanvas`) draws a reference that it fills in
    after the last page. The baseline sits where a one-line Paragraph in ``style`` puts
    it, so the number lines up with the title beside it.
    """

    def __init__(self, key: str, style):
        super().__init__()
        self.key = key
        self.style = style

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.style.leading
        return self.width, self.height

    def draw(self):
        page_number_at = getattr(self.canv, "page_number_at", None)
        if page_number_at is None:
            return  # a canvas without forward references (never the renderer's)
        style = self.style
        if rl_config.paraFontSizeHeightOffset:
            baseline = self.height - style.fontSize
        else:
            baseline = self.height - getAscent(style.fontName, style.fontSize)
        page_number_at(self.key, self.width, baseline, style.fontName, style.fontSize,
                       style.textColor)


class RuledLines(Flowable):
    """Lines to write on, split across pages when there are many."""

    def __init__(self, count: int, gap: float, colour: Color):
        super().__init__()
        self.count = max(1, count)
        self.gap = gap
        self.colour = colour
        self.line_width = 0.7

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.count * self.gap

    def split(self, avail_width, avail_height):
        fits = int(avail_height // self.gap)
        if fits < 1 or fits >= self.count:
            return []
        return [RuledLines(fits, self.gap, self.colour),
                RuledLines(self.count - fits, self.gap, self.colour)]

    def draw(self):
        canvas = self.canv
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(self.line_width)
        for index in range(self.count):
            y = index * self.gap + 1
            canvas.line(0, y, self.width, y)


class TickBox(Flowable):
    """An empty square to tick, drawn as a shape."""

    def __init__(self, size: float, colour: Color):
        super().__init__()
        self.size = size
        self.colour = colour

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(1.2)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


@lru_cache(maxsize=512)
def qr_fill_operators(url: str) -> tuple[int, str]:
    """(modules per side, PDF operators filling the dark modules) for ``url``.

    Uses ReportLab's own QR encoder (error correction M), as ``QrCodeWidget`` does; the
    widget builds one shape per module and re-encodes on every draw (about 0.15 s a code),
    so the fill is built once, in module units, and cached per address. Service web
    addresses are content, not client data, so caching them is fine.
    """
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    count = code.getModuleCount()
    rects = []
    for row_index, row in enumerate(code.modules):
        y = count - row_index - 1
        column = 0
        for dark, run in groupby(bool(cell) for cell in row):
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

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        cell = self.size / (self.module_count + 2 * self.QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(self.colour)
        canvas.translate(self.QUIET_ZONE * cell, self.QUIET_ZONE * cell)
        canvas.scale(cell, cell)
        canvas.addLiteral(self.operators)
        canvas.restoreState()


class WalletCard(Flowable):
    """A fold-over cut-out: front and back faces, each exactly credit-card size.

    The outer edge (85.6 x 108 mm) is a dashed cut line; the fold between the faces is
    dotted. Each face is built (``make_front(size)``, ``make_back(size)``) at the largest
    text size in ``sizes`` whose text fits the face; if even the smallest does not fit, it
    shrinks to fit, so the card is the same size in every profile.
    """

    def __init__(self, make_front: Callable[[float], list[Flowable]],
                 make_back: Callable[[float], list[Flowable]], sizes: tuple[float, ...],
                 edge: Color):
        super().__init__()
        self.make_front = make_front
        self.make_back = make_back
        self.sizes = sizes
        self.edge = edge
        self.width = CARD_WIDTH
        self.height = 2 * CARD_HEIGHT

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    @staticmethod
    def _height(content: list[Flowable], width: float) -> float | None:
        """Height of ``content`` stacked in ``width``, or None if a line is too wide."""
        total = 0.0
        for index, flowable in enumerate(content):
            used_w, used_h = flowable.wrap(width, CARD_HEIGHT)
            if used_w > width + 0.01 or getattr(flowable, "minWidth", lambda: 0)() > width:
                return None
            total += used_h + (flowable.getSpaceAfter() if index < len(content) - 1 else 0)
        return total

    def fitted(self, make: Callable[[float], list[Flowable]]) -> tuple[float, list[Flowable]]:
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

    def _face(self, make: Callable[[float], list[Flowable]], bottom: float) -> None:
        inner_w = CARD_WIDTH - 2 * CARD_PADDING
        inner_h = CARD_HEIGHT - 2 * CARD_PADDING
        _, content = self.fitted(make)
        box = KeepInFrame(inner_w, inner_h, content, mode="shrink", vAlign="TOP")
        _, used_h = box.wrapOn(self.canv, inner_w, inner_h)
        box.drawOn(self.canv, CARD_PADDING, bottom + CARD_HEIGHT - CARD_PADDING - used_h)

    def draw(self):
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


class FontSafeTable(Table):
    """A Table whose string cells (if any) use Atkinson, never the Helvetica default."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("splitInRow", 1)
        super().__init__(*args, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]))


class LogoImage(Flowable):
    """A letterhead logo from bytes, at most 45 x 22 mm, optionally turned to grey."""

    MAX_WIDTH = 45 * mm
    MAX_HEIGHT = 22 * mm

    def __init__(self, data: bytes, *, greyscale: bool):
        super().__init__()
        self.image = _image_reader(data, greyscale=greyscale)
        width, height = self.image.getSize()
        scale = min(self.MAX_WIDTH / width, self.MAX_HEIGHT / height)
        self.draw_width, self.draw_height = width * scale, height * scale
        self.spaceAfter = 4 * mm

    def wrap(self, avail_width, avail_height):
        return self.draw_width, self.draw_height

    def draw(self):
        self.canv.drawImage(self.image, 0, 0, self.draw_width, self.draw_height, mask="auto")


def _image_reader(data: bytes, *, greyscale: bool) -> ImageReader:
    from PIL import Image as PILImage

    try:
        image = PILImage.open(BytesIO(data))
        if image.format not in ("PNG", "JPEG"):
            raise ValueError("not PNG or JPEG")
        image.load()
        if greyscale:
            has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
            image = image.convert("LA" if has_alpha else "L")
        elif image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        return ImageReader(image)
    except Exception as error:  # Pillow raises many types for broken files
        raise ImageError("The letterhead logo is not a usable PNG or JPEG image.") from error
