"""One save at a time to a shared file: a lock file beside it, given up after a timeout.

Two app sessions (threads of one Streamlit process) or two processes saving the same file
each hold the lock while they re-read, change and replace it, so neither loses the other's
change. The operating system drops the lock of a process that dies, so a killed save never
leaves the file locked.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import OutputError, SettingsError

LOCK_TIMEOUT_SECONDS = 10.0


class FileBusyError(SettingsError):
    """Someone else is saving the file and did not finish within the timeout."""


def lock_path(path: Path) -> Path:
    """``.<name>.lock`` beside ``path``: hidden, and never read as content."""
    return path.with_name(f".{path.name}.lock")


@contextmanager
def locked(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold ``path``'s lock for the ``with`` block; FileBusyError if it stays taken for
    ``timeout`` seconds (LOCK_TIMEOUT_SECONDS unless given)."""
    timeout = LOCK_TIMEOUT_SECONDS if timeout is None else timeout
    lock = FileLock(lock_path(path), timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise FileBusyError(
            f"{path.name} is being saved by someone else and was still busy after "
            f"{timeout:g} seconds. Nothing was saved: try again in a moment."
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot write {path} ({exc.strerror or type(exc).__name__})") from None
    try:
        yield
    finally:
        lock.release()
