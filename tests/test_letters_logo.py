"""Letterhead logos: PNG or JPEG only, size-capped, verified, re-encoded as clean PNG."""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import pytest
from PIL import Image

from outreach_kit.errors import ImageError
from outreach_kit.letters.build import build_letterhead
from outreach_kit.letters.logo import (
    MAX_LOGO_BYTES,
    MAX_LOGO_SIDE,
    PNG_MAGIC,
    load_logo,
    read_logo_file,
)
from outreach_kit.letters.recipe import LetterheadRecipe


def image_bytes(fmt: str, size=(120, 60), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 40, 40) if mode == "RGB" else None).save(out, fmt, **save)
    return out.getvalue()


def test_png_is_accepted_and_reencoded():
    original = image_bytes("PNG")
    logo = load_logo(original)
    assert logo.startswith(PNG_MAGIC)
    with Image.open(io.BytesIO(logo)) as image:
        assert image.size == (120, 60)
        assert image.getpixel((0, 0)) == (200, 40, 40)


def test_jpeg_becomes_png_without_its_metadata():
    exif = Image.Exif()
    exif[0x010E] = "taken at a client's home"  # ImageDescription
    original = image_bytes("JPEG", exif=exif.tobytes())
    assert b"client's home" in original
    logo = load_logo(original)
    assert logo.startswith(PNG_MAGIC)
    assert b"client's home" not in logo
    with Image.open(io.BytesIO(logo)) as image:
        assert image.format == "PNG"
        assert not image.getexif()


def test_transparency_is_kept():
    logo = load_logo(image_bytes("PNG", mode="RGBA"))
    with Image.open(io.BytesIO(logo)) as image:
        assert image.mode == "RGBA"


def test_data_after_the_image_is_dropped():
    logo = load_logo(image_bytes("PNG") + b"<script>trailing junk</script>")
    assert b"trailing junk" not in logo


@pytest.mark.parametrize(("data", "message"), [
    (b"", "empty"),
    (image_bytes("GIF"), "must be a PNG or JPEG"),
    (image_bytes("BMP"), "must be a PNG or JPEG"),
    (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "must be a PNG or JPEG"),
    (b"%PDF-1.4 not an image", "must be a PNG or JPEG"),
    (PNG_MAGIC + b"\x00" * 100, "could not be read as a PNG"),
    (image_bytes("PNG")[:60], "could not be read as a PNG"),
    (image_bytes("JPEG")[:200], "could not be read as a JPEG"),
    (b"\xff\xd8\xff" + b"junk" * 50, "could not be read as a JPEG"),
])
def test_bad_logos_give_clear_errors(data, message):
    with pytest.raises(ImageError, match=message):
        load_logo(data)


def test_oversized_file_is_refused():
    with pytest.raises(ImageError, match="too large"):
        load_logo(PNG_MAGIC + b"\x00" * MAX_LOGO_BYTES)


def test_too_many_pixels_is_refused():
    big = image_bytes("PNG", size=(MAX_LOGO_SIDE + 1, 10), mode="L")
    assert len(big) < MAX_LOGO_BYTES
    with pytest.raises(ImageError, match=f"{MAX_LOGO_SIDE + 1} x 10 pixels"):
        load_logo(big)


def test_decompression_bomb_header_is_refused():
    # A tiny PNG whose header claims 60000 x 60000 pixels.
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 60000, 60000, 8, 0, 0, 0, 0)
    bomb = PNG_MAGIC + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(
        b"IEND", b"")
    with pytest.raises(ImageError):
        load_logo(bomb)


def test_logo_files(tmp_path):
    path = tmp_path / "logo.jpg"
    path.write_bytes(image_bytes("JPEG"))
    assert read_logo_file(path).startswith(PNG_MAGIC)
    with pytest.raises(ImageError, match="not found"):
        read_logo_file(tmp_path / "missing.png")
    with pytest.raises(ImageError, match="folder"):
        read_logo_file(tmp_path)
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"GIF89a....")
    with pytest.raises(ImageError, match=r"bad\.png: the logo must be a PNG or JPEG"):
        read_logo_file(bad)
    huge = tmp_path / "huge.png"
    huge.write_bytes(PNG_MAGIC + b"\x00" * (MAX_LOGO_BYTES + 1))
    with pytest.raises(ImageError, match="too large"):
        read_logo_file(huge)


def test_letterhead_uses_an_upload_before_the_recipe_path(tmp_path):
    spec = LetterheadRecipe(organisation="The Hub", address_lines=["1 Street", ""],
                            logo=str(tmp_path / "missing.png"))
    head = build_letterhead(spec, image_bytes("PNG"))
    assert head.logo is not None and head.logo.startswith(PNG_MAGIC)
    assert head.logo_mime == "image/png"
    assert head.address_lines == ("1 Street",)
    with pytest.raises(ImageError, match="not found"):
        build_letterhead(spec)


def test_logo_file_must_be_a_regular_file(tmp_path):
    fifo = tmp_path / "logo.png"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(ImageError, match="not a regular image file"):
        read_logo_file(fifo)
    assert time.perf_counter() - started < 2
    if Path("/dev/zero").exists():
        with pytest.raises(ImageError, match="not a regular image file"):
            read_logo_file("/dev/zero")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_logo_file_read_is_bounded(monkeypatch):
    """Even if the regular-file check were fooled, at most limit+1 bytes are read."""
    monkeypatch.setattr(Path, "is_file", lambda self: True)
    with pytest.raises(ImageError, match="too large"):
        read_logo_file("/dev/zero")
