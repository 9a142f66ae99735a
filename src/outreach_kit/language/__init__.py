"""Language checks: stigmatising terms and readability, for content and for any text."""

from .library_check import check_library, item_readability, suggestion
from .reading_ease import Readability, readability, split_sentences, unwrap_lines
from .stigma import StigmaFinding, find_stigma, load_terms, straight_apostrophes

__all__ = [
    "Readability",
    "StigmaFinding",
    "check_library",
    "find_stigma",
    "item_readability",
    "load_terms",
    "readability",
    "split_sentences",
    "straight_apostrophes",
    "suggestion",
    "unwrap_lines",
]
