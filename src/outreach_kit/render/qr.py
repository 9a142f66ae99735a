"""QR codes for web addresses, from ReportLab's own encoder (error correction M).

One place for every renderer that draws QR codes: :func:`qr_modules` gives the code's
modules, and each renderer draws them its own way.

Encoding one address takes about 4 to 16 ms (more for longer addresses): the encoder
builds the whole symbol once for each of the 8 mask patterns and scores each, as the
standard asks, then builds it again with the best. The reference pack's five addresses cost
about 35 ms, so each address is encoded once per process and kept (service web
addresses are content, never client data).
"""

from __future__ import annotations

import importlib.util
import sys
from functools import lru_cache
from pathlib import Path
from types import ModuleType

import reportlab

_ENCODER = "reportlab.graphics.barcode.qrencoder"


def _load_encoder() -> ModuleType:
    """ReportLab's QR encoder module, without the rest of its barcode package.

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


_encoder = _load_encoder()


@lru_cache(maxsize=512)
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code for ``url``, row by row from the top: True for a dark module."""
    code = _encoder.QRCode(None, _encoder.QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    return tuple(tuple(bool(cell) for cell in row) for row in code.modules)
