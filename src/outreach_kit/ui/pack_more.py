"""Under "More" on the pack page: save the choices to use again, or use saved ones.

A saved file holds choices only (what was noticed, pages, services, print), never anything
about the person.
"""

from __future__ import annotations

import streamlit as st

from ..assemble import save_recipe
from ..assemble.choices import (
    PackChoices,
    choices_from_recipe,
    recipe_from_choices,
    with_areas_as_services,
)
from ..assemble.recipe import recipe_from_bytes
from ..content.library import ContentLibrary
from ..errors import OutreachKitError
from .common import guarded_file, keep, kept, set_widget, show_error
from .pack_observations import obs_key
from .pack_services import KEY as SERVICES_KEY


def saved_choices(library: ContentLibrary, choices: PackChoices) -> None:
    try:
        recipe = recipe_from_choices(choices, library)
    except OutreachKitError:
        st.caption("These choices cannot be saved yet: see the message beside the download.")
    else:
        # Written out when the button is clicked, not on every change on the page.
        st.download_button("Save these choices (no personal details)",
                           guarded_file(lambda: save_recipe(recipe).encode("utf-8")),
                           file_name="pack-choices.yaml", mime="application/x-yaml",
                           on_click="ignore", key="recipe.save")
    upload = st.file_uploader("Use choices saved before (a .yaml file)",
                              type=["yaml", "yml"], key="w.recipe")
    st.button("Use these choices", key="recipe.load", disabled=upload is None,
              on_click=_load, args=(library,))
    problem = st.session_state.pop("recipe.problem", None)
    if problem is not None:
        show_error(problem)
    if st.session_state.pop("recipe.loaded", False):
        st.success("Saved choices loaded. Nothing about the person was in them.")


def _load(library: ContentLibrary) -> None:
    """Runs before the page is drawn (a button callback), so every choice can be set."""
    upload = st.session_state.get("w.recipe")
    if upload is None:
        return
    try:
        loaded = choices_from_recipe(recipe_from_bytes(upload.getvalue(), upload.name, library))
    except OutreachKitError as error:
        st.session_state["recipe.problem"] = error
        return
    _apply(library, with_areas_as_services(library, loaded))
    st.session_state["recipe.loaded"] = True


def _apply(library: ContentLibrary, choices: PackChoices) -> None:
    """Set every choice from saved choices; nothing ticked before is carried over."""
    for obs in library.observations:
        set_widget(obs_key(obs), obs in choices.observations)
    if choices.modules is not None:
        set_widget("w.modules", list(choices.modules))
        keep("modules.for", [*sorted(choices.observations),
                             bool(kept("w.modules.all", False))])
    else:
        keep("modules.for", None)  # no page list: take the suggestions
    set_widget(SERVICES_KEY, list(choices.service_ids))
    set_widget("w.profiles", list(choices.profiles))
    set_widget("w.language", choices.language)
    if choices.service_name:
        set_widget("w.service_name", choices.service_name)
