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
from .common import (
    get_library,
    keep,
    kept,
    kept_widget,
    privacy_notice,
    set_widget,
    show_error,
    stamp,
    start_again,
)
from .exports import export_buttons

PERSON_FIELDS = (
    ("w.person_name", "Name they like to be called", 60),
    ("w.keyworker_name", "Your name (keyworker)", 80),
    ("w.service_name", "Service", 120),
    ("w.service_contact", "How to contact you", 120),
)


def render() -> None:
    from ..assemble import recommend

    st.title("Make a pack")
    privacy_notice()
    if st.button("Start again for a new person", key="start_again",
                 help="Clears every detail, choice, letter and file from this page."):
        start_again()
        st.rerun()
    library = get_library()
    if library.errors:
        st.warning("Some content could not be loaded and is left out. See Content library.")
    settings = _settings()

    _recipe_upload(library)

    st.header("1. About the person", divider="gray")
    st.caption("All optional. Leave the name empty for a pack with a neutral cover.")
    columns = st.columns(2)
    person = {}
    for i, (key, label, limit) in enumerate(PERSON_FIELDS):
        with columns[i % 2]:
            default = settings.organisation if key == "w.service_name" else ""
            person[key] = kept_widget(st.text_input, label, key, default, max_chars=limit)

    st.header("2. What you have noticed", divider="gray")
    st.caption("Tick what fits. Suggestions appear below, with the reason for each.")
    chosen_obs: list[str] = []
    for category in library.categories.values():
        with st.expander(f"{category.number}. {category.name}"):
            for subtheme in category.subthemes:
                st.markdown(f"**{subtheme.name}**")
                for obs in subtheme.observations:
                    if kept_widget(st.checkbox, obs.text, f"w.obs.{obs.id}", False):
                        chosen_obs.append(obs.id)

    recommendations = recommend(library, chosen_obs)
    if chosen_obs:
        st.subheader("Suggested for this person")
        for rec in recommendations:
            st.markdown(f"- **{rec.title}**: {rec.reason}")
    else:
        st.info("Nothing ticked yet: the pack will hold the safety pages only. Tick what you "
                "have noticed for a pack that fits the person.")

    st.header("3. Adjust the modules", divider="gray")
    titles = {m.id: f"{m.title} ({m.time_needed_minutes} min)" for m in library.modules.values()
              if m.audience == "client"}
    suggested = [r.module_id for r in recommendations if r.module_id in titles]
    if kept("modules.for") != sorted(chosen_obs):
        # What was noticed has changed: start again from the new suggestions.
        set_widget("w.modules", suggested)
        keep("modules.for", sorted(chosen_obs))
    modules = kept_widget(st.multiselect, "Modules in the pack (the safety pages and Help "
                          "right now are added even if you take them out here)", "w.modules",
                          suggested, options=list(titles), format_func=titles.get)
    for module in (library.modules[m] for m in modules):
        if module.content_warning:
            st.caption(f"Content note for '{module.title}': {module.content_warning}")

    st.header("4. Services", divider="gray")
    areas = library.areas
    start = [a for a in (*library.default_areas(), settings.default_area) if a in areas]
    chosen_areas = kept_widget(st.multiselect, "Areas", "w.areas", start, options=areas)
    by_name = {s.id: f"{s.name} ({s.area})" for s in library.services.values()
               if s.area not in chosen_areas}
    service_ids = kept_widget(st.multiselect, "Add single services from other areas",
                              "w.service_ids", [], options=list(by_name),
                              format_func=lambda i: by_name.get(i, i))
    service_ids = [i for i in service_ids if i in by_name]
    if any(d.directory.example and (d.directory.area in chosen_areas or
                                    {s.id for s in d.services} & set(service_ids))
           for d in library.directories.values()):
        st.warning(library.fixed_wording().example_notice)

    st.header("5. Wallet card and letter", divider="gray")
    st.caption("Up to three things the person said might help, in their words.")
    steps = [kept_widget(st.text_input, f"Coping step {i}", f"w.wallet.{i}", "", max_chars=80)
             for i in (1, 2, 3)]
    letter = st.session_state.get("letter.for_pack")
    include_letter = False
    if letter is not None:
        include_letter = kept_widget(
            st.checkbox, f"Include the letter: {letter['label']}", "w.include_letter", False,
            help="Added on the Write a letter page. Check it is for this person.")
    else:
        st.caption("To add a letter, write it on the Write a letter page and choose "
                   "'Add to my pack'.")

    st.header("6. Print", divider="gray")
    profiles = kept_widget(st.multiselect, "Print profile", "w.profiles",
                           settings.default_profiles, options=list(PROFILE_NAMES),
                           format_func=PROFILE_NAMES.get)

    recipe_data = {
        "schema_version": 1,
        "person_name": person["w.person_name"],
        "keyworker_name": person["w.keyworker_name"],
        "service_name": person["w.service_name"],
        "service_contact": person["w.service_contact"],
        "observations": chosen_obs,
        "modules": modules,
        "services": {"areas": chosen_areas, "ids": service_ids},
        "wallet_steps": [s for s in steps if s.strip()],
        "print": {"profiles": profiles or ["standard"]},
    }
    _save_recipe_button(recipe_data)

    st.header("7. Preview and download", divider="gray")
    letter_section = letter["section"] if include_letter and letter else None
    choices_stamp = stamp(recipe_data, letter["stamp"] if letter_section else None)
    if st.button("Make the pack", type="primary", key="make"):
        with st.spinner("Making the pack..."):
            try:
                document, options = pack_from_choices(library, recipe_data, dt.date.today(),
                                                      letter_section)
                st.session_state["pack.made"] = (document, options,
                                                 render_document(document, "pdf", options),
                                                 choices_stamp)
            except OutreachKitError as error:
                st.session_state.pop("pack.made", None)
                show_error(error)
    made = st.session_state.get("pack.made")
    if made and made[3] == choices_stamp:
        document, options, pdf, _ = made
        export_buttons({"pdf": pdf} | {
            fmt: partial(render_document, document, fmt, options)
            for fmt in ("html", "md", "docx")}, "pack")
        st.pdf(pdf, height=700)
    elif made:
        st.warning("You have changed something since the pack was made. Make the pack again "
                   "before you download it.")


def _settings():
    from ..settings import OrganisationSettings, load_settings

    try:
        return load_settings()
    except OutreachKitError:
        return OrganisationSettings()  # the Organisation page shows what is wrong


def _recipe_upload(library) -> None:
    from ..outputs import recipe_choices_from_bytes

    with st.expander("Load a saved recipe (choices only, no personal details)"):
        upload = st.file_uploader("Recipe file (.yaml)", type=["yaml", "yml"], key="w.recipe")
        if upload is None or not st.button("Use this recipe", key="recipe.load"):
            return
        try:
            choices = recipe_choices_from_bytes(upload.getvalue(), upload.name, library)
        except OutreachKitError as error:
            show_error(error)
            return
        # The recipe replaces every choice; nothing ticked before is carried over.
        for obs in library.observations:
            set_widget(f"w.obs.{obs}", obs in choices["observations"])
        modules = choices["modules"] or None
        if modules is not None:
            set_widget("w.modules", modules)
            keep("modules.for", sorted(choices["observations"]))
        else:
            keep("modules.for", None)  # no module list: take the suggestions
        set_widget("w.areas", choices["areas"])
        set_widget("w.service_ids", choices["service_ids"])
        set_widget("w.profiles", choices["profiles"])
        st.success("Recipe loaded.")


def _save_recipe_button(recipe_data: dict) -> None:
    from ..outputs import recipe_yaml_without_personal_fields

    try:
        text = recipe_yaml_without_personal_fields(recipe_data)
    except OutreachKitError:
        st.caption("These choices cannot be saved as a recipe yet.")
        return
    st.download_button("Save these choices as a recipe (no personal details)",
                       text.encode("utf-8"), file_name="pack-recipe.yaml",
                       mime="application/x-yaml", on_click="ignore", key="recipe.save")
