"""ReportLab paragraph markup from document text, safe whatever the text holds.

ReportLab's Paragraph reads its text as markup: an unescaped ``<img src=...>`` opens a file
or URL, ``<b>`` without a close raises, ``&`` turns into an entity. So every piece of text
goes through :func:`fonts.drawable_text` and then :func:`escape`; the only tags in the
result are the ones built here from the document model (bold, italic, links to the schemes
:func:`.presentation.safe_link` allows).

``escape`` and ``quoteattr`` give what ``xml.sax.saxutils`` gives (tests compare them);
importing that module pulls in ``urllib.request`` and ``http.client``: 18 ms of CPU at
start-up, measured after ReportLab and pydantic are loaded.
"""

from __future__ import annotations

from html import escape as _html_escape

from ..document import Inline
from .fonts import drawable_text
from .presentation import safe_link

__all__ = ["linked", "para_markup", "safe_link", "text_markup"]


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (``xml.sax.saxutils.escape``)."""
    return _html_escape(text, quote=False)


def quoteattr(text: str) -> str:
    """``text`` escaped and quoted as an XML attribute value (``xml.sax.saxutils.quoteattr``)."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def text_markup(text: str) -> str:
    """Plain text (for example typed by a user) as markup that shows exactly that text."""
    return escape(drawable_text(text))


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
