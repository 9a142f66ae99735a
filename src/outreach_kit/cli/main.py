"""Entry point: parse the command line, run one sub-command, map errors to exit codes.

Exit codes: 0 done; 1 content, recipe or render problem; 2 wrong usage;
70 an unexpected internal error (a bug: the message names only the error type, because an
exception's text could carry client details).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import OutreachKitError

# Sub-command modules; each has `register(subparsers)` and sets `func` on its parser.
COMMAND_MODULES: tuple[str, ...] = (
    "validate",
    "training",
    "lint",
    "build",
    "recommend",
    "letter",
)

EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-kit",
        description="Make printable self-help packs, therapeutic letters and training sessions.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
