"""Training: ready sessions on attachment- and trauma-informed practice."""

from __future__ import annotations

from functools import partial

import streamlit as st

from ..errors import OutreachKitError
from ..formats import FORMATS, PROFILES, TRAINING_AUDIENCES, PrintOptions, training_kind
from ..outputs import render_training
from ..training.kit import training_kit
from .common import get_library, guarded_file, show_error


def render() -> None:
    st.title("Training", anchor=False)
    st.caption("Sessions you can run next week: a facilitator guide with timings, notes and "
               "answers; a participant handout with space to write; and slides.")
    library = get_library()
    try:
        kit = training_kit(library)
    except OutreachKitError as error:
        show_error(error)
        return
    if not kit.sessions:
        st.info("No training sessions are available. Check the Content library page.")
        return
    sessions = sorted(kit.sessions.values(), key=lambda s: (s.minutes, s.id))
    labels = {s.id: f"{s.title} ({s.minutes} minutes)" for s in sessions}
    session_id = st.selectbox("Session", list(labels), format_func=lambda key: labels[key],
                              key="training.session")
    session = kit.session(session_id)
    st.write(session.summary)
    left, right = st.columns(2)
    audience = left.radio("For", TRAINING_AUDIENCES, horizontal=True,
                          format_func=str.capitalize, key="training.audience",
                          help="Participant versions never include answers or "
                               "facilitator notes.")
    fmt = right.radio("Format", training_kind(audience).formats, horizontal=True,
                      key="training.format", format_func=lambda f: FORMATS[f].label)
    profiles = st.multiselect("Print profile (PDF)", list(PROFILES), default=["standard"],
                              format_func=lambda key: PROFILES[key], key="training.profiles",
                              disabled=fmt != "pdf")
    kind = FORMATS[fmt]
    # One click: the file is made when the button is clicked, from the choices on screen.
    st.download_button(f"Download {session.title} ({audience}, {kind.label})",
                       guarded_file(partial(render_training, library, session_id, audience,
                                            fmt, PrintOptions.from_names(profiles))),
                       file_name=f"{session_id}-{audience}{kind.suffix}", mime=kind.mime,
                       on_click="ignore", type="primary", key="training.download")
