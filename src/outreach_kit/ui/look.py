"""How every page looks and how a worker moves between pages.

The app draws its own navigation (``st.navigation(position="hidden")`` plus page links):
Streamlit's sidebar menu fails axe-core's list rules and hides behind an unlabelled icon on
a phone. Colours come from ``.streamlit/config.toml``; the few rules below fix contrast and
focus where the theme cannot, keep the pack summary in view, show every chosen item of a
list (not one scrolling line) and long labels in full, and show a page menu on phones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from ..errors import OutreachKitError
from ..settings import load_logo, load_settings

INK = "#1b1f24"        # body text: 16:1 on white
QUIET_INK = "#4a5260"  # captions and hints: 7.6:1 on white, 7:1 on the sidebar grey
FOCUS = "#0b5563"      # the primary colour (config.toml): 8:1 on white

CSS = f"""
<style>
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] p, [data-testid="stTooltipHoverTarget"] svg,
[data-testid="stMarkdownContainer"] small {{ color: {QUIET_INK} !important; opacity: 1; }}
[data-testid="stSidebar"] [data-testid="stCaptionContainer"] p {{ color: {QUIET_INK}; }}
input::placeholder, textarea::placeholder {{ color: {QUIET_INK} !important; opacity: 1; }}
*:focus-visible {{ outline: 3px solid {FOCUS} !important; outline-offset: 2px; }}
[data-testid="stCheckbox"] label:has(input:focus-visible) {{
  outline: 3px solid {FOCUS}; outline-offset: 2px; border-radius: 4px; }}
[data-testid="stColumn"]:has(.st-key-pack_summary) {{
  position: sticky; top: 3.5rem; align-self: flex-start; z-index: 2; }}
[data-testid="stMultiSelectTagsContainer"] {{ flex-wrap: wrap !important;
  overflow-x: visible !important; }}
[data-testid="stMultiSelect"] div:has(> [data-testid="stMultiSelectTagsContainer"]) {{
  max-height: none !important; height: auto !important; }}
[data-testid="stCheckbox"] label p, [data-testid="stCheckbox"] label div {{
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }}
.st-key-phone_nav {{ display: none; }}
[data-testid="stMainBlockContainer"] {{ padding-top: 2.5rem; }}
@media (max-width: 640px) {{
  .st-key-phone_nav {{ display: flex; }}
  [data-testid="stColumn"]:has(.st-key-pack_summary) {{ position: static; }}
}}
</style>
"""


# Streamlit's text areas have no autocomplete option: tell the browser not to remember
# what is typed in any of them (run once per browser tab, then for each new text area).
NO_AUTOFILL = """
<script>
if (!window.outreachKitNoAutofill) {
  window.outreachKitNoAutofill = true;
  const off = () => document.querySelectorAll("textarea:not([autocomplete=off])")
    .forEach((box) => box.setAttribute("autocomplete", "off"));
  off();
  new MutationObserver(off).observe(document.body, {childList: true, subtree: true});
}
</script>
"""


@dataclass(frozen=True)
class PageEntry:
    render: Callable[[], None]
    title: str
    url_path: str
    group: str


def navigation(pages: list[PageEntry]) -> st.Page:
    """Register the pages (each with its own address: /pack, /letter ...) and draw the
    app's own menu: in the sidebar, and at the top of the page on a phone."""
    registered = [st.Page(p.render, title=p.title, url_path=p.url_path) for p in pages]
    # Streamlit serves the default page at "/" only (its own url_path would say "Page not
    # found"), so "/" is a page of its own that moves on to the first page, at its address.
    def go_to_first_page() -> None:
        st.switch_page(registered[0])

    home = st.Page(go_to_first_page, title=pages[0].title, url_path="home", default=True)
    current = st.navigation([home, *registered], position="hidden")
    st.html(CSS)
    st.html(NO_AUTOFILL, unsafe_allow_javascript=True)  # our own script, no user text
    _sidebar_brand()
    groups = dict.fromkeys(p.group for p in pages)
    for group in groups:
        st.sidebar.markdown(f"**{group}**")
        for entry, page in zip(pages, registered, strict=True):
            if entry.group == group:
                st.sidebar.page_link(page, label=entry.title)
    st.sidebar.caption("Nothing about the person is saved. Download what you need before "
                       "you close this page.")
    with st.container(key="phone_nav", horizontal=True, gap="small"):
        st.markdown("**Pages:**")
        for entry, page in zip(pages, registered, strict=True):
            st.page_link(page, label=entry.title)
    return current


def _sidebar_brand() -> None:
    """The organisation's name and logo, when they are set (never client data)."""
    try:
        settings = load_settings()
        logo = load_logo() if settings.has_logo else None
    except OutreachKitError:
        return  # the Organisation page says what is wrong
    if logo:
        st.sidebar.image(logo, width=160, caption=None)
    if settings.organisation:
        st.sidebar.markdown(f"**{escape_markdown(settings.organisation)}**")


def escape_markdown(text: str) -> str:
    """Text shown through st.markdown as written, never as markup."""
    special = "\\`*_{}[]<>()#+-.!|~$"
    return "".join(f"\\{c}" if c in special else c for c in text)
