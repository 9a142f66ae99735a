"""Sentences that say what the person said, felt or did ("You said...", "You blame yourself").

A letter may say such a thing only when the worker gave it: a field they filled in, or a
box they ticked to say it was said. The paragraph library declares that support with
``needs:``; :func:`find_claim` is the simple pattern check that makes validation insist on it.
"""

from __future__ import annotations

import re

from ..language.stigma import straight_apostrophes

_ADVERB = r"(?:\s+(?:also|once|often|even|really|just))?"
_CLAIMS = (
    # "You said", "you told me", "You have mentioned", "you also told us"
    rf"\byou(?:'ve|\s+have)?{_ADVERB}\s+(?:said|told\s+(?:me|us)|mentioned|talked\s+about"
    r"|spoke\s+about|described|admitted)\b",
    r"\byou\s+(?:blame|blamed|hate|hated)\s+yourself\b",
    r"\byou\s+felt\b",
    # "You feel ..." as a statement; "help you feel" or "where you feel welcome" is not one.
    r"(?:^|[.!?:;]\s+|\b(?:that|know|see|can\s+tell)\s+)you\s+feel\b",
)
_CLAIM_PATTERN = re.compile("|".join(f"(?:{p})" for p in _CLAIMS), re.IGNORECASE)


def find_claim(text: str) -> str | None:
    """The first phrase in ``text`` that states what the person said or felt, if any."""
    match = _CLAIM_PATTERN.search(straight_apostrophes(text))
    return " ".join(match.group(0).split()) if match else None
