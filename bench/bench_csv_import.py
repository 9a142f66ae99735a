"""CSV import of local services: how long 1,000, 2,000 and 10,000 rows take (issue 14).

Prints medians of wall and CPU seconds and the peak memory; no pass/fail. The import stops
at its row limit (service_csv.MAX_CSV_ROWS), so 2,000 and 10,000 rows are refused: the
figure is the time to that refusal. "import + save" also merges the rows into a directory
and saves it through local_services.save_change (lock, re-read, validate, atomic write).

    .venv/bin/python bench/bench_csv_import.py [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from outreach_kit.errors import SettingsError
from outreach_kit.local_services import new_directory, save_change
from outreach_kit.service_csv import merge_services, services_from_csv

HEADER = "id,name,hours,cost,for_whom,area,description,categories,phone,last_checked\n"


def csv_rows(count: int) -> bytes:
    """About 45 bytes a row, like the issue's 10,000-row file of 468 kB."""
    rows = (f"s{i},S{i},9,F,A,T,Tea,di,01314960,2026-11-01\n"
            for i in range(count))
    return (HEADER + "".join(rows)).encode("utf-8")


def measure(job: Callable[[], str], runs: int) -> tuple[float, float, str]:
    walls, cpus, outcome = [], [], ""
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        outcome = job()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), outcome


def import_only(raw: bytes) -> str:
    try:
        return f"{len(services_from_csv(raw, 'bench.csv'))} imported"
    except SettingsError as error:
        return "refused: " + str(error).splitlines()[0][:70]


def import_and_save(raw: bytes, folder: Path) -> str:
    path = folder / "bench.yaml"
    path.unlink(missing_ok=True)
    try:
        services = services_from_csv(raw, "bench.csv")
    except SettingsError as error:
        return "refused: " + str(error).splitlines()[0][:70]
    seen = new_directory("bench", "Bench", "Town")
    saved = save_change(path, seen, lambda d: merge_services(d, services))
    return f"{len(saved.services)} saved"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    print(f"{'rows':>6} {'kB':>5}  {'step':<14} {'wall s':>7} {'cpu s':>7}  outcome")
    with tempfile.TemporaryDirectory() as folder:
        for count in (1_000, 2_000, 10_000):
            raw = csv_rows(count)
            for step, job in (("import", lambda r=raw: import_only(r)),
                              ("import + save", lambda r=raw: import_and_save(r, Path(folder)))):
                wall, cpu, outcome = measure(job, runs)
                print(f"{count:>6} {len(raw) // 1000:>5}  {step:<14} {wall:>7.3f} {cpu:>7.3f}"
                      f"  {outcome}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB (median of {runs} runs each)")


if __name__ == "__main__":
    main()
