"""``outreach-kit build RECIPE -o OUT`` and ``outreach-kit build-batch RECIPES_DIR -o OUT_DIR``.

Heavy modules (pydantic models, ReportLab, Jinja2) are imported inside the functions that
need them, so ``outreach-kit --help`` and other commands start quickly.

Output files are written atomically (a temporary file beside the target, then a rename)
and readable only by the user who made them (packs can carry a person's name).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..assemble.recipe import FORMATS
from ..errors import OutputError, UsageError
from ..outputs import FORMATS as ALL_FORMATS

FILE_SUFFIX = {fmt: suffix for fmt, (_, _, suffix) in ALL_FORMATS.items()}

if TYPE_CHECKING:
    from ..assemble.recipe import Recipe
    from ..content.library import ContentLibrary
    from ..letters.make import PackLetter
    from ..render.options import PrintOptions


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    build = subparsers.add_parser(
        "build",
        help="make one pack from a recipe file",
        description="Make one pack from a recipe (see examples/). The format comes from "
                    "--format or the output file's ending (.pdf, .html, .md, .docx).",
    )
    build.add_argument("recipe", type=Path, help="recipe file (YAML)")
    build.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    _common_options(build)
    build.set_defaults(func=run_build)

    batch = subparsers.add_parser(
        "build-batch",
        help="make a pack for every recipe in a folder",
        description="Make a pack for every *.yaml recipe in a folder, using several cores. "
                    "A broken recipe is reported and the others are still built.",
    )
    batch.add_argument("recipes_dir", type=Path, help="folder of recipe files")
    batch.add_argument("-o", "--output", type=Path, required=True, help="folder to write to")
    _common_options(batch)
    batch.add_argument("--jobs", type=int, default=2, help="processes to use (default 2)")
    batch.set_defaults(func=run_batch)


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, help="pdf, html, md or docx")
    parser.add_argument("--profile", action="append", default=[], metavar="NAME",
                        help="print profile, may repeat: standard, a5-booklet, large-print, "
                             "dyslexia, greyscale (default: the recipe's)")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="content folder (default: ./content)")


# ---------------------------------------------------------------------------- shared


def load_content(content_dir: Path | None) -> ContentLibrary:
    from ..content import default_content_dir, load_library

    library = load_library(content_dir or default_content_dir())
    if library.errors:
        print(f"warning: the content folder has {len(library.errors)} problem(s); broken "
              "files are left out (run: outreach-kit validate)", file=sys.stderr)
    return library


def print_worker_prompts(library: ContentLibrary, observation_ids: list[str]) -> None:
    """The worker's prompt for a ticked risk (content/model.yaml), on stderr: never in a pack."""
    from ..assemble.risk import worker_prompts

    for prompt in worker_prompts(library, observation_ids):
        title, *rest = prompt.lines()
        print("\n".join([f"for you, not the pack: {title}", *rest]), file=sys.stderr)


def print_options(recipe: Recipe, profiles: list[str]) -> PrintOptions:
    from ..render.options import PrintOptions

    return PrintOptions.from_names(profiles) if profiles else recipe.print.options()


def build_files(library: ContentLibrary, recipe_path: Path, recipe: Recipe,
                outputs: dict[str, Path], profiles: list[str]) -> PackLetter | None:
    """Build the pack once, write each format atomically. Returns the pack's letter, if any
    (its checks and guidance are for the worker)."""
    import datetime as dt

    from ..assemble.pack import build_pack
    from ..atomic import write_bytes_atomic
    from ..outputs import render_document

    today = dt.date.today()
    letter = None
    if recipe.letter is not None:
        from ..letters.make import make_pack_letter

        letter = make_pack_letter(library, recipe.letter, today, base_dir=recipe_path.parent)
    document = build_pack(library, recipe, today,
                          letter_section=letter.section if letter else None)
    options = print_options(recipe, profiles)
    for fmt, output in outputs.items():
        write_bytes_atomic(output, render_document(document, fmt, options))
    return letter


# ---------------------------------------------------------------------------- build


def run_build(args: argparse.Namespace) -> int:
    from ..assemble.recipe import load_recipe
    from ..outputs import format_for

    fmt = format_for(args.output, args.format, FORMATS)
    library = load_content(args.content)
    recipe = load_recipe(args.recipe, library)
    print_worker_prompts(library, recipe.observations)
    letter = build_files(library, args.recipe, recipe, {fmt: args.output}, args.profile)
    if letter is not None:
        from .letter import print_worker_notes  # the same notes `outreach-kit letter` gives

        print_worker_notes(letter.letter, letter.checks)
    print(f"wrote {args.output}")
    return 0


# ---------------------------------------------------------------------------- batch

_worker_library: ContentLibrary | None = None


def _init_worker(content_dir: Path | None) -> None:
    """Runs once in each worker process: load the content library once."""
    global _worker_library
    from ..content import default_content_dir, load_library

    _worker_library = load_library(content_dir or default_content_dir())


def _build_one(job: tuple[Path, Path, list[str], list[str] | None]) -> tuple[str, str | None]:
    """Build every format of one recipe; return (recipe path, error message or None)."""
    from ..assemble.recipe import load_recipe
    from ..errors import OutreachKitError

    recipe_path, out_dir, profiles, formats = job
    try:
        if _worker_library is None:
            _init_worker(None)
        library = _worker_library
        assert library is not None  # set by _init_worker
        recipe = load_recipe(recipe_path, library)  # read once: formats and contents
        if formats is None:
            formats = list(dict.fromkeys(recipe.print.formats)) or ["pdf"]
        build_files(library, recipe_path, recipe,
                    {fmt: out_dir / (recipe_path.stem + FILE_SUFFIX[fmt]) for fmt in formats},
                    profiles)
    except OutreachKitError as exc:
        message = str(exc)
        if str(recipe_path) not in message:
            message = f"{recipe_path}: {message}"
        return str(recipe_path), message
    except Exception as exc:  # a bug: never echo its text (it may hold client details)
        return str(recipe_path), f"{recipe_path}: internal error ({type(exc).__name__})"
    return str(recipe_path), None


def recipe_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise UsageError(f"{folder}: folder not found")
    files = sorted(p for p in folder.iterdir()
                   if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))
    if not files:
        raise UsageError(f"{folder}: no recipe files (*.yaml) found")
    by_stem: dict[str, Path] = {}
    for path in files:  # a.yaml and a.yml would both write a.pdf
        if path.stem in by_stem:
            raise UsageError(f"{by_stem[path.stem]} and {path} would make the same output "
                             "files; rename one of them")
        by_stem[path.stem] = path
    return files


def run_batch(args: argparse.Namespace) -> int:
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from tqdm import tqdm

    files = recipe_files(args.recipes_dir)
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    if args.profile:  # fail once, early, on a wrong profile name
        from ..render.options import PrintOptions

        PrintOptions.from_names(args.profile)
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the folder {args.output} ({exc.strerror})") from None
    formats = [args.format] if args.format else None
    jobs = [(path, args.output, args.profile, formats) for path in files]
    failures: list[str] = []
    with tqdm(total=len(jobs), unit="pack", file=sys.stderr, desc="Building") as bar:
        if args.jobs == 1 or len(jobs) == 1:
            _init_worker(args.content)
            results = (_build_one(job) for job in jobs)
            for _, error in results:
                if error:
                    failures.append(error)
                bar.update()
        else:
            with ProcessPoolExecutor(max_workers=min(args.jobs, len(jobs)),
                                     initializer=_init_worker,
                                     initargs=(args.content,)) as pool:
                futures = [pool.submit(_build_one, job) for job in jobs]
                for future in as_completed(futures):
                    _, error = future.result()
                    if error:
                        failures.append(error)
                    bar.update()
    for message in sorted(failures):
        print(f"error: {message}", file=sys.stderr)
    built = len(jobs) - len(failures)
    print(f"built {built} of {len(jobs)} packs in {args.output}")
    return 1 if failures else 0
