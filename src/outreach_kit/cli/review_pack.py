"""``outreach-kit review-pack [--status STATUS] -o review.pdf|review.docx``.

A document for a clinical lead: each module's text, the sources of its facts, its review
state and a sign-off table. ``--status`` (may repeat) keeps only modules in that state.
"""

from __future__ import annotations

import argparse
import datetime as dt

from ..content.review import ReviewStatus
from ..formats import formats_for
from ..outputs import render_document
from ..review_pack import review_pack
from .common import (
    add_content_option,
    add_format_option,
    add_profile_option,
    load_content,
    output_format,
    print_options,
)
from .output import add_output_options, check_output, say_written, write_output

REVIEW_FORMATS = formats_for("review-pack")


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Make a review pack for a clinical lead: every module's text, its sources and a "
        "sign-off table. The format comes from --format or the output file's ending.")
    parser.add_argument("--status", action="append", default=[],
                        choices=[s.value for s in ReviewStatus],
                        help="only modules in this review state (may repeat; default: all)")
    add_output_options(parser, "file to write")
    add_format_option(parser, REVIEW_FORMATS)
    add_profile_option(parser, "PDF print profile")
    add_content_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args.output, args.format, REVIEW_FORMATS)
    options = print_options(args.profile)
    check_output(args.output, fmt, args.force)
    library = load_content(args.content)
    statuses = {ReviewStatus(s) for s in args.status}
    document = review_pack(library, dt.date.today(), statuses)
    write_output(args.output, render_document(document, fmt, options))
    say_written(args.output)
    return 0
