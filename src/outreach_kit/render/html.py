"""HTML export: one self-contained, accessible file from a Document.

- One file: CSS inline, Atkinson Hyperlegible embedded as data URIs, QR codes as SVG data
  URIs. No ``<script>``, no external request (a Content-Security-Policy says so too); the
  only http(s) addresses are visible links the reader can follow.
- Accessible: ``lang="en-GB"``, landmarks (header, nav, main, footer), one h1 then h2/h3 in
  order, alt text on every image, colours with a contrast of at least 4.5:1 (``PALETTES``,
  checked in the tests), relative units and a ``ch`` line length so 200% zoom reflows.
- Safe: the layout is a Jinja2 template with autoescape on; every text is escaped, and the
  body is cleaned again with ``nh3`` (a tag and attribute allowlist) as a second line of
  defence. Control characters and lone surrogates become U+FFFD (they are not allowed in
  HTML), so nothing is dropped silently.
"""

from __future__ import annotations

import base64
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import nh3
from markupsafe import Markup, escape

from .. import document as doc
from ..content.paths import default_templates_dir
from .options import PageFormat, PrintOptions

TEMPLATE = "pack.html.j2"
REPLACEMENT_CHAR = "\ufffd"


# ---------------------------------------------------------------------------- colours


@dataclass(frozen=True)
class Palette:
    """Every colour the stylesheet uses. Text pairs are listed in ``TEXT_PAIRS``."""

    text: str
    muted: str
    page: str
    link: str
    accent: str  # headings and borders
    callout_info: str
    callout_tip: str
    callout_warning: str
    callout_safety: str
    notice: str
    rule: str  # write-in lines and card borders (not text)


PALETTES: dict[str, Palette] = {
    "standard": Palette(
        text="#1a1a1a", muted="#4a4a4a", page="#ffffff", link="#0b4f8a", accent="#1d4f6e",
        callout_info="#eaf2fa", callout_tip="#eaf6ee", callout_warning="#fff4d6",
        callout_safety="#fde9e4", notice="#fff4d6", rule="#6b6b6b",
    ),
    "dyslexia": Palette(
        text="#1a1a1a", muted="#454036", page="#fdf6e3", link="#0b4a80", accent="#1d4f6e",
        callout_info="#e8eff2", callout_tip="#e7f2e4", callout_warning="#fbeccb",
        callout_safety="#f9e1d8", notice="#fbeccb", rule="#6b6b6b",
    ),
    "greyscale": Palette(
        text="#000000", muted="#3d3d3d", page="#ffffff", link="#000000", accent="#000000",
        callout_info="#f0f0f0", callout_tip="#f0f0f0", callout_warning="#e6e6e6",
        callout_safety="#e6e6e6", notice="#e6e6e6", rule="#555555",
    ),
}

# (foreground, background) pairs that carry text; each must reach 4.5:1.
TEXT_PAIRS: tuple[tuple[str, str], ...] = tuple(
    (fg, bg)
    for fg in ("text", "muted", "link", "accent")
    for bg in ("page", "callout_info", "callout_tip", "callout_warning", "callout_safety",
               "notice")
)


def palette_for(options: PrintOptions) -> Palette:
    if options.greyscale:
        return PALETTES["greyscale"]
    if options.dyslexia:
        return PALETTES["dyslexia"]
    return PALETTES["standard"]


# ---------------------------------------------------------------------------- text


_CONTROL_OK = frozenset("\t\n")


def clean_text(text: str) -> str:
    """Control characters and lone surrogates -> U+FFFD (HTML does not allow them)."""
    if text.isprintable():
        return text
    return "".join(
        REPLACEMENT_CHAR
        if char not in _CONTROL_OK and unicodedata.category(char) in ("Cc", "Cs")
        else char
        for char in text
    )


def _finalize(value: Any) -> Any:
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


def inline_html(inline: doc.Inline) -> Markup:
    """Spans -> escaped HTML with <strong>, <em> and links (https, tel, mailto only)."""
    parts: list[str] = []
    for span in inline:
        html = str(escape(clean_text(span.text)))
        if span.italic:
            html = f"<em>{html}</em>"
        if span.bold:
            html = f"<strong>{html}</strong>"
        if span.href and span.href.startswith(("https://", "tel:", "mailto:")):
            html = f'<a href="{escape(clean_text(span.href))}">{html}</a>'
        parts.append(html)
    return Markup("".join(parts))


def tel_href(number: str) -> str:
    digits = re.sub(r"[^0-9+]", "", number)
    return f"tel:{digits}" if digits else ""


def html_id(text: str) -> str:
    """A safe id attribute value from a section id."""
    return "s-" + (re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "section")


# ---------------------------------------------------------------------------- images


def qr_svg(url: str, module_px: int = 4) -> str:
    """A QR code for ``url`` as a small SVG (paths only), from ReportLab's encoder."""
    from reportlab.graphics.barcode import qrencoder

    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    count = code.getModuleCount()
    quiet = 4
    size = count + 2 * quiet
    cells = "".join(
        f"M{col + quiet} {row + quiet}h1v1h-1z"
        for row in range(count)
        for col in range(count)
        if code.isDark(row, col)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size * module_px}" height="{size * module_px}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{cells}" fill="#000"/></svg>'
    )


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(url).encode()).decode()


def logo_data_uri(logo: bytes | None, mime: str) -> str:
    if not logo or mime not in ("image/png", "image/jpeg"):
        return ""
    return f"data:{mime};base64,{base64.b64encode(logo).decode()}"


@lru_cache(maxsize=1)
def font_faces_css() -> str:
    """@font-face rules with Atkinson Hyperlegible embedded (no file or URL needed)."""
    try:
        import fontpkg_atkinson_hyperlegible

        folder = Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"
    except ImportError:  # pragma: no cover - a dependency; fall back to system sans
        return ""
    faces = (("Regular", "normal", 400), ("Bold", "normal", 700),
             ("Italic", "italic", 400), ("BoldItalic", "italic", 700))
    rules = []
    for name, style, weight in faces:
        path = folder / f"AtkinsonHyperlegible-{name}.ttf"
        if not path.is_file():
            continue
        data = base64.b64encode(path.read_bytes()).decode()
        rules.append(
            "@font-face{font-family:\"Atkinson Hyperlegible\";"
            f"font-style:{style};font-weight:{weight};font-display:swap;"
            f"src:url(data:font/ttf;base64,{data}) format(\"truetype\");}}"
        )
    return "\n".join(rules)


# ---------------------------------------------------------------------------- view model


@dataclass(frozen=True)
class BlockView:
    kind: str
    block: Any
    level: int = 0  # html heading level for Heading blocks


def _block_views(section: doc.Section) -> list[BlockView]:
    views: list[BlockView] = []
    last_level = 2  # the section title is h2
    for block in section.blocks:
        if isinstance(block, doc.Heading):
            level = max(3, min(block.level + 1, last_level + 1, 6))
            last_level = level
            views.append(BlockView("heading", block, level))
        else:
            views.append(BlockView(type(block).__name__.lower(), block))
    return views


def _review_text(last: Any, nxt: Any) -> str:
    parts = []
    if last:
        parts.append(f"Last reviewed {doc.uk_date(last)}")
    if nxt:
        parts.append(f"Next review due {doc.uk_date(nxt)}")
    return ". ".join(parts)


# ---------------------------------------------------------------------------- sanitiser

_ALLOWED_TAGS = {
    "header", "nav", "main", "footer", "section", "article", "aside", "div", "span", "p",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "strong", "em", "figure", "figcaption", "br",
}
_ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "role", "aria-label", "aria-labelledby", "aria-hidden", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
}


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    # images only ever come from inside the file; links never carry data: URLs
    if tag == "img" and attribute == "src":
        return value if value.startswith(("data:image/svg+xml;", "data:image/png;",
                                          "data:image/jpeg;")) else None
    if attribute == "href" and value.startswith("data:"):
        return None
    return value


def sanitise_body(html: str) -> str:
    """nh3 (ammonia) allowlist clean: a second line of defence after autoescape."""
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"https", "tel", "mailto", "data"},
        attribute_filter=_attribute_filter,
        link_rel=None,
        strip_comments=True,
    )


# ---------------------------------------------------------------------------- rendering


@lru_cache(maxsize=4)
def _environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(inline=inline_html, tel=tel_href, html_id=html_id,
                       qr=qr_data_uri, uk_date=doc.uk_date)
    return env


def render_html(document: doc.Document, options: PrintOptions | None = None,
                templates: Path | None = None) -> str:
    """The document as one self-contained HTML page."""
    options = options or PrintOptions()
    env = _environment(templates or default_templates_dir())
    profile_classes = " ".join(f"profile-{name}" for name in options.names)
    sections = [
        {"section": s, "html_id": html_id(s.id), "blocks": _block_views(s),
         "review": _review_text(s.last_reviewed, s.next_review)}
        for s in document.sections
        if s.kind is not doc.SectionKind.CONTENTS
    ]
    contents_section = next(
        (s for s in document.sections if s.kind is doc.SectionKind.CONTENTS), None)
    html = env.get_template(TEMPLATE).render(
        contents_title=contents_section.title if contents_section else "Contents",
        contents_blocks=_block_views(contents_section) if contents_section else [],
        document=document,
        meta=document.meta,
        cover=document.cover,
        sections=sections,
        contents=[s for s in sections if s["section"].in_contents],
        palette=palette_for(options),
        options=options,
        booklet=options.page is PageFormat.A5_BOOKLET,
        profile_classes=profile_classes,
        font_faces=Markup(font_faces_css()),
        footer_review=_review_text(document.meta.last_reviewed, document.meta.next_review),
        logo_uri=logo_data_uri,
        kinds=doc.SectionKind,
    )
    return _clean_body(html)


def _clean_body(html: str) -> str:
    start = html.index(">", html.index("<body")) + 1
    end = html.rindex("</body>")
    return html[:start] + sanitise_body(html[start:end]) + html[end:]
