"""Paths and small helpers shared by the tests (fixtures themselves are in conftest.py)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
PACK_CONTENT = FIXTURES / "packs" / "content"  # a small library with exact expectations
MINIMAL_CONTENT = FIXTURES / "minimal"  # the smallest valid content folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) with ``new`` in a copied fixture file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
