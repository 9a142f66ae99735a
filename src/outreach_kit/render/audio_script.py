"""What the audio version of a document says, section by section, in spoken order.

"Help right now" comes first (someone may need it before anything else), then the cover's
title and each other section in the pack's order. Phone numbers are spoken digit by digit
("1 1 6, 1 2 3"), ruled write-in lines and tick boxes are left out, and links are read as
their words only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import document as d
from .plaintext import block_lines
from .presentation import clean_text

_SKIPPED_LINE = re.compile(r"^[_\-=\s]*$")
_MARKS = re.compile(r"^(- |\[ \] )")
_LABEL = re.compile(r"^\[([^\]]*)\]$")  # a callout's label, "[Tip]"


@dataclass(frozen=True)
class SpokenSection:
    key: str  # a name for the chapter (content ids only, never a person's details)
    title: str
    text: str


def _numbers(document: d.Document) -> set[str]:
    found: set[str] = set()
    for section in document.sections:
        for block in section.blocks:
            match block:
                case d.PicturedItem(number=number) | d.ContactLine(number=number):
                    found.add(number)
                case d.ServiceCard(phone=phone):
                    found.add(phone)
                case d.WalletCard(contacts=contacts):
                    found.update(c.number for c in contacts)
    return {n for n in found if n}


def _spell_numbers(text: str, numbers: set[str]) -> str:
    for number in sorted(numbers, key=len, reverse=True):
        spoken = ", ".join(" ".join(group) for group in number.split())
        text = re.sub(rf"(?<!\d)(?<!\d ){re.escape(number)}(?! ?\d)", spoken, text)
    return text


def _section_text(section: d.Section, labels: d.Labels) -> str:
    lines = [clean_text(section.title) + "."]
    if section.intro:
        lines.append(d.plain(section.intro))
    for block in section.blocks:
        for line in block_lines(block, labels):
            if _SKIPPED_LINE.match(line):
                continue
            lines.append(_LABEL.sub(r"\1.", _MARKS.sub("", line)))
    return "\n".join(lines)


def spoken_sections(document: d.Document) -> list[SpokenSection]:
    """The document as sections to read aloud: help right now first."""
    numbers = _numbers(document)
    first = [s for s in document.sections if s.kind is d.SectionKind.HELP_NOW]
    rest = [s for s in document.sections
            if s.kind not in (d.SectionKind.HELP_NOW, d.SectionKind.CONTENTS)]
    spoken: list[SpokenSection] = []
    for section in first:
        spoken.append(SpokenSection(section.id, section.title,
                                    _section_text(section, document.labels)))
    if document.cover is not None:
        cover = document.cover
        words = [cover.title, cover.subtitle, cover.service, cover.date_text]
        spoken.append(SpokenSection("cover", "Cover",
                                    ".\n".join(clean_text(w) for w in words if w) + "."))
    for section in rest:
        spoken.append(SpokenSection(section.id, section.title,
                                    _section_text(section, document.labels)))
    return [SpokenSection(s.key, s.title, _spell_numbers(s.text, numbers)) for s in spoken]
