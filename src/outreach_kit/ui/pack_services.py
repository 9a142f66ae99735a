"""The services that will print: one searchable list; an area adds all of its services
(visibly, each removable) and "Remove all" empties it."""

from __future__ import annotations

import streamlit as st

from ..assemble.choices import services_of_areas
from ..content.library import ContentLibrary
from ..settings import OrganisationSettings
from .common import kept_widget, set_widget

KEY = "w.service_ids"


def starting_services(library: ContentLibrary, settings: OrganisationSettings) -> list[str]:
    areas = [a for a in (*library.default_areas(), settings.default_area) if a in library.areas]
    return list(dict.fromkeys(services_of_areas(library, areas)))


def _add_area(library: ContentLibrary) -> None:
    area = st.session_state.get("w.add_area")
    current = list(st.session_state.get(KEY, []))
    if area:
        set_widget(KEY, list(dict.fromkeys([*current, *services_of_areas(library, [area])])))


def services(library: ContentLibrary, settings: OrganisationSettings) -> list[str]:
    labels = {s.id: f"{s.name} ({s.area})" for s in library.services.values()}
    chosen: list[str] = kept_widget(
        st.multiselect, "Services that will print", KEY, starting_services(library, settings),
        options=list(labels),
        format_func=lambda i: labels.get(i, i), placeholder="Type to find a service",
        help="Type part of a name to add a service; take one out with its cross.")
    area_column, add_column, clear_column = st.columns([3, 1, 1], vertical_alignment="bottom")
    area_column.selectbox("Add every service in an area", library.areas, key="w.add_area")
    add_column.button("Add area", key="services.add_area", on_click=_add_area,
                      args=(library,))
    clear_column.button("Remove all", key="services.clear", on_click=set_widget,
                        args=(KEY, []))
    if any(library.services[i].example for i in chosen if i in library.services):
        st.warning(library.fixed_wording().example_notice)
    return chosen
