"""Files kept between runs so that a command starts faster, in the user's cache folder.

Only what is worked out from content files and the program itself is kept here (the
checked content library): never a recipe, a letter or anything about a person. Each entry
is one file holding a key (what it was made from) and a checksum; an entry whose key does
not match, whose checksum is wrong, or that someone other than the user could have
written is ignored and made again. Entries are written atomically (a temporary file, then
a rename), readable by the user only. Losing the folder only costs the next run its time.

The folder is ``$OUTREACH_KIT_CACHE``, else ``$XDG_CACHE_HOME/outreach-kit``, else
``~/.cache/outreach-kit``; ``OUTREACH_KIT_CACHE=off`` keeps nothing.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .atomic import write_bytes_atomic
from .errors import OutputError

ENV_VAR = "OUTREACH_KIT_CACHE"
_MAGIC = b"outreach-kit cache 1\n"
_DIGEST = 32  # bytes of a sha256


def cache_folder() -> Path | None:
    """Where entries are kept, or None when the cache is switched off."""
    given = os.environ.get(ENV_VAR)
    if given is not None:
        return None if given.strip().lower() in ("", "off", "0", "no") else Path(given)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder (a service account): keep nothing
            return None
    return Path(base) / "outreach-kit"


def _only_ours(path: Path) -> bool:
    """True if ``path`` is the user's own and nobody else may write to it."""
    info = path.stat()
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def read_entry(name: str, key: bytes) -> bytes | None:
    """The payload kept under ``name`` for ``key``, or None (missing, stale or damaged)."""
    folder = cache_folder()
    if folder is None:
        return None
    path = folder / name
    try:
        if not (_only_ours(folder) and _only_ours(path)):
            return None
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_MAGIC)
    if not data.startswith(_MAGIC):
        return None
    stored_key, checksum = data[head:head + _DIGEST], data[head + _DIGEST:head + 2 * _DIGEST]
    payload = data[head + 2 * _DIGEST:]
    if stored_key != hashlib.sha256(key).digest():
        return None
    if checksum != hashlib.sha256(payload).digest():
        return None
    return payload


def write_entry(name: str, key: bytes, payload: bytes) -> None:
    """Keep ``payload`` under ``name`` for ``key``; a folder that cannot be written is
    skipped silently (the cache only saves time)."""
    folder = cache_folder()
    if folder is None:
        return
    data = b"".join((_MAGIC, hashlib.sha256(key).digest(), hashlib.sha256(payload).digest(),
                     payload))
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_bytes_atomic(folder / name, data)
    except (OSError, OutputError):
        return
