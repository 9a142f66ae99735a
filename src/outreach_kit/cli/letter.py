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

from ..atomic import write_bytes_atomic
from ..content import default_content_dir, load_library
from ..errors import UsageError
from ..formats import FORMATS, formats_for, in_words
from ..letters.make import make_letter
from ..outputs import render_document
from .common import add_content_option, add_format_option, add_profile_option, output_format
from .common import print_options as options_from

LETTER_FORMATS = formats_for("letter")


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Compose a therapeutic letter from a recipe (see examples/letter-*.yaml), print "
        "wording checks and a consent reminder, and save it as "
        f"{in_words([FORMATS[f].label for f in LETTER_FORMATS])}. The format comes from the "
        "file ending.")
    parser.add_argument("recipe", type=Path, help="letter recipe (YAML)")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="file to write: " + ", ".join(FORMATS[f].suffix
                                                           for f in LETTER_FORMATS))
    add_format_option(parser, LETTER_FORMATS)
    add_content_option(parser)
    parser.add_argument("--template", type=Path, metavar="FILE",
                        help="your organisation's letter template (Jinja2 text, *.j2)")
    add_profile_option(parser, "print profile for PDF and Word")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args.output, args.format, LETTER_FORMATS)
    options = options_from(args.profile)
    if not args.recipe.exists():
        raise UsageError(f"{args.recipe}: recipe file not found")
    content = load_library(args.content or default_content_dir())
    # A folder or a device is refused by the recipe reader ("is not a file").
    made = make_letter(content, args.recipe, dt.date.today(), template_path=args.template)
    data = render_document(made.document, fmt, options)
    for line in made.worker_notes():
        print(line, file=sys.stderr)
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output}")
    return 0
