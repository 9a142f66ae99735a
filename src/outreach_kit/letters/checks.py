"""Checks shown beside a letter: wording, reading ease, length, and orders versus invitations.

Nothing here changes the letter; it gives the worker what they need to decide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.schema import TermsFile
from ..language import StigmaFinding, find_stigma, readability, straight_apostrophes
from ..language.library_check import suggestion
from .compose import ComposedLetter

MIN_READING_EASE = 60.0

CONSENT_REMINDER = (
    "Only send this letter if the person has agreed to get it. Check how they would like "
    "it sent, who else might see it, and which of their words they are happy to see in "
    "writing."
)

# Phrases that give orders, and a gentler way to say the same thing.
_COMMANDS: tuple[tuple[str, str], ...] = (
    (r"you\s+must", "you might like to"),
    (r"you\s+should", "you could"),
    (r"you\s+need\s+to", "it might help to"),
    (r"you\s+have\s+to", "you could"),
    (r"you(?:'ve|\s+have)\s+got\s+to", "you could"),
    (r"you\s+ought\s+to", "you could"),
    (r"make\s+sure\s+(?:that\s+)?you", "it may help to"),
    (r"(?:don't|do\s+not)\s+forget\s+to", "you might want to"),
    (r"it\s+is\s+(?:important|vital|essential)\s+that\s+you", "it may help to"),
    (r"you\s+are\s+(?:expected|required)\s+to", "you are welcome to"),
)
_COMMAND_PATTERNS = tuple(
    (re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE), gentler)
    for pattern, gentler in _COMMANDS
)


@dataclass(frozen=True)
class CommandFinding:
    paragraph: int  # 1-based, in the letter body
    line: int  # 1-based, within the paragraph
    column: int
    phrase: str  # as written
    gentler: str  # a suggestion

    def __str__(self) -> str:
        return f'paragraph {self.paragraph}, line {self.line}: "{self.phrase}" sounds like ' \
               f'an order; try "{self.gentler}"'


@dataclass(frozen=True)
class ParagraphCheck:
    index: int  # 1-based
    slot: str
    edited: bool
    words: int
    reading_ease: float | None  # None for a paragraph too short to score
    stigma: tuple[StigmaFinding, ...] = ()
    commands: tuple[CommandFinding, ...] = ()

    @property
    def hard_to_read(self) -> bool:
        return self.reading_ease is not None and self.reading_ease < MIN_READING_EASE

    def stigma_suggestions(self) -> list[str]:
        return [suggestion(finding) for finding in self.stigma]


@dataclass(frozen=True)
class LetterChecks:
    paragraphs: tuple[ParagraphCheck, ...]
    total_words: int
    consent_reminder: str = CONSENT_REMINDER

    @property
    def stigma_count(self) -> int:
        return sum(len(p.stigma) for p in self.paragraphs)

    @property
    def commands(self) -> list[CommandFinding]:
        return [c for p in self.paragraphs for c in p.commands]

    @property
    def all_clear(self) -> bool:
        return not (self.stigma_count or self.commands
                    or any(p.hard_to_read for p in self.paragraphs))

    def summary_lines(self) -> list[str]:
        """Short lines for the CLI (no letter text beyond the flagged words themselves)."""
        lines = [f"{len(self.paragraphs)} paragraphs, {self.total_words} words."]
        for p in self.paragraphs:
            if p.hard_to_read:
                lines.append(f"paragraph {p.index} ({p.slot}): reading ease "
                             f"{p.reading_ease:.0f}; aim for {MIN_READING_EASE:.0f} or more")
            lines += [f"paragraph {p.index} ({p.slot}): {s}" for s in p.stigma_suggestions()]
        lines += [str(c) for c in self.commands]
        if self.all_clear:
            lines.append("No wording problems found.")
        return lines


def find_commands(text: str, paragraph: int = 1) -> list[CommandFinding]:
    normalised = straight_apostrophes(text)  # same length: positions still match
    found = []
    for pattern, gentler in _COMMAND_PATTERNS:
        for match in pattern.finditer(normalised):
            start = match.start()
            line_start = text.rfind("\n", 0, start) + 1
            found.append(CommandFinding(paragraph, text.count("\n", 0, start) + 1,
                                        start - line_start + 1, text[start:match.end()],
                                        gentler))
    return sorted(found, key=lambda c: (c.line, c.column))


def check_letter(letter: ComposedLetter, terms: TermsFile | None = None) -> LetterChecks:
    """Wording checks for every paragraph of the letter body (terms: default content)."""
    checks = []
    total = 0
    for index, paragraph in enumerate(letter.paragraphs, start=1):
        # A line break inside a paragraph is only wrapping: joined, so a hard-wrapped
        # paragraph is scored as the sentences it holds, not as many short ones.
        score = readability(" ".join(paragraph.text.split()))
        total += score.words
        checks.append(ParagraphCheck(
            index=index,
            slot=paragraph.slot,
            edited=paragraph.edited,
            words=score.words,
            reading_ease=score.reading_ease if score.words >= 5 else None,
            stigma=tuple(find_stigma(paragraph.text, terms)),
            commands=tuple(find_commands(paragraph.text, index)),
        ))
    return LetterChecks(paragraphs=tuple(checks), total_words=total)


def worker_notes(letter: ComposedLetter, checks: LetterChecks) -> list[str]:
    """What the worker should see beside a letter (CLI stderr): guidance for its type, the
    wording checks, parts left out, entries not in the letter and the consent reminder. No
    letter text beyond the flagged words themselves."""
    lines = [f"guidance: {line}" for line in letter.guidance]
    lines += [f"check: {line}" for line in checks.summary_lines()]
    if letter.skipped:
        lines.append(f"note: left out (a field they need is empty): {', '.join(letter.skipped)}")
    lines += [f"note: {unused}" for unused in letter.unused]
    lines.append(f"consent: {checks.consent_reminder}")
    return lines
