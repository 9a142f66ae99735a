"""``outreach-kit letter RECIPE -o letter.pdf|.docx|.md|.txt``: compose, check, export a letter.

The checks summary, the worker guidance for the letter type and the consent reminder go to
stderr; they never repeat the letter's text beyond a flagged phrase. The output file is
written atomically. ``build-batch`` makes letter recipes through :func:`letter_files` too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from ..content.library import ContentLibrary
from ..errors import RecipeError
from ..formats import FORMATS, PrintOptions, formats_for, in_words
from ..letters.make import MadeLetter, make_letter
from ..letters.recipe import LetterRecipe
from ..outputs import render_document
from .common import (
    add_content_option,
    add_format_option,
    add_profile_option,
    input_file,
    load_content,
    output_format,
    print_options as options_from,
)
from .output import add_output_options, check_output, say_written, write_output

LETTER_FORMATS = formats_for("letter")


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Compose a therapeutic letter from a recipe (see examples/letter-*.yaml), print "
        "wording checks and a consent reminder, and save it as "
        f"{in_words([FORMATS[f].label for f in LETTER_FORMATS])}. The format comes from the "
        "file ending.")
    parser.add_argument("recipe", type=Path, help="letter recipe (YAML)")
    add_output_options(parser, "file to write: " + ", ".join(FORMATS[f].suffix
                                                             for f in LETTER_FORMATS))
    add_format_option(parser, LETTER_FORMATS)
    add_content_option(parser)
    parser.add_argument("--template", type=Path, metavar="FILE",
                        help="your organisation's letter template (Jinja2 text, *.j2)")
    add_profile_option(parser, "print profile for PDF and Word")
    parser.set_defaults(func=run)


def letter_files(content: ContentLibrary, recipe: LetterRecipe | Path,
                 outputs: dict[str, Path], options: PrintOptions, *,
                 template: Path | None = None, force: bool = False) -> MadeLetter:
    """Compose and check the letter once, then write each format (atomically)."""
    for fmt, output in outputs.items():
        check_output(output, fmt, force)
    # A folder or a device is refused by the recipe reader ("is not a file").
    made = make_letter(content, recipe, dt.date.today(), template_path=template)
    for fmt, output in outputs.items():
        write_output(output, render_document(made.document, fmt, options))
    return made


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args.output, args.format, LETTER_FORMATS)
    options = options_from(args.profile)
    check_output(args.output, fmt, args.force)
    input_file(args.recipe, "recipe file")
    if args.template is not None:
        input_file(args.template, "template file")
    content = load_content(args.content, warn=False)
    try:
        made = letter_files(content, args.recipe, {fmt: args.output}, options,
                            template=args.template, force=args.force)
    except RecipeError as exc:  # composing names the field, not the file: add it
        if str(args.recipe) in str(exc):
            raise
        raise RecipeError(f"{args.recipe}: {exc}") from None
    for line in made.worker_notes():
        print(line, file=sys.stderr)
    say_written(args.output)
    return 0
