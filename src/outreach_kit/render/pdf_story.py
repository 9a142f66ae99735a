"""Turn a :class:`~outreach_kit.document.Document` into a list of ReportLab flowables.

This module lays out the cover, the sections and the contents; each block's flowables come
from :mod:`.pdf_blocks` (cards from :mod:`.pdf_cards`, letters from :mod:`.pdf_letter`),
built from the pieces in :mod:`.pdf_parts`.

The "Help right now" section should be one page: if it is taller than a page it is built
again with compact styles (same body size, tighter spacing); if it still does not fit, it
starts on a left-hand (even) page so that it reads as one spread.
"""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, PageBreak, Spacer

from ..document import Cover, Document, Section, SectionKind, date_text
from .fonts import drawable_text
from .pdf_blocks import block_flowables
from .pdf_contents import ContentsTable
from .pdf_easy_read import keep_title_with_items, run_on_title
from .pdf_flowables import (
    EvenPageStart,
    HiddenMarker,
    OutlineMarker,
    SectionTitle,
    kept_together,
)
from .pdf_markup import text_markup
from .pdf_parts import StoryParts
from .pdf_styles import PdfStyles, styles_for


def cover_key() -> str:
    return "cover"


def section_key(index: int) -> str:
    return f"section-{index}"


class StoryBuilder:
    """Builds the flowables for one document in one print profile."""

    def __init__(self, document: Document, styles: PdfStyles):
        self.document = document
        self.styles = styles
        self.palette = styles.palette
        self.parts = StoryParts(styles, document.labels)
        # For the blocks of content-only sections (modules): see render.pdf_layout_cache.
        self.shared_parts = StoryParts(styles, document.labels, shared=True)

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        pending_notices = list(self.document.notices)
        if self.document.cover is not None:
            story += self.cover(self.document.cover, pending_notices)
            pending_notices = []
            story.append(PageBreak())
        for index, section in enumerate(self.document.sections):
            if section.new_page and story and not isinstance(story[-1], PageBreak):
                story.append(PageBreak())
            if section.kind is SectionKind.HELP_NOW:
                story += self.one_page_section(index, section, pending_notices)
            else:
                story += self.section(index, section, pending_notices)
            pending_notices = []
        return story

    def one_page_section(self, index: int, section: Section,
                         notices: list[str]) -> list[Flowable]:
        """A section kept to one page if at all possible, else started on a left page."""
        width, height = self.styles.layout.frame_width, self.styles.layout.frame_height
        flowables = self.section(index, section, notices)
        if stack_height(flowables, width, limit=height) <= height:
            return flowables
        compact = StoryBuilder(self.document, styles_for(self.styles.options, compact=True,
                                                       family=self.styles.family))
        flowables = compact.section(index, section, notices)
        if stack_height(flowables, width, limit=height) <= height:
            return flowables
        return [EvenPageStart(self.parts.para(text_markup(
            f"{section.title} starts on the next page, so you can see it all at once."),
            self.styles.small)), *flowables]

    def cover(self, cover: Cover, notices: list[str]) -> list[Flowable]:
        s, parts = self.styles, self.parts
        words = parts.labels.words
        out: list[Flowable] = []
        # "Cover", not its title: a bookmark shows in the viewer's sidebar and outlives the
        # cover page, and the title holds the person's name.
        marker = OutlineMarker(cover_key(), "Cover")
        out.append(SectionTitle(text_markup(cover.title), s.cover_title, marker))
        if cover.subtitle:
            out.append(parts.para(text_markup(cover.subtitle), s.cover_subtitle))
        if cover.service:
            out.append(parts.labelled(f"{words.cover_service}:", cover.service,
                                      s.cover_service))
        details = [parts.labelled(f"{label}:", value, s.cover_line)
                   for label, value in ((words.cover_keyworker, cover.keyworker),
                                        (words.cover_contact, cover.contact),
                                        (words.cover_date, cover.date_text))
                   if value]
        if details:
            out.append(HRFlowable(width="100%", thickness=1, color=self.palette.rule,
                                  spaceBefore=0, spaceAfter=s.body_size * 0.8, hAlign="LEFT"))
            out += details
        if notices:
            out.append(Spacer(1, s.body_size * 2.5))
            out += [parts.notice_box(notice) for notice in notices]
        # Space above the title, but never so much that the cover runs onto a second page.
        spare = s.layout.frame_height - stack_height(out, s.layout.frame_width) - s.body_size
        return [Spacer(1, max(0.0, min(s.layout.frame_height * 0.16, spare))), *out]

    def section(self, index: int, section: Section, notices: list[str]) -> list[Flowable]:
        s, parts = self.styles, self.parts
        marker = OutlineMarker(section_key(index), drawable_text(section.title) or "Section")
        out: list[Flowable] = []
        if section.kind is SectionKind.LETTER:
            out.append(HiddenMarker(marker))
        else:
            run_on = s.options.easy_read and not section.new_page
            out.append(SectionTitle(text_markup(section.title),
                                    run_on_title(s) if run_on else s.h1, marker,
                                    shared=section.content_only))
        out += [parts.notice_box(notice) for notice in notices]
        if section.intro:
            out.append(parts.para(parts.inline(section.intro), s.lead))
        # A content-only section's time and content note are content words and numbers too.
        block_parts = self.shared_parts if section.content_only else parts
        if section.time_needed_minutes:
            out.append(block_parts.para(text_markup(parts.labels.words.about(
                section.time_needed_minutes))))
        if section.content_warning:
            out.append(block_parts.boxed(
                [block_parts.labelled(f"{parts.labels.words.content_note}:",
                                      section.content_warning)],
                self.palette.warning_edge, self.palette.warning_fill, thick=True))
        for block in section.blocks:
            out += block_flowables(block_parts, block)
        if section.kind is SectionKind.CONTENTS:
            out.append(self.contents_table(index))
        if s.options.easy_read:
            out = keep_title_with_items(out)
        review = self.review_line(section, self.document)
        if review:
            self._end_with_review(out, review, block_parts)
        return out

    def _end_with_review(self, out: list[Flowable], review: str, parts: StoryParts) -> None:
        """Add the review line, kept with the last thing drawn before it.

        Never leave the review line alone at the top of a page. (keepWithNext would not do:
        ReportLab ignores it on a KeepTogether, which is what most blocks end with.)
        """
        last = len(out)
        while last > 0 and isinstance(out[last - 1], Spacer):
            last -= 1
        start = max(last - 1, 0)
        tail: list[Flowable] = []
        for flowable in out[start:]:
            # Merge, never nest: a KeepTogether inside another always reports itself too
            # tall (to force a split), which would push the group to a new page.
            tail += kept_together(flowable) if isinstance(flowable, KeepTogether) else [flowable]
        tail += [Spacer(1, self.styles.body_size),
                 parts.para(text_markup(review), self.styles.small)]
        out[start:] = [KeepTogether(tail)]

    def contents_table(self, own_index: int) -> ContentsTable:
        entries = [
            (section_key(i), text_markup(section.title), section.content_only)
            for i, section in enumerate(self.document.sections)
            if section.in_contents and section.kind is not SectionKind.CONTENTS
            and i != own_index
        ]
        return ContentsTable(entries, self.styles.contents_entry, self.styles.contents_number,
                             self.palette.rule)

    @staticmethod
    def review_line(section: Section, document: Document) -> str:
        parts = []
        if section.last_reviewed:
            day = date_text(document.meta.language, section.last_reviewed)
            parts.append(document.labels.last_reviewed.format(date=day) + ".")
        if section.next_review:
            day = date_text(document.meta.language, section.next_review)
            parts.append(document.labels.words.next_review_due.format(date=day) + ".")
        return " ".join(parts)


def _flattened(flowables: Iterable[Flowable]) -> list[Flowable]:
    """The flowables with every KeepTogether replaced by what it holds."""
    flat: list[Flowable] = []
    for flowable in flowables:  # KeepTogether reports a huge height when measured alone
        if isinstance(flowable, KeepTogether):
            flat += _flattened(kept_together(flowable))
        else:
            flat.append(flowable)
    return flat


def stack_height(flowables: list[Flowable], width: float,
                 limit: float = float("inf")) -> float:
    """About how tall ``flowables`` are, one after another in a frame ``width`` wide.

    Stops measuring once the height passes ``limit`` (then it is only known to be more).
    """
    canvas = Canvas(BytesIO())
    total = after = 0.0
    for index, flowable in enumerate(_flattened(flowables)):
        if isinstance(flowable, PageBreak):
            return float("inf")
        _, height = flowable.wrapOn(canvas, width, 1e6)
        if index:  # a frame lets space before overlap the space after the one above
            total += after + max(flowable.getSpaceBefore() - after, 0)
        total += height
        if total > limit:
            break
        after = flowable.getSpaceAfter()
    return total
