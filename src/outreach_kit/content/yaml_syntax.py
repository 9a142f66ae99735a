"""A YAML syntax error as the line where the problem starts and what to do, in plain words.

PyYAML marks two places: where it gave up (``problem_mark``) and where the construct it was
reading began (``context_mark``). For something left open (a quote, ``[`` or ``{``) the
start is the useful line: PyYAML gives up only at the end of the file. A quote left open
before other quoted values makes PyYAML stop somewhere later with another complaint, so any
error is first checked against the lines above it for a value whose quote is not closed.
"""

from __future__ import annotations

import re

import yaml

# A value that starts with a quote: "key: "..." or "- "...".
_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(.*)$""")
_BLOCK_START = re.compile(r"(?:^|:|-)\s+[|>][-+0-9]*\s*(?:#.*)?$")
_UNCLOSED = "a quote opened on this line is never closed; add the closing quote (\" or ')"

# (words in PyYAML's context, words in its problem) -> (use the context's line?, advice)
_KNOWN: tuple[tuple[str, str, bool, str], ...] = (
    ("quoted scalar", "end of stream", True, _UNCLOSED),
    ("flow sequence", "", True, "a list opened with '[' on this line is not closed with ']'"),
    ("flow mapping", "", True, "a '{' opened on this line is not closed with '}'"),
    ("", "cannot start any token", False,
     "this line starts a value with a character YAML does not allow there (a tab, @ or `): "
     "indent with spaces, and put text starting with @ or ` in quotes"),
    ("", "mapping values are not allowed", False,
     "a second ': ' on this line; put text that contains ': ' in quotes, or check the "
     "indentation of this line"),
    ("", "did not find expected key", False,
     "this line is not lined up with the lines above it; indent it like the other "
     "'key: value' lines or '- ' items at its level"),
    ("", "expected <block end>", False,
     "this line is not lined up with the lines above it; indent it like the other "
     "'key: value' lines or '- ' items at its level"),
    ("", "could not find expected ':'", False,
     "a 'key: value' line is missing its ':' (or text runs on over several lines: put it in "
     "quotes)"),
    ("", "did not find expected '-'", False,
     "this line is not lined up with the '- ' items above it"),
    ("", "found duplicate anchor", False, "anchors (&) are not supported; write the value out"),
    ("", "found undefined alias", False,
     "a value starts with '*'; put it in quotes (aliases are not supported)"),
    ("", "found character '%'", False, "a value starts with '%'; put it in quotes"),
)


def _line(mark: yaml.Mark | None) -> int | None:
    return mark.line + 1 if mark is not None else None


def _quote_left_open(line: str) -> bool:
    """True when a value on this line opens a quote that the line does not close."""
    found = _QUOTED_VALUE.match(line)
    if found is None:
        return False
    quote, rest = found.groups()
    if quote == '"':
        return rest.replace("\\\\", "").replace('\\"', "").count('"') % 2 == 0
    return rest.replace("''", "").count("'") % 2 == 0


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def unclosed_quote_line(text: str, before: int | None) -> int | None:
    """The first line (1-based) up to ``before`` whose quoted value is never closed on it.
    Lines inside a block of text (after ``key: >-`` or ``key: |``) are text, not values."""
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines()[: before or None], 1):
        if block_indent is not None and (not line.strip() or _indent(line) > block_indent):
            continue
        block_indent = _indent(line) if _BLOCK_START.search(line) else None
        if block_indent is None and _quote_left_open(line):
            return number
    return None


def syntax_problem(exc: yaml.MarkedYAMLError, text: str = "") -> tuple[int | None, str]:
    """The line to report (1-based) and the advice for one PyYAML syntax error."""
    gave_up = _line(exc.problem_mark or exc.context_mark)
    if (opened := unclosed_quote_line(text, gave_up)) is not None:
        return opened, _UNCLOSED
    context = (exc.context or "").strip()
    problem = (exc.problem or "").strip()
    for in_context, in_problem, at_start, advice in _KNOWN:
        if in_context in context and in_problem in problem:
            mark = exc.context_mark if at_start else exc.problem_mark
            return _line(mark or exc.problem_mark or exc.context_mark), advice
    return (_line(exc.problem_mark or exc.context_mark),
            "this line cannot be read; check its indentation, colons and quotes")
