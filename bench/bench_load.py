"""How long loading the content library takes, and how much memory it needs.

Prints figures only (no pass/fail): the app loads the library once per server start, and
``outreach-kit validate`` loads and checks it once per run.

    .venv/bin/python bench/bench_load.py [CONTENT_DIR] [-n RUNS]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

from outreach_kit.content import default_content_dir, load_library
from outreach_kit.language import check_library


def timed(func, runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds per run (CPU time is steadier on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content_dir", nargs="?", type=Path, default=default_content_dir())
    parser.add_argument("-n", "--runs", type=int, default=20)
    args = parser.parse_args()

    start = time.perf_counter()
    library = load_library(args.content_dir)
    check_library(library)  # first call imports textstat (and NLTK) and loads the dictionary
    first = time.perf_counter() - start
    print(f"content: {args.content_dir} ({len(library.modules)} modules, "
          f"{len(library.services)} services, {len(library.problems)} problems)")
    print(f"first load + language check (imports, dictionary): {first * 1000:.0f} ms")

    loads = timed(lambda: load_library(args.content_dir), args.runs)
    checks = timed(lambda: check_library(library), args.runs)
    for name, (wall, cpu) in (("load_library", loads), ("check_library", checks)):
        print(f"{name:14} median {statistics.median(wall) * 1000:6.1f} ms "
              f"(CPU {statistics.median(cpu) * 1000:6.1f} ms)   "
              f"max {max(wall) * 1000:6.1f} ms   ({args.runs} runs)")

    tracemalloc.start()
    load_library(args.content_dir)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak memory while loading: {peak / 1_000_000:.1f} MB (tracemalloc)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000  # kB on Linux
    print(f"peak resident size of this process: {rss:.0f} MB (with textstat and NLTK)")


if __name__ == "__main__":
    main()
