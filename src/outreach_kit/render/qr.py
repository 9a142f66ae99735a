"""QR codes for web addresses, from ReportLab's own encoder (error correction M).

One place for every renderer that draws QR codes: :func:`qr_modules` gives the code's
modules, and each renderer draws them its own way.

Encoding one address takes about 4 to 16 ms (more for longer addresses): the encoder
builds the whole symbol once for each of the 8 mask patterns and scores each, as the
standard asks, then builds it again with the best. Its scoring walks the symbol cell by
cell in Python; :func:`lost_points` gives the same scores (8.4 -> 4.8 ms a code) from
rows and columns as strings and bit masks (tests compare both on many addresses), so
the same mask is chosen and the code is the same. Each address is encoded once per
process and kept (service web addresses are content, never client data); the command line
also keeps the codes of the content's own addresses between runs (``derived_cache``).
"""

from __future__ import annotations

import importlib.util
import re
import sys
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import reportlab

from ..bounded_memo import BoundedMemo

_ENCODER = "reportlab.graphics.barcode.qrencoder"


@cache
def _load_encoder() -> ModuleType:
    """ReportLab's QR encoder module, without the rest of its barcode package; loaded at
    the first code made, not with this module: running it costs about 2 ms of process
    time, and a command-line build whose codes were all kept (``derived_cache``) makes none.

    ``import reportlab.graphics.barcode.qrencoder`` first runs the package's
    ``__init__``, which imports every barcode widget (about 12 ms of CPU at start-up,
    measured in a fresh process after ReportLab; 38 ms by ``python -X importtime`` in the
    issue); the encoder itself needs only ``re`` and ``itertools``, so its file is loaded
    on its own (under 1 ms).
    """
    if _ENCODER in sys.modules:
        return sys.modules[_ENCODER]
    path = Path(reportlab.__file__).parent / "graphics" / "barcode" / "qrencoder.py"
    spec = importlib.util.spec_from_file_location("outreach_kit.render._qrencoder", path)
    if spec is None or spec.loader is None or not path.is_file():
        return importlib.import_module(_ENCODER)  # an unusual install: the slower way
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


Modules = tuple[tuple[bool, ...], ...]


def encode(url: str) -> Modules:
    """Encode ``url`` (about 4.8 ms; :func:`qr_modules` keeps what it encodes)."""
    encoder = _load_encoder()
    code = encoder.QRCode(None, encoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.version = code.calculate_version()
    scores = []
    for mask in range(8):  # as QRCode.getBestMaskPattern, with the faster scoring
        code.makeImpl(True, mask)
        scores.append(lost_points(code.modules))
    code.makeImpl(False, scores.index(min(scores)))  # the first of equal scores, as there
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)


_codes = BoundedMemo(encode, limit=512)


def qr_modules(url: str) -> Modules:
    """The QR code for ``url``, row by row from the top: True for a dark module."""
    return _codes(url)


def encoded_codes() -> dict[str, Modules]:
    """Every code made (or added) in this process, by web address."""
    return _codes.results()


def add_encoded_codes(codes: dict[str, Modules]) -> None:
    """Codes made by an earlier run (kept by ``outreach_kit.derived_cache``)."""
    _codes.add(codes)


_RUN = re.compile(r"0{5,}|1{5,}")
_FINDER = "10111010000"  # the one direction ReportLab's encoder scores


def lost_points(modules: list[list[bool]]) -> int:
    """``QRUtil.getLostPoint`` of ReportLab's encoder: the penalty score of one masked
    symbol (runs of five or more, 2 x 2 blocks, finder-like patterns, dark balance)."""
    rows = ["".join("1" if cell else "0" for cell in row) for row in modules]
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    score = 0
    for line in rows + columns:
        score += sum(len(run) - 2 for run in _RUN.findall(line))  # runs of 5+: 3 + (n - 5)
    for line in rows:  # the encoder's column check compares tuples to a list: never true
        score += 40 * line[:-1].count(_FINDER)  # (matches cannot overlap; the encoder
        # never looks at one that ends on the last cell)
    size = len(rows)
    bits = [int(row[::-1], 2) for row in rows]  # bit i is column i
    pairs = (1 << (size - 1)) - 1  # a cell and its right-hand neighbour
    for above, below in pairwise(bits):
        same_column = ~(above ^ below)
        same_row = ~(below ^ (below >> 1))
        score += 3 * bin(same_column & (same_column >> 1) & same_row & pairs).count("1")
    dark = sum(row.count("1") for row in rows)
    return score + 10 * (abs(100 * dark // (size * size) - 50) // 5)
