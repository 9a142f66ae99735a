"""``outreach-kit build RECIPE -o OUT``: one pack from a recipe file.

``build`` and ``build-batch`` (``cli.batch``) go recipe file -> ``Recipe`` ->
``outputs.make_pack`` -> ``MadePack.render``: the same path the app takes from its choices.
Output files are written atomically (a temporary file
beside the target, then a rename) and readable only by the user who made them (packs can
carry a person's name).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from functools import lru_cache
from pathlib import Path

from .. import derived_cache
from ..assemble.recipe import Recipe, load_recipe
from ..content.kinds import PACK_KINDS
from ..content.library import ContentLibrary
from ..errors import OptionError, UsageError
from ..formats import formats_for
from ..languages import check_language
from ..outputs import MadePack, make_pack
from ..settings import ENV_VAR as SETTINGS_ENV, SETTINGS_FILE, settings_for_content
from ..translations.pack import language_warnings
from .common import (
    add_content_option,
    add_format_option,
    add_profile_option,
    input_file,
    load_content,
    output_format,
    print_options,
    print_worker_prompts,
)
from .output import add_output_options, check_output, say_written, write_output

PACK_FORMATS = formats_for("pack")


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = ("Make one pack from a recipe (see examples/). The format comes "
                          "from --format or the output file's ending.")
    parser.add_argument("recipe", type=Path, help="recipe file (YAML)")
    add_output_options(parser, "file to write")
    add_pack_options(parser)
    parser.add_argument("--language", help="BCP 47 code such as pl or ar (default: the "
                        "recipe's; pages with no current translation print in English)")
    parser.set_defaults(func=run_build, one_document=True)  # see main.main


def add_pack_options(parser: argparse.ArgumentParser) -> None:
    add_format_option(parser, PACK_FORMATS)
    add_profile_option(parser, "print profile (default: the recipe's)")
    add_content_option(parser)


def build_files(library: ContentLibrary, recipe_path: Path, recipe: Recipe,
                outputs: dict[str, Path], profiles: list[str], force: bool) -> MadePack:
    """Build the pack once and write each format atomically (or to standard output)."""
    for fmt, output in outputs.items():
        check_output(output, fmt, force)
    today = dt.date.today()
    made = make_pack(library, recipe, today, profiles=profiles, base_dir=recipe_path.parent,
                     allow_unreviewed=_allow_unreviewed(library.root))
    for fmt, output in outputs.items():
        write_output(output, made.render(fmt))
    return made


def _allow_unreviewed(content_root: Path) -> bool:
    """The organisation's setting, read again only when its file changes (build-batch
    makes many packs in one process)."""
    folder = Path(os.environ[SETTINGS_ENV]) if os.environ.get(SETTINGS_ENV) else content_root
    try:
        stamp = (folder / SETTINGS_FILE).stat().st_mtime_ns
    except OSError:
        stamp = 0
    return _allow_unreviewed_at(folder, stamp)


@lru_cache(maxsize=4)
def _allow_unreviewed_at(folder: Path, stamp: int) -> bool:
    return settings_for_content(folder).allow_unreviewed_modules


# ---------------------------------------------------------------------------- build


def run_build(args: argparse.Namespace) -> int:
    fmt = output_format(args.output, args.format, PACK_FORMATS)
    print_options(args.profile)  # a wrong name is a usage error, before any work
    check_output(args.output, fmt, args.force)
    input_file(args.recipe, "recipe file")
    library = load_content(args.content, PACK_KINDS)  # a letter adds its own, if any
    recipe = load_recipe(args.recipe, library)
    if args.language:
        try:
            recipe = recipe.model_copy(update={"language": check_language(args.language)})
        except OptionError as exc:
            raise UsageError(str(exc)) from None
    print_worker_prompts(library, recipe.observations)
    made = build_files(library, args.recipe, recipe, {fmt: args.output}, args.profile,
                       args.force)
    derived_cache.keep(library)
    for line in language_warnings(made.document):  # what the app says before download
        print(f"note: {line}", file=sys.stderr)
    if made.letter is not None:  # the same notes `outreach-kit letter` gives
        for line in made.letter.worker_notes():
            print(line, file=sys.stderr)
    say_written(args.output)
    return 0
