"""Where a command's finished file goes: ``-o FILE``, ``-o -`` (standard output), ``--force``.

Checked before any work is done, so a wrong output is one clear line (exit 2) and nothing is
built: a folder, device, pipe or socket is never replaced, and a read-only file only with
``--force``. The file itself is then written atomically (``atomic.write_bytes_atomic``,
which refuses anything that is not an ordinary file once more, just before the rename).
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path

from ..atomic import not_a_file_reason, write_bytes_atomic
from ..errors import UsageError
from ..formats import FORMATS

STDOUT = "-"
# Formats that are text a terminal can show; the others are refused on a terminal.
TEXT_FORMATS = frozenset({"html", "md", "txt"})


def add_output_options(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help=f"{what}, or '-' for standard output (then give --format)")
    add_force_option(parser)


def add_force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace an existing file even if it is read-only")


def to_stdout(path: Path) -> bool:
    return str(path) == STDOUT


def is_read_only(path: Path) -> bool:
    """No write permission for us. Root may write anything, so its mode bits decide."""
    mode = path.stat().st_mode
    return not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def check_output(path: Path, fmt: str, force: bool) -> None:
    """Refuse an output that must not be written; raise UsageError (one line)."""
    if to_stdout(path):
        if fmt not in TEXT_FORMATS and sys.stdout.isatty():
            label = FORMATS[fmt].label
            raise UsageError(f"a {label} file cannot be shown on the terminal; send it to a "
                             f"file ('> file{FORMATS[fmt].suffix}') or use -o FILE")
        return
    reason = not_a_file_reason(path)
    if reason:
        raise UsageError(f"{path}: {reason}; give the name of a file to write")
    if path.exists() and not force and is_read_only(path):
        raise UsageError(f"{path}: the file is read-only; add --force to replace it")


def write_output(path: Path, data: bytes) -> None:
    """Write to the file (atomically) or to standard output."""
    if to_stdout(path):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_bytes_atomic(path, data)


def say_written(path: Path) -> None:
    """"wrote FILE" (nothing when the file went to standard output: it is the output)."""
    if not to_stdout(path):
        print(f"wrote {path}")
