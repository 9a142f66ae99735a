"""``outreach-kit translate export|import``: the translator round trip (PO catalogues).

``export --language pl [--module ID] -o pl.po`` writes a catalogue of the English (with any
current Polish filled in); ``import pl.po`` writes ``content/translations/pl/*.yaml``
atomically after checking every entry (see ``translations.catalogue``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ContentError, OptionError, UsageError
from ..languages import check_language
from ..translations.catalogue import export_catalogue, import_catalogue
from ..translations.files import Status
from .common import add_content_option, input_file, load_content
from .output import check_output, say_written, write_output


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = "Export a catalogue for a translator, or import one they return."
    sub = parser.add_subparsers(dest="action", required=True)
    export = sub.add_parser("export", help="write a PO catalogue of the English to translate")
    export.add_argument("--language", required=True, help="BCP 47 code, e.g. pl, ar")
    export.add_argument("--module", action="append", default=None,
                        help="only this module (repeat for more; default: every module "
                             "and the fixed words)")
    export.add_argument("-o", "--output", type=Path, required=True, help="file to write (.po)")
    export.add_argument("--force", action="store_true", help="replace a read-only file")
    add_content_option(export)
    export.set_defaults(func=run_export)
    back = sub.add_parser("import", help="write translation files from a returned catalogue")
    back.add_argument("catalogue", type=Path, help="the translated PO file")
    back.add_argument("--translator", default="", help="who translated it (default: the "
                      "catalogue's Last-Translator)")
    back.add_argument("--status", choices=[s.value for s in Status], default="draft",
                      help="draft until a qualified translator has checked it")
    add_content_option(back)
    back.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    try:
        language = check_language(args.language)
    except OptionError as exc:
        raise UsageError(str(exc)) from None
    check_output(args.output, "po", args.force)
    library = load_content(args.content)
    for module_id in args.module or ():
        if module_id not in library.modules:
            raise UsageError(f"unknown module '{module_id}'")
    write_output(args.output, export_catalogue(library, language, args.module).encode())
    say_written(args.output)
    return 0


def run_import(args: argparse.Namespace) -> int:
    input_file(args.catalogue, "catalogue")
    library = load_content(args.content)
    written, problems = import_catalogue(library, args.catalogue, args.translator,
                                         args.status)
    for problem in problems:
        if not problem.is_error:
            print(problem, file=sys.stderr)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ContentError(errors)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0
