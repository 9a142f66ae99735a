"""Language warnings for a whole content library: stigma terms and reading ease.

What is checked:
- stigma terms in the client-facing text of every item that offers ``client_text()``
  (client modules, service directories, letters and any other kind that has it);
  worker-facing modules (``audience: worker``) are not checked;
- reading ease and sentence length of each client module, and of each other item with
  client text except service directories (service names and opening hours are not prose).
"""

from __future__ import annotations

from typing import Any

from ..content.library import ContentLibrary
from ..content.schema import Audience, Loc, Module, ServiceDirectoryFile, TermsFile
from ..content.yaml_source import YamlSource, field_name
from ..errors import Problem
from .reading_ease import Readability, readability
from .stigma import StigmaFinding, find_stigma

MIN_READING_EASE = 60.0
MAX_AVERAGE_SENTENCE_WORDS = 20.0


def suggestion(finding: StigmaFinding) -> str:
    """One line for an editor: the words found, the term, what to say instead, and why.

    ``"addicts" (addict): try "person who uses drugs" or "...". Labels the whole person...``
    """
    options = " or ".join(f'"{p}"' for p in finding.prefer)
    return f'"{finding.matched}" ({finding.term_id}): try {options}. {finding.why}'


def _client_text(item: Any) -> list[tuple[Loc, str]] | None:
    if isinstance(item, Module) and item.audience != Audience.CLIENT:
        return None
    client_text = getattr(item, "client_text", None)
    return list(client_text()) if callable(client_text) else None


# Joins an item's texts for one pass of the checker; no pattern can match across a "|".
_SEPARATOR = "\n|\n"


def _stigma_warnings(texts: list[tuple[Loc, str]], source: YamlSource,
                     terms: TermsFile) -> list[Problem]:
    # One call per file rather than per field: the patterns are the slow part.
    owner_of_line: list[Loc] = []
    for loc, text in texts:
        owner_of_line += [loc] * (text.count("\n") + _SEPARATOR.count("\n"))
    warnings = []
    for finding in find_stigma(_SEPARATOR.join(text for _, text in texts), terms):
        loc = owner_of_line[finding.line - 1]
        line, _ = source.locate(loc)
        warnings.append(Problem(str(source.path), line, field_name(loc), suggestion(finding),
                                "warning"))
    return warnings


def _joined_readability(texts: list[tuple[Loc, str]]) -> Readability:
    # One paragraph or list item per line (see readability.split_sentences).
    return readability("\n".join(" ".join(text.split()) for _, text in texts))


def item_readability(item: Any) -> Readability | None:
    """Reading ease of everything a client reads in ``item`` (None for worker material).

    The one measure used by ``validate`` and shown in the app's Content library page.
    """
    texts = _client_text(item)
    return _joined_readability(texts) if texts else None


def _readability_warnings(texts: list[tuple[Loc, str]], source: YamlSource) -> list[Problem]:
    score = _joined_readability(texts)
    if not score.words:
        return []
    reasons = []
    if score.reading_ease < MIN_READING_EASE:
        reasons.append(f"reading ease is {score.reading_ease:.0f} (aim for "
                       f"{MIN_READING_EASE:.0f} or more)")
    if score.average_sentence_words >= MAX_AVERAGE_SENTENCE_WORDS:
        reasons.append(f"sentences average {score.average_sentence_words:.0f} words "
                       f"(aim for under {MAX_AVERAGE_SENTENCE_WORDS:.0f})")
    if not reasons:
        return []
    line, _ = source.locate(texts[0][0])
    return [Problem(str(source.path), line, "",
                    "; ".join(reasons) + "; try shorter sentences and everyday words",
                    "warning")]


def check_library(library: ContentLibrary) -> list[Problem]:
    """Warnings for stigmatising words and hard reading in client-facing text."""
    # No terms when terms.yaml itself is broken: the loader has already reported that.
    terms = library.terms
    warnings: list[Problem] = []
    for item, source in library.sources():
        texts = _client_text(item)
        if not texts:
            continue
        if terms is not None:
            warnings += _stigma_warnings(texts, source, terms)
        if not isinstance(item, ServiceDirectoryFile):
            warnings += _readability_warnings(texts, source)
    return warnings
