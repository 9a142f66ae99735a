"""The Easy Read web page in a real browser: 0 axe-core violations, no request leaves the
device, the read-aloud script runs under the strict security policy (allowed by its hash),
the button appears only where the device has a local voice, and it reads the page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from outreach_kit.assemble.recipe import load_recipe
from outreach_kit.outputs import make_pack

from .conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, WCAG_AA, _browser_available

pytestmark = pytest.mark.e2e

NO_SPEECH = "delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;"
# A device with one local voice; what it is asked to say is kept for the test to read.
FAKE_VOICE = """
window.spoken = [];
const voice = {lang: 'en-GB', localService: true, name: 'Local'};
const synth = new EventTarget();
synth.speaking = false;
synth.getVoices = () => [voice];
synth.speak = (u) => { window.spoken.push(u.text); synth.speaking = true; };
synth.cancel = () => { synth.speaking = false; };
Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
window.SpeechSynthesisUtterance = function (text) { this.text = text; };
"""


@pytest.fixture(scope="module")
def easy_read_page(library, tmp_path_factory) -> Path:
    _browser_available()
    recipe = load_recipe(ROOT / "examples" / "reference-pack.yaml", library)
    made = make_pack(library, recipe, dt.date(2026, 11, 29), profiles=["easy-read"])
    page = tmp_path_factory.mktemp("html") / "pack.html"
    page.write_bytes(made.render("html"))
    return page


def _open(playwright, path: Path, init_script: str):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    page = browser.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:"))
            else requests.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(init_script)
    page.goto(path.as_uri())
    return browser, page, requests, problems


def test_easy_read_page_passes_axe_and_reads_aloud_with_a_local_voice(easy_read_page):
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser, page, requests, problems = _open(playwright, easy_read_page, FAKE_VOICE)
        try:
            button = page.locator("#read-aloud")
            button.wait_for(state="visible")
            violations = Axe().run(page, options=WCAG_AA).response["violations"]
            assert [v["id"] for v in violations] == []
            button.click()
            spoken = page.evaluate("window.spoken")
            assert len(spoken) == 1 and "Help right now" in spoken[0]
            assert button.inner_text() == "Stop reading"
            button.click()
            assert button.inner_text() == "Read this page aloud"
        finally:
            browser.close()
    assert problems == []  # a script refused by the security policy would be reported here
    assert requests == []


def test_no_button_where_speech_is_unsupported(easy_read_page):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser, page, requests, problems = _open(playwright, easy_read_page, NO_SPEECH)
        try:
            page.wait_for_load_state("load")
            assert page.locator("#read-aloud").is_hidden()
            assert page.locator("svg[role=img]").count() >= 20
        finally:
            browser.close()
    assert problems == [] and requests == []
