"""Whole-process speed of the command line: one pack, and a batch of 100 recipes.

    .venv/bin/python bench/bench_cli.py          # 7 builds, 3 batches
    .venv/bin/python bench/bench_cli.py --quick  # 3 builds, 1 batch

Prints medians of wall seconds and CPU seconds (the child processes' user + system time,
from ``getrusage(RUSAGE_CHILDREN)``, which stays steady on a shared machine) beside two
floors measured in the same run: a bare ``python -c pass`` and a process that only imports
ReportLab's platypus. Targets (issue 10): ``build`` <= 0.40 s CPU; ``build-batch`` of 100
recipes <= 4 s wall on two cores. Figures only; not a pass/fail test.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from outreach_kit.content import load_library

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"
CLI = [sys.executable, "-m", "outreach_kit.cli.main"]
TARGETS = {"build": ("CPU", 0.40), "build-batch 100": ("wall", 4.0)}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command: list[str], repeats: int, before=None) -> tuple[float, float, float]:
    """Median wall seconds, median CPU seconds and peak child RSS (MB) of ``command``."""
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)  # warm caches
    walls, cpus = [], []
    for _ in range(repeats):
        if before is not None:
            before()
        start, start_cpu = time.perf_counter(), children_cpu()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - start_cpu)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return statistics.median(walls), statistics.median(cpus), peak


def make_batch(folder: Path, count: int) -> Path:
    """``count`` recipes like the reference pack, each with different observations."""
    observations = sorted(_observation_ids())
    base = yaml.safe_load(REFERENCE.read_text("utf-8"))
    recipes = folder / "recipes"
    recipes.mkdir()
    for n in range(count):
        recipe = dict(base)
        recipe["person_name"] = f"Person {n}"
        recipe["observations"] = [observations[(n * 7 + k * 5) % len(observations)]
                                  for k in range(3 + n % 4)]
        (recipes / f"pack-{n:03}.yaml").write_text(yaml.safe_dump(recipe), "utf-8")
    return recipes


def _observation_ids() -> list[str]:
    return list(load_library(ROOT / "content").observations)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    builds, batches = (3, 1) if args.quick else (7, 3)
    rows: list[tuple[str, tuple[float, float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows.append(("floor: python -c pass", run_timed([sys.executable, "-c", "pass"], builds)))
        rows.append(("floor: import reportlab.platypus",
                     run_timed([sys.executable, "-c", "import reportlab.platypus"], builds)))
        rows.append(("outreach-kit --help", run_timed([*CLI, "--help"], builds)))
        rows.append(("build", run_timed([*CLI, "build", str(REFERENCE), "-o",
                                         str(folder / "x.pdf")], builds)))
        recipes = make_batch(folder, 100)
        out = folder / "packs"
        rows.append(("build-batch 100", run_timed(
            [*CLI, "build-batch", str(recipes), "-o", str(out), "--jobs", "2"], batches,
            before=lambda: shutil.rmtree(out, ignore_errors=True))))
    print(f"{'measure':34} {'wall s':>8} {'CPU s':>8}  target")
    for name, (wall, cpu, _) in rows:
        kind, target = TARGETS.get(name, ("", 0.0))
        note = f"<= {target:.2f} s {kind}" if kind else ""
        print(f"{name:34} {wall:8.3f} {cpu:8.3f}  {note}")
    print(f"peak child RSS: {max(peak for _, (_, _, peak) in rows):.0f} MB")


if __name__ == "__main__":
    main()
