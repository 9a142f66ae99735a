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

from ..errors import UsageError

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


def run(args: argparse.Namespace) -> int:
    from ..atomic import write_bytes_atomic
    from ..content import default_content_dir, load_library
    from ..letters.make import make_letter
    from ..outputs import format_for, render_document
    from ..render.options import PrintOptions

    fmt = format_for(args.output, args.format, FORMATS)
    options = PrintOptions.from_names(args.profile)
    if not args.recipe.is_file():
        raise UsageError(f"{args.recipe}: recipe file not found")
    content = load_library(args.content or default_content_dir())
    made = make_letter(content, args.recipe, dt.date.today(), template_path=args.template)
    data = render_document(made.document, fmt, options)
    for line in made.guidance:
        print(f"guidance: {line}", file=sys.stderr)
    for line in made.checks.summary_lines():
        print(f"check: {line}", file=sys.stderr)
    if made.letter.skipped:
        print(f"note: left out (a field they need is empty): {', '.join(made.letter.skipped)}",
              file=sys.stderr)
    print(f"consent: {made.checks.consent_reminder}", file=sys.stderr)
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output}")
    return 0
