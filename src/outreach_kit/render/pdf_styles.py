"""Page geometry, colours and paragraph styles for each print profile.

Profiles combine: A4 or A5 pages, standard or large type, optional dyslexia spacing and
cream paper colour, optional greyscale. The rules come from CONTENT_GUIDE.md:

- standard: 13 pt body on A4 (12 pt on A5), leading 1.45 x, left aligned, about 65
  characters a line, no underlining, no capitals for emphasis;
- large print: 18 pt body, headings larger, wider measure;
- dyslexia: cream page colour, no italics (the renderer sets emphasis upright), leading
  1.6 x and more space between paragraphs;
- greyscale: every colour becomes the grey of the same lightness. Combined with dyslexia
  the page colour is left out (a grey wash wastes toner; print on cream paper instead).

``styles_for(options, compact=True)`` gives the same body size with tighter spacing and
headings the size of the body (bold), for the one page that must not run over: "Help right
now" in large print.

Meaning is never carried by colour alone: tones of callouts also have a written label and a
border style, and example-data banners say so in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import lru_cache

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from . import presentation
from .font_families import ATKINSON, FontFamily
from .options import PageFormat, PrintOptions
from .presentation import EASY_READ, WHITE, Colours, colours_for


@dataclass(frozen=True)
class Palette:
    """The colours of :func:`.presentation.colours_for` as ReportLab colours."""

    text: Color
    heading: Color
    muted: Color
    rule: Color
    info_fill: Color
    info_edge: Color
    tip_fill: Color
    tip_edge: Color
    warning_fill: Color
    warning_edge: Color
    safety_fill: Color
    safety_edge: Color
    black: Color
    page: Color | None = None  # page colour (cream for dyslexia), None for plain paper

    @classmethod
    def of(cls, colours: Colours) -> Palette:
        page = None if colours.page == WHITE else HexColor(colours.page)
        return cls(page=page, **{f.name: HexColor(getattr(colours, f.name))
                                 for f in fields(cls) if f.name != "page"})


CREAM = HexColor(presentation.CREAM)


@dataclass(frozen=True)
class Layout:
    page_size: tuple[float, float]
    left: float
    right: float
    top: float
    bottom: float
    footer_size: float

    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.page_size[1] - self.top - self.bottom


@dataclass(frozen=True)
class PdfStyles:
    options: PrintOptions
    palette: Palette
    layout: Layout
    body_size: float
    italics: bool
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_service: ParagraphStyle
    cover_line: ParagraphStyle
    notice: ParagraphStyle
    list_item: ParagraphStyle
    contents_entry: ParagraphStyle
    contents_number: ParagraphStyle
    contact_label: ParagraphStyle
    contact_number: ParagraphStyle
    callout_title: ParagraphStyle
    card_title: ParagraphStyle
    card_text: ParagraphStyle
    wallet_sizes: tuple[float, ...]  # wallet card text sizes to try, largest first
    compact: bool = False
    family: FontFamily = ATKINSON  # the document language's font (.font_families)

    @property
    def write_line_gap(self) -> float:
        """Distance between ruled lines on write-in pages: room for handwriting."""
        return 12 * mm if self.options.large_print else 9 * mm

    @property
    def tick_box_size(self) -> float:
        return self.body_size * 1.1

    def wallet_styles(self, size: float) -> tuple[ParagraphStyle, ParagraphStyle]:
        """(face heading, face text) styles for wallet card text of ``size`` points."""
        family = self.family
        return (_wallet_style("wallet_title", size, family.bold, self.palette.text, 0.35,
                              family.regular),
                _wallet_style("wallet_text", size, family.regular, self.palette.text, 0.15,
                              family.regular))


@lru_cache(maxsize=128)
def _wallet_style(name: str, size: float, font: str, colour: Color,
                  after: float, bullet_font: str) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.18, 2),
                          textColor=colour, alignment=TA_LEFT, spaceAfter=round(size * after, 2),
                          splitLongWords=True, bulletFontName=bullet_font, linkUnderline=False)


def _layout(options: PrintOptions) -> Layout:
    if options.page is PageFormat.A5_BOOKLET:
        side = 12 * mm if options.large_print else 15 * mm
        if options.large_print:  # room for a footer of up to four 14 pt lines
            return Layout(A5, side, side, 14 * mm, 32 * mm, 14)
        return Layout(A5, side, side, 14 * mm, 22 * mm, 9)
    side = 20 * mm if options.large_print else 38 * mm
    if options.easy_read:
        side = min(side, EASY_READ.side_margin_mm * mm)
    return Layout(A4, side, side, 20 * mm, 26 * mm, 14 if options.large_print else 9)


def _palette(options: PrintOptions) -> Palette:
    return Palette.of(colours_for(options))


def _style_maker(palette: Palette, ratio: float, gap: float,
                 family: FontFamily) -> Callable[..., ParagraphStyle]:
    """A function making paragraph styles with this palette, leading ratio and gap."""

    def style(name: str, size: float, *, bold: bool = False, colour: Color | None = None,
              before: float = 0.0, after: float | None = None, ratio_: float = ratio,
              keep: bool = False) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=family.bold if bold else family.regular,
            fontSize=size,
            leading=round(size * ratio_, 2),
            textColor=colour or palette.text,
            alignment=TA_LEFT,
            spaceBefore=before,
            spaceAfter=gap if after is None else after,
            keepWithNext=keep,
            splitLongWords=True,
            allowWidows=0,
            allowOrphans=0,
            bulletFontName=family.regular,
            linkUnderline=False,
        )

    return style


def _title_scale(options: PrintOptions) -> float:
    """A section title's size as a multiple of the body size."""
    return EASY_READ.title_scale if options.easy_read else 1.8


@lru_cache(maxsize=64)
def styles_for(options: PrintOptions, compact: bool = False,
               family: FontFamily = ATKINSON) -> PdfStyles:
    """Styles for one combination of profiles (cached: styles are never changed after).

    Over 60 lines on purpose: it is one table of paragraph styles, read best together.

    ``compact``: same body size, tighter spacing, headings the size of the body.
    """
    palette = _palette(options)
    layout = _layout(options)
    a5 = options.page is PageFormat.A5_BOOKLET
    body = 18.0 if options.large_print else 12.0 if a5 else 13.0
    ratio = 1.6 if options.dyslexia else 1.45
    gap = body * (0.95 if options.dyslexia else 0.65)
    if options.easy_read:  # larger type and more white space
        body = max(body, EASY_READ.min_body_size)
        gap = body * EASY_READ.paragraph_gap_ratio
    # Compact: a heading is the body size in bold, then a step above it.
    h2_scale, h3_scale = (1.0, 1.0) if compact else (1.35, 1.15)
    if compact:
        ratio = 1.35 if options.dyslexia else 1.25
        gap = body * (0.45 if options.dyslexia else 0.3)
    if options.easy_read:  # compact or not, lines stay open
        ratio = max(ratio, EASY_READ.min_line_ratio)
    style = _style_maker(palette, ratio, gap, family)

    small_size = 16.0 if options.large_print or options.easy_read else body - 2
    return PdfStyles(
        options=options,
        palette=palette,
        layout=layout,
        body_size=body,
        italics=not options.dyslexia,
        body=style("body", body),
        lead=style("lead", body if compact else body * 1.15),
        small=style("small", small_size, colour=palette.muted),
        h1=style("h1", body * (1.35 if compact else _title_scale(options)), bold=True,
                 colour=palette.heading, after=gap * 0.8, ratio_=1.25, keep=True),
        h2=style("h2", body * h2_scale, bold=True, colour=palette.heading, before=gap,
                 after=gap * 0.6, ratio_=min(ratio, 1.3), keep=True),
        h3=style("h3", body * h3_scale, bold=True, before=gap * 0.6, after=gap * 0.4,
                 ratio_=min(ratio, 1.3), keep=True),
        cover_title=style("cover_title", body * 3.2, bold=True, colour=palette.heading,
                          after=gap * 1.2, ratio_=1.15),
        cover_subtitle=style("cover_subtitle", body * 1.5, after=gap * 2.5, ratio_=1.3),
        cover_service=style("cover_service", body * 1.5, bold=True, colour=palette.heading,
                            after=gap * 1.5, ratio_=1.3),
        cover_line=style("cover_line", body * 1.15, after=gap * 0.9),
        notice=style("notice", body, bold=True, after=0),
        list_item=style("list_item", body, after=gap * 0.4),
        # Contents rows: body size, a little tighter, so about 24 rows fit an A4 page.
        contents_entry=style("contents_entry", body, after=0, ratio_=1.4),
        contents_number=style("contents_number", body, bold=True, after=0, ratio_=1.4),
        contact_label=style("contact_label", body * 1.15, bold=True, after=0, keep=True),
        contact_number=style("contact_number", body * 1.7, bold=True, after=gap * 0.2,
                             ratio_=1.25),
        callout_title=style("callout_title", body, bold=True, after=gap * 0.3),
        card_title=style("card_title", body * 1.2, bold=True, colour=palette.heading,
                         after=gap * 0.3, ratio_=1.3),
        card_text=style("card_text", body, after=gap * 0.25),
        wallet_sizes=_wallet_sizes(options),
        compact=compact,
        family=family,
    )


def _wallet_sizes(options: PrintOptions) -> tuple[float, ...]:
    """Wallet card text sizes, largest first, in half points: from 20 pt in large print and
    16 pt otherwise; the card uses the largest its text fits (aim: 16 and 12 pt at least)."""
    top, floor = (20.0, 9.0) if options.large_print else (16.0, 7.0)
    return tuple(top - 0.5 * step for step in range(int((top - floor) * 2) + 1))
