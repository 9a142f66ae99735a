"""Small custom ReportLab flowables: paragraphs and tables that measure once, section
markers, ruled write-in lines, tick boxes and the letterhead logo.

The contents table is in :mod:`.pdf_contents`, QR codes in :mod:`.pdf_qr` and the wallet
card in :mod:`.pdf_wallet`. Tick boxes and lines are drawn as shapes: Atkinson
Hyperlegible has no ☐ or ✓ glyph.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from PIL import Image as PILImage
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table, TableStyle
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.paraparser import ParaFrag
from reportlab.rl_config import _FUZZ

from ..errors import ImageError
from . import pdf_layout_cache as layout_cache
from .bidi import draw_bidi_paragraph
from .fonts import REGULAR
from .pdf_draw_replay import Drawing, draw_shared, kept_drawing, replay_at
from .pdf_fragments import parsed_frags


@dataclass(frozen=True)
class OutlineMarker:
    """Where a section starts: the doc template bookmarks it and tells the contents."""

    key: str
    title: str


def kept_together(keep: KeepTogether) -> list[Flowable]:
    """What a KeepTogether holds (ReportLab keeps the list private)."""
    content: list[Flowable] = keep._content  # type: ignore[attr-defined]  # not in the stubs
    return content


def doc_template(flowable: Flowable) -> BaseDocTemplate:
    """The doc template laying ``flowable`` out, known to the canvas during layout."""
    template: BaseDocTemplate = getattr(flowable.canv, "_doctemplate")  # noqa: B009
    return template


class WrapOnceParagraph(Paragraph):
    """A Paragraph that keeps its line breaks while it is asked for the same width again.

    Layout asks the same paragraph for its size many times (keep-together checks, tables,
    table splits); each re-break is costly. Its markup is read by :mod:`.pdf_fragments`
    (the same fragments as ReportLab's parser, faster). A ``shared`` paragraph (content
    text only, never a person's) takes its fragments and line breaks from the per-process
    :mod:`.pdf_layout_cache`, so the next document with the same text skips both.
    """

    _wrapped_width: float | None = None
    _shared_markup: str | None = None
    _replayable = False  # a shared paragraph whose drawing may be kept and replayed
    _layout_reused = False  # its line breaks came from the layout cache

    def __init__(self, text: str | None, style: ParagraphStyle,
                 bulletText: str | None = None, frags: list[ParaFrag] | None = None,
                 *, shared: bool = False, **kwargs: Any):
        if frags is None and text is not None:
            markup = text
            read = layout_cache.shared_frags if shared else parsed_frags
            text, frags = read(markup, style) or (text, None)
            if shared and frags is not None and bulletText is None and not kwargs:
                self._shared_markup = markup
                # A callback (an anchor, an image) does more than draw: never replayed.
                self._replayable = not any(getattr(f, "cbDefn", None) for f in frags)
        # ReportLab's split() makes the pieces with text None and their fragments.
        super().__init__(text, style, bulletText, frags, **kwargs)  # type: ignore[arg-type]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self._wrapped_width == availWidth and "blPara" in self.__dict__:
            return self.width, self.height
        key = None
        if self._shared_markup is not None and availWidth >= _FUZZ:
            key = (self._shared_markup, self.style, availWidth)
            kept = layout_cache.lines_for(key)
            if kept is not None:  # what Paragraph.wrap set on the first paragraph
                self.__dict__.update(kept)
                self._wrapped_width = availWidth
                self._layout_reused = True
                return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        if key is not None:
            layout_cache.keep_lines(key, {name: self.__dict__[name] for name in _SET_BY_WRAP
                                          if name in self.__dict__})
        return size

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        kept = self._kept_drawing(canvas)
        if kept is None:
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # (stubs lack _sW)
        else:  # (a saved and restored canvas state costs more than the drawing itself)
            this: Any = self  # (ReportLab's private API, not in the stubs)
            replay_at(canvas, kept, this._hAlignAdjust(x, _sW), y)

    def _kept_drawing(self, canvas: Canvas) -> Drawing | None:
        width = self._wrapped_width
        if (not self._replayable or width is None or width < _FUZZ
                or self.__dict__.get("debug")
                or getattr(self, "_showBoundary", False)
                or self.style.fontName.startswith(RTL_FONT_PREFIX)):
            return None
        return kept_drawing(canvas, (self._shared_markup or "", self.style, width))

    def drawPara(self, debug: int = 0) -> None:
        # In an Arabic-script font, lines with right-to-left text are ordered by .bidi.
        if self.style.fontName.startswith(RTL_FONT_PREFIX) and draw_bidi_paragraph(
                self, self.canv):
            return
        width = self._wrapped_width
        if self._replayable and not debug and width is not None and width >= _FUZZ:
            # Drawn as last time, if this layout was drawn before (.pdf_draw_replay). Only
            # a layout an earlier document made is recorded: text that is seen again.
            key = (self._shared_markup or "", self.style, width)
            draw_shared(self.canv, key, lambda: Paragraph.drawPara(self, debug),
                        record=self._layout_reused)
        else:
            super().drawPara(debug)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        # When a split fails ReportLab deletes the line breaks to force a fresh wrap, but a
        # table may then draw the cell without wrapping it again: keep them instead.
        kept = self.__dict__.get("blPara")
        parts = super().split(availWidth, availHeight)
        if not parts and kept is not None and "blPara" not in self.__dict__:
            self.blPara = kept
        return parts


RTL_FONT_PREFIX = "NotoSansArabic"  # .font_families.NOTO_SANS_ARABIC

# What Paragraph.wrap (and its breakLines) sets on the paragraph: the layout to reuse.
_SET_BY_WRAP = ("width", "height", "_wrapWidths", "blPara", "_width_max",
                "_splitLongWordCount", "_hyphenations")


class SectionTitle(WrapOnceParagraph):
    """A section's visible title; carries the marker the doc template acts on."""

    def __init__(self, text: str | None, style: ParagraphStyle,
                 marker: OutlineMarker | None = None, **kwargs: Any):
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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        template = doc_template(self)
        if template.page % 2 == 1:
            template.frame.add_generated_content(self.note, PageBreak())
        return 0, 0

    def draw(self) -> None:
        pass


class RuledLines(Flowable):
    """Lines to write on, split across pages when there are many."""

    def __init__(self, count: int, gap: float, colour: Color):
        super().__init__()
        self.count = max(1, count)
        self.gap = gap
        self.colour = colour
        self.line_width = 0.7

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        self.width = aW
        return aW, self.count * self.gap

    def split(self, aW: float, aH: float) -> list[Flowable]:
        fits = int(aH // self.gap)
        if fits < 1 or fits >= self.count:
            return []
        return [RuledLines(fits, self.gap, self.colour),
                RuledLines(self.count - fits, self.gap, self.colour)]

    def draw(self) -> None:
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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(1.2)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


class FontSafeTable(Table):
    """A Table whose string cells (if any) use Atkinson, never the Helvetica default.

    It also keeps its measurements while asked for the same width again: a KeepTogether
    measures it at an unlimited height, then the frame measures it again.
    """

    def __init__(self, data: list[list[Any]], colWidths: list[float] | None = None,
                 **kwargs: Any):
        # ReportLab's split() makes the pieces with this class and its own keywords.
        kwargs.setdefault("splitInRow", 1)
        super().__init__(data, colWidths=colWidths, **kwargs)
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR)]))
        self._measured_width: float | None = None

    def _calc(self, availWidth: float, availHeight: float) -> None:
        if availWidth == self._measured_width:
            return
        super()._calc(availWidth, availHeight)  # type: ignore[misc]  # private, not in the stubs
        # Only a measurement of every row can be used again (a long table stops early).
        complete = getattr(self, "_hmax") == getattr(self, "_nrows")  # noqa: B009
        self._measured_width = availWidth if complete else None


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

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return self.draw_width, self.draw_height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.draw_width, self.draw_height, mask="auto")


def _image_reader(data: bytes, *, greyscale: bool) -> ImageReader:
    try:
        opened = PILImage.open(BytesIO(data))
        if opened.format not in ("PNG", "JPEG"):
            raise ValueError("not PNG or JPEG")
        opened.load()
        image: PILImage.Image = opened
        if greyscale:
            has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
            image = image.convert("LA" if has_alpha else "L")
        elif image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA")
        return ImageReader(image)
    except Exception as error:  # Pillow raises many types for broken files
        raise ImageError("The letterhead logo is not a usable PNG or JPEG image.") from error
