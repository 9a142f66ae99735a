"""Write files so that a crash or a full disk never leaves a half-written file behind.

A new file is readable only by its owner (``mkstemp`` makes it 0600: packs and letters can
carry a person's name); a file that is replaced keeps the permissions it had. Any failure
is an :class:`~outreach_kit.errors.OutputError` naming the file and the reason.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
from pathlib import Path

from .errors import OutputError


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    return OutputError(f"cannot write {path} ({exc.strerror or type(exc).__name__})")


_KINDS = ((stat.S_ISDIR, "is a folder"), (stat.S_ISCHR, "is a device"),
          (stat.S_ISBLK, "is a device"), (stat.S_ISFIFO, "is a pipe (FIFO)"),
          (stat.S_ISSOCK, "is a socket"))


def not_a_file_reason(path: Path) -> str | None:
    """Why ``path`` must not be replaced by a file ("is a device"), or None when it is an
    ordinary file or does not exist yet. A link is judged by what it points to."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    return next((reason for is_kind, reason in _KINDS if is_kind(mode)), "is not a file")


def _existing_mode(path: Path) -> int | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable. Not possible everywhere (Windows): then skip it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _temporary_prefix(path: Path) -> str:
    return f".{path.name}."


def write_bytes_atomic(path: Path | str, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    reason = not_a_file_reason(path)  # replacing /dev/null or a pipe would break the system
    if reason:
        raise OutputError(f"cannot write {path} (it {reason}, not a file)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = _existing_mode(path)
        fd, tmp = tempfile.mkstemp(prefix=_temporary_prefix(path), suffix=".tmp",
                                   dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
        raise
    _fsync_folder(path.parent)


def write_text_atomic(path: Path | str, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def leftover_temporaries(path: Path) -> list[Path]:
    """Temporary files made for ``path`` and never renamed into place: left by a process
    killed part-way through a write. Only a caller that knows no write of ``path`` is in
    progress (it holds the file's lock) may remove them."""
    prefix = _temporary_prefix(path)
    found = path.parent.glob(glob.escape(prefix) + "*.tmp")
    # ".a.yaml.x1y2.tmp" is a.yaml's; ".a.yaml.b.yaml.x1y2.tmp" belongs to a.yaml.b.yaml.
    return sorted(p for p in found if "." not in p.name[len(prefix):-len(".tmp")])


def remove_leftover_temporaries(path: Path) -> None:
    for leftover in leftover_temporaries(path):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
