"""Helpers shared by the Streamlit pages: the cached library, errors, kept values.

Only content (never client data) is cached across sessions. Anything about a person lives
in this session's ``st.session_state`` and in the files handed back to the user.
"""

from __future__ import annotations

import hashlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from ..content import ContentLibrary, default_content_dir, load_library
from ..errors import OutreachKitError, Problem, RenderError
from ..language import item_readability
from ..language.reading_ease import Readability
from ..validate import validate_library


def privacy_line(what: str) -> str:
    return (f"Nothing about the person is saved. Download the {what} before you close this "
            "page.")


PRIVACY_LINE = privacy_line("pack")


def content_stamp(root: Path) -> float:
    """Latest change time of any content file, so edits made in the app reload the cache."""
    stamps = [p.stat().st_mtime for p in root.rglob("*.yaml")]
    return max(stamps, default=0.0) + len(stamps)


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_library(root: str, stamp: float) -> ContentLibrary:
    return load_library(Path(root))


def get_library() -> ContentLibrary:
    root = default_content_dir()
    return _cached_library(str(root), content_stamp(root))


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_validation(root: str, stamp: float) -> list[Problem]:
    return validate_library(_cached_library(root, stamp))


def get_validation() -> list[Problem]:
    root = default_content_dir()
    return _cached_validation(str(root), content_stamp(root))


@st.cache_resource(show_spinner=False, max_entries=4)
def _cached_module_scores(root: str, stamp: float) -> dict[str, Readability | None]:
    return {m.id: item_readability(m) for m in _cached_library(root, stamp).modules.values()}


def get_module_scores() -> dict[str, Readability | None]:
    """Reading ease of every module (content only, so one copy serves every session)."""
    root = default_content_dir()
    return _cached_module_scores(str(root), content_stamp(root))


def run_guarded(page: Callable[[], None]) -> None:
    """Run one page. A bug shows plain words and is logged as its type and code lines only.

    Streamlit would otherwise log the whole exception, whose message can quote what was
    typed about a client. (Streamlit's own rerun and stop signals are BaseExceptions and
    pass straight through.)
    """
    try:
        page()
    except Exception as error:
        _log_withheld("page", error)
        st.error("Something went wrong on this page. Nothing was saved. Please try again, "
                 f"and tell whoever looks after this computer (error: {type(error).__name__}).")


def guarded_file(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """``make`` for a download button, which Streamlit calls when the button is clicked,
    outside the page and :func:`run_guarded`; what it raises, Streamlit logs and shows with
    its message. So a bug becomes a plain RenderError, logged as for a page."""

    def guarded() -> bytes:
        try:
            return make()
        except OutreachKitError:
            raise  # plain words already, never client text
        except Exception as error:
            _log_withheld("download", error)
            raise RenderError("The file could not be made. Nothing was saved. Please try "
                              "again, and tell whoever looks after this computer (error: "
                              f"{type(error).__name__}).") from None

    return guarded


def _log_withheld(where: str, error: Exception) -> None:
    frames = "".join(traceback.format_tb(error.__traceback__))
    print(f"Outreach Kit {where} error ({type(error).__name__}); message withheld:\n{frames}",
          file=sys.stderr)


def show_error(error: OutreachKitError) -> None:
    """Plain words for the person at the keyboard; never a traceback."""
    st.error(str(error), icon=":material/error:")


def kept(key: str, default: Any = None) -> Any:
    """A value kept for this session across page switches (widget state is not)."""
    return st.session_state.get(f"kept.{key}", default)


def keep(key: str, value: Any) -> None:
    st.session_state[f"kept.{key}"] = value


def kept_widget(widget: Callable[..., Any], label: str, key: str, default: Any,
                **kwargs: Any) -> Any:
    """Draw a keyed widget that starts from its kept value, and keep what it returns.

    Streamlit forgets a widget's state when its page is not shown; the copy under
    ``kept.<key>`` brings it back. The widget key itself holds the value, so code can
    change it with :func:`set_widget` before the widget is drawn.
    """
    if key not in st.session_state:
        st.session_state[key] = kept(key, default)
    options = kwargs.get("options")
    if options is not None:  # a kept choice may since have gone (content edited meanwhile)
        current = st.session_state[key]
        if isinstance(current, list):
            st.session_state[key] = [v for v in current if v in options]
        elif current not in options:
            st.session_state[key] = default if default in options else options[0]
    value = widget(label, key=key, **kwargs)
    keep(key, value)
    return value


def private_text(label: str, key: str, default: str = "", **kwargs: Any) -> str:
    """A kept one-line text box for anything about a person: the browser is told not to
    remember what is typed (with autocomplete on, Chromium keeps the values on disk and
    offers them to the next worker on a shared laptop)."""
    value: str = kept_widget(st.text_input, label, key, default, autocomplete="off", **kwargs)
    return value


def person_name() -> str:
    """The person's name, one box shared by the pack and letter pages (the same widget on
    both, so a name typed on one is there on the other, for this session only)."""
    return private_text("Name they like to be called (optional)", "w.person_name",
                        max_chars=60, help="Used on the pack's cover and in the letter. Leave "
                        "it empty for a pack with a neutral cover.")


def set_widget(key: str, value: Any) -> None:
    """Change a widget's value (call it before that widget is drawn in this run)."""
    st.session_state[key] = value
    keep(key, value)


def stamp(*parts: Any) -> str:
    """A short fingerprint of the choices a file was made from (to spot stale files)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def start_again() -> None:
    """Forget everything about the person: every choice, letter and file in this session."""
    for key in list(st.session_state):
        if str(key).startswith(("kept.", "w.", "pack.", "letter.", "training.")):
            del st.session_state[key]
