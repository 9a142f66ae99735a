"""Letterhead logos: PNG or JPEG only, checked, then re-encoded as a clean PNG.

Checked by magic bytes and by Pillow (``verify`` and a full decode), with caps on file size
and pixel count. Re-encoding drops metadata (EXIF location, comments, colour profiles) and
anything after the image data, so only pixels reach the letter.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ..errors import ImageError

MAX_LOGO_BYTES = 2_000_000
MAX_LOGO_SIDE = 4000  # pixels, each way
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"


def _format_from_magic(data: bytes) -> str:
    if data.startswith(PNG_MAGIC):
        return "PNG"
    if data.startswith(JPEG_MAGIC):
        return "JPEG"
    raise ImageError("the logo must be a PNG or JPEG image")


def load_logo(data: bytes) -> bytes:
    """Validated logo bytes -> a fresh PNG (RGB or RGBA); ImageError when unusable."""
    if not data:
        raise ImageError("the logo file is empty")
    if len(data) > MAX_LOGO_BYTES:
        raise ImageError(f"the logo is too large ({len(data) / 1_000_000:.1f} MB; the limit is "
                         f"{MAX_LOGO_BYTES / 1_000_000:.0f} MB)")
    expected = _format_from_magic(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[expected]) as probe:
                width, height = probe.size
                if width > MAX_LOGO_SIDE or height > MAX_LOGO_SIDE:
                    raise ImageError(f"the logo is {width} x {height} pixels; the limit is "
                                     f"{MAX_LOGO_SIDE} x {MAX_LOGO_SIDE}")
                probe.verify()
            with Image.open(io.BytesIO(data), formats=[expected]) as image:
                image.load()
                converted = image.convert("RGBA" if _has_alpha(image) else "RGB")
    except ImageError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"the logo could not be read as a {expected} image (the file may be "
                         "damaged)") from None
    out = io.BytesIO()
    converted.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info)


def read_logo_file(path: Path | str) -> bytes:
    """Read and validate a logo file; ImageError for a missing, large or bad file.

    Only a regular file is read (a FIFO would block forever), and at most one byte over
    the limit (so a device such as /dev/zero cannot fill memory).
    """
    path = Path(path)
    try:
        if path.is_dir():
            raise ImageError(f"{path}: the logo is a folder, not an image file")
        if not path.is_file():
            if not path.exists():
                raise ImageError(f"{path}: logo file not found")
            raise ImageError(f"{path}: the logo is not a regular image file")
        with path.open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except FileNotFoundError:
        raise ImageError(f"{path}: logo file not found") from None
    except IsADirectoryError:
        raise ImageError(f"{path}: the logo is a folder, not an image file") from None
    except OSError as exc:
        raise ImageError(f"{path}: the logo cannot be read ({exc.strerror})") from None
    if len(data) > MAX_LOGO_BYTES:
        raise ImageError(f"{path.name}: the logo is too large (the limit is "
                         f"{MAX_LOGO_BYTES / 1_000_000:.0f} MB)")
    try:
        return load_logo(data)
    except ImageError as exc:
        raise ImageError(f"{path.name}: {exc}") from None
