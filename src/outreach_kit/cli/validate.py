"""``outreach-kit validate [CONTENT_DIR] [--strict]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..validate import validate_library
from .common import load_content


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Check every file in the content folder. Exit 0 when valid, 1 when not.")
    parser.add_argument("content_dir", nargs="?", type=Path, help="content folder "
                        "(default: $OUTREACH_KIT_CONTENT, else ./content, else the "
                        "checkout's content/)")
    parser.add_argument("--strict", action="store_true",
                        help="also fail on warnings (review due, stigma, reading ease)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    library = load_content(args.content_dir, warn=False)
    problems = validate_library(library)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if p.is_warning]
    notes = [p for p in problems if p.severity == "note"]
    for problem in problems:
        print(problem, file=sys.stderr)
    failed = bool(errors) or (args.strict and bool(warnings))
    summary = (f"{len(library.modules)} modules, {len(library.services)} services: "
               f"{len(errors)} errors, {len(warnings)} warnings, {len(notes)} notes")
    print(("FAILED: " if failed else "OK: ") + summary)
    return 1 if failed else 0
