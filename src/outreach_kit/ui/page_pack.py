"""Make a pack: a short guided flow from what you noticed to a printable pack.

Everything typed here stays in this browser session's memory and in the files downloaded.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import streamlit as st

from ..errors import OutreachKitError
from ..outputs import pack_from_choices, render_document
from ..render.options import PROFILE_NAMES
from .common import get_library, keep, kept, privacy_notice, show_error
from .exports import export_buttons


def _text(label: str, key: str, **kwargs) -> str:
    """A text box whose value survives switching pages (kept in session memory only)."""
    value = st.text_input(label, value=kept(key, ""), key=f"w.{key}", **kwargs)
    keep(key, value)
    return value


def render() -> None:
    from ..assemble import recommend

    st.title("Make a pack")
    privacy_notice()
    library = get_library()
    if library.errors:
        st.warning("Some content could not be loaded and is left out. See Content library.")

    _recipe_upload()

    st.header("1. About the person", divider="gray")
    st.caption("All optional. Leave the name empty for a pack with a neutral cover.")
    a, b = st.columns(2)
    with a:
        _text("Name they like to be called", "person_name", max_chars=60)
        _text("Your name (keyworker)", "keyworker_name", max_chars=80)
    with b:
        _text("Service", "service_name", max_chars=120)
        _text("How to contact you", "service_contact", max_chars=120)

    st.header("2. What you have noticed", divider="gray")
    st.caption("Tick what fits. Suggestions appear below, with the reason for each.")
    chosen_obs: list[str] = []
    for category in library.categories.values():
        with st.expander(f"{category.number}. {category.name}"):
            for subtheme in category.subthemes:
                st.markdown(f"**{subtheme.name}**")
                for obs in subtheme.observations:
                    key = f"obs.{obs.id}"
                    ticked = st.checkbox(obs.text, value=kept(key, False), key=f"w.{key}")
                    keep(key, ticked)
                    if ticked:
                        chosen_obs.append(obs.id)

    recommendations = recommend(library, chosen_obs)
    if chosen_obs:
        st.subheader("Suggested for this person")
        for rec in recommendations:
            st.markdown(f"- **{rec.title}**: {rec.reason}")
    else:
        st.info("Nothing ticked yet: the pack will hold the safety pages and a few "
                "general modules. Tick what you have noticed for a pack that fits.")

    st.header("3. Adjust the modules", divider="gray")
    titles = {m.id: f"{m.title} ({m.time_needed_minutes} min)" for m in library.modules.values()}
    suggested = [r.module_id for r in recommendations if r.module_id in titles]
    if kept("modules.for") != chosen_obs:  # new observations: start from the new suggestions
        keep("modules", suggested)
        keep("modules.for", chosen_obs)
    modules = st.multiselect("Modules in the pack (the help-right-now page is always added)",
                             list(titles), default=[m for m in kept("modules", suggested)
                                                    if m in titles],
                             format_func=titles.get, key="w.modules")
    keep("modules", modules)
    warned = [library.modules[m] for m in modules if library.modules[m].content_warning]
    for module in warned:
        st.caption(f"Content note for '{module.title}': {module.content_warning}")

    st.header("4. Services", divider="gray")
    areas = library.areas
    settings = _settings()
    start = [a for a in ("Scotland", settings.default_area) if a]
    default_areas = [a for a in kept("areas", start) if a in areas]
    chosen_areas = st.multiselect("Areas", areas, default=default_areas, key="w.areas")
    keep("areas", chosen_areas)
    by_name = {s.id: f"{s.name} ({s.area})" for s in library.services.values()
               if s.area not in chosen_areas}
    service_ids = st.multiselect("Add single services from other areas", list(by_name),
                                 default=[i for i in kept("service_ids", []) if i in by_name],
                                 format_func=by_name.get, key="w.service_ids")
    keep("service_ids", service_ids)
    if any(d.directory.example and (d.directory.area in chosen_areas or
                                    {s.id for s in d.services} & set(service_ids))
           for d in library.directories.values()):
        st.warning("Example data: replace with your area's services before printing.")

    st.header("5. Wallet card and letter", divider="gray")
    steps = [_text(f"Coping step {i}", f"wallet.{i}", max_chars=80) for i in (1, 2, 3)]
    letter = st.session_state.get("letter.for_pack")
    if letter is not None:
        include_letter = st.checkbox("Include the letter written on the Write a letter page",
                                     value=True, key="w.include_letter")
    else:
        include_letter = False
        st.caption("To add a letter, write it on the Write a letter page and choose "
                   "'Add to my pack'.")

    st.header("6. Print", divider="gray")
    profiles = st.multiselect("Print profile", list(PROFILE_NAMES),
                              default=kept("profiles", settings.default_profiles),
                              format_func=PROFILE_NAMES.get, key="w.profiles")
    keep("profiles", profiles)

    recipe_data = {
        "schema_version": 1,
        "person_name": kept("person_name", ""),
        "keyworker_name": kept("keyworker_name", ""),
        "service_name": kept("service_name", ""),
        "service_contact": kept("service_contact", ""),
        "observations": chosen_obs,
        "modules": modules,
        "services": {"areas": chosen_areas, "ids": service_ids},
        "wallet_steps": [s for s in steps if s.strip()],
        "print": {"profiles": profiles or ["standard"]},
    }
    _save_recipe_button(recipe_data)

    st.header("7. Preview and download", divider="gray")
    if st.button("Make the pack", type="primary", key="make"):
        with st.spinner("Making the pack..."):
            try:
                document, options = pack_from_choices(
                    library, recipe_data, dt.date.today(),
                    letter if include_letter else None)
                st.session_state["pack.made"] = (document, options,
                                                 render_document(document, "pdf", options))
            except OutreachKitError as error:
                st.session_state.pop("pack.made", None)
                show_error(error)
    made = st.session_state.get("pack.made")
    if made:
        document, options, pdf = made
        export_buttons({"pdf": pdf} | {
            fmt: partial(render_document, document, fmt, options)
            for fmt in ("html", "md", "docx")}, "pack")
        st.pdf(pdf, height=700)


def _settings():
    from ..settings import OrganisationSettings, load_settings

    try:
        return load_settings()
    except OutreachKitError:
        return OrganisationSettings()  # the Organisation page shows what is wrong


def _recipe_upload() -> None:
    from ..outputs import recipe_choices_from_bytes

    with st.expander("Load a saved recipe (choices only, no personal details)"):
        upload = st.file_uploader("Recipe file (.yaml)", type=["yaml", "yml"], key="w.recipe")
        if upload is not None and st.button("Use this recipe", key="recipe.load"):
            try:
                choices = recipe_choices_from_bytes(upload.getvalue(), upload.name,
                                                    get_library())
            except OutreachKitError as error:
                show_error(error)
                return
            for obs in choices.get("observations", []):
                keep(f"obs.{obs}", True)
                st.session_state.pop(f"w.obs.{obs}", None)
            keep("modules", choices.get("modules", []))
            keep("modules.for", choices.get("observations", []))
            keep("areas", choices.get("areas", []))
            keep("service_ids", choices.get("service_ids", []))
            keep("profiles", choices.get("profiles", ["standard"]))
            for key in ("w.modules", "w.areas", "w.service_ids", "w.profiles"):
                st.session_state.pop(key, None)
            st.success("Recipe loaded.")


def _save_recipe_button(recipe_data: dict) -> None:
    from ..outputs import recipe_yaml_without_personal_fields

    try:
        text = recipe_yaml_without_personal_fields(recipe_data)
    except OutreachKitError:
        return
    st.download_button("Save these choices as a recipe (no personal details)",
                       text.encode("utf-8"), file_name="pack-recipe.yaml",
                       mime="application/x-yaml", on_click="ignore", key="recipe.save")
