"""Inline text of the document model: a run of :class:`Span`.

Text written by the content team may carry a little Markdown (``**bold**``, ``*emphasis*``,
links), parsed by :func:`content_text` with HTML switched off; text typed by a user is
wrapped by :func:`user_text` and is never parsed at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from .bounded_memo import BoundedMemo

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


Inline = tuple[Span, ...]


def user_text(text: str) -> Inline:
    """Text typed by a user: kept exactly, never interpreted as markup."""
    return (Span(text),) if text else ()


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    # Imported on the first text that needs it: importing markdown-it costs about 17 ms of a
    # command-line build (process time), and a build whose texts are all plain or already
    # parsed (see parsed_content_texts) never needs it.
    from markdown_it import MarkdownIt

    # commonmark with raw HTML off: `<b>` in content stays the literal characters.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


# A character that may start inline Markdown in commonmark (emphasis, code, links, images,
# entities, autolinks, escapes, line breaks). Text without any reads as itself
# (tests/test_document_model.py compares both ways on random text).
_MARKDOWN_CHARACTER = re.compile(r"[\\`*_\[\]<>&!\n\r\x00]")


def _parse_content_text(text: str) -> Inline:
    if _MARKDOWN_CHARACTER.search(text) is None:
        return (Span(text),) if text else ()
    return _markdown_spans(text)


_parsed = BoundedMemo(_parse_content_text, limit=4096)


def content_text(text: str) -> Inline:
    """Content-team text with inline Markdown (bold, emphasis, links) -> spans."""
    return _parsed(text)


def parsed_content_texts() -> dict[str, Inline]:
    """Every text :func:`content_text` has read in this process, with its spans."""
    return _parsed.results()


def add_parsed_content_texts(parsed: Mapping[str, Inline]) -> None:
    """Texts already read (by an earlier run, kept by ``outreach_kit.derived_cache``)."""
    _parsed.add(parsed)




def _markdown_spans(text: str) -> Inline:
    """``text`` read by markdown-it (:func:`content_text` skips it for plain text)."""
    tokens = _markdown().parseInline(text)
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for token in tokens[0].children or () if tokens else ():
        match token.type:
            case "strong_open":
                bold += 1
            case "strong_close":
                bold -= 1
            case "em_open":
                italic += 1
            case "em_close":
                italic -= 1
            case "link_open":
                # Kept as written: each renderer makes it clickable only if
                # render.presentation.safe_link allows it (https, mailto, tel).
                href = str(token.attrGet("href") or "") or None
            case "link_close":
                href = None
            case "softbreak" | "hardbreak":
                spans.append(Span(" ", bold > 0, italic > 0, href))
            case "text" | "code_inline" | "html_inline":
                spans.append(Span(token.content, bold > 0, italic > 0, href))
            case "image":
                spans.append(Span(token.content, bold > 0, italic > 0, href))
    return _merge(spans)


def _merge(spans: list[Span]) -> Inline:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
            span.bold,
            span.italic,
            span.href,
        ):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic, span.href)
        else:
            merged.append(span)
    return tuple(merged)


def plain(inline: Inline) -> str:
    """The words of an inline run, without any formatting."""
    return "".join(span.text for span in inline)
