"""Easy Read and listening in the HTML export: inline SVG pictures and a read-aloud button.

Both go in after the body is cleaned by ``nh3`` (whose allowlist has neither ``<svg>`` nor
``<script>``), and both are built here from trusted parts only:

- a picture is first a placeholder carrying a random per-page token, then the icon's SVG
  (``role="img"``, ``aria-label`` and ``<title>`` from the picture catalogue's alt text);
- the read-aloud button uses the device's own voices (the Web Speech API's
  ``speechSynthesis``, local voices only: no request leaves the device). The script is a
  fixed file, allowed by its sha256 hash in the page's Content-Security-Policy; it shows the
  button only where speech is supported and a local voice exists.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from functools import lru_cache
from importlib.resources import files

from markupsafe import Markup, escape

from .. import document as doc
from .pictures import svg_markup

BASE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


@lru_cache(maxsize=1)
def read_aloud_script() -> str:
    return files("outreach_kit.render").joinpath("assets/read_aloud.js").read_text("utf-8")


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_policy(labels: doc.Labels) -> str:
    """The page's Content-Security-Policy: no scripts but the read-aloud one, if any."""
    if not labels.read_aloud:
        return BASE_POLICY
    return f"{BASE_POLICY}; script-src {script_hash(read_aloud_script())}"


class PictureSlots:
    """Placeholders for pictures in the template, filled with inline SVG after cleaning."""

    def __init__(self) -> None:
        self.token = secrets.token_hex(8)
        self.pictures: list[doc.Picture] = []

    def slot(self, picture: doc.Picture | None) -> Markup:
        if picture is None:
            return Markup('<span class="picture-none" aria-hidden="true"></span>')
        self.pictures.append(picture)
        return Markup(f'<span class="picture-slot" id="pic-{self.token}-'
                      f'{len(self.pictures) - 1}"></span>')

    def fill(self, html: str) -> str:
        if not self.pictures:
            return html
        pattern = re.compile(rf'<span class="picture-slot" id="pic-{self.token}-(\d+)"></span>')

        def svg(match: re.Match[str]) -> str:
            picture = self.pictures[int(match.group(1))]
            return svg_markup(picture.svg_path, picture.alt)

        return pattern.sub(svg, html)


def add_read_aloud(html: str, labels: doc.Labels) -> str:
    """The button after the cover and its script at the end of the body (when the document's
    words have a label for it)."""
    if not labels.read_aloud:
        return html
    button = (f'<div class="read-aloud"><button type="button" id="read-aloud" hidden '
              f'data-stop="{escape(labels.stop_reading or labels.read_aloud)}">'
              f'{escape(labels.read_aloud)}</button></div>')
    html = html.replace("</header>", f"</header>\n{button}", 1)
    end = html.rindex("</body>")
    return f"{html[:end]}<script>{read_aloud_script()}</script>\n{html[end:]}"
