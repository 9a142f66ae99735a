"""The content library, kept between runs in the user's cache (:mod:`outreach_kit.user_cache`).

Reading and checking the YAML of a pack's content costs a command-line ``build`` about
60 ms of its time (process time, with building pydantic's validators for the content's
models); the checked library, kept as a pickle, loads in about 8 ms. It is kept for
exactly the files it was read from: the key holds the content folder's name, the kinds
read, every content file's path and bytes, and the size and modification time of every
module of this program (the check Python itself makes before reusing compiled code), and
the modification time of every site-packages folder (installing, removing or upgrading a
package changes it: the loaded library depends on installed packages too, such as the icons
Easy Read pictures are checked against; not every ``sys.path`` folder, since the first is
often the working folder, which changes whenever a pack is written there), so a changed file, a new
file, a new version of the program or a changed set of packages reads the folder again. Content
is never personal data, and the library is kept before any recipe is read.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import site
import sys
from collections.abc import Collection
from pathlib import Path

import pydantic
import yaml

from .. import __version__
from ..user_cache import read_entry, write_entry
from .kinds import file_kinds
from .library import ContentLibrary
from .loader import _files_for, load_library

_ENTRY = "content-library.pickle"
_PACKAGE = Path(__file__).resolve().parents[1]


def load_library_cached(root: Path, kinds: Collection[str] | None = None,
                        key: bytes | None = None) -> ContentLibrary:
    """Like :func:`.loader.load_library`, from the user's cache when nothing has changed
    (``key``: from :func:`library_key`, if already worked out)."""
    key = key or library_key(root, kinds)
    if key is None:
        return load_library(root, kinds)
    payload = read_entry(_ENTRY, key)
    if payload is not None:
        try:
            library = pickle.loads(payload)  # our own entry, checked (user_cache)
        except Exception:  # a damaged or outdated entry: read the folder instead
            library = None
        if isinstance(library, ContentLibrary):
            return library
    library = load_library(root, kinds)
    write_entry(_ENTRY, key, pickle.dumps(library, protocol=pickle.HIGHEST_PROTOCOL))
    return library


def _site_packages() -> set[str]:
    user = site.getusersitepackages() if site.ENABLE_USER_SITE else None
    return {*site.getsitepackages(), *([user] if user else [])}


def _program_files(top: str) -> list[tuple[str, os.stat_result]]:
    """Each ``.py`` file under ``top`` (its path from ``top``) and its stat, sorted: the
    files ``Path.rglob("*.py")`` finds (symlinked folders are not entered), with os.walk,
    which skips ``__pycache__`` and costs a few ms less of every command-line run."""
    found: list[tuple[str, os.stat_result]] = []
    for folder, subfolders, names in os.walk(top):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                found.append((path[len(top) + 1:], os.stat(path)))
    return sorted(found, key=lambda item: item[0])


def library_key(root: Path, kinds: Collection[str] | None) -> bytes | None:
    """What the library is made from, or None when the folder cannot be read."""
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        digest.update(repr(parts).encode("utf-8", "surrogateescape"))

    add(__version__, sys.version, pydantic.VERSION, yaml.__version__, str(root),
        sorted(kinds) if kinds is not None else None)
    try:
        for entry in sorted(_site_packages()):
            if Path(entry).is_dir():
                add(entry, Path(entry).stat().st_mtime_ns)
        for name, info in _program_files(str(_PACKAGE)):
            add(name, info.st_size, info.st_mtime_ns)
        if not root.is_dir():
            return None
        for kind in file_kinds(kinds):
            for path in _files_for(root, kind):
                data = path.read_bytes()
                add(str(path), len(data))
                digest.update(data)
    except OSError:
        return None
    return digest.digest()
