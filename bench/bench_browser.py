"""A tick in a real browser: click a box on Make a pack until the app has drawn the new
summary (the pack made again, with its page count). Target (issue 13): median <= 0.3 s.

    .venv/bin/python bench/bench_browser.py [--ticks N]

Starts the app on a free port, drives Debian's chromium with Playwright (as the browser
test does), ticks and unticks one box N times, and prints the median, fastest and slowest.
Beside the wall time it prints the app server's CPU seconds per tick (from /proc, on Linux):
on a shared machine the wall time also counts other processes, the CPU time does not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from e2e.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port, settle  # noqa: E402

# Measured inside the page: from the click (pointer down; Playwright's own checks before it
# are left out) until the app has started a run for it and finished it (its script state
# goes to "running", then "notRunning").
WATCH = """
window.tickDone = new Promise((done) => {
  const app = document.querySelector('[data-testid="stApp"]');
  let start = performance.now();
  document.addEventListener("pointerdown", () => { start = performance.now(); },
                            {capture: true, once: true});
  let ran = false;
  const watcher = new MutationObserver(() => {
    const state = app.getAttribute("data-test-script-state");
    ran = ran || state === "running";
    if (ran && state === "notRunning") { watcher.disconnect(); done(performance.now() - start); }
  });
  watcher.observe(app, {attributes: true});
});
undefined;  // (evaluate would otherwise wait for the promise)
"""


def start_app(port: int) -> subprocess.Popen[bytes]:
    import urllib.request

    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the app did not start")


def server_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) the process has used so far; None without /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tick_times(url: str, ticks: int, pid: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    times, cpus = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(f"{url}/pack")
        settle(page)
        page.get_by_label("Search what you have noticed", exact=True).fill("pain")
        page.keyboard.press("Enter")
        settle(page)
        box = page.get_by_text("Says doctors did not take their pain seriously", exact=True)
        for _ in range(ticks):
            page.evaluate(WATCH)
            before = server_cpu(pid)
            box.click()
            times.append(page.evaluate("window.tickDone") / 1000)
            after = server_cpu(pid)
            if before is not None and after is not None:
                cpus.append(after - before)
        browser.close()
    return times, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ticks", type=int, default=20)
    args = parser.parse_args()
    port = _free_port()
    server = start_app(port)
    try:
        times, cpus = tick_times(f"http://127.0.0.1:{port}", args.ticks, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    median = statistics.median(times)
    verdict = "within target" if median <= 0.3 else "OVER TARGET"
    print("| measure | median | fastest | slowest | target | |")
    print("| --- | --- | --- | --- | --- | --- |")
    print(f"| tick round trip in Chromium (pack made again) | {median:.3f} s | "
          f"{min(times):.3f} s | {max(times):.3f} s | <= 0.3 s | {verdict} |")
    if cpus:
        print(f"| app server CPU per tick | {statistics.median(cpus):.3f} s | {min(cpus):.3f} s "
              f"| {max(cpus):.3f} s | | |")


if __name__ == "__main__":
    main()
