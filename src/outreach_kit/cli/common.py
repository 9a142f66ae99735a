"""What several sub-commands share: reading formats and profiles from their options, and
loading the content library.

A wrong ``--format``, ``--profile`` or output file ending is the command line used wrongly,
so the core's OptionError becomes a UsageError (exit 2) here, and only here. So is a file
or folder named on the command line that does not exist: exit 2 for every command.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Collection
from pathlib import Path

from .. import derived_cache
from ..assemble.risk import worker_prompts
from ..content import default_content_dir
from ..content.cached import library_key, load_library_cached
from ..content.library import ContentLibrary
from ..content.paths import ENV_VAR
from ..errors import OptionError, UsageError
from ..formats import FORMATS, PROFILES, PrintOptions, format_for


def output_format(path: Path, given: str | None, allowed: tuple[str, ...]) -> str:
    """The format from ``--format`` or the output file's ending."""
    if str(path) == "-" and given is None:
        raise UsageError("to write to standard output (-o -), say which format with --format")
    try:
        return format_for(path, given, allowed)
    except OptionError as exc:
        raise UsageError(str(exc)) from None


def print_options(profiles: list[str]) -> PrintOptions:
    """The options named by repeated ``--profile`` (none given: standard)."""
    try:
        return PrintOptions.from_names(profiles)
    except OptionError as exc:
        raise UsageError(str(exc)) from None


def add_format_option(parser: argparse.ArgumentParser, formats: tuple[str, ...],
                      what: str = "", dest: str = "format") -> None:
    endings = ", ".join(FORMATS[f].suffix for f in formats)
    parser.add_argument("--format", dest=dest, choices=formats, default=None,
                        help=f"{', '.join(formats)}{what}; default: from the output file's "
                             f"ending ({endings})")


def add_profile_option(parser: argparse.ArgumentParser, what: str = "print profile") -> None:
    parser.add_argument("--profile", action="append", default=[], metavar="NAME",
                        help=f"{what}, may repeat: {', '.join(PROFILES)}")


def add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help=f"content folder (default: ${ENV_VAR}, else ./content, else "
                             "the checkout's content/)")


def input_file(path: Path, what: str) -> Path:
    """``path`` when it exists; a UsageError (exit 2) naming it when it does not."""
    if not path.exists():
        raise UsageError(f"{path}: {what} not found")
    return path


def content_folder(given: Path | None) -> Path:
    """The content folder from ``--content``, $OUTREACH_KIT_CONTENT or the default."""
    folder = given or default_content_dir()
    if not folder.exists():
        from_env = f" (set by {ENV_VAR})" if not given and os.environ.get(ENV_VAR) else ""
        raise UsageError(f"{folder}: content folder not found{from_env}")
    return folder


def load_content(content_dir: Path | None, kinds: Collection[str] | None = None,
                 warn: bool = True) -> ContentLibrary:
    """The content library (every kind of file, or the ``kinds`` named); broken files are
    left out, with a warning on stderr."""
    folder = content_folder(content_dir)
    key = library_key(folder, kinds)
    library = load_library_cached(folder, kinds, key)
    derived_cache.restore(key)
    if not warn:
        return library
    if library.errors:
        print(f"warning: the content folder has {len(library.errors)} problem(s); broken "
              "files are left out (run: outreach-kit validate)", file=sys.stderr)
    return library


def print_worker_prompts(library: ContentLibrary, observation_ids: list[str]) -> None:
    """The worker's prompt for a ticked risk (content/model.yaml), on stderr: never in a pack."""
    for prompt in worker_prompts(library, observation_ids):
        title, *rest = prompt.lines()
        print("\n".join([f"for you, not the pack: {title}", *rest]), file=sys.stderr)
