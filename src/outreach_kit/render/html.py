"""HTML export: one self-contained, accessible file from a Document.

- One file: CSS inline, Atkinson Hyperlegible embedded as data URIs, QR codes as SVG data
  URIs, Easy Read pictures as inline SVG. No external request (a Content-Security-Policy
  says so too); the only script is the read-aloud button's, allowed by its hash
  (:mod:`.html_easy_read`); the only http(s) addresses are visible links the reader can
  follow.
- Accessible: ``lang="en-GB"``, landmarks (header, nav, main, footer), one h1 then h2/h3 in
  order, alt text on every image, colours with a contrast of at least 4.5:1
  (:data:`.presentation.COLOURS`, checked in the tests), relative units and a ``ch`` line
  length so 200% zoom reflows.
- Safe: the layout is a Jinja2 template with autoescape on; every text is escaped, and the
  body is cleaned again with ``nh3`` (a tag and attribute allowlist) as a second line of
  defence. Control characters are cleaned by :func:`.presentation.clean_text`.
- Small: the embedded fonts hold only the glyphs the page uses.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import nh3
from markupsafe import Markup, escape

from .. import document as doc
from ..content.paths import default_templates_dir
from ..languages import text_direction
from .html_easy_read import PictureSlots, add_read_aloud, content_policy
from .html_fonts import script_font, script_font_faces_css, woff_subset
from .options import PageFormat, PrintOptions
from .page_words import review_parts
from .presentation import (
    FONT_FACES,
    FONT_FAMILY,
    LINK_SCHEMES,
    callout_label,
    clean_text,
    colours_for,
    example_note,
    font_path,
    qr_target,
    safe_link,
    tel_link,
)
from .qr import qr_modules

TEMPLATE = "pack.html.j2"
FONTS_PLACEHOLDER = "/* fonts */"


# ---------------------------------------------------------------------------- text


def css_colours(options: PrintOptions) -> dict[str, str]:
    """The profile's colours as CSS custom properties (``info_fill`` -> ``info-fill``)."""
    colours = colours_for(options)
    return {f.name.replace("_", "-"): getattr(colours, f.name) for f in fields(colours)}


def _finalize(value: object) -> object:
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
        target = safe_link(span.href)
        if target:
            html = f'<a href="{escape(target)}">{html}</a>'
        parts.append(html)
    return Markup("".join(parts))


def tel_href(number: str) -> str:
    return tel_link(number) or ""


def link_href(url: str) -> str:
    return safe_link(url) or ""


def html_id(text: str) -> str:
    """A safe id attribute value from a section id."""
    return "s-" + (re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "section")


# ---------------------------------------------------------------------------- images


def qr_svg(url: str, module_px: int = 4) -> str:
    """A QR code for ``url`` as a small SVG (paths only), from :func:`.qr.qr_modules`."""
    modules = qr_modules(url)
    count = len(modules)
    quiet = 4
    size = count + 2 * quiet
    cells = "".join(
        f"M{start + quiet} {row + quiet}h{length}v1h-{length}z"
        for row, dark in enumerate(modules)
        for start, length in _dark_runs(dark)
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'width="{size * module_px}" height="{size * module_px}" shape-rendering="crispEdges">'
        f'<rect width="{size}" height="{size}" fill="#fff"/>'
        f'<path d="{cells}" fill="#000"/></svg>'
    )


def _dark_runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(first column, length) of each run of dark modules in a row: one path step each."""
    runs: list[tuple[int, int]] = []
    col = 0
    while col < len(row):
        if row[col]:
            start = col
            while col < len(row) and row[col]:
                col += 1
            runs.append((start, col - start))
        else:
            col += 1
    return runs


@lru_cache(maxsize=256)
def qr_data_uri(url: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(url).encode()).decode()


def logo_data_uri(logo: bytes | None, mime: str) -> str:
    if not logo or mime not in ("image/png", "image/jpeg"):
        return ""
    return f"data:{mime};base64,{base64.b64encode(logo).decode()}"


@lru_cache(maxsize=16)
def font_faces_css(characters: str) -> str:
    """@font-face rules embedding Atkinson Hyperlegible, cut down to ``characters``.

    Only the glyphs the page uses are kept (a whole face is about 55 KB), as WOFF.
    """
    rules = []
    for face in FONT_FACES:
        data = base64.b64encode(subset_font(font_path(face), characters)).decode()
        rules.append(
            f'@font-face{{font-family:"{FONT_FAMILY}";'
            f"font-style:{'italic' if face.italic else 'normal'};"
            f"font-weight:{700 if face.bold else 400};font-display:swap;"
            f'src:url(data:font/woff;base64,{data}) format("woff");}}'
        )
    return "\n".join(rules)


def subset_font(path: Path, characters: str) -> bytes:
    """The font at ``path`` with only the glyphs for ``characters``, as WOFF bytes."""
    return woff_subset(path, characters)


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


def _review_text(document: doc.Document, last: Any, nxt: Any) -> str:
    return ". ".join(review_parts(document, last, nxt))


# ---------------------------------------------------------------------------- sanitiser

_ALLOWED_TAGS = {
    "header", "nav", "main", "footer", "section", "article", "aside", "div", "span", "p",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "strong", "em", "figure", "figcaption", "br", "table", "thead", "tbody", "tr", "th", "td",
}
_ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "role", "aria-label", "aria-labelledby", "aria-hidden", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "th": {"scope"},
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
        url_schemes={*LINK_SCHEMES, "data"},
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
    env.filters.update(inline=inline_html, tel=tel_href, link=link_href, html_id=html_id,
                       qr=qr_data_uri, qr_target=lambda url: qr_target(url) or "",
                       uk_date=doc.uk_date)
    return env


def render_html(document: doc.Document, options: PrintOptions | None = None,
                templates: Path | None = None) -> str:
    """The document as one self-contained HTML page."""
    options = options or PrintOptions()
    env = _environment(templates or default_templates_dir())
    profile_classes = " ".join(f"profile-{name}" for name in options.names)
    sections: list[dict[str, Any]] = [
        {"section": s, "html_id": html_id(s.id), "blocks": _block_views(s),
         "review": _review_text(document, s.last_reviewed, s.next_review)}
        for s in document.sections
        if s.kind is not doc.SectionKind.CONTENTS
    ]
    slots = PictureSlots()
    contents_section = next(
        (s for s in document.sections if s.kind is doc.SectionKind.CONTENTS), None)
    html = env.get_template(TEMPLATE).render(
        contents_title=contents_section.title if contents_section else document.labels.contents,
        direction=text_direction(document.meta.language or "en-GB"),
        script_font=script_font(document.meta.language or "en-GB"),
        contents_blocks=_block_views(contents_section) if contents_section else [],
        document=document,
        words=document.labels.words,
        meta=document.meta,
        cover=document.cover,
        sections=sections,
        contents=[s for s in sections if s["section"].in_contents],
        colours=css_colours(options),
        callout_label=lambda callout: callout_label(callout, document.labels),
        example_note=lambda card: example_note(card, document.labels),
        options=options,
        booklet=options.page is PageFormat.A5_BOOKLET,
        profile_classes=profile_classes,
        font_faces=Markup(FONTS_PLACEHOLDER),
        footer_review=_review_text(document, document.meta.last_reviewed,
                                   document.meta.next_review),
        logo_uri=logo_data_uri,
        kinds=doc.SectionKind,
        picture=slots.slot,
        content_policy=content_policy(document.labels),
    )
    html = add_read_aloud(slots.fill(_clean_body(html)), document.labels)
    # The fonts are cut to the characters of the finished page, so they are added last.
    used = "".join(sorted(set(html)))
    fonts = font_faces_css(used)
    extra = script_font_faces_css(document.meta.language or "en-GB", used)
    return html.replace(FONTS_PLACEHOLDER, f"{fonts}\n{extra}" if extra else fonts, 1)


def _clean_body(html: str) -> str:
    start = html.index(">", html.index("<body")) + 1
    end = html.rindex("</body>")
    return html[:start] + sanitise_body(html[start:end]) + html[end:]
