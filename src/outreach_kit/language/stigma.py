"""Find words that label or shame people who use drugs, with kinder alternatives.

The terms live in ``content/language/terms.yaml`` (see the comments at its top for how a
term's patterns and exceptions are written). Matching is case-insensitive and whole-word;
curly apostrophes count as straight ones.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..content.loader import load_file
from ..content.paths import default_content_dir
from ..content.schema import StigmaTerm, TermsFile
from ..errors import ContentError

TERMS_FILE = Path("language") / "terms.yaml"
_LOOK_BACK = 80  # characters before a match searched for a "not when preceded by" phrase
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def straight_apostrophes(text: str) -> str:
    """Curly and modifier apostrophes as ``'``; the same length, so positions still match."""
    return text.translate(_APOSTROPHES)


@dataclass(frozen=True)
class StigmaFinding:
    term_id: str
    matched: str  # the words as written in the text
    line: int  # 1-based
    column: int  # 1-based, in characters
    prefer: tuple[str, ...]
    why: str


def _without_escapes(pattern: str) -> str:
    return re.sub(r"\\.", "", pattern)


@dataclass(frozen=True)
class _Matcher:
    term: StigmaTerm
    pattern: re.Pattern[str]  # case-insensitive, for any text
    lower_pattern: re.Pattern[str] | None  # the same, for text already in lower case
    followed_by: re.Pattern[str] | None
    preceded_by: re.Pattern[str] | None

    @classmethod
    def compile(cls, term: StigmaTerm) -> _Matcher:
        def either(patterns: list[str]) -> str:
            return "|".join(f"(?:{p})" for p in patterns)

        flags = re.IGNORECASE
        source = rf"(?<!\w)(?:{either(term.patterns)})(?!\w)"
        # Case-insensitive matching is about twice as slow, and checking a whole library
        # must stay quick; a pattern with no capital letters can match lower-cased text.
        lower = None if any(c.isupper() for c in _without_escapes(source)) else re.compile(source)
        followed = preceded = None
        if term.not_when_followed_by:
            followed = re.compile(rf"[\s-]*(?:{either(term.not_when_followed_by)})(?!\w)", flags)
        if term.not_when_preceded_by:
            preceded = re.compile(rf"(?<!\w)(?:{either(term.not_when_preceded_by)})[\s-]*\Z",
                                  flags)
        return cls(term, re.compile(source, flags), lower, followed, preceded)

    def spans(self, text: str, lowered: str | None) -> list[tuple[int, int]]:
        """Where the term is used in ``text``; ``lowered`` is ``text.lower()`` if that has
        the same length (so the same positions), else None."""
        if lowered is not None and self.lower_pattern is not None:
            matches = self.lower_pattern.finditer(lowered)
        else:
            matches = self.pattern.finditer(text)
        found = []
        for match in matches:
            start, end = match.span()
            if self.followed_by and self.followed_by.match(text, end):
                continue
            if self.preceded_by and self.preceded_by.search(text, max(0, start - _LOOK_BACK),
                                                            start):
                continue
            found.append((start, end))
        return found


@functools.cache
def _load_terms_cached(path: Path) -> TermsFile:
    terms, problems, _ = load_file(path, TermsFile)
    if terms is None:
        raise ContentError(problems)
    return terms


def load_terms(path: Path | str | None = None) -> TermsFile:
    """The stigma terms file (default ``content/language/terms.yaml``), read once per path."""
    chosen = Path(path) if path is not None else default_content_dir() / TERMS_FILE
    return _load_terms_cached(chosen.resolve())


# Compiled patterns for each TermsFile seen (keyed by identity: the models are not hashable).
_compiled: dict[int, tuple[TermsFile, tuple[_Matcher, ...]]] = {}


def _matchers(terms: TermsFile) -> tuple[_Matcher, ...]:
    cached = _compiled.get(id(terms))
    if cached is None or cached[0] is not terms:
        if len(_compiled) > 16:
            _compiled.clear()
        cached = (terms, tuple(_Matcher.compile(t) for t in terms.terms))
        _compiled[id(terms)] = cached
    return cached[1]


def find_stigma(text: str, terms: TermsFile | None = None) -> list[StigmaFinding]:
    """Every stigmatising phrase in ``text``, in reading order.

    Where two terms overlap ("IV drug user" and "drug user"), the one that starts first
    wins, and of two starting together the longer one.
    """
    matchers = _matchers(terms if terms is not None else load_terms())
    normalised = straight_apostrophes(text)
    lower = normalised.lower()
    # a few letters (such as "İ") grow when lower-cased: then match without the shortcut
    lowered = lower if len(lower) == len(normalised) else None
    hits = [(start, end, m.term) for m in matchers for start, end in m.spans(normalised, lowered)]
    hits.sort(key=lambda hit: (hit[0], -hit[1]))
    findings: list[StigmaFinding] = []
    covered_to = 0
    for start, end, term in hits:
        if start < covered_to:
            continue
        covered_to = end
        line_start = text.rfind("\n", 0, start) + 1
        findings.append(StigmaFinding(
            term_id=term.id,
            matched=text[start:end],
            line=text.count("\n", 0, start) + 1,
            column=start - line_start + 1,
            prefer=tuple(term.prefer),
            why=term.why,
        ))
    return findings
