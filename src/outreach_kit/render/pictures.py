"""Easy Read pictures for every renderer, from the icons' SVG files (nothing is fetched).

- PDF: :func:`pdf_drawing`, the SVG as a ReportLab drawing (svglib), scaled and coloured
  (drawn once per PDF as a form XObject by :mod:`.pdf_easy_read`);
- HTML: :func:`svg_markup`, inline SVG with ``role="img"``, ``aria-label`` and ``<title>``;
- DOCX: :func:`png_bytes`, the SVG rasterised by resvg (the ``resvg-py`` wheel: no system
  library needed on Windows, macOS or Linux, unlike cairosvg or ReportLab's renderPM, which
  need Cairo).

Each icon is read and converted once per process and kept in memory only. Icons are
content (an openly licensed set), never anything typed about a person.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from functools import lru_cache
from html import escape
from typing import Any

from reportlab.graphics.shapes import Drawing, Group
from reportlab.lib.colors import Color

from ..errors import RenderError
from .fonts import REGULAR

_SVG_NS = "{http://www.w3.org/2000/svg}"


@lru_cache(maxsize=256)
def _svg_parts(svg_path: str) -> tuple[str, tuple[str, ...]]:
    """(viewBox, path data...) of one icon file."""
    try:
        root = ET.parse(svg_path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise RenderError(f"cannot read the picture file {svg_path} "
                          f"({type(exc).__name__})") from None
    paths = tuple(p.get("d", "") for p in root.iter(f"{_SVG_NS}path") if p.get("d"))
    return root.get("viewBox", "0 0 512 512"), paths


@lru_cache(maxsize=256)
def _base_drawing(svg_path: str) -> Drawing:
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(svg_path)
    if drawing is None:
        raise RenderError(f"cannot read the picture file {svg_path}")
    return drawing


def _paint(node: Any, colour: Color) -> None:
    if isinstance(node, Group):
        for child in node.contents:
            _paint(child, colour)
    elif hasattr(node, "fillColor"):
        node.fillColor = colour
        node.strokeColor = None
    if getattr(node, "fontName", None) is not None:
        node.fontName = REGULAR  # icons have no text; no other font may enter the PDF


@lru_cache(maxsize=512)
def pdf_drawing(svg_path: str, size: float, colour: Color) -> Drawing:
    """The icon as a ``size`` x ``size`` point drawing, centred, filled with ``colour``
    (kept: callers must not change it, nor draw it from two threads at once)."""
    base = _base_drawing(svg_path)
    scale = size / max(base.width, base.height)
    group = Group(*copy.deepcopy(base.contents))
    _paint(group, colour)
    group.translate((size - base.width * scale) / 2, (size - base.height * scale) / 2)
    group.scale(scale, scale)
    drawing = Drawing(size, size, initialFontName=REGULAR)
    drawing.add(group)
    return drawing


def svg_markup(svg_path: str, alt: str, css_class: str = "picture") -> str:
    """Inline SVG for HTML: a labelled image (``role="img"``, ``aria-label``, ``<title>``)."""
    view_box, paths = _svg_parts(svg_path)
    label = escape(alt, quote=True)
    shapes = "".join(f'<path d="{escape(d, quote=True)}"/>' for d in paths)
    return (f'<svg class="{css_class}" role="img" aria-label="{label}" '
            f'viewBox="{escape(view_box, quote=True)}" fill="currentColor" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{escape(alt)}</title>{shapes}</svg>')


@lru_cache(maxsize=256)
def png_bytes(svg_path: str, pixels: int, colour: str) -> bytes:
    """The icon as a square PNG ``pixels`` wide, in ``colour`` (#rrggbb), for Word."""
    import resvg_py

    view_box, paths = _svg_parts(svg_path)
    shapes = "".join(f'<path d="{escape(d, quote=True)}"/>' for d in paths)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{escape(view_box, quote=True)}" '
           f'width="{pixels}" height="{pixels}" fill="{colour}" '
           f'preserveAspectRatio="xMidYMid meet">{shapes}</svg>')
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=pixels, height=pixels))
    except ValueError:
        raise RenderError(f"cannot draw the picture file {svg_path}") from None
