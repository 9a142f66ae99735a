"""Benchmark: the PDF renderer alone, for each print profile.

    .venv/bin/python bench/bench_pdf.py            # 9 repeats per profile
    .venv/bin/python bench/bench_pdf.py --repeats 3

Renders the test suite's every-block document (about 20 A4 pages) in-process and prints the
median wall time and CPU time per profile, and the page count. CPU time is shown because on
a busy 2-core machine wall time mostly measures the other processes. Target for a 16-page
A4 pack: 0.3 s median. This prints figures; it is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

PROFILES = [["standard"], ["large-print"], ["dyslexia"], ["greyscale"], ["a5-booklet"],
            ["a5-booklet", "large-print", "dyslexia", "greyscale"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    args = parser.parse_args()

    from pypdf import PdfReader
    from sample_documents import every_block_document

    from outreach_kit.render.options import PrintOptions
    from outreach_kit.render.pdf import render_pdf

    document = every_block_document()
    print(f"{'profile':<45} {'pages':>5} {'wall s':>8} {'cpu s':>8}")
    for names in PROFILES:
        options = PrintOptions.from_names(names)
        pdf = render_pdf(document, options)  # warm-up: fonts, styles, QR codes
        walls, cpus = [], []
        for _ in range(args.repeats):
            wall, cpu = time.perf_counter(), time.process_time()
            render_pdf(document, options)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(f"{' + '.join(names):<45} {pages:>5} {statistics.median(walls):>8.3f} "
              f"{statistics.median(cpus):>8.3f}")


if __name__ == "__main__":
    main()
