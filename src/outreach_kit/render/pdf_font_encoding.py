"""A TrueType font whose text encoding is faster, with the same bytes as ReportLab's.

ReportLab embeds a subset of each font per document, numbering each character the first
time the document uses it; every string drawn is turned into those numbers by
``TTFont.splitString``, a Python loop over each character. That loop was about 8 % of a
pack's render (100 packs, pyinstrument). Once every character of a string already has its
number, and each number is in the first subset (a pack uses a few dozen characters, and a
subset holds 256), the numbers are one ``str.translate`` away. Anything else (a new
character, one the font lacks, a second subset) goes through ReportLab's own loop, which
also assigns the numbers, so the output is byte for byte ReportLab's
(tests/test_pdf_font_encoding.py).
"""

from __future__ import annotations

from itertools import islice
from typing import Any

from reportlab.pdfbase.ttfonts import TTFont

_NBSP, _SPACE = 0xA0, 0x20


class _FirstSubsetTable:
    """The characters a document has numbered in a font's first subset, and their codes.

    Kept up to date from the font's per-document ``assignments`` (which only grow).
    """

    __slots__ = ("chars", "seen", "table")

    def __init__(self) -> None:
        self.chars: set[str] = set()
        self.table: dict[int, str] = {}
        self.seen = 0  # how many assignments are in the table already

    def catch_up(self, assignments: dict[int, int]) -> None:
        for code, number in islice(assignments.items(), self.seen, None):
            if number < 256:
                self.chars.add(chr(code))
                self.table[code] = chr(number)
                if code == _SPACE:  # splitString draws a no-break space as a space
                    self.chars.add(chr(_NBSP))
                    self.table[_NBSP] = chr(number)
        self.seen = len(assignments)


class SubsetTTFont(TTFont):
    """ReportLab's TTFont with a fast path for strings whose characters are all known."""

    def splitString(self, text: Any, doc: Any,
                    encoding: str = "utf-8") -> list[tuple[int, bytes]]:
        state: Any = self.state.get(doc)  # ReportLab's TTFont.State (untyped attributes)
        if state is not None and isinstance(text, str):
            known: _FirstSubsetTable | None = getattr(state, "first_subset", None)
            if known is None:
                known = state.first_subset = _FirstSubsetTable()
            assignments = state.assignments
            if known.seen != len(assignments):
                known.catch_up(assignments)
            if known.chars.issuperset(text):
                return [(0, text.translate(known.table).encode("latin-1"))] if text else []
        split: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return split
