"""Results worked out from the content's own text, kept between command-line runs.

Two pure functions cost a process time the first time they meet a text: reading a
content text's Markdown (:func:`.document.content_text`; importing markdown-it alone costs
about 17 ms) and encoding a web address as a QR code (:func:`.render.qr.qr_modules`, about
4.8 ms a code). What they made of text that is the content folder's own (a string in one
of its files, word for word) is kept in the user's cache (:mod:`.user_cache`) under the
content library's key, and handed back to them when a command loads the same content.
Anything else they were given (a sentence put together for one pack, anything typed) is
never kept.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from typing import Any

from .content.library import ContentLibrary
from .document import Span, add_parsed_content_texts, parsed_content_texts
from .user_cache import read_entry, write_entry

_ENTRY = "content-derived.pickle"


class _Kept:
    key: bytes | None = None
    texts: frozenset[str] = frozenset()
    codes: frozenset[str] = frozenset()


def restore(key: bytes | None) -> None:
    """Hand back what runs with the same content (``key``) kept."""
    _Kept.key = key
    # What an earlier restore in this process found is not in this entry (it may not exist).
    _Kept.texts, _Kept.codes = frozenset(), frozenset()
    payload = read_entry(_ENTRY, key) if key is not None else None
    if payload is None:
        return
    try:
        texts, codes = pickle.loads(payload)  # our own entry, checked
    except Exception:  # a damaged or outdated entry: work everything out again
        return
    if not (_valid_texts(texts) and _valid_codes(codes)):
        return
    add_parsed_content_texts(texts)
    if codes:
        # Imported here: render.qr loads ReportLab and its QR encoder (6 ms), which a
        # command that draws no QR code (Markdown, validate) never needs.
        from .render.qr import add_encoded_codes

        add_encoded_codes(codes)
    _Kept.texts, _Kept.codes = frozenset(texts), frozenset(codes)


def keep(library: ContentLibrary) -> None:
    """Keep what this run worked out from the content's own text (after a build)."""
    if _Kept.key is None:
        return
    texts = parsed_content_texts()
    qr = sys.modules.get("outreach_kit.render.qr")  # not imported: no code was made
    codes = qr.encoded_codes() if qr is not None else {}
    if set(texts) <= _Kept.texts and set(codes) <= _Kept.codes:
        return
    own = set(_content_strings(library))
    texts = {text: spans for text, spans in texts.items() if text in own}
    codes = {url: modules for url, modules in codes.items() if url in own}
    if set(texts) <= _Kept.texts and set(codes) <= _Kept.codes:
        return
    write_entry(_ENTRY, _Kept.key, pickle.dumps((texts, codes), pickle.HIGHEST_PROTOCOL))
    _Kept.texts, _Kept.codes = frozenset(texts), frozenset(codes)


def _content_strings(library: ContentLibrary) -> Iterator[str]:
    """Every string in the library's files, as written and trimmed (as the models keep it)."""
    stack: list[Any] = [source.data for _, source in library.sources()]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
            yield value.strip()
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _valid_texts(texts: object) -> bool:
    return isinstance(texts, dict) and all(
        isinstance(text, str) and isinstance(spans, tuple)
        and all(isinstance(span, Span) for span in spans)
        for text, spans in texts.items())


def _valid_codes(codes: object) -> bool:
    return isinstance(codes, dict) and all(
        isinstance(url, str) and isinstance(rows, tuple)
        and all(isinstance(row, tuple) and len(row) == len(rows) for row in rows)
        for url, rows in codes.items())
