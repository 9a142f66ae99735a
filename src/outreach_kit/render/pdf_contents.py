"""The contents table: section titles, each with the page it starts on, in one layout pass.

The titles are known before layout. Each page number is a :class:`PageNumber`, which asks
the canvas for a forward reference filled in once every section is placed
(:class:`~outreach_kit.render.pdf.FooterCanvas`).
"""

from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import getAscent
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from .pdf_flowables import FontSafeTable, WrapOnceParagraph


class ContentsTable(Flowable):
    """Section titles with their page numbers; may run over several pages.

    The number column has a fixed width, so the table's height never depends on the
    numbers.
    """

    def __init__(self, entries: list[tuple[str, str, bool]], entry_style: ParagraphStyle,
                 number_style: ParagraphStyle, rule_colour: Color):
        super().__init__()
        # (key, title markup, whether the title is content text: see .pdf_layout_cache)
        self.entries = entries
        self.entry_style = entry_style
        self.number_style = number_style
        self.rule_colour = rule_colour
        self._table: Table | None = None
        self._table_width = 0.0

    def _make_table(self, avail_width: float) -> Table:
        number_width = self.number_style.fontSize * 2.6
        rows: list[list[Flowable]] = [
            [WrapOnceParagraph(title, self.entry_style, shared=shared),
             PageNumber(key, self.number_style)]
            for key, title, shared in self.entries]
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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self._table_for(aW).wrap(aW, aH)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        return self._table_for(aW).split(aW, aH)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self._table is not None
        # The stubs leave out drawOn's _sW (the frame's spare width, for alignment).
        self._table.drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]


class PageNumber(Flowable):
    """One line holding, right-aligned, the page number where section ``key`` starts.

    The number is not known while the page is drawn: the canvas (``page_number_at``)
    draws a reference that it fills in after the last page. The baseline sits where a
    one-line Paragraph in ``style`` puts it, so the number lines up with the title beside
    it.
    """

    def __init__(self, key: str, style: ParagraphStyle):
        super().__init__()
        self.key = key
        self.style = style

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width, self.height = aW, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
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
