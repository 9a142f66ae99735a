"""Step 2 of a pack: what the worker has noticed, found by search or by theme."""

from __future__ import annotations

import streamlit as st

from ..assemble import worker_prompts
from ..assemble.noticing import find_observations, theme_hint, theme_title
from ..content.library import ContentLibrary
from .common import kept, kept_widget


def obs_key(observation_id: str) -> str:
    return f"w.obs.{observation_id}"


def noticed(library: ContentLibrary) -> list[str]:
    """Tick boxes for what was noticed: the matches while a search is typed, else every
    theme folded. Returns every ticked observation (ticks made out of sight included)."""
    query = st.text_input(
        "Search what you have noticed", key="w.obs_search", autocomplete="off",
        placeholder="Type a word or two, for example: sleep, pain, family, switch off")
    if query.strip():
        found = find_observations(library, query)
        if not found:
            st.caption("Nothing matches those words. Try another word, or clear the box "
                       "to look through the themes.")
        for item in found:
            kept_widget(st.checkbox, item.observation.text, obs_key(item.observation.id),
                        False)
    else:
        _by_theme(library)
    return [o for o in library.observations if kept(obs_key(o), False)]


def _by_theme(library: ContentLibrary) -> None:
    for category in library.categories.values():
        with st.expander(theme_title(category)):
            hint = theme_hint(category)
            if hint:
                st.caption(hint)
            for subtheme in category.subthemes:
                st.markdown(f"**{subtheme.name}**")
                for obs in subtheme.observations:
                    kept_widget(st.checkbox, obs.text, obs_key(obs.id), False)


def risk_prompts(library: ContentLibrary, observations: list[str]) -> None:
    """For the worker only, never printed in the pack: what to do about a ticked risk."""
    for prompt in worker_prompts(library, observations):
        lines = [f"**{prompt.title}** (for you, not the pack)"]
        lines += [f"- {point}" for point in prompt.points]
        lines += [f"- {label}: **{number}**" for label, number in prompt.contacts]
        st.warning("\n".join(lines), icon=":material/support:")
