"""Easy Read checks: sentence length, words to avoid, numbers as digits, one picture each.

Run by ``validate`` on every module with ``easy_read:`` items, and by
``outreach-kit lint --easy-read`` on the content folder or on plain text. Findings are
warnings (``validate --strict`` fails on them); an unknown picture id or icon is an error
from the loader.

A client module without Easy Read text is a warning too (the easy-read profile would print
its full text), so ``validate --strict`` and the content tests fail on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..content.easy_read import AvoidFile, EasyRead
from ..content.library import ContentLibrary
from ..content.schema import Audience, Module
from ..content.yaml_source import field_name
from ..errors import Problem

MAX_SENTENCE_WORDS = 15
MAX_SENTENCES_PER_ITEM = 3

# Sentences end at . ! or ? followed by a space (or the end), not inside "e.g." or "9.30".
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_WORD = re.compile(r"[\w'’@.:/+-]*\w", re.UNICODE)
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "fifteen", "twenty", "thirty", "hundred", "thousand")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
_MARKDOWN = re.compile(r"\*\*|\*|\[|\]\([^)]*\)")


@dataclass(frozen=True)
class EasyReadFinding:
    """One breach of the Easy Read rules in one piece of text."""

    message: str


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "No.")


def sentences(text: str) -> list[str]:
    plain = _MARKDOWN.sub("", " ".join(text.split()))
    found: list[str] = []
    for part in (s.strip() for s in _SENTENCE_END.split(plain)):
        if found and found[-1].endswith(_ABBREVIATIONS):
            found[-1] = f"{found[-1]} {part}"
        elif part:
            found.append(part)
    return found


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def _avoid_patterns(avoid: AvoidFile | None) -> list[tuple[re.Pattern[str], str, str]]:
    if avoid is None:
        return []
    return [(re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE),
             entry.kind.value, entry.prefer)
            for entry in avoid.avoid for word in entry.words]


def check_text(text: str, avoid: AvoidFile | None,
               max_sentences: int | None = MAX_SENTENCES_PER_ITEM) -> list[EasyReadFinding]:
    """Every Easy Read rule ``text`` breaks (one idea's text, or a whole plain-text file
    when ``max_sentences`` is None)."""
    found: list[EasyReadFinding] = []
    parts = sentences(text)
    for sentence in parts:
        words = word_count(sentence)
        if words > MAX_SENTENCE_WORDS:
            start = " ".join(sentence.split()[:6])
            found.append(EasyReadFinding(
                f"sentence of {words} words (at most {MAX_SENTENCE_WORDS}): \"{start} ...\""))
    if max_sentences is not None and len(parts) > max_sentences:
        found.append(EasyReadFinding(
            f"{len(parts)} sentences; keep one idea to at most {max_sentences}"))
    for pattern, kind, prefer in _avoid_patterns(avoid):
        for match in pattern.finditer(text):
            found.append(EasyReadFinding(f"\"{match.group(0)}\" ({kind}): try {prefer}"))
    for match in _NUMBER_WORD.finditer(text):
        found.append(EasyReadFinding(f"\"{match.group(0)}\": write numbers as digits"))
    return found


def easy_read_findings(easy_read: EasyRead,
                       avoid: AvoidFile | None) -> Iterator[tuple[int, EasyReadFinding]]:
    """(item index, finding) for every rule an ``easy_read:`` block breaks."""
    for i, item in enumerate(easy_read.items):
        for finding in check_text(item.text, avoid):
            yield i, finding


def easy_read_problems(library: ContentLibrary) -> list[Problem]:
    """Warnings for Easy Read text that breaks a rule, and for each client module with none."""
    problems: list[Problem] = []
    for item, source in library.sources():
        if not isinstance(item, Module) or item.audience is not Audience.CLIENT:
            continue
        if item.easy_read is None:
            line, _ = source.locate(("id",))
            problems.append(Problem(
                str(source.path), line, "easy_read", "this client module has no Easy "
                "Read text yet (the easy-read profile prints its full text)", "warning"))
            continue
        for index, finding in easy_read_findings(item.easy_read, library.easy_read_avoid):
            loc = ("easy_read", "items", index, "text")
            line, _ = source.locate(loc)
            problems.append(Problem(str(source.path), line, field_name(loc), finding.message,
                                    "warning"))
    return problems
