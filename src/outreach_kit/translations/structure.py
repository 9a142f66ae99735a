"""Does a translation have the same shape as the English it translates?

Same blocks in the same order, the same kind of each block, the same list lengths, the same
service ids, tones and worksheet lines; every piece of text present and not empty; the same
``{placeholders}``. Each problem is ``(location, message)``; the location is a path in the
translation file (``("body", 3, "bullets", 0)``), so the caller can name the line.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

Loc = tuple[str | int, ...]
Found = tuple[Loc, str]

# Values copied from the English, never translated: they are ids, numbers or choices.
KEPT_KEYS = frozenset({"service", "tone", "lines"})


def placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"(an unmatched brace)"}


def same_shape(english: Any, translated: Any, loc: Loc = ()) -> Iterator[Found]:
    """Every way ``translated`` differs in shape from ``english``."""
    if isinstance(english, str):
        yield from _same_text(english, translated, loc)
    elif isinstance(english, dict):
        yield from _same_mapping(english, translated, loc)
    elif isinstance(english, list):
        if not isinstance(translated, list):
            yield loc, "should be a list, as in English"
        elif len(translated) != len(english):
            yield loc, f"has {len(translated)} items; the English has {len(english)}"
        else:
            for i, (e, t) in enumerate(zip(english, translated, strict=True)):
                yield from same_shape(e, t, (*loc, i))
    elif translated != english:
        yield loc, f"must stay as in English ({english!r})"


def _same_text(english: str, translated: Any, loc: Loc) -> Iterator[Found]:
    if not isinstance(translated, str):
        yield loc, "should be text, as in English"
    elif not translated.strip():
        yield loc, "is empty; translate it or leave the whole file out"
    elif placeholders(translated) != placeholders(english):
        wanted = ", ".join(f"{{{p}}}" for p in sorted(placeholders(english))) or "none"
        yield loc, f"must keep the English placeholders exactly ({wanted})"


def _same_mapping(english: dict[str, Any], translated: Any, loc: Loc) -> Iterator[Found]:
    if not isinstance(translated, dict):
        yield loc, "should be a set of 'key: value' lines, as in English"
        return
    if set(translated) != set(english):
        missing = sorted(set(english) - set(translated))
        extra = sorted(set(translated) - set(english))
        words = ([f"missing {', '.join(missing)}"] if missing else []) + (
            [f"not in English: {', '.join(extra)}"] if extra else [])
        yield loc, f"should have the same parts as the English ({'; '.join(words)})"
        return
    for key, value in english.items():
        if key in KEPT_KEYS:
            if translated[key] != value:
                yield (*loc, key), f"must stay as in English ({value!r})"
        else:
            yield from same_shape(value, translated[key], (*loc, key))


def subset_shape(english: Any, translated: Any, loc: Loc = ()) -> Iterator[Found]:
    """Like :func:`same_shape`, but a mapping may leave keys out (they stay English)."""
    if isinstance(english, dict) and isinstance(translated, dict):
        for key, value in translated.items():
            if key not in english:
                yield (*loc, key), "is not a key of the English file"
            elif key in KEPT_KEYS:
                if value != english[key]:
                    yield (*loc, key), f"must stay as in English ({english[key]!r})"
            else:
                yield from subset_shape(english[key], value, (*loc, key))
    elif isinstance(english, list) and isinstance(translated, list) and (
            len(english) == len(translated)):
        for i, (e, t) in enumerate(zip(english, translated, strict=True)):
            yield from subset_shape(e, t, (*loc, i))
    else:
        yield from same_shape(english, translated, loc)
