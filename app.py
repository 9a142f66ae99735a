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

# No page_icon and no st.Page icons: the current page's ":material/..." icon becomes the
# favicon, which the browser fetches from Google's servers (the browser test caught it).
# Streamlit's own favicon is served locally.
st.set_page_config(page_title="Outreach Kit", layout="wide")

navigation = st.navigation(
    {
        "Make": [
            st.Page(page_pack.render, title="Make a pack", url_path="pack", default=True),
            st.Page(page_letter.render, title="Write a letter", url_path="letter"),
            st.Page(page_training.render, title="Training", url_path="training"),
        ],
        "Manage": [
            st.Page(page_library.render, title="Content library", url_path="library"),
            st.Page(page_services.render, title="Local services", url_path="services"),
            st.Page(page_organisation.render, title="Organisation", url_path="organisation"),
        ],
    }
)
st.sidebar.caption("Nothing about the person is saved. Download the pack before you close "
                   "this page.")
run_guarded(navigation.run)
