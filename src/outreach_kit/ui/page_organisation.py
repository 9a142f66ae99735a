"""Organisation settings: name, address, logo, default print profile. Never client data."""

from __future__ import annotations

from typing import Any

import streamlit as st

from ..errors import OutreachKitError
from ..formats import DEFAULT_PROFILE, PROFILES
from ..letters.logo import load_logo as checked_png_logo
from ..settings import (
    MAX_LINE,
    OrganisationSettings,
    checked_settings,
    load_logo,
    load_settings,
    remove_logo,
    save_logo,
    save_settings,
)
from .common import get_library, show_error


def render() -> None:
    st.title("Organisation", anchor=False)
    st.caption("These details print on letters and pack covers. Do not put anything about "
               "a client here.")
    try:
        settings = load_settings()
    except OutreachKitError as error:
        show_error(error)
        settings = OrganisationSettings()

    areas = ["", *get_library().areas]
    problems = st.container()  # what stops a save is summed up here, above the form
    with st.form("organisation"):
        name = st.text_input("Organisation name", settings.organisation, max_chars=MAX_LINE,
                             key="org.name")
        address = st.text_area("Address (one line each)", "\n".join(settings.address_lines),
                               height=120, key="org.address")
        phone = st.text_input("Phone number for clients", settings.phone, max_chars=40)
        role = st.text_input("Usual role of the person signing letters", settings.signer_role)
        area = st.selectbox("Default area for services", areas,
                            index=areas.index(settings.default_area)
                            if settings.default_area in areas else 0)
        profiles = st.multiselect("Default print profile", list(PROFILES),
                                  default=settings.default_profiles,
                                  format_func=lambda key: PROFILES[key], key="org.profiles")
        logo = st.file_uploader("Logo (PNG or JPEG, up to 2 MB)", type=["png", "jpg", "jpeg"],
                                key="org.logo")
        drop_logo = st.checkbox("Remove the saved logo", disabled=not settings.has_logo)
        unreviewed = st.checkbox(
            "Allow pages not yet clinically reviewed in client packs",
            settings.allow_unreviewed_modules, key="org.unreviewed",
            help="When this is off, a pack with any such page is not made, and the pages "
                 "are named. When it is on, workers are told which pages await review.")
        saved = st.form_submit_button("Save settings", type="primary")

    if saved:
        _save(settings, problems, name=name, address=address, phone=phone, role=role, area=area,
              profiles=profiles, logo=logo.getvalue() if logo is not None else None,
              drop_logo=drop_logo, unreviewed=unreviewed)
    current = load_logo()
    if current:
        st.image(current, caption="Saved logo", width=160)


def _save(settings: OrganisationSettings, problems_place: Any, *, name: str, address: str,
          phone: str, role: str, area: str, profiles: list[str], logo: bytes | None,
          drop_logo: bool, unreviewed: bool) -> None:
    """Check everything before writing anything, so a bad value saves nothing."""
    try:
        png = checked_png_logo(logo) if logo is not None else None
    except OutreachKitError as error:
        problems_place.error(f"Nothing was saved. Logo: {error}", icon=":material/error:")
        return
    new, problems = checked_settings(
        organisation=name, address_lines=[line for line in address.splitlines() if line.strip()],
        phone=phone, signer_role=role, default_area=area,
        default_profiles=profiles or [DEFAULT_PROFILE],
        has_logo=png is not None or (settings.has_logo and not drop_logo),
        allow_unreviewed_modules=unreviewed)
    if new is None:
        problems_place.error("Nothing was saved. Please fix:\n" +
                             "\n".join(f"- {problem}" for problem in problems),
                             icon=":material/error:")
        return
    try:
        if png is not None:
            save_logo(png)
        elif drop_logo:
            remove_logo()
        save_settings(new)
        st.success("Settings saved.")
    except OutreachKitError as error:
        show_error(error)
