"""Safe ReportLab Paragraph markup from document text.

ReportLab's Paragraph reads its text as markup: an unescaped ``<img src=...>`` opens a file
or URL, ``<b>`` without a close raises, ``&`` turns into an entity. So every piece of text
goes through :func:`fonts.drawable_text` and then ``xml.sax.saxutils.escape``; the only
tags in the result are the ones built here from the document model (bold, italic, links).
"""

from __future__ import annotations

from urllib.parse import quote
from xml.sax.saxutils import escape, quoteattr

from ..document import Inline
from .fonts import drawable_text

SAFE_LINK_SCHEMES = ("https://", "tel:", "mailto:")
# Characters kept as they are inside a link target; anything else is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def text_markup(text: str) -> str:
    """Plain text (for example typed by a user) as markup that shows exactly that text."""
    return escape(drawable_text(text))


def safe_link(href: str | None) -> str | None:
    """``href`` if it is an https, tel or mailto link (percent-encoded), otherwise None."""
    if not href:
        return None
    stripped = href.strip()
    if not stripped.lower().startswith(SAFE_LINK_SCHEMES):
        return None
    encoded = quote(stripped, safe=_URL_SAFE)
    if any(ord(char) < 33 or ord(char) > 126 for char in encoded):
        return None
    return encoded


def linked(markup: str, href: str | None) -> str:
    """``markup`` made clickable when ``href`` is a safe link; otherwise left as it is."""
    target = safe_link(href)
    return f"<a href={quoteattr(target)}>{markup}</a>" if target else markup


def para_markup(inline: Inline, *, italics: bool = True, links: bool = True) -> str:
    """ReportLab Paragraph markup for an inline run.

    ``italics=False`` (the dyslexia profile) sets emphasis upright. ``links=False`` shows
    link text without making it clickable.
    """
    parts: list[str] = []
    for span in inline:
        piece = text_markup(span.text)
        if not piece:
            continue
        if span.italic and italics:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        parts.append(linked(piece, span.href) if links else piece)
    return "".join(parts)
