"""Pydantic's remaining error messages in plain words, for content, recipes and letters.

``loader._FRIENDLY`` words the errors that need no detail; this module words the ones that
carry some (a length, the choices, the shape a value must have). The offending value is
repeated only for ids, which are never client text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# What a value matching each pattern looks like (the patterns come from content/schema.py
# and letters/schema.py).
_PATTERN_WORDS = {
    ID_PATTERN: "an id is written in small letters, digits and hyphens, like "
                "'uses-more-when-stressed'",
    r"^https://[^\s<>\"']+$": "a web address must start with https:// and have no spaces",
    r"^\+?[0-9][0-9 ]{1,18}[0-9]$": "a phone number is digits and spaces, perhaps starting "
                                    "with +, and must be in quotes",
    r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$": "expected an email address like name@example.org",
    r"^[a-z][a-z0-9_-]*$": "write it in small letters, digits, hyphens and underscores",
}


def _pattern(err: dict[str, Any]) -> str:
    words = _PATTERN_WORDS.get(str(err.get("ctx", {}).get("pattern")),
                               "this value is not written the way this field needs")
    value = err.get("input")
    if err.get("ctx", {}).get("pattern") != ID_PATTERN or not isinstance(value, str):
        return words
    if " - " in value or value.startswith("- "):
        return ("two list items ran together: start each '- ' item on its own line, "
                "lined up under the one before")
    fixed = re.sub(r"[\s_]+", "-", value.strip().lower())
    if re.fullmatch(ID_PATTERN, fixed) and len(value) <= 64:
        return f"{words}; write '{fixed}'"
    return words


def _choices(err: dict[str, Any]) -> str:
    expected = str(err.get("ctx", {}).get("expected", ""))
    many = " or " in expected or "," in expected
    return f"must be one of {expected}" if many else f"must be {expected}"


def _ctx(name: str) -> Callable[[dict[str, Any]], Any]:
    return lambda err: err.get("ctx", {}).get(name)


def _too_short(err: dict[str, Any]) -> str:
    least = _ctx("min_length")(err)
    if least == 1:
        return "this is empty; fill it in or remove the line"
    return f"too short: write at least {least} characters"


_WORDED: dict[str, Callable[[dict[str, Any]], str]] = {
    "string_pattern_mismatch": _pattern,
    "string_too_short": _too_short,
    "string_too_long": lambda e: f"too long: at most {_ctx('max_length')(e):,} characters",
    "too_long": lambda e: f"too many items: at most {_ctx('max_length')(e)}",
    "too_short": lambda e: f"needs at least {_ctx('min_length')(e)} item(s)",
    "literal_error": _choices,
    "enum": _choices,
    "greater_than_equal": lambda e: f"must be {_ctx('ge')(e)} or more",
    "less_than_equal": lambda e: f"must be {_ctx('le')(e)} or less",
    "greater_than": lambda e: f"must be more than {_ctx('gt')(e)}",
    "less_than": lambda e: f"must be less than {_ctx('lt')(e)}",
    "float_parsing": lambda e: "expected a number here, written in digits",
    "float_type": lambda e: "expected a number here, written in digits",
    "string_unicode": lambda e: "expected text here",
    "dict_attributes_type": lambda e: "expected a set of 'key: value' lines",
    "mapping_type": lambda e: "expected a set of 'key: value' lines",
}


def plain_message(err: dict[str, Any]) -> str:
    """One of pydantic's errors in plain words. Our own checks (value errors, custom error
    types such as ``block_type``) are already written for people and are kept as they are."""
    worded = _WORDED.get(str(err["type"]))
    return worded(err) if worded else str(err["msg"]).removeprefix("Value error, ")
