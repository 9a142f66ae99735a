"""Server-side speed of the Streamlit app, measured with AppTest (no browser).

Prints medians and peak memory; no pass/fail. Targets (issue 6): first page render
<= 1.5 s, each ordinary interaction <= 0.3 s, reference pack preview ready <= 1 s. Since
issue 13 every change makes the pack again, so a tick includes making it; the round trip
in a real browser is measured by bench/bench_browser.py.

    .venv/bin/python bench/bench_app.py [--quick]

"First render" runs in a fresh process each time, after Streamlit itself is imported (the
server has imported it before any page is asked for), so it counts our imports, loading
the content library and drawing the page.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]

FIRST_RENDER = """
import json, time
from streamlit.testing.v1 import AppTest
start = time.perf_counter()
at = AppTest.from_file("app.py", default_timeout=120).run()
assert not at.exception, at.exception
print(json.dumps(time.perf_counter() - start))
"""

# The reference pack's observations (examples/reference-pack.yaml).
def reference_observations() -> list[str]:
    recipe = yaml.safe_load((ROOT / "examples" / "reference-pack.yaml").read_text("utf-8"))
    return list(recipe["observations"])


def first_render(runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", FIRST_RENDER], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout
        times.append(json.loads(out.strip().splitlines()[-1]))
    return times


def interactions(runs: int) -> tuple[list[float], list[float]]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    observations = reference_observations()
    boxes = {c.key: c for c in at.checkbox if c.key}
    ticks = []
    for obs in observations:
        start = time.perf_counter()
        boxes[f"w.obs.{obs}"].check()
        at.run()
        ticks.append(time.perf_counter() - start)
        boxes = {c.key: c for c in at.checkbox if c.key}
    for i in range(runs):
        start = time.perf_counter()
        at.text_input(key="w.wallet.1").input(f"Walk to the shop {i}")
        at.run()
        ticks.append(time.perf_counter() - start)
    # Every change makes the pack again (the summary shows its real page count and the
    # download button holds the PDF): a changed name is the reference pack made anew.
    previews = []
    for i in range(max(3, runs // 4)):
        start = time.perf_counter()
        at.text_input(key="w.person_name").input(f"Sam {i}").run()
        previews.append(time.perf_counter() - start)
        assert at.session_state["pack.made"][1].page_count > 0
    return ticks, previews


def line(name: str, values: list[float], target: float) -> str:
    median = statistics.median(values)
    verdict = "within target" if median <= target else "OVER TARGET"
    return (f"| {name} | {median:.3f} s | {min(values):.3f} s | {max(values):.3f} s | "
            f"<= {target} s | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    runs = 3 if args.quick else 7

    renders = first_render(runs)
    ticks, previews = interactions(runs * 3)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| measure | median | fastest | slowest | target | |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(line("first page render (fresh process)", renders, 1.5))
    print(line("ordinary interaction (tick, type)", ticks, 0.3))
    print(line("reference pack preview ready (PDF)", previews, 1.0))
    print(f"\npeak RSS of the measuring process: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
