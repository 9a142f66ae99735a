"""Read one YAML file into plain data, remembering the line of every value.

PyYAML's ``safe_load`` silently keeps the last of two duplicate keys, turns an unquoted
``no`` into False (YAML 1.1) and forgets where values came from. We compose the node tree
ourselves instead, so that every later error can name ``file:line: field``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import ContentError, Problem
from .yaml_syntax import syntax_problem

MAX_FILE_BYTES = 1_000_000  # the largest real content file is a few kB
MAX_NODES = 50_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# The only tags a content file may carry (all implicit in normal YAML). Anything else, such
# as !!python/object, is refused rather than silently read as plain data.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in
               ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")}
# YAML 1.1 words that PyYAML reads as booleans. A plain `no` in a text field is almost
# always a mistake (a country code, an answer); we keep the original word to explain it.
_TRAP_WORDS = {"yes", "no", "on", "off"}

Loc = tuple[str | int, ...]


@dataclass
class YamlSource:
    """Plain data from one file plus the line (1-based) where each value starts."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    trapped_words: dict[Loc, str] = field(default_factory=dict)

    def locate(self, loc: Loc) -> tuple[int, Loc]:
        """Best line for a pydantic error location, and the part of ``loc`` that exists.

        Pydantic adds union tags and names missing fields, which have no node in the
        file; those parts are skipped and the nearest enclosing value is used.
        """
        found: Loc = ()
        for part in loc:
            candidate = (*found, part)
            if candidate in self.lines:
                found = candidate
        return self.lines.get(found, 1), found


def field_name(loc: Loc) -> str:
    """``('body', 3, 'items', 0)`` -> ``body[3].items[0]``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class _YamlFileProblem(Exception):
    def __init__(self, line: int | None, message: str, loc: Loc = ()):
        super().__init__(message)
        self.line = line
        self.message = message
        self.loc = loc


def read_yaml(path: Path) -> tuple[YamlSource | None, list[Problem]]:
    """Read ``path``; return its data, or ``None`` and one clear problem."""
    shown = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            return None, [Problem(shown, None, "", "is not a file")]
        if size > MAX_FILE_BYTES:
            return None, [
                Problem(
                    shown,
                    None,
                    "",
                    f"file is too large ({size / 1_000_000:.1f} MB; the limit is "
                    f"{MAX_FILE_BYTES / 1_000_000:.0f} MB)",
                )
            ]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown, None, "", "file not found")]
    except OSError as exc:
        return None, [Problem(shown, None, "", f"cannot be read ({exc.strerror})")]
    try:
        return parse_yaml_text(raw, path), []
    except _YamlFileProblem as exc:
        return None, [Problem(shown, exc.line, field_name(exc.loc), exc.message)]


def parse_yaml_bytes(raw: bytes, path: Path) -> YamlSource:
    """Like :func:`read_yaml` for bytes already in memory; raises ContentError."""
    try:
        return parse_yaml_text(raw, path)
    except _YamlFileProblem as exc:
        raise ContentError(
            [Problem(str(path), exc.line, field_name(exc.loc), exc.message)]
        ) from None


def parse_yaml_text(raw: bytes, path: Path) -> YamlSource:
    if len(raw) > MAX_FILE_BYTES:
        raise _YamlFileProblem(None, f"file is too large (the limit is {MAX_FILE_BYTES:,} bytes)")
    if b"\x00" in raw:
        raise _YamlFileProblem(None, "looks like a binary file, not YAML text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _YamlFileProblem(
            line, "is not UTF-8 text; save it as UTF-8 (for example from a text editor)"
        ) from None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        where, problem = syntax_problem(exc, text)  # plain words, never a stretch of the file
        raise _YamlFileProblem(where, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML always marks its errors
        raise _YamlFileProblem(None, f"YAML syntax error: {type(exc).__name__}") from None
    except RecursionError:  # the pure-Python parser on absurdly deep nesting
        raise _YamlFileProblem(None, "values are nested too deeply") from None
    if node is None:
        raise _YamlFileProblem(None, "file is empty")
    source = YamlSource(path=path, data=None)
    builder = _Builder(source)
    try:
        source.data = builder.build(node, ())
    except RecursionError:
        raise _YamlFileProblem(None, "values are nested too deeply") from None
    return source


class _Builder:
    """Turn a composed node tree into dicts, lists and scalars, recording lines."""

    def __init__(self, source: YamlSource):
        self.source = source
        self.constructor = yaml.constructor.SafeConstructor()  # for scalars
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if id(node) in self.seen:
            raise _YamlFileProblem(
                node.start_mark.line + 1,
                "anchors and aliases (& and *) are not supported; write the value out",
                loc,
            )
        self.seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            raise _YamlFileProblem(
                node.start_mark.line + 1,
                f"the YAML tag '{node.tag}' is not allowed; write the value without it",
                loc,
            )
        if len(self.seen) > MAX_NODES:
            raise _YamlFileProblem(None, f"file has too many values (over {MAX_NODES:,})")
        self.source.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        try:
            value = self.constructor.construct_object(node)
        except yaml.YAMLError as exc:  # an unknown or unsafe tag such as !!python/object
            problem = getattr(exc, "problem", None) or "this value cannot be read"
            raise _YamlFileProblem(node.start_mark.line + 1, problem.strip(), loc) from None
        except (ValueError, OverflowError):
            # Looks like a date or number but is not one (2026-13-45): keep the text so
            # the schema reports it against its field.
            return str(node.value)
        # A plain (unquoted) scalar has style None from PyYAML and "" from its C loader.
        plain = isinstance(node, yaml.ScalarNode) and not node.style
        if node.tag == _BOOL_TAG and plain and str(node.value).lower() in _TRAP_WORDS:
            self.source.trapped_words[loc] = str(node.value)
        return value

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE_TAG:
                raise _YamlFileProblem(line, "keys must be plain words", loc)
            key = str(key_node.value)
            if key in first_line:
                raise _YamlFileProblem(
                    line,
                    f"duplicate key '{key}' (first used on line {first_line[key]})",
                    (*loc, key),
                )
            first_line[key] = line
            self.source.lines[(*loc, key)] = line
            result[key] = self.build(value_node, (*loc, key))
            self.source.lines[(*loc, key)] = line  # the key's line, not the value's
        return result
