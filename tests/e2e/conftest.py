"""The running app and a real browser for the end-to-end tests.

Uses Debian's chromium (installed by `.ci/install-system-deps`) through Python Playwright,
and axe-core from the `axe-playwright-python` package (no download at run time). In CI a
missing browser is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-dev-shm-usage", "--disable-quic",
]
# axe-core rules for WCAG 2.1 A and AA, violations only (every page is checked against them)
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


def _browser_available() -> bool:
    if Path(CHROMIUM).exists():
        return True
    if os.environ.get("CI"):
        pytest.fail("chromium is not installed: run `bash .ci/install-system-deps`")
    pytest.skip("chromium is not installed here (CI installs it and always runs this test)")
    return False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def running_app(tmp_path: Path):
    _browser_available()
    port = _free_port()
    env = dict(os.environ, OUTREACH_KIT_SETTINGS=str(tmp_path))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                output = server.stdout.read().decode(errors="replace") if server.stdout else ""
                pytest.fail(f"the app did not start:\n{output[-2000:]}")
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def settle(page) -> None:
    """Wait until the app has finished the run the last action started."""
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=60_000)


class OutsideRequests(list):
    """Every request from the page to anywhere but 127.0.0.1 (there must be none)."""

    def watch(self, page) -> None:
        page.on("request", lambda request: self.record(request.url))
        page.on("websocket", lambda ws: self.record(ws.url))

    def record(self, url: str) -> None:
        host = urlparse(url).hostname
        if url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            self.append(url)


