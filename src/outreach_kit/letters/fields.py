"""Fill ``{field}`` placeholders in the library's paragraphs with the worker's values.

Why not ``str.format``: a format string can reach attributes and items
(``{name.__class__}``, ``{0[0]}``) and treats every brace as syntax, so text containing
braces breaks it. Here only whitelisted ``{lowercase_name}`` placeholders are replaced, in a
single pass, so a value that itself contains ``{name}`` or ``{{ ... }}`` is inserted as
plain data and never looked at again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import RecipeError
from .schema import PLACEHOLDER_PATTERN, PLACEHOLDERS

_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+[ \t]*")


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each known placeholder replaced; RecipeError when a value is missing."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in PLACEHOLDERS:
            return match.group(0)  # not a placeholder we own: leave the characters alone
        value = values.get(name, "")
        if not value:
            raise RecipeError(f"the paragraph needs '{name}' filled in; add it or choose "
                              "another paragraph")
        # A value sits inside a sentence: a line break typed in it (a blank line would split
        # the paragraph in two when the letter is laid out) is read as one space. Other
        # spacing is kept: their words are quoted exactly.
        return _LINE_BREAKS.sub(" ", value).strip()

    return PLACEHOLDER_PATTERN.sub(replace, text)


def missing_fields(text: str, values: Mapping[str, str]) -> list[str]:
    """Placeholders in ``text`` that have no value yet."""
    names = PLACEHOLDER_PATTERN.findall(text)
    return [n for n in dict.fromkeys(names) if n in PLACEHOLDERS and not values.get(n)]


def join_naturally(items: list[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"``."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
