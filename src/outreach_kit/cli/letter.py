"""``outreach-kit letter RECIPE -o letter.pdf|.docx|.md|.txt``: compose, check, export a letter.

The checks summary, the worker guidance for the letter type and the consent reminder go to
stderr; they never repeat the letter's text beyond a flagged phrase. The output file is
written atomically.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:
    from ..letters.checks import LetterChecks
    from ..letters.compose import ComposedLetter

FORMATS = ("pdf", "docx", "md", "txt")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "letter",
        help="write a therapeutic letter from a letter recipe",
        description="Compose a therapeutic letter from a recipe (see examples/letter-*.yaml), "
                    "print wording checks and a consent reminder, and save it as PDF, Word "
                    "(.docx), Markdown or plain text. The format comes from the file ending.",
    )
    parser.add_argument("recipe", type=Path, help="letter recipe (YAML)")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="file to write: .pdf, .docx, .md or .txt")
    parser.add_argument("--format", choices=FORMATS, help="override the format")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="content folder (default: ./content)")
    parser.add_argument("--template", type=Path, metavar="FILE",
                        help="your organisation's letter template (Jinja2 text, *.j2)")
    parser.add_argument("--profile", action="append", default=[], metavar="NAME",
                        help="print profile for PDF and Word, may repeat: standard, "
                             "large-print, dyslexia, greyscale")
    parser.set_defaults(func=run)


def print_worker_notes(letter: ComposedLetter, checks: LetterChecks) -> None:
    """Guidance, checks, parts left out and the consent reminder, on stderr."""
    from ..letters.checks import worker_notes

    for line in worker_notes(letter, checks):
        print(line, file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from ..atomic import write_bytes_atomic
    from ..content import default_content_dir, load_library
    from ..letters.make import make_letter
    from ..outputs import format_for, render_document
    from ..render.options import PrintOptions

    fmt = format_for(args.output, args.format, FORMATS)
    options = PrintOptions.from_names(args.profile)
    if not args.recipe.exists():
        raise UsageError(f"{args.recipe}: recipe file not found")
    content = load_library(args.content or default_content_dir())
    # A folder or a device is refused by the recipe reader ("is not a file").
    made = make_letter(content, args.recipe, dt.date.today(), template_path=args.template)
    data = render_document(made.document, fmt, options)
    print_worker_notes(made.letter, made.checks)
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output}")
    return 0
