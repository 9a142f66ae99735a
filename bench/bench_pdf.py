"""Benchmark: the PDF renderer alone, for the reference pack and each print profile.

    .venv/bin/python bench/bench_pdf.py            # 9 repeats per document and profile
    .venv/bin/python bench/bench_pdf.py --repeats 3

Renders, in-process, the reference pack (examples/reference-pack.yaml, built once with
``build_pack``; about 40 A4 pages) in its own print profile, then the test suite's
every-block document (about 20 A4 pages) in every profile. Prints the median wall time and
CPU time and the page count. CPU time is shown because on a busy 2-core machine wall time
mostly measures the other processes. The speed target (issue 10) is relative: the reference
pack at most 1.4 x a plain ReportLab layout of the same paragraphs, printed by
``bench_floor.py``. This prints figures; it is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
TODAY = dt.date(2026, 11, 26)

PROFILES = [["standard"], ["large-print"], ["dyslexia"], ["greyscale"], ["a5-booklet"],
            ["a5-booklet", "large-print", "dyslexia", "greyscale"]]


def measure(document, options, repeats: int) -> tuple[int, float, float]:
    """(page count, median wall seconds, median CPU seconds) of ``render_pdf``."""
    from pypdf import PdfReader

    from outreach_kit.render.pdf import render_pdf

    pdf = render_pdf(document, options)  # warm-up: fonts, styles, QR codes
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        render_pdf(document, options)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    return pages, statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()

    from sample_documents import every_block_document

    from outreach_kit.assemble import build_pack, load_recipe
    from outreach_kit.content import load_library
    from outreach_kit.render.options import PrintOptions

    library = load_library(ROOT / "content")
    recipe = load_recipe(REFERENCE, library)
    reference = build_pack(library, recipe, TODAY)
    rows = [("reference pack (" + " + ".join(recipe.print.options().names) + ")",
             reference, recipe.print.options())]
    every_block = every_block_document()
    rows += [("every-block: " + " + ".join(names), every_block, PrintOptions.from_names(names))
             for names in PROFILES]

    print(f"{'document and profile':<62} {'pages':>5} {'wall s':>8} {'cpu s':>8}")
    for label, document, options in rows:
        pages, wall, cpu = measure(document, options, args.repeats)
        print(f"{label:<62} {pages:>5} {wall:>8.3f} {cpu:>8.3f}")


if __name__ == "__main__":
    main()
