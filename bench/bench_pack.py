"""Benchmark: how fast packs are made, and how much memory it takes.

    .venv/bin/python bench/bench_pack.py          # full run (about a minute)
    .venv/bin/python bench/bench_pack.py --quick  # fewer repeats

Prints medians and peak memory (resident set size) for:
1. the reference pack (examples/reference-pack.yaml) built and rendered to PDF in-process;
2. the CLI as a whole process (``outreach-kit build``, start-up included);
3. a batch of 100 recipes (``outreach-kit build-batch``, both cores);
4. as a peer, the same pack's HTML rendered to PDF by WeasyPrint, when it is installed.
Targets on a 2-core machine: 0.3 s, 1.5 s, 30 s, 200 MB. This prints figures; it is not a
pass/fail test.
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

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
CLI = [sys.executable, "-m", "outreach_kit.cli.main"]
TARGETS = {"in-process": 0.3, "cli": 1.5, "batch-100": 30.0}
RSS_TARGET_MB = 200


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (steady on a busy machine)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


CPU: dict[str, float] = {}  # median CPU seconds per measurement, filled by timed()


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
    return (statistics.median(timed(once, repeats, "in-process")),
            peak_mb(resource.RUSAGE_SELF), pages)


def bench_cli(repeats: int, folder: Path) -> float:
    out = folder / "cli.pdf"

    def once() -> None:
        subprocess.run([*CLI, "build", str(REFERENCE), "-o", str(out)], check=True,
                       capture_output=True, cwd=ROOT)

    once()  # warm the file cache and bytecode
    return statistics.median(timed(once, repeats, "cli"))


def make_batch(folder: Path, count: int) -> Path:
    import yaml

    from outreach_kit.content import load_library

    library = load_library(ROOT / "content")
    observations = sorted(library.observations)
    base = yaml.safe_load(REFERENCE.read_text())
    recipes = folder / "recipes"
    recipes.mkdir()
    for n in range(count):
        recipe = dict(base)
        recipe["person_name"] = f"Person {n}"
        recipe["observations"] = [observations[(n * 7 + k * 5) % len(observations)]
                                  for k in range(3 + n % 4)]
        (recipes / f"pack-{n:03}.yaml").write_text(yaml.safe_dump(recipe))
    return recipes


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


def row(name: str, key: str, seconds: float | None, target: float | None,
        rss: float | None) -> str:
    shown = "-" if seconds is None else f"{seconds:8.3f}"
    cpu = f"{CPU[key]:7.3f}" if key in CPU else "-"
    goal = "" if target is None else f"<= {target:g} s"
    verdict = "" if seconds is None or target is None else (
        "ok" if seconds <= target else "SLOW")
    memory = "" if rss is None else f"{rss:7.0f} MB"
    return f"| {name:<34} | {shown:>8} | {cpu:>7} | {goal:>9} | {verdict:^5} | {memory:>10} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else 9
    with tempfile.TemporaryDirectory(prefix="outreach-bench-") as tmp:
        folder = Path(tmp)
        in_process, rss_self, pages = bench_in_process(repeats)
        cli = bench_cli(repeats, folder)
        batch = bench_batch(folder, 100, 1 if args.quick else 2)
        rss_children = peak_mb(resource.RUSAGE_CHILDREN)
        weasy = bench_weasyprint(max(1, repeats // 3))
    print(f"Reference pack: {pages} A4 pages. Median of {repeats} runs (wall clock and CPU "
          "time; CPU time is steadier on a busy machine); peak RSS per process.")
    print("| measurement                        |   wall s |   cpu s |    target |       |"
          "  peak RSS  |")
    print("| ---------------------------------- | -------- | ------- | --------- | ----- |"
          " ---------- |")
    print(row("reference pack, in-process (PDF)", "in-process", in_process,
              TARGETS["in-process"], rss_self))
    print(row("CLI whole process (outreach-kit)", "cli", cli, TARGETS["cli"], rss_children))
    print(row("100 packs, build-batch --jobs 2", "batch-100", batch, TARGETS["batch-100"],
              rss_children))
    if weasy is None:
        print("| WeasyPrint (HTML -> PDF) peer      | weasyprint not installed"
              " (pip install '.[bench]')        |")
    else:
        print(row("WeasyPrint (HTML -> PDF) peer", "weasyprint", weasy, None, None))
    print("Batch CPU time is summed over both worker processes; wall time is what counts.")
    worst = max(rss_self, rss_children)
    print(f"peak RSS target <= {RSS_TARGET_MB} MB: "
          f"{'ok' if worst <= RSS_TARGET_MB else 'OVER'} ({worst:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
