"""Content library: browse modules by theme and kind, with reading ease and review status."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from ..content.library import ContentLibrary
from ..content.review import ReviewStatus
from ..content.schema import Module, ModuleKind
from ..review_pack import modules_for_review, review_state_text
from .common import get_library, get_module_scores, get_validation


def render() -> None:
    st.title("Content library", anchor=False)
    library = get_library()
    problems = get_validation()
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]  # warnings and notes

    if errors:
        st.error(f"{len(errors)} problem(s) in the content. Broken files are left out; "
                 "everything else still works.", icon=":material/error:")
    with st.expander(f"Validation: {len(errors)} errors, {len(warnings)} warnings",
                     expanded=bool(errors)):
        if not problems:
            st.success("Every content file is valid.")
        for problem in problems:
            st.text(str(problem.relative_to(library.root.parent)))

    if not library.modules:
        st.info("No modules could be loaded. Check the problems listed above.")
        return

    themes = {"": "All themes"} | {c.id: c.name for c in library.categories.values()}
    kinds = {"": "All kinds"} | {k.value: k.value.replace("-", " ").capitalize()
                                 for k in ModuleKind}
    states = {"": "Any review state"} | {s.value: s.label for s in ReviewStatus}
    left, middle, right = st.columns(3)
    theme = left.selectbox("Theme", list(themes), format_func=lambda key: themes[key],
                           key="lib.theme")
    kind = middle.selectbox("Kind", list(kinds), format_func=lambda key: kinds[key],
                            key="lib.kind")
    state = right.selectbox("Review state", list(states), format_func=lambda key: states[key],
                            key="lib.review")
    listed = modules_for_review(library, {ReviewStatus(state)} if state else ())

    shown = 0
    for module in listed:
        categories = {library.category_of(s).id for s in module.subthemes if s in
                      library.subthemes}
        if (theme and theme not in categories) or (kind and module.kind != kind):
            continue
        shown += 1
        _module_card(library, module)
    if not shown:
        st.info("No modules match these choices.")


def _module_card(library: ContentLibrary, module: Module) -> None:
    """One module: summary, review state, reading ease and dates, content note, themes."""
    score = get_module_scores().get(module.id)
    due = "review overdue" if module.next_review <= dt.date.today() else (
        f"next review {module.next_review:%b %Y}")
    with st.expander(f"{module.title}  ·  {module.kind}  ·  {module.time_needed_minutes} min"
                     f"  ·  {module.review_status.label}"):
        st.write(module.summary)
        st.caption(f"Review state: {review_state_text(module)}")
        a, b, c = st.columns(3)
        if score is None:  # notes for workers are not held to the client reading bar
            a.metric("Reading ease", "not scored", help="This module is for workers.")
            b.metric("Average sentence", "-")
        else:
            a.metric("Reading ease", f"{score.reading_ease:.0f}", help="60 or more is "
                     "plain English; 70 or more is easy to read.")
            b.metric("Average sentence", f"{score.average_sentence_words:.0f} words")
        c.metric("Review", due)
        if module.content_warning:
            st.warning(f"Content note: {module.content_warning}")
        names = [library.subthemes[s].name for s in module.subthemes if s in
                 library.subthemes]
        st.caption("Themes: " + (", ".join(names) or "general"))
