"""One real-browser run: start the app, make a pack, download the PDF, check it.

Uses Debian's chromium (installed by `.ci/install-system-deps`) through Python Playwright.
Fails if any request from the page goes anywhere but 127.0.0.1. In CI a missing browser is
a failure, never a silent skip.
"""

from __future__ import annotations

import io
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
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--disable-dev-shm-usage", "--disable-quic",
]

pytestmark = pytest.mark.e2e


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


def _settle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]',
                           timeout=60_000)


def test_make_a_pack_in_a_real_browser(running_app: str, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []

    def record(url: str) -> None:
        host = urlparse(url).hostname
        if url.startswith(("http:", "https:", "ws:", "wss:")) and host != "127.0.0.1":
            outside.append(url)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(accept_downloads=True, viewport={"width": 1280,
                                                                        "height": 1600})
        page = context.new_page()
        page.on("request", lambda request: record(request.url))
        page.on("websocket", lambda ws: record(ws.url))
        try:
            page.goto(running_app)
            _settle(page)
            page.get_by_text("Nothing about the person is saved").first.wait_for()
            page.get_by_label("Name they like to be called").fill("Sam")
            page.get_by_label("Name they like to be called").press("Enter")
            _settle(page)
            page.get_by_text("1. Drugs as a self-regulator").click()
            _settle(page)
            page.get_by_text("Says using is the only way to switch off").click()
            _settle(page)
            page.get_by_role("button", name="Make the pack").click()
            _settle(page)
            download_button = page.get_by_role("button", name="Download PDF")
            download_button.wait_for(timeout=60_000)
            with page.expect_download() as info:
                download_button.click()
            pdf_path = tmp_path / "pack.pdf"
            info.value.save_as(pdf_path)
            # The screenshot shows a (made-up) client name: it stays in the test's tmp folder.
            page.screenshot(path=str(tmp_path / "make-a-pack.png"), full_page=True)
        finally:
            browser.close()

    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    assert "For Sam" in text
    assert "116 123" in text
    assert "needing to switch off" in text  # the module suggested for what was ticked
    assert (tmp_path / "make-a-pack.png").stat().st_size > 10_000
    assert len(reader.pages) >= 8
    assert not outside, f"requests left 127.0.0.1: {outside}"
