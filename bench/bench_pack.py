"""Benchmark: how fast packs are made, and how much memory it takes.

    .venv/bin/python bench/bench_pack.py            # full run (about a minute)
    .venv/bin/python bench/bench_pack.py --quick    # fewer repeats
    .venv/bin/python bench/bench_pack.py --cli-only # just the whole-process build

Prints medians of wall and CPU seconds, and peak memory (resident set size), for:
1. the reference pack (examples/reference-pack.yaml) built and rendered to PDF in-process,
   beside the plain ReportLab floor of ``bench_floor.py`` (same paragraphs, font and page
   size) and their ratio; repeated in one process, so with the PDF layout cache warm
   (``bench_floor.py`` also prints the pack with that cache emptied before each run);
2. ``outreach-kit build examples/reference-pack.yaml -o x.pdf`` as a whole process
   (start-up included; CPU time from ``getrusage(RUSAGE_CHILDREN)``);
3. a batch of 100 recipes (``outreach-kit build-batch``, both cores);
4. as a peer, the same pack's HTML rendered to PDF by WeasyPrint, when it is installed.
Targets (issue 10) on a 2-core machine: in-process at most 1.4 x the floor, the whole
process 0.40 s of CPU, the batch 4 s wall, 200 MB. CPU time is what to compare on a busy
machine: wall time there mostly measures the other processes. This prints figures; it is
not a pass/fail test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_cli import make_batch  # the same 100 recipes as bench_cli measures
from bench_floor import floor_paragraphs, medians, render_floor

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
# The installed command, as a user runs it (its start-up is part of what is measured).
CLI = [str(Path(sys.executable).with_name("outreach-kit"))]
FLOOR_RATIO_TARGET = 1.4
CLI_CPU_TARGET = 0.40  # seconds of CPU for one whole `outreach-kit build`
BATCH_WALL_TARGET = 4.0
RSS_TARGET_MB = 200


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (steady on a busy machine)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


CPU: dict[str, float] = {}  # median CPU seconds per measurement, filled by timed()
WALL: dict[str, float] = {}  # median wall seconds of measurements not returned directly


def timed(func, repeats: int, name: str = "") -> list[float]:
    times, cpu = [], []
    for _ in range(repeats):
        start, start_cpu = time.perf_counter(), cpu_seconds()
        func()
        times.append(time.perf_counter() - start)
        cpu.append(cpu_seconds() - start_cpu)
    if name:
        CPU[name] = statistics.median(cpu)
    return times


def bench_in_process(repeats: int) -> tuple[float, float, int]:
    """(median wall seconds, peak RSS MB, pages); also the floor, into WALL and CPU."""
    from pypdf import PdfReader

    from outreach_kit.assemble import build_pack, load_recipe
    from outreach_kit.content import load_library
    from outreach_kit.render.pdf import render_pdf

    library = load_library(ROOT / "content")
    recipe = load_recipe(REFERENCE, library)
    options = recipe.print.options()
    today = dt.date.today()

    def once() -> bytes:
        return render_pdf(build_pack(library, recipe, today), options)

    pages = len(PdfReader(io.BytesIO(once())).pages)  # warm-up, and the page count
    wall = statistics.median(timed(once, repeats, "in-process"))
    paragraphs = floor_paragraphs(build_pack(library, recipe, today))
    WALL["floor"], CPU["floor"] = medians(lambda: render_floor(paragraphs, options), repeats)
    return wall, peak_mb(resource.RUSAGE_SELF), pages


def bench_cli(repeats: int, folder: Path) -> float:
    """Median wall seconds of a whole `outreach-kit build`; its CPU seconds go into CPU.

    CPU time is the child's own (``getrusage(RUSAGE_CHILDREN)`` before and after).
    """
    out = folder / "x.pdf"
    command = [*CLI, "build", str(REFERENCE), "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)  # warm the caches
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    CPU["cli"] = statistics.median(cpus)
    return statistics.median(walls)


def bench_batch(folder: Path, count: int, repeats: int) -> float:
    recipes = make_batch(folder, count)

    def once() -> None:
        out = folder / "packs"
        shutil.rmtree(out, ignore_errors=True)
        subprocess.run([*CLI, "build-batch", str(recipes), "-o", str(out), "--jobs", "2"],
                       check=True, capture_output=True, cwd=ROOT)

    return statistics.median(timed(once, repeats, "batch-100"))


def bench_weasyprint(repeats: int) -> float | None:
    try:
        import weasyprint  # type: ignore[import-not-found]
    except ImportError:
        return None
    from outreach_kit.assemble import build_pack, load_recipe
    from outreach_kit.content import load_library
    from outreach_kit.render.html import render_html

    library = load_library(ROOT / "content")
    recipe = load_recipe(REFERENCE, library)
    html = render_html(build_pack(library, recipe, dt.date.today()), recipe.print.options())
    weasyprint.HTML(string=html).write_pdf()  # warm-up
    return statistics.median(timed(lambda: weasyprint.HTML(string=html).write_pdf(), repeats,
                                   "weasyprint"))


def row(name: str, key: str, wall: float | None, goal: str = "", met: bool | None = None,
        rss: float | None = None) -> str:
    shown = "-" if wall is None else f"{wall:8.3f}"
    cpu = f"{CPU[key]:7.3f}" if key in CPU else "-"
    verdict = "" if met is None else "ok" if met else "SLOW"
    memory = "" if rss is None else f"{rss:7.0f} MB"
    return f"| {name:<36} | {shown:>8} | {cpu:>7} | {goal:>14} | {verdict:^5} | {memory:>10} |"


HEADER = ("| measurement                          |   wall s |   cpu s |         target |"
          "       |  peak RSS  |\n"
          "| ------------------------------------ | -------- | ------- | -------------- |"
          " ----- | ---------- |")


def print_cli(cli: float) -> None:
    print(row("outreach-kit build, whole process", "cli", cli,
              f"<= {CLI_CPU_TARGET:g} s cpu", CPU["cli"] <= CLI_CPU_TARGET,
              peak_mb(resource.RUSAGE_CHILDREN)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--cli-only", action="store_true",
                        help="only the whole-process `outreach-kit build`")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else 9
    with tempfile.TemporaryDirectory(prefix="outreach-bench-") as tmp:
        folder = Path(tmp)
        if args.cli_only:
            cli = bench_cli(repeats, folder)
            print(f"Median of {repeats} runs.\n{HEADER}")
            print_cli(cli)
            return 0
        in_process, rss_self, pages = bench_in_process(repeats)
        cli = bench_cli(repeats, folder)
        batch = bench_batch(folder, 100, 1 if args.quick else 2)
        rss_children = peak_mb(resource.RUSAGE_CHILDREN)
        weasy = bench_weasyprint(max(1, repeats // 3))
    print(f"Reference pack: {pages} A4 pages. Median of {repeats} runs (wall clock and CPU "
          "time; CPU time is steadier on a busy machine); peak RSS per process.")
    print(HEADER)
    ratio = CPU["in-process"] / CPU["floor"]
    print(row("reference pack, in-process (PDF)", "in-process", in_process,
              f"<= {FLOOR_RATIO_TARGET:g} x floor", ratio <= FLOOR_RATIO_TARGET, rss_self))
    print(row("plain ReportLab floor (bench_floor)", "floor", WALL["floor"]))
    print(f"| in-process / floor, CPU time: {ratio:.2f} x"
          f" (wall {in_process / WALL['floor']:.2f} x)")
    print_cli(cli)
    print(row("100 packs, build-batch --jobs 2", "batch-100", batch,
              f"<= {BATCH_WALL_TARGET:g} s wall", batch <= BATCH_WALL_TARGET, rss_children))
    if weasy is None:
        print("| WeasyPrint (HTML -> PDF) peer        | weasyprint not installed"
              " (pip install '.[bench]') |")
    else:
        print(row("WeasyPrint (HTML -> PDF) peer", "weasyprint", weasy))
    print("Batch CPU time is summed over both worker processes; wall time is what counts.")
    worst = max(rss_self, rss_children)
    print(f"peak RSS target <= {RSS_TARGET_MB} MB: "
          f"{'ok' if worst <= RSS_TARGET_MB else 'OVER'} ({worst:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
