"""The summary beside the pack: what will print, its page count, the print options, one
download button, "Start again", and the place for notices meant for the worker.

The pack is laid out again whenever the choices change, so the page count is the real one;
the file is made when the button is clicked. It is kept in this session only ("pack."
keys, which Start again drops).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from ..assemble.choices import PackChoices
from ..content.library import ContentLibrary
from ..document import Document
from ..errors import OutreachKitError
from ..formats import FORMATS, PROFILES, formats_for
from ..pack_preview import PackPreview, preview_pack
from ..translations.files import language_choices
from .common import guarded_file, kept_widget, stamp, start_again

MADE_KEY = "pack.made"  # (stamp of the choices, PackPreview)

# Notices for the worker shown under the download button (never printed): each returns
# lines about the pack as made, for example pages awaiting review or a language note.
WorkerNotice = Callable[[ContentLibrary, Document], list[str]]


def print_options(library: ContentLibrary,
                  default_profiles: list[str]) -> tuple[str, list[str], str]:
    """The language, the print profiles and the file format (profiles and formats read
    from the registry in formats.py, languages from the translations there are)."""
    languages = language_choices(library)
    language = kept_widget(st.selectbox, "Language", "w.language", "en",
                           options=list(languages), format_func=languages.get)
    profiles = kept_widget(st.multiselect, "Print", "w.profiles", default_profiles,
                           options=list(PROFILES), format_func=PROFILES.get,
                           placeholder="Standard A4")
    formats = list(formats_for("pack"))
    fmt = kept_widget(st.radio, "File", "w.format", formats[0], options=formats,
                      format_func=lambda f: FORMATS[f].label, horizontal=True)
    return language or "en", profiles, fmt


def made(library: ContentLibrary, choices: PackChoices, letter: dict[str, Any] | None,
         allow_unreviewed: bool) -> PackPreview:
    """The pack for these choices, made once per change (RecipeError when not valid)."""
    key = stamp(choices, letter["stamp"] if letter else None, allow_unreviewed)
    kept = st.session_state.get(MADE_KEY)
    if kept is None or kept[0] != key:
        st.session_state.pop(MADE_KEY, None)  # never keep a pack that no longer matches
        preview = preview_pack(library, choices, dt.date.today(),
                               letter["section"] if letter else None, allow_unreviewed)
        st.session_state[MADE_KEY] = kept = (key, preview)
    result: PackPreview = kept[1]
    return result


def summary(library: ContentLibrary, choices: PackChoices, letter: dict[str, Any] | None,
            fmt: str, places: tuple[Any, Any], notices: list[WorkerNotice],
            allow_unreviewed: bool = True) -> None:
    """Page count and contents in the first place, the one download button and the
    worker's notices in the second (the print options sit between them)."""
    top, bottom = places
    try:
        preview = made(library, choices, letter, allow_unreviewed)
    except OutreachKitError as error:
        top.error(f"The pack cannot be made yet: {error}", icon=":material/error:")
        return
    name = choices.person_name.strip()
    top.markdown(f"**{preview.page_count} pages**, " + ("with their name on the cover"
                 if name else "with a neutral cover (no name)"))
    top.caption(f"{_count(len(choices.observations), 'thing')} noticed · "
                f"{_count(len(choices.modules or ()), 'page')} chosen for them · "
                f"{_count(len(choices.service_ids), 'service')} · wallet card")
    top.expander("Contents").markdown("\n".join(f"1. {title}" for title in preview.contents))
    kind = FORMATS[fmt]
    # Made when the button is clicked (Streamlit calls it then), not on every change.
    bottom.download_button(f"Download the pack ({kind.label})",
                           guarded_file(partial(preview.file, fmt)),
                           file_name=f"pack{kind.suffix}", mime=kind.mime, on_click="ignore",
                           type="primary", key="download.pack", width="stretch")
    for notice in notices:
        for line in notice(library, preview.made.document):
            bottom.info(line, icon=":material/info:")


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def start_again_button() -> None:
    """Clear everything for a new person, only after the worker says yes: one click (or
    Enter) on the button must never lose a pack that is half made."""
    if st.button("Start again for a new person", key="start_again",
                 help="Clears every detail, choice, letter and file from this session."):
        st.session_state["start_again.asked"] = True
    if not st.session_state.get("start_again.asked"):
        return
    st.warning("Clear every detail, choice, letter and file? This cannot be undone. "
               "Download anything you need first.")
    yes, no = st.columns(2)
    if yes.button("Yes, clear everything", key="start_again.yes"):
        del st.session_state["start_again.asked"]
        start_again()
        st.rerun()
    if no.button("No, keep my work", key="start_again.no"):
        del st.session_state["start_again.asked"]
        st.rerun()
