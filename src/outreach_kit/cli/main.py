"""Entry point: parse the command line, run one sub-command, map errors to exit codes.

Exit codes: 0 done; 1 content, recipe or render problem; 2 wrong usage;
70 an unexpected internal error (a bug: the message names only the error type, because an
exception's text could carry client details).

Sub-commands are listed here by name and one-line help; a command's module (and what it
imports: pydantic models, ReportLab, Jinja2) is imported only when that command runs.
Importing all six to build the parser cost 185 ms of every run.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NamedTuple

from .. import __version__
from ..errors import OutreachKitError
from .pydantic_plugins import skip_plugin_lookup


class Command(NamedTuple):
    name: str
    module: str  # in this package; has `configure(parser)` and sets `func` on it
    help: str


COMMANDS: tuple[Command, ...] = (
    Command("validate", "validate", "check every content file and report all problems"),
    Command("training", "training",
            "make a training session's facilitator guide, handout or slides"),
    Command("lint", "lint", "check plain text for stigmatising words and reading ease"),
    Command("build", "build", "make one pack from a recipe file"),
    Command("build-batch", "batch", "make a pack for every recipe in a folder"),
    Command("recommend", "recommend", "suggest modules for what you have noticed"),
    Command("letter", "letter", "write a therapeutic letter from a letter recipe"),
    Command("review-pack", "review_pack",
            "make a review pack (text, sources, sign-off) for a clinical lead"),
    Command("translate", "translate", "export or import a catalogue for a translator"),
)

EXIT_INTERNAL = 70


def _chosen(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line (top-level options take no values)."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser; only the sub-command named in ``argv`` gets its options (and imports)."""
    parser = argparse.ArgumentParser(
        prog="outreach-kit",
        description="Make printable self-help packs, therapeutic letters and training sessions.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = _chosen(argv)
    for command in COMMANDS:
        sub = subparsers.add_parser(command.name, help=command.help,
                                    description=command.help[0].upper() + command.help[1:] + ".")
        if command.name == chosen:
            module = importlib.import_module(f"{__package__}.{command.module}")
            module.configure(command.name, sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    own_process = argv is None  # run as the program, not called from Python (tests)
    if own_process:
        # Importing a command makes some 35,000 objects the cycle collector tracks, and it
        # walks them again and again while they load (about 30 ms of a 0.5 s `build`,
        # process time). Off while they load; then what was loaded is frozen out of later
        # collections, which stay on for the command itself, unless it makes one document
        # and ends (`build` sets one_document): what it leaves is freed when the process
        # ends, and collecting cost `build` about 12 ms of process time (the reference
        # pack's peak memory is 0.5 MB higher without). build-batch still collects.
        gc.disable()
        skip_plugin_lookup()  # the lookup and its imports: about 19 ms (cli/pydantic_plugins.py)
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    one_document = own_process and getattr(args, "one_document", False)
    if own_process:
        gc.freeze()
        if not one_document:
            gc.enable()
    code = _run(args)
    if one_document:
        end_process(code)
    return code


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.func(args) or 0)
    except OutreachKitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug; do not print its text (it may hold client details)
        print(
            f"internal error ({type(exc).__name__}). Nothing was saved. "
            "Please report this with the command you ran (not the client's details).",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def end_process(code: int) -> None:
    """End the process now, with ``code``, without taking the interpreter apart: freeing
    every module and object one by one cost `build` about 35 ms of process time, and the
    system frees the memory at once. Files the command wrote are closed already (written
    atomically); standard output and error are flushed here. If flushing fails (a closed
    pipe), this returns and Python's own exit reports it as before."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
