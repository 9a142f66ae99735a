"""``outreach-kit build-batch RECIPES_DIR -o OUT_DIR``: a pack for every recipe in a folder.

Each recipe is built exactly as ``outreach-kit build`` builds one (``cli.build``), in a
pool of worker processes. The parent loads the content library once; forked workers
inherit it with every imported module instead of loading their own. Where processes
cannot be forked, each worker loads the library once.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from tqdm import tqdm

from ..assemble.recipe import LetterRecipeGiven, load_recipe
from ..content.kinds import PACK_KINDS
from ..content.library import ContentLibrary
from ..errors import OutputError, OutreachKitError, RecipeError, UsageError
from ..formats import FORMATS
from ..letters.recipe import letter_recipe_from_source

# Not used here by name: loaded in the parent so forked workers inherit it rather than each
# importing it again (render.pdf costs 170 ms CPU at import; most batches are PDF).
from ..render import pdf as _pdf_renderer  # noqa: F401
from .build import add_pack_options, build_files
from .common import load_content, print_options
from .letter import LETTER_FORMATS, letter_files
from .output import add_force_option


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = ("Make a pack for every *.yaml recipe in a folder, using several "
                          "cores. A broken recipe is reported and the others are still built.")
    parser.add_argument("recipes_dir", type=Path, help="folder of recipe files")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder to write to")
    add_pack_options(parser)
    add_force_option(parser)
    parser.add_argument("--jobs", type=int, default=2, help="processes to use (default 2)")
    parser.set_defaults(func=run_batch)


_worker_library: ContentLibrary | None = None

Job = tuple[Path, Path, list[str], list[str] | None, bool]


def _use_library(library: ContentLibrary | None, content_dir: Path | None) -> None:
    """Runs once in each process: keep the library loaded by the parent (inherited when
    the worker is forked) or load it (a spawned worker)."""
    global _worker_library
    _worker_library = library or _worker_library or load_content(content_dir, PACK_KINDS)


def _outputs(recipe_path: Path, out_dir: Path, formats: list[str]) -> dict[str, Path]:
    return {fmt: out_dir / (recipe_path.stem + FORMATS[fmt].suffix) for fmt in formats}


def _build_letter(library: ContentLibrary, given: LetterRecipeGiven, job: Job) -> None:
    """A letter recipe in the folder: made as ``outreach-kit letter`` makes it."""
    recipe_path, out_dir, profiles, formats, force = job
    chosen = formats or ["pdf"]
    for fmt in chosen:
        if fmt not in LETTER_FORMATS:
            raise RecipeError(f"{recipe_path}: skipped: this is a letter recipe, and a letter "
                              f"cannot be made as {fmt} (choose {', '.join(LETTER_FORMATS)})")
    letter = letter_recipe_from_source(given.source)
    letter_files(library, letter, _outputs(recipe_path, out_dir, chosen),
                 print_options(profiles), force=force)


def _build_one(job: Job) -> str | None:
    """Build every format of one recipe (a pack or a letter); return an error or None."""
    recipe_path, out_dir, profiles, formats, force = job
    try:
        library = _worker_library or load_content(None, PACK_KINDS)
        try:
            recipe = load_recipe(recipe_path, library)  # the recipe's own formats
        except LetterRecipeGiven as given:
            _build_letter(library, given, job)
            return None
        chosen = formats or list(dict.fromkeys(recipe.print.formats)) or ["pdf"]
        build_files(library, recipe_path, recipe, _outputs(recipe_path, out_dir, chosen),
                    profiles, force)
    except OutreachKitError as exc:
        message = str(exc)
        return message if str(recipe_path) in message else f"{recipe_path}: {message}"
    except Exception as exc:  # a bug: never echo its text (it may hold client details)
        return f"{recipe_path}: internal error ({type(exc).__name__})"
    return None


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


def _pool(jobs: int, library: ContentLibrary, content_dir: Path | None) -> ProcessPoolExecutor:
    """Workers that start with the library this process has loaded. Forked workers inherit
    it (and every imported module) for free; where fork is missing they load their own."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    inherited = library if "fork" in methods else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                               initializer=_use_library, initargs=(inherited, content_dir))


def _run_jobs(jobs: list[Job], workers: int, content_dir: Path | None) -> list[str]:
    library = load_content(content_dir, PACK_KINDS)  # a letter adds its own, if any
    _use_library(library, content_dir)
    # The bar is for people watching; in a log or a pipe it would be noise.
    show = sys.stderr.isatty()
    if workers == 1 or len(jobs) == 1:
        results = [_build_one(job) for job in tqdm(jobs, unit="pack", desc="Building",
                                                   file=sys.stderr, disable=not show)]
        return [error for error in results if error]
    failures = []
    with _pool(min(workers, len(jobs)), library, content_dir) as pool:
        futures = [pool.submit(_build_one, job) for job in jobs]
        for future in tqdm(as_completed(futures), total=len(jobs), unit="pack",
                           desc="Building", file=sys.stderr, disable=not show):
            if error := future.result():
                failures.append(error)
    return failures


def run_batch(args: argparse.Namespace) -> int:
    files = recipe_files(args.recipes_dir)
    if args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    print_options(args.profile)  # fail once, early, on a wrong profile name
    try:
        args.output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot make the folder {args.output} ({exc.strerror})") from None
    formats = [args.format] if args.format else None
    jobs: list[Job] = [(path, args.output, args.profile, formats, args.force)
                       for path in files]
    failures = _run_jobs(jobs, args.jobs, args.content)
    for message in sorted(failures):
        print(f"error: {message}", file=sys.stderr)
    print(f"built {len(jobs) - len(failures)} of {len(jobs)} recipes in "
          f"{args.output}")
    return 1 if failures else 0
