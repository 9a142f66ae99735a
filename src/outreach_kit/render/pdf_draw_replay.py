"""Drawing a shared paragraph again from what it drew last time, with the same bytes.

Drawing paragraphs was the largest share of a pack's render (about a fifth, pyinstrument
over 100 packs), and most of them are module text that every pack repeats. What a
paragraph draws is the same from one document to the next (it draws relative to where it
is placed) except the text itself: each document numbers the font's characters in the
order it first uses them, and names its fonts in the order it first uses them. So the
first time a shared paragraph (:mod:`.pdf_layout_cache`) is drawn, its drawing is kept as
literal PDF operators with holes where text was encoded; the next document fills the holes
by encoding the same strings, in the same order, as ReportLab's ``_formatText`` would
(which also numbers new characters and names fonts in the same order), and adds nothing
else. A paragraph that does anything more (a link, a graphics state, text that is not
plain, a font that is not TrueType) is never kept and is always drawn afresh.
tests/test_pdf_layout_cache.py compares whole PDFs made with and without this.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from . import pdf_layout_cache as layout_cache
from .pdf_layout_cache import LinesKey


@dataclass(frozen=True)
class Hole:
    """One string encoded by a text object: what ``_formatText`` was given."""

    text_object: int  # which of the drawing's text objects (in the order they were made)
    reset: bool  # the text object had no font subset selected yet (a font was just set)
    font: Any  # ReportLab's TTFont
    font_tail: str  # " <size> Tf <leading> TL", after the subset's font name
    text: str


@dataclass(frozen=True)
class Drawing:
    """A kept drawing: ``literals[i]`` comes before ``holes[i]``; one more literal ends it."""

    literals: tuple[str, ...]
    holes: tuple[Hole, ...]
    versions: tuple[str, ...]  # PDF features the drawing asked the document for
    wrote: bool  # whether it added to the page's operators at all


class Recorder:
    """Collects the strings a drawing encodes, and whether it can be replayed at all."""

    def __init__(self) -> None:
        self.holes: list[Hole] = []
        self.outputs: list[str] = []
        self.replayable = True
        self._objects: dict[int, int] = {}  # id(text object) -> its number
        self._subset_after: dict[int, int] = {}  # text object number -> subset left selected

    def encoded(self, text_object: Any, before: int, text: object,
                output: str) -> None:
        font = getFont(text_object._fontname)
        number = self._objects.setdefault(id(text_object), len(self._objects))
        reset = before == -1
        if type(text) is not str or not getattr(font, "_dynamicFont", False) or (
                not reset and self._subset_after.get(number) != before):
            self.replayable = False
            return
        tail = f" {fp_str(text_object._fontsize)} Tf {fp_str(text_object._leading)} TL"
        self.holes.append(Hole(number, reset, font, tail, text))
        self.outputs.append(output)
        self._subset_after[number] = text_object._curSubset


class RecordingTextObject(PDFTextObject):
    """A text object that tells the canvas's recorder what it encodes."""

    def _formatText(self, text: Any) -> str:  # (ReportLab's private API, not in the stubs)
        this: Any = self
        before = this._curSubset
        output: str = this._formatText_fresh(text)
        recorder: Recorder | None = getattr(this._canvas, "draw_recorder", None)
        if recorder is not None:
            recorder.encoded(self, before, text, output)
        return output

    _formatText_fresh = PDFTextObject._formatText  # type: ignore[attr-defined]


def draw_shared(canvas: Canvas, key: LinesKey, draw: Callable[[], None], *,
                record: bool = True) -> None:
    """``draw()`` a shared paragraph laid out as ``key`` on ``canvas``, or replay it.

    ``record=False``: draw it afresh unless a drawing is kept already (recording costs
    more than drawing, so it is for text that will be seen again).
    """
    if not _can_record(canvas):
        draw()
        return
    kept = layout_cache.drawing_for(key)
    if kept is not None:
        _replay(canvas, kept)
        return
    if not record or layout_cache.drawing_known(key):  # or known not to be replayable
        draw()
        return
    layout_cache.keep_drawing(key, _record(canvas, draw))


def kept_drawing(canvas: Canvas, key: LinesKey) -> Drawing | None:
    """The drawing kept for a shared paragraph laid out as ``key``, if it can be used on
    ``canvas`` now."""
    return layout_cache.drawing_for(key) if _can_record(canvas) else None


def replay_at(canvas: Any, drawing: Drawing, x: float, y: float) -> None:
    """What ``Flowable.drawOn`` writes around the paragraph's drawing at (x, y), without
    saving and restoring the canvas's own state (which the drawing leaves as it was)."""
    canvas._code.append("q")
    canvas._code.append(f"{fp_str(1, 0, 0, 1, x, y)} cm")
    _replay(canvas, drawing)
    canvas._code.append("Q")


def _can_record(canvas: Canvas) -> bool:
    # Only on a canvas whose text objects report (FooterCanvas), in the default graphics
    # state (an alpha set earlier would change what setting a colour writes).
    return (layout_cache.enabled() and hasattr(canvas, "draw_recorder")
            and not canvas._extgstate._d)  # type: ignore[attr-defined]


def _record(canvas: Any, draw: Callable[[], None]) -> Drawing | None:
    start, annotations = len(canvas._code), len(canvas._annotationrefs)
    states = len(canvas._extgstate._c)
    doc = canvas._doc
    versions: list[str] = []
    ensure = doc.ensureMinPdfVersion

    def noting(*keys: str) -> None:
        versions.extend(keys)
        ensure(*keys)

    recorder = canvas.draw_recorder = Recorder()
    doc.ensureMinPdfVersion = noting
    try:
        draw()
    finally:
        canvas.draw_recorder = None
        del doc.ensureMinPdfVersion
    if (not recorder.replayable or len(canvas._annotationrefs) != annotations
            or len(canvas._extgstate._c) != states or canvas._extgstate._d):
        return None
    wrote = len(canvas._code) > start
    return _drawing("\n".join(canvas._code[start:]), recorder, tuple(versions), wrote)


def _drawing(code: str, recorder: Recorder, versions: tuple[str, ...],
             wrote: bool) -> Drawing | None:
    """Cut ``code`` around each encoded string (literal operators never hold "Tj")."""
    literals: list[str] = []
    at = 0
    for output in recorder.outputs:
        found = code.find(output, at) if output else at
        if found < 0:
            return None
        literals.append(code[at:found])
        at = found + len(output)
    literals.append(code[at:])
    return Drawing(tuple(literals), tuple(recorder.holes), versions, wrote)


def _replay(canvas: Any, drawing: Drawing) -> None:
    doc = canvas._doc
    for version in drawing.versions:
        doc.ensureMinPdfVersion(version)
    escape = canvas._escape
    parts: list[str] = []
    subsets: dict[int, int] = {}
    for literal, hole in zip(drawing.literals, drawing.holes, strict=False):
        parts.append(literal)
        current = -1 if hole.reset else subsets[hole.text_object]
        # As PDFTextObject._formatText writes a TrueType font's text.
        encoded: list[str] = []
        for subset, chunk in hole.font.splitString(hole.text, doc):
            if subset != current:
                encoded.append(hole.font.getSubsetInternalName(subset, doc) + hole.font_tail)
                current = subset
            encoded.append(f"({escape(chunk)}) Tj")
        subsets[hole.text_object] = current
        parts.append(" ".join(encoded))
    parts.append(drawing.literals[-1])
    if drawing.wrote:  # (several entries joined by "\n" as the page joins them)
        canvas._code.append("".join(parts))
