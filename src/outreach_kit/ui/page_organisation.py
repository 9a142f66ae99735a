"""Organisation settings: name, address, logo, default print profile. Never client data."""

from __future__ import annotations

import streamlit as st
from pydantic import ValidationError

from ..errors import OutreachKitError
from ..letters.logo import load_logo as checked_png_logo
from ..render.options import PROFILE_NAMES
from ..settings import (
    OrganisationSettings,
    load_logo,
    load_settings,
    remove_logo,
    save_logo,
    save_settings,
)
from .common import get_library, show_error


def render() -> None:
    st.title("Organisation")
    st.caption("These details print on letters and pack covers. Do not put anything about "
               "a client here.")
    try:
        settings = load_settings()
    except OutreachKitError as error:
        show_error(error)
        settings = OrganisationSettings()

    areas = ["", *get_library().areas]
    with st.form("organisation"):
        name = st.text_input("Organisation name", settings.organisation, max_chars=120,
                             key="org.name")
        address = st.text_area("Address (one line each)", "\n".join(settings.address_lines),
                               height=120, key="org.address")
        phone = st.text_input("Phone number for clients", settings.phone, max_chars=40)
        role = st.text_input("Usual role of the person signing letters", settings.signer_role)
        area = st.selectbox("Default area for services", areas,
                            index=areas.index(settings.default_area)
                            if settings.default_area in areas else 0)
        profiles = st.multiselect("Default print profile", list(PROFILE_NAMES),
                                  default=settings.default_profiles,
                                  format_func=PROFILE_NAMES.get, key="org.profiles")
        logo = st.file_uploader("Logo (PNG or JPEG, up to 2 MB)", type=["png", "jpg", "jpeg"],
                                key="org.logo")
        drop_logo = st.checkbox("Remove the saved logo", disabled=not settings.has_logo)
        saved = st.form_submit_button("Save settings", type="primary")

    if saved:
        try:
            # Check everything before writing anything, so a bad value saves nothing.
            png = checked_png_logo(logo.getvalue()) if logo is not None else None
            new = OrganisationSettings(
                organisation=name,
                address_lines=[line for line in address.splitlines() if line.strip()],
                phone=phone, signer_role=role, default_area=area,
                default_profiles=profiles or ["standard"],
                has_logo=png is not None or (settings.has_logo and not drop_logo),
            )
        except OutreachKitError as error:
            show_error(error)
        except ValidationError as error:
            fields = ", ".join(sorted({str(e["loc"][0]) for e in error.errors()}))
            st.error(f"Some details could not be saved: check {fields} (each line is at "
                     "most 120 characters; at most 6 address lines).")
        else:
            try:
                if png is not None:
                    save_logo(png)
                elif drop_logo:
                    remove_logo()
                save_settings(new)
                st.success("Settings saved.")
            except OutreachKitError as error:
                show_error(error)
    current = load_logo()
    if current:
        st.image(current, caption="Saved logo", width=160)
