"""axe-core finds no accessibility violations in a pack's HTML export in another language.

axe-core comes inside the ``axe-playwright-python`` package (nothing is fetched); the page
is opened from memory in Debian's chromium, as in the browser test.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from translation_fixtures import copy_content, write_module_translation

from outreach_kit.assemble.pack import build_pack
from outreach_kit.assemble.recipe import Recipe
from outreach_kit.content.loader import load_library
from outreach_kit.render.html import render_html

from .conftest import CHROMIUM, CHROMIUM_ARGS, _browser_available

pytestmark = pytest.mark.e2e

SENTENCES = {"ar": "النالوكسون دواء يمكن أن ينقذ حياة.",
             "pl": "Nalokson to lek, który ratuje życie.",
             "uk": "Налоксон - це ліки, які рятують життя."}


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_translated_html_has_no_axe_violations(tmp_path: Path, language: str) -> None:
    _browser_available()
    content = copy_content(tmp_path)
    for n, module_id in enumerate(("help-right-now", "safer-naloxone"), start=1):
        write_module_translation(content, language, module_id, SENTENCES[language],
                                 title=f"{SENTENCES[language]} {n}")
    recipe = Recipe(language=language, modules=["safer-naloxone"],
                    services={"areas": ["Scotland"]})
    html = render_html(build_pack(load_library(content), recipe, dt.date(2026, 11, 29)))
    assert SENTENCES[language] in html
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            outside: list[str] = []
            page.on("request", lambda request: outside.append(request.url)
                    if not request.url.startswith(("data:", "about:")) else None)
            page.set_content(html)
            results = Axe().run(page)
        finally:
            browser.close()
    assert outside == []
    violations = [(v["id"], v["help"]) for v in results.response["violations"]]
    assert violations == []
