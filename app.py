"""Outreach Kit app: `streamlit run app.py` (see README). Pages live in outreach_kit.ui."""

from __future__ import annotations

import streamlit as st

from outreach_kit.ui import (
    page_letter,
    page_library,
    page_organisation,
    page_pack,
    page_services,
    page_training,
)
from outreach_kit.ui.common import run_guarded
from outreach_kit.ui.look import PageEntry, navigation

# No page_icon and no st.Page icons: the current page's ":material/..." icon becomes the
# favicon, which the browser fetches from Google's servers (the browser test caught it).
# Streamlit's own favicon is served locally.
st.set_page_config(page_title="Outreach Kit", layout="wide")

page = navigation([
    PageEntry(page_pack.render, "Make a pack", "pack", "Make"),
    PageEntry(page_letter.render, "Write a letter", "letter", "Make"),
    PageEntry(page_training.render, "Training", "training", "Make"),
    PageEntry(page_library.render, "Content library", "library", "Manage"),
    PageEntry(page_services.render, "Local services", "services", "Manage"),
    PageEntry(page_organisation.render, "Organisation", "organisation", "Manage"),
])
run_guarded(page.run)
