"""A per-process cache of paragraph layout, for text that comes from content files only.

Every pack repeats the same module sections; only the cover, the wallet card, the letter
and the person's details differ. Reading a paragraph's markup into fragments and breaking
it into lines cost about a quarter of a pack's render, so a paragraph marked ``shared``
keeps both here, keyed by its markup, its style and the width it is broken to, and the next
pack reuses them. Only the title, blocks, time needed, content note and review line of a
section whose ``content_only`` is set are shared (``StoryParts.shared``); ``assemble.pack``
sets it for a module's section, the how-to-use page and the services, whose words all come
from content files.

Nothing typed about a person is ever marked shared, so no personal text is kept here; the
cache lives in memory only, is never written anywhere, and is bounded (cleared when full).
A paragraph gets its own copies of the cached fragments, and the output with the cache is
byte for byte the output without it (tests/test_pdf_layout_cache.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus.paraparser import ParaFrag

from ..document import Inline
from .pdf_fragments import parsed_frags
from .pdf_markup import para_markup

if TYPE_CHECKING:
    from .pdf_draw_replay import Drawing

MAX_ENTRIES = 5000  # a pack has a few hundred shared paragraphs; the library a few thousand

FragsKey = tuple[str, ParagraphStyle]
LinesKey = tuple[str, ParagraphStyle, float]

_frags: dict[FragsKey, tuple[str, list[ParaFrag]] | None] = {}
# What ReportLab's Paragraph.wrap set (its broken lines, height...) at one width
_lines: dict[LinesKey, dict[str, Any]] = {}
# Markup of content text (an Inline, with or without italics)
_markup: dict[tuple[Inline, bool], str] = {}
# How a paragraph laid out as the key draws (.pdf_draw_replay); None: it cannot be replayed
_drawn: dict[LinesKey, Drawing | None] = {}
_enabled = True
_MISSING: Any = object()


def set_enabled(enabled: bool) -> None:
    """Switch the cache on or off (tests and benchmarks compare both); off also empties it."""
    global _enabled
    _enabled = enabled
    if not enabled:
        clear()


def enabled() -> bool:
    return _enabled


def clear() -> None:
    _frags.clear()
    _lines.clear()
    _drawn.clear()
    _markup.clear()


def cached_markup() -> list[str]:
    """The markup of every kept entry, and the text of kept drawings (for tests: what is
    kept)."""
    drawn = [hole.text for drawing in _drawn.values() if drawing for hole in drawing.holes]
    keys: list[tuple[Any, ...]] = [*_frags, *_lines, *_drawn]
    return [str(key[0]) for key in keys] + drawn + list(_markup.values())


def shared_frags(markup: str, style: ParagraphStyle) -> tuple[str, list[ParaFrag]] | None:
    """Like :func:`.pdf_fragments.parsed_frags`, with each call getting its own fragments."""
    if not _enabled:
        return parsed_frags(markup, style)
    key = (markup, style)
    found = _frags.get(key, _MISSING)
    if found is _MISSING:  # (read once: another thread may empty the cache meanwhile)
        found = parsed_frags(markup, style)
        if len(_frags) >= MAX_ENTRIES:
            _frags.clear()
        _frags[key] = found
    if found is None:
        return None
    text, frags = found
    return text, [frag.clone() for frag in frags]


def lines_for(key: LinesKey) -> dict[str, Any] | None:
    return _lines.get(key) if _enabled else None


def keep_lines(key: LinesKey, layout: dict[str, Any]) -> None:
    if not _enabled:
        return
    if len(_lines) >= MAX_ENTRIES:
        _lines.clear()
    _lines[key] = layout


def drawing_for(key: LinesKey) -> Drawing | None:
    return _drawn.get(key) if _enabled else None


def drawing_known(key: LinesKey) -> bool:
    """Whether the paragraph laid out as ``key`` has been drawn (and kept, if it could be)."""
    return key in _drawn


def keep_drawing(key: LinesKey, drawing: Drawing | None) -> None:
    if not _enabled:
        return
    if len(_drawn) >= MAX_ENTRIES:
        _drawn.clear()
    _drawn[key] = drawing


def shared_markup(inline: Inline, italics: bool) -> str:
    """:func:`.pdf_markup.para_markup` of content text, kept for the next document."""
    if not _enabled:
        return para_markup(inline, italics=italics)
    key = (inline, italics)
    markup = _markup.get(key)
    if markup is None:
        if len(_markup) >= MAX_ENTRIES:
            _markup.clear()
        markup = _markup[key] = para_markup(inline, italics=italics)
    return markup
