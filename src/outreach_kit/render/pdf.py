"""Render a :class:`~outreach_kit.document.Document` to PDF bytes with ReportLab.

``render_pdf(document, options)`` is a pure function: it writes no files, keeps no
document data in globals, and gives byte-identical output for the same input
(``invariant=1``). What it produces:

- an optional cover (no footer), then each section, new sections on a new page;
- a contents section listing section titles with the page each one starts on, in one
  layout pass: the titles are known before layout, and each page number is a reference
  to a PDF form XObject that is only defined after the last page, once every section has
  been placed (like "Page X of Y"); bookmarks (outline) for the cover and every section;
- a footer on every page but the cover: "Page X of Y" (the cover is not counted, and
  PDF page labels match: "Cover", 1, 2, ...), the content version, and "Last reviewed /
  Next review due" from the document's metadata;
- title, author, subject, keywords and language in the PDF metadata;
- Atkinson Hyperlegible embedded, and no other font in the file;
- for the A5 booklet profile, A5 pages imposed two-up on A4 landscape (:mod:`.booklet`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any, Literal

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import BaseDocTemplate, LayoutError

from ..document import Document, date_text
from ..errors import RenderError
from .bidi import Run, draw_bidi_line, has_rtl
from .font_families import family_for, using_family
from .fonts import drawable_text, register_fonts
from .options import PageFormat, PrintOptions
from .pdf_draw_replay import Recorder, RecordingTextObject
from .pdf_story import StoryBuilder
from .pdf_styles import PdfStyles, styles_for

CREATOR = "Outreach Kit"

# Streams are compressed but not also ASCII85-encoded: smaller files, and without
# ReportLab's optional C accelerator the encoding costs a noticeable share of render time.
rl_config.useA85 = 0


def render_pdf(document: Document, options: PrintOptions = PrintOptions()) -> bytes:  # noqa: B008
    """The document as PDF bytes, laid out for the chosen print profiles."""
    buffer = BytesIO()
    lay_out(document, options, buffer, PackDocTemplate, FooterCanvas)
    pdf = buffer.getvalue()
    if options.page is PageFormat.A5_BOOKLET:
        # Imported here: the booklet needs pypdf, whose import costs about 50 ms of CPU at
        # start-up (measured in a fresh process after ReportLab), and only A5 booklets
        # need it.
        from .booklet import impose_booklet

        pdf = impose_booklet(pdf)
    return pdf


def lay_out(document: Document, options: PrintOptions, buffer: BytesIO,
            template_class: type[PackDocTemplate],
            canvas_class: type[FooterCanvas]) -> PackDocTemplate:
    """Lay the document out page by page into ``buffer`` with these classes (the whole PDF
    with :class:`PackDocTemplate` and :class:`FooterCanvas`); the template, once built."""
    register_fonts()
    family = family_for(document.meta.language or "en-GB")
    try:
        with using_family(family):
            styles = styles_for(options, family=family)
            story = StoryBuilder(document, styles).build()
            template = template_class(buffer, document, styles)
            template.build(story, canvasmaker=canvas_class)
    except LayoutError:
        raise RenderError(
            "Part of the document is too big to fit on a page. Shorten the longest text "
            "and try again."
        ) from None  # ReportLab's message quotes the text, which may be the client's
    return template


def _footer_groups(document: Document, page: int, total: int,
                   fixed: list[list[str]] | None = None) -> list[list[str]]:
    """The footer's pieces, grouped by line; a line too wide may break between pieces.

    ``fixed`` is :func:`_fixed_footer_groups` of the document, if already known.
    """
    labels = document.labels
    rest, *others = fixed if fixed is not None else _fixed_footer_groups(document)
    first = [drawable_text(labels.page_of.format(page=page, total=total)), *rest]
    return [first, *others]


def _fixed_footer_groups(document: Document) -> list[list[str]]:
    """The footer's pieces that are the same on every page, grouped as in
    :func:`_footer_groups` (the first group without its page number)."""
    meta, labels = document.meta, document.labels
    language = meta.language or "en-GB"
    first: list[str] = []
    if meta.content_version:
        first.append(drawable_text(labels.words.content_version.format(
            version=meta.content_version)))
    review: list[str] = []
    if meta.last_reviewed:
        review.append(drawable_text(labels.last_reviewed.format(
            date=date_text(language, meta.last_reviewed))))
    if meta.next_review:
        review.append(drawable_text(labels.words.next_review_due.format(
            date=date_text(language, meta.next_review))))
    groups = [first, review] if review else [first]
    if meta.translation_note:
        groups.append([drawable_text(meta.translation_note)])
    return groups


def _fit_footer(groups: list[list[str]], width_of: Callable[[str], float],
                width: float) -> list[str]:
    """Footer lines: each group on one line if it fits, else a piece a line."""
    lines: list[str] = []
    for group, joiner in zip(groups, (" · ", " / ", " "), strict=False):
        joined = joiner.join(group)
        if width_of(joined) <= width:
            lines.append(joined)
        else:
            lines.extend(group)
    return lines


class BodyFrame(Frame):
    """A frame that copies itself cheaply.

    ReportLab deep-copies the current frame each time it measures a KeepTogether or a list
    (``_listWrapOn``); the generic deepcopy of its two dozen plain attributes was a few per
    cent of render time.
    """

    def __deepcopy__(self, memo: dict[int, object]) -> BodyFrame:
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        # Straight into __dict__: Frame.__setattr__ recomputes the geometry on every set.
        clone.__dict__.update({
            name: value if isinstance(value, _IMMUTABLE) else copy.deepcopy(value, memo)
            for name, value in vars(self).items()})
        return clone


_IMMUTABLE = (int, float, str, bool, type(None))


class PackDocTemplate(BaseDocTemplate):
    """One frame per page; records where sections start for bookmarks and contents."""

    frame_class: type[BodyFrame] = BodyFrame  # .pdf_page_count lays out without drawing

    def __init__(self, buffer: BytesIO, document: Document, styles: PdfStyles):
        layout = styles.layout
        meta = document.meta
        super().__init__(
            buffer,
            pagesize=layout.page_size,
            leftMargin=layout.left,
            rightMargin=layout.right,
            topMargin=layout.top,
            bottomMargin=layout.bottom,
            title=drawable_text(meta.title),
            author=drawable_text(meta.author),
            subject=drawable_text(meta.subject),
            keywords=[drawable_text(word) for word in meta.keywords],
            creator=CREATOR,
            lang=meta.language or "en-GB",
            invariant=1,
            pageCompression=1,
            initialFontName=styles.family.regular,
            initialFontSize=styles.body_size,
            initialLeading=styles.body.leading,
            displayDocTitle=1,
        )
        self.meta = meta
        self.document = document
        self.styles = styles
        self.page_offset = 1 if document.cover is not None else 0
        frame = self.frame_class(layout.left, layout.bottom, layout.frame_width,
                                 layout.frame_height, leftPadding=0, rightPadding=0,
                                 topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._page_colour)])
        # Printed page number (the cover is not counted) where each section starts.
        self.section_pages: dict[str, int] = {}
        # Every page's footer repeats the same words (only the page number changes): they
        # and their widths are worked out once per document, not once per page.
        self._footer_fixed: list[list[str]] | None = None
        self._footer_widths: dict[str, float] = {}

    def _footer_width(self, text: str) -> float:
        """``text``'s width at the footer's size (in the footer's font)."""
        width = self._footer_widths.get(text)
        if width is None:
            width = self._footer_widths[text] = stringWidth(
                text, self.styles.family.regular, self.styles.layout.footer_size)
        return width

    def _page_colour(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        colour = self.styles.palette.page
        if colour is not None:
            canvas.saveState()
            canvas.setFillColor(colour)
            width, height = self.styles.layout.page_size
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.restoreState()

    def beforeDocument(self) -> None:
        self.section_pages = {}
        if isinstance(self.canv, FooterCanvas):
            self.canv.pack_template = self

    def afterFlowable(self, flowable: Flowable) -> None:
        marker = getattr(flowable, "outline_marker", None)
        if marker is None or marker.key in self.section_pages:
            return
        self.section_pages[marker.key] = self.page - self.page_offset
        self.canv.bookmarkPage(marker.key)
        self.canv.addOutlineEntry(marker.title, marker.key, level=0, closed=False)

    def draw_footer(self, canvas: Canvas, page_index: int, page_count: int) -> None:
        if page_index < self.page_offset:
            return
        total = page_count - self.page_offset
        if self._footer_fixed is None:
            self._footer_fixed = _fixed_footer_groups(self.document)
        groups = _footer_groups(self.document, page_index + 1 - self.page_offset, total,
                                self._footer_fixed)
        layout = self.styles.layout
        font = self.styles.family.regular
        size = layout.footer_size
        lines = _fit_footer(groups, self._footer_width, layout.frame_width)
        widest = max(self._footer_width(line) for line in lines)
        if widest > layout.frame_width:  # one piece alone is too wide: a last resort
            size = max(5.0, size * layout.frame_width / widest)
        canvas.saveState()
        canvas.setFont(font, size)
        canvas.setFillColor(self.styles.palette.muted)
        y = layout.bottom - layout.footer_size * (2.2 if len(lines) <= 2 else 1.8)
        for line in lines:
            if self.styles.family.arabic and has_rtl(line):
                draw_bidi_line(canvas, [Run(line, font, size)], layout.left,
                               layout.frame_width, y, right_to_left=True)
            else:
                canvas.drawString(layout.left, y, line)
            y -= size * 1.3
        canvas.restoreState()


class FooterCanvas(Canvas):
    """Defers each page until the end, so the footer can say "Page X of Y".

    Bookmarks are deferred with their page, so they point at the right page. Page numbers
    in the contents are forward references (:meth:`page_number_at`), defined in
    :meth:`save` once every section has been placed.
    """

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.pack_template: PackDocTemplate | None = None
        self._page_states: list[dict[str, Any]] = []
        self._page_bookmarks: list[tuple[str, dict[str, Any]]] = []
        self._page_number_slots: list[PageNumberSlot] = []
        # Set while a shared paragraph's drawing is recorded (.pdf_draw_replay).
        self.draw_recorder: Recorder | None = None

    def beginText(self, x: float = 0, y: float = 0,
                  direction: Literal["LTR", "RTL"] | None = None) -> PDFTextObject:
        if self.draw_recorder is None:
            return super().beginText(x, y, direction)
        return RecordingTextObject(self, x, y, direction=direction)

    def page_number_at(self, key: str, x: float, y: float, font: str, size: float,
                       colour: Color) -> None:
        """Show, right-aligned at (x, y), the page the section ``key`` starts on.

        Draws a reference to a form XObject that :meth:`save` fills in. The form works in
        page coordinates and is used with the page's own coordinate system, so its text has
        its true position for any reader that ignores where a form is placed (pypdf does).
        """
        name = f"ContentsPage{len(self._page_number_slots)}"
        page_x, page_y = self.absolutePosition(x, y)
        self._page_number_slots.append(PageNumberSlot(name, key, page_x, page_y, font, size,
                                                      colour))
        self.saveState()
        self.resetTransforms()
        self.doForm(name)
        self.restoreState()

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:  # type: ignore[override]
        # (Canvas.bookmarkPage returns the destination; nothing here uses it.)
        self._page_bookmarks.append((key, kwargs))

    def showPage(self) -> None:
        self._page_states.append(dict(self.__dict__))
        self._page_bookmarks = []
        self._startPage()  # type: ignore[attr-defined]  # private, not in the stubs

    def save(self) -> None:
        template = self.pack_template
        assert template is not None, "FooterCanvas is made by PackDocTemplate.build"
        count = len(self._page_states)
        if template.page_offset and count > 1:
            self.addPageLabel(0, prefix="Cover")
            self.addPageLabel(1, style="ARABIC", start=1)
        for index, state in enumerate(self._page_states):
            self.__dict__.update(state)
            for key, kwargs in self._page_bookmarks:
                Canvas.bookmarkPage(self, key, **kwargs)
            template.draw_footer(self, index, count)
            Canvas.showPage(self)
        self._define_page_numbers(template.section_pages)
        Canvas.save(self)

    def _define_page_numbers(self, section_pages: dict[str, int]) -> None:
        for slot in self._page_number_slots:
            self.beginForm(slot.name)
            page = section_pages.get(slot.key)
            if page is not None:  # a section that never got placed shows no number
                self.setFont(slot.font, slot.size)
                self.setFillColor(slot.colour)
                self.drawRightString(slot.x, slot.y, str(page))
            self.endForm()


@dataclass(frozen=True)
class PageNumberSlot:
    """Where a contents page number goes, in page coordinates, and how it looks."""

    name: str
    key: str
    x: float
    y: float
    font: str
    size: float
    colour: Color
