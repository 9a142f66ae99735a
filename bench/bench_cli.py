"""Whole-process speed of the command line: one pack, and a batch of 100 recipes.

    .venv/bin/python bench/bench_cli.py          # 7 builds, 3 batches
    .venv/bin/python bench/bench_cli.py --quick  # 3 builds, 1 batch
    .venv/bin/python bench/bench_cli.py --against ../other/src  # this code against another

Prints medians of wall seconds and CPU seconds (the child processes' user + system time,
from ``getrusage(RUSAGE_CHILDREN)``, which stays steadier than wall time on a shared
machine) beside two floors measured in the same run: a bare ``python -c pass`` and a
process that only imports ReportLab's platypus; and the peak resident memory of any child
so far. Targets (issue 10): ``build`` <= 0.40 s CPU; ``build-batch`` of 100 recipes <= 4 s
wall on two cores. Figures only; not a pass/fail test.

``build`` is timed as a user runs it again and again: with Python's compiled bytecode
written (the benchmark clears ``PYTHONDONTWRITEBYTECODE``, which some shells set) and with
the command line's cache (``outreach_kit.user_cache``, here in a temporary folder) filled
by the warm-up run. "build, nothing kept" switches that cache off: the first build after
the content or the program changed.

``--against SRC`` compares ``build`` with the package in another checkout's ``src``
folder (``git worktree add ../before main``, say): 30 builds of each and of the floor,
taken in turn, so that a change of a few ms shows through the host's noise. Each side keeps
its own cache.
"""

from __future__ import annotations

import argparse
import os
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
_SCRIPT = Path(sys.executable).parent / "outreach-kit"  # what a user runs
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "outreach_kit.cli.main"]
TARGETS = {"build": ("CPU", 0.40), "build-batch 100": ("wall", 4.0)}
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one run of ``command``."""
    start, start_cpu = time.perf_counter(), children_cpu()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT, env=env)
    return time.perf_counter() - start, children_cpu() - start_cpu


def run_timed(command: list[str], repeats: int, before=None,
              env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Median wall seconds, median CPU seconds and peak child RSS (MB) of ``command``."""
    env = env or ENV
    run_once(command, env)  # warm up
    walls, cpus = [], []
    for _ in range(repeats):
        if before is not None:
            before()
        wall, cpu = run_once(command, env)
        walls.append(wall)
        cpus.append(cpu)
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


def compare(other_src: Path, rounds: int = 30) -> None:
    """Median and lowest CPU seconds of ``build`` here and with ``other_src``, in turn."""
    with tempfile.TemporaryDirectory() as tmp:
        output = str(Path(tmp) / "x.pdf")
        # what the `outreach-kit` script runs, with the package found through PYTHONPATH
        program = "import sys; from outreach_kit.cli.main import main; sys.exit(main())"
        build = [sys.executable, "-c", program, "build", str(REFERENCE), "-o", output,
                 "--force"]
        floor = [sys.executable, "-c", "import reportlab.platypus"]
        sides = {f"build, {ROOT / 'src'}": (build, {"PYTHONPATH": str(ROOT / "src")}),
                 f"build, {other_src}": (build, {"PYTHONPATH": str(other_src)}),
                 "floor: import reportlab.platypus": (floor, {})}
        envs = {name: {**ENV, **extra, "OUTREACH_KIT_CACHE": str(Path(tmp) / f"cache{n}")}
                for n, (name, (_, extra)) in enumerate(sides.items())}
        for name, (command, _) in sides.items():  # fill each side's cache
            run_once(command, envs[name])
        cpus: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(rounds):
            for name, (command, _) in sides.items():
                cpus[name].append(run_once(command, envs[name])[1])
    print(f"{'CPU s of ' + str(rounds) + ' runs each, in turn':44} {'median':>8} {'lowest':>8}")
    for name, found in cpus.items():
        print(f"{name[:44]:44} {statistics.median(found):8.3f} {min(found):8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--against", type=Path, metavar="SRC",
                        help="compare build with the package in this src folder")
    args = parser.parse_args()
    if args.against:
        if args.against.resolve() == (ROOT / "src").resolve():
            parser.error("--against names this checkout's own src folder")
        compare(args.against.resolve())
        return
    builds, batches = (3, 1) if args.quick else (7, 3)
    rows: list[tuple[str, tuple[float, float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ENV["OUTREACH_KIT_CACHE"] = str(folder / "cache")
        rows.append(("floor: python -c pass", run_timed([sys.executable, "-c", "pass"], builds)))
        rows.append(("floor: import reportlab.platypus",
                     run_timed([sys.executable, "-c", "import reportlab.platypus"], builds)))
        rows.append(("outreach-kit --help", run_timed([*CLI, "--help"], builds)))
        build = [*CLI, "build", str(REFERENCE), "-o", str(folder / "x.pdf"), "--force"]
        rows.append(("build", run_timed(build, builds)))
        rows.append(("build, nothing kept", run_timed(
            build, builds, env={**ENV, "OUTREACH_KIT_CACHE": "off"})))
        recipes = make_batch(folder, 100)
        out = folder / "packs"
        rows.append(("build-batch 100", run_timed(
            [*CLI, "build-batch", str(recipes), "-o", str(out), "--jobs", "2"], batches,
            before=lambda: shutil.rmtree(out, ignore_errors=True))))
    print(f"{'measure':34} {'wall s':>8} {'CPU s':>8} {'peak MB':>8}  target")
    for name, (wall, cpu, peak) in rows:
        kind, target = TARGETS.get(name, ("", 0.0))
        note = f"<= {target:.2f} s {kind}" if kind else ""
        print(f"{name:34} {wall:8.3f} {cpu:8.3f} {peak:8.0f}  {note}")
    print("(peak MB: the largest resident size of any process run so far, this one included)")


if __name__ == "__main__":
    main()
