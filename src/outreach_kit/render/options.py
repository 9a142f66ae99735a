"""Print profiles chosen by the user, combinable: ``a5-booklet`` + ``large-print`` is fine."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..errors import UsageError


class PageFormat(StrEnum):
    A4 = "a4"
    A5_BOOKLET = "a5-booklet"


PROFILE_NAMES: dict[str, str] = {
    "standard": "Standard A4",
    "a5-booklet": "A5 booklet (printed two-up on A4, fold and staple)",
    "large-print": "Large print (18 pt)",
    "dyslexia": "Dyslexia friendly (cream paper colour, extra spacing, no italics)",
    "greyscale": "Greyscale (for black-and-white printers)",
}


@dataclass(frozen=True)
class PrintOptions:
    page: PageFormat = PageFormat.A4
    large_print: bool = False
    dyslexia: bool = False
    greyscale: bool = False

    @classmethod
    def from_names(cls, names: Iterable[str]) -> PrintOptions:
        chosen = {n.strip().lower() for n in names if n and n.strip()}
        unknown = sorted(chosen - PROFILE_NAMES.keys())
        if unknown:
            raise UsageError(
                f"unknown print profile '{unknown[0]}'; choose from {', '.join(PROFILE_NAMES)}"
            )
        return cls(
            page=PageFormat.A5_BOOKLET if "a5-booklet" in chosen else PageFormat.A4,
            large_print="large-print" in chosen,
            dyslexia="dyslexia" in chosen,
            greyscale="greyscale" in chosen,
        )

    @property
    def names(self) -> list[str]:
        names = ["a5-booklet"] if self.page is PageFormat.A5_BOOKLET else []
        names += [n for n, on in (("large-print", self.large_print), ("dyslexia", self.dyslexia),
                                  ("greyscale", self.greyscale)) if on]
        return names or ["standard"]
