"""Benchmark: the reference pack against a plain ReportLab floor.

    .venv/bin/python bench/bench_floor.py             # 9 repeats
    .venv/bin/python bench/bench_floor.py --repeats 3

The floor is the least a ReportLab renderer could do for the same pack: the same
paragraph texts (every line of the pack's plain-text rendering, taken from the built
Document), the same font (Atkinson Hyperlegible, registered by ``render.fonts``), page size
and margins, laid out with ``SimpleDocTemplate`` and plain ``Paragraph`` flowables, each
section on a new page. No boxes, tables, keep-togethers, QR codes, contents or footers.

Prints the median wall and CPU seconds (``time.process_time``) of ``build_pack`` + render
to PDF, of the floor, and their ratio (target: the pack at most 1.4 x the floor, in CPU
time, which is steadier than wall time on a busy 2-core machine). The pack is timed twice:
with the PDF layout cache (``render.pdf_layout_cache``) warm, as for every pack after the
first in a process (the app, ``build-batch``), and emptied before each run, as for the
first pack of a process (``outreach-kit build``). Last, each is timed as the first thing
a fresh process lays out (``--first``): the pack with its content loaded as the command
line loads it (kept results included, see ``outreach_kit.derived_cache``), the floor with
the same fonts still to register. This prints figures; it is not a pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

from outreach_kit import derived_cache
from outreach_kit.assemble import build_pack, load_recipe
from outreach_kit.content import load_library
from outreach_kit.document import Document
from outreach_kit.render import pdf_layout_cache as layout_cache
from outreach_kit.render.fonts import BOLD, REGULAR, register_fonts
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.pdf import render_pdf
from outreach_kit.render.pdf_styles import styles_for
from outreach_kit.render.plaintext import render_plaintext

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
TODAY = dt.date(2026, 11, 26)
TARGET_RATIO = 1.4


def floor_paragraphs(document: Document) -> list[tuple[str, bool]]:
    """(text, is a section title) for every line of the document's plain text.

    A line underlined with "=" is a section title; underline lines are dropped.
    """
    lines = [line for line in render_plaintext(document).splitlines() if line.strip()]
    out: list[tuple[str, bool]] = []
    for index, line in enumerate(lines):
        if set(line) <= {"=", "-"} and index > 0:
            continue  # an underline
        following = lines[index + 1] if index + 1 < len(lines) else ""
        out.append((line, following.startswith("=") and set(following) == {"="}))
    return out


def render_floor(paragraphs: list[tuple[str, bool]], options: PrintOptions) -> bytes:
    """The paragraphs as a plain ReportLab PDF: same font, page size and margins."""
    register_fonts()
    styles = styles_for(options)
    layout = styles.layout
    body = ParagraphStyle("floor-body", fontName=REGULAR, fontSize=styles.body_size,
                          leading=styles.body.leading, spaceAfter=styles.body.spaceAfter)
    title = ParagraphStyle("floor-title", parent=body, fontName=BOLD,
                           fontSize=styles.h1.fontSize, leading=styles.h1.leading)
    story: list[Flowable] = []
    for text, is_title in paragraphs:
        if is_title and story:
            story.append(PageBreak())
        story.append(Paragraph(escape(text), title if is_title else body))
    buffer = BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=layout.page_size, leftMargin=layout.left,
                                 rightMargin=layout.right, topMargin=layout.top,
                                 bottomMargin=layout.bottom, invariant=1, pageCompression=1)
    template.build(story)
    return buffer.getvalue()


def medians(func: Callable[[], object], repeats: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds) of ``func`` after one warm-up call."""
    func()
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def compare(repeats: int) -> dict[str, tuple[float, float]]:
    """{"pack": (wall, cpu), "pack-cold": ..., "floor": ...} medians for the reference pack."""
    library = load_library(ROOT / "content")
    recipe = load_recipe(REFERENCE, library)
    options = recipe.print.options()
    document = build_pack(library, recipe, TODAY)
    paragraphs = floor_paragraphs(document)
    def pack() -> bytes:
        return render_pdf(build_pack(library, recipe, TODAY), options)

    def cold_pack() -> bytes:
        layout_cache.clear()
        return pack()

    return {
        "pack": medians(pack, repeats),
        "pack-cold": medians(cold_pack, repeats),
        "floor": medians(lambda: render_floor(paragraphs, options), repeats),
    }


def first_in_process(which: str) -> float:
    """CPU seconds of the first pack (or floor) laid out in this process."""
    from outreach_kit.cli.common import load_content  # as `outreach-kit build` loads it
    from outreach_kit.content.kinds import PACK_KINDS

    library = load_content(ROOT / "content", PACK_KINDS)
    recipe = load_recipe(REFERENCE, library)
    options = recipe.print.options()
    paragraphs = floor_paragraphs(build_pack(library, recipe, TODAY)) if which == "floor" else []
    start = time.process_time()
    if which == "floor":
        render_floor(paragraphs, options)
    else:
        render_pdf(build_pack(library, recipe, TODAY), options)
    spent = time.process_time() - start
    derived_cache.keep(library)  # as `build` does: the next round starts as a user's would
    return spent


def compare_first(repeats: int) -> dict[str, float]:
    """Median CPU seconds of the first pack and the first floor, each in fresh processes."""
    times: dict[str, list[float]] = {"pack": [], "floor": []}
    for _ in range(repeats + 1):  # the first round fills the command line's cache
        for which, found in times.items():
            out = subprocess.run([sys.executable, __file__, "--first", which], check=True,
                                 capture_output=True, text=True, cwd=ROOT)
            found.append(float(out.stdout))
    return {which: statistics.median(found[1:]) for which, found in times.items()}


def report(results: dict[str, tuple[float, float]]) -> str:
    floor_wall, floor_cpu = results["floor"]
    lines = [f"{'':<44} {'wall s':>8} {'cpu s':>8}"]
    for key, name in (("pack", "reference pack, layout cache warm"),
                      ("pack-cold", "reference pack, layout cache emptied")):
        lines.append(f"{name:<44} {results[key][0]:>8.3f} {results[key][1]:>8.3f}")
    lines.append(f"{'plain ReportLab floor (same paragraphs)':<44} {floor_wall:>8.3f} "
                 f"{floor_cpu:>8.3f}")
    for key, name in (("pack", "warm"), ("pack-cold", "cold")):
        wall, cpu = results[key]
        ratio = cpu / floor_cpu
        verdict = "ok" if ratio <= TARGET_RATIO else "SLOW"
        lines.append(f"ratio pack ({name}) / floor: {ratio:.2f} x CPU, "
                     f"{wall / floor_wall:.2f} x wall (target <= {TARGET_RATIO} x): {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--first", choices=("pack", "floor"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.first:
        print(first_in_process(args.first))
        return 0
    print(report(compare(args.repeats)))
    first = compare_first(args.repeats)
    ratio = first["pack"] / first["floor"]
    print(f"first in a fresh process: pack {first['pack']:.3f} s CPU, floor "
          f"{first['floor']:.3f} s CPU: {ratio:.2f} x (target <= {TARGET_RATIO} x): "
          f"{'ok' if ratio <= TARGET_RATIO else 'SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
