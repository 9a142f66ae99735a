"""The small pieces every PDF block is made of: paragraphs from document text, labelled
lines and coloured boxes, in one print profile's styles.

Every string from the document reaches ReportLab through :mod:`.pdf_markup` (drawable text,
XML-escaped); the only markup is what this module and the block modules build.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, TableStyle

from ..document import Inline, Labels
from . import pdf_layout_cache as layout_cache
from .pdf_flowables import FontSafeTable, WrapOnceParagraph
from .pdf_markup import linked, para_markup, text_markup
from .pdf_styles import PdfStyles


class StoryParts:
    """Paragraphs, labelled lines and boxes in the styles of one print profile."""

    def __init__(self, styles: PdfStyles, labels: Labels, *, shared: bool = False):
        self.styles = styles
        self.palette = styles.palette
        self.labels = labels  # the document's words around content (callout labels...)
        # Paragraphs of content text only (a module's blocks), never a person's: their
        # layout may be kept in .pdf_layout_cache and reused by the next document.
        self.shared = shared

    def inline(self, inline: Inline) -> str:
        if self.shared:  # content text: the next pack's same text needs the same markup
            return layout_cache.shared_markup(inline, self.styles.italics)
        return para_markup(inline, italics=self.styles.italics)

    def para(self, markup: str, style: ParagraphStyle | None = None) -> WrapOnceParagraph:
        return WrapOnceParagraph(markup, style or self.styles.body, shared=self.shared)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None,
                 href: str | None = None) -> WrapOnceParagraph:
        shown = linked(text_markup(value), href)
        return self.para(f"<b>{text_markup(label)}</b> {shown}", style)

    def boxed(self, content: list[Flowable], edge: Color, fill: Color, *,
              thick: bool = False, bar: bool = False,
              width: float | None = None) -> FontSafeTable:
        table = FontSafeTable([[content]], colWidths=[width or self.styles.layout.frame_width],
                              hAlign="LEFT")
        pad = 5 if self.styles.compact else 8
        style = TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ])
        if bar:
            style.add("LINEBEFORE", (0, 0), (0, -1), 4, edge)
        else:
            style.add("BOX", (0, 0), (-1, -1), 2 if thick else 1, edge)
        table.setStyle(style)
        table.spaceAfter = self.styles.body.spaceAfter
        return table

    def notice_box(self, text: str) -> FontSafeTable:
        return self.boxed([self.para(text_markup(text), self.styles.notice)],
                          self.palette.warning_edge, self.palette.warning_fill, thick=True)
