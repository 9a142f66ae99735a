"""Make a pack: a short guided flow from what you noticed to a printable pack.

The page collects a :class:`PackChoices`; the core turns it into a Recipe and builds the
pack exactly as ``outreach-kit build`` does. Everything typed here stays in this browser
session's memory and in the files downloaded.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

import streamlit as st

from ..assemble import DEFAULT_LIMIT, recommend, save_recipe, worker_prompts
from ..assemble.choices import PackChoices, choices_from_recipe, recipe_from_choices
from ..assemble.recipe import recipe_from_bytes
from ..content.library import ContentLibrary
from ..document import Section
from ..errors import OutreachKitError
from ..formats import PROFILES, formats_for
from ..outputs import make_pack, render_document
from ..review_policy import awaiting_review_note
from ..settings import OrganisationSettings, load_settings
from ..translations.files import language_choices
from ..translations.pack import language_warnings
from .common import (
    get_library,
    keep,
    kept,
    kept_widget,
    privacy_notice,
    private_text,
    set_widget,
    show_error,
    stamp,
    start_again,
)
from .exports import export_buttons

# (PackChoices field, widget key, label, most characters)
PERSON_FIELDS = (
    ("person_name", "w.person_name", "Name they like to be called", 60),
    ("keyworker_name", "w.keyworker_name", "Your name (keyworker)", 80),
    ("service_name", "w.service_name", "Service", 120),
    ("service_contact", "w.service_contact", "How to contact you", 120),
)


def render() -> None:
    st.title("Make a pack")
    privacy_notice()
    _start_again()
    library = get_library()
    if library.errors:
        st.warning("Some content could not be loaded and is left out. See Content library.")
    settings = _settings()
    _recipe_upload(library)

    st.header("1. About the person", divider="gray")
    st.caption("All optional. Leave the name empty for a pack with a neutral cover.")
    person = _person(settings)
    st.header("2. What you have noticed", divider="gray")
    st.caption("Tick what fits. Suggestions appear below, with the reason for each.")
    observations = _observations(library)
    _risk_prompts(library, observations)
    st.header("3. Adjust the modules", divider="gray")
    modules = _modules(library, observations)
    st.header("4. Services", divider="gray")
    areas, service_ids = _services(library, settings)
    st.header("5. Wallet card and letter", divider="gray")
    steps, letter = _wallet_and_letter()
    st.header("6. Print", divider="gray")
    profiles = kept_widget(st.multiselect, "Print profile", "w.profiles",
                           settings.default_profiles, options=list(PROFILES),
                           format_func=PROFILES.get)
    languages = language_choices(library)
    language = kept_widget(st.selectbox, "Language", "w.language", "en",
                           options=list(languages), format_func=languages.get)
    choices = PackChoices(
        observations=tuple(observations), modules=tuple(modules), areas=tuple(areas),
        service_ids=tuple(service_ids), profiles=tuple(profiles), wallet_steps=steps,
        language=language or "en", **person)
    _save_recipe_button(library, choices)
    st.header("7. Preview and download", divider="gray")
    _preview(library, choices, letter)


def _start_again() -> None:
    """Clear everything for a new person, only after the worker says yes: one click (or
    Enter) on the button must never lose a pack that is half made."""
    if st.button("Start again for a new person", key="start_again",
                 help="Clears every detail, choice, letter and file from this page."):
        st.session_state["start_again.asked"] = True
    if not st.session_state.get("start_again.asked"):
        return
    st.warning("Clear every detail, choice, letter and file on this page? This cannot be "
               "undone. Download anything you need first.")
    yes, no = st.columns(2)
    if yes.button("Yes, clear everything", key="start_again.yes"):
        del st.session_state["start_again.asked"]
        start_again()
        st.rerun()
    if no.button("No, keep my work", key="start_again.no"):
        del st.session_state["start_again.asked"]
        st.rerun()


def _settings() -> OrganisationSettings:
    try:
        return load_settings()
    except OutreachKitError:
        return OrganisationSettings()  # the Organisation page shows what is wrong


def _person(settings: OrganisationSettings) -> dict[str, str]:
    columns = st.columns(2)
    person = {}
    for i, (field, key, label, limit) in enumerate(PERSON_FIELDS):
        with columns[i % 2]:
            default = settings.organisation if field == "service_name" else ""
            person[field] = private_text(label, key, default, max_chars=limit)
    return person


def _observations(library: ContentLibrary) -> list[str]:
    chosen: list[str] = []
    for category in library.categories.values():
        with st.expander(f"{category.number}. {category.name}"):
            for subtheme in category.subthemes:
                st.markdown(f"**{subtheme.name}**")
                for obs in subtheme.observations:
                    if kept_widget(st.checkbox, obs.text, f"w.obs.{obs.id}", False):
                        chosen.append(obs.id)
    return chosen


def _risk_prompts(library: ContentLibrary, observations: list[str]) -> None:
    """For the worker only, never printed in the pack: what to do about a ticked risk."""
    for prompt in worker_prompts(library, observations):
        lines = [f"**{prompt.title}** (for you, not the pack)"]
        lines += [f"- {point}" for point in prompt.points]
        lines += [f"- {label}: **{number}**" for label, number in prompt.contacts]
        st.error("\n".join(lines), icon=":material/support:")


def _modules(library: ContentLibrary, observations: list[str]) -> list[str]:
    show_all = kept_widget(st.toggle, "Show every suggestion", "w.modules.all", False,
                           help="By default the six that fit best, plus the pages that go "
                                "in every pack.")
    recommendations = recommend(library, observations, None if show_all else DEFAULT_LIMIT)
    if observations:
        st.subheader("Suggested for this person")
        for rec in recommendations:
            st.markdown(f"- **{rec.title}**: {rec.reason}")
        hidden = 0 if show_all else len(recommend(library, observations, None)) - len(
            recommendations)
        if hidden:
            st.caption(f"{hidden} more would also fit: turn on 'Show every suggestion'.")
    else:
        st.info("Nothing ticked yet: the pack will hold the safety pages only. Tick what you "
                "have noticed for a pack that fits the person.")
    titles = {m.id: f"{m.title} ({m.time_needed_minutes} min)" for m in library.modules.values()
              if m.audience == "client"}
    suggested = [r.module_id for r in recommendations if r.module_id in titles]
    if kept("modules.for") != [*sorted(observations), show_all]:
        # What was noticed (or how many suggestions to show) has changed: start again from
        # the new suggestions.
        set_widget("w.modules", suggested)
        keep("modules.for", [*sorted(observations), show_all])
    modules: list[str] = kept_widget(
        st.multiselect, "Modules in the pack (the safety pages and Help right now are added "
        "even if you take them out here)", "w.modules", suggested, options=list(titles),
        format_func=titles.get)
    for module in (library.modules[m] for m in modules):
        if module.content_warning:
            st.caption(f"Content note for '{module.title}': {module.content_warning}")
    return modules


def _services(library: ContentLibrary,
              settings: OrganisationSettings) -> tuple[list[str], list[str]]:
    areas = library.areas
    start = [a for a in (*library.default_areas(), settings.default_area) if a in areas]
    chosen_areas = kept_widget(st.multiselect, "Areas", "w.areas", start, options=areas)
    by_name = {s.id: f"{s.name} ({s.area})" for s in library.services.values()
               if s.area not in chosen_areas}
    service_ids = kept_widget(st.multiselect, "Add single services from other areas",
                              "w.service_ids", [], options=list(by_name),
                              format_func=lambda i: by_name.get(i, i))
    service_ids = [i for i in service_ids if i in by_name]
    _example_data_notice(library, chosen_areas, service_ids)
    return chosen_areas, service_ids


def _example_data_notice(library: ContentLibrary, chosen_areas: list[str],
                         service_ids: list[str]) -> None:
    """The example-data notice when a chosen service is one of the made-up example entries
    (never for a service the worker added)."""
    if any(s.example for s in library.services.values()
           if s.area in chosen_areas or s.id in service_ids):
        st.warning(library.fixed_wording().example_notice)


def _wallet_and_letter() -> tuple[tuple[str, ...], dict[str, Any] | None]:
    """The coping steps, and the letter from the letter page when it is to be included."""
    st.caption("Up to three things the person said might help, in their words.")
    steps = tuple(private_text(f"Coping step {i}", f"w.wallet.{i}", "",
                              max_chars=80) for i in (1, 2, 3))
    letter = st.session_state.get("letter.for_pack")
    if letter is None:
        st.caption("To add a letter, write it on the Write a letter page and choose "
                   "'Add to my pack'.")
        return steps, None
    include = kept_widget(
        st.checkbox, f"Include the letter: {letter['label']}", "w.include_letter", False,
        help="Added on the Write a letter page. Check it is for this person.")
    return steps, letter if include else None


def _preview(library: ContentLibrary, choices: PackChoices,
             letter: dict[str, Any] | None) -> None:
    letter_section: Section | None = letter["section"] if letter else None
    choices_stamp = stamp(choices, letter["stamp"] if letter else None)
    if st.button("Make the pack", type="primary", key="make"):
        with st.spinner("Making the pack..."):
            try:
                recipe = recipe_from_choices(choices, library)
                made = make_pack(library, recipe, dt.date.today(),
                                 letter_section=letter_section,
                                 allow_unreviewed=_settings().allow_unreviewed_modules)
                st.session_state["pack.made"] = (made.document, made.options,
                                                 made.render("pdf"), choices_stamp)
            except OutreachKitError as error:
                st.session_state.pop("pack.made", None)
                show_error(error)
    made_before = st.session_state.get("pack.made")
    if made_before and made_before[3] == choices_stamp:
        document, options, pdf, _ = made_before
        if note := awaiting_review_note(library, document):
            st.info(note)
        for line in language_warnings(document):
            st.warning(line)
        others = [fmt for fmt in formats_for("pack") if fmt != "pdf"]
        export_buttons({"pdf": pdf} | {
            fmt: partial(render_document, document, fmt, options) for fmt in others}, "pack")
        st.pdf(pdf, height=700)
    elif made_before:
        st.warning("You have changed something since the pack was made. Make the pack again "
                   "before you download it.")


def _recipe_upload(library: ContentLibrary) -> None:
    with st.expander("Load a saved recipe (choices only, no personal details)"):
        upload = st.file_uploader("Recipe file (.yaml)", type=["yaml", "yml"], key="w.recipe")
        if upload is None or not st.button("Use this recipe", key="recipe.load"):
            return
        try:
            choices = choices_from_recipe(recipe_from_bytes(upload.getvalue(), upload.name,
                                                            library))
        except OutreachKitError as error:
            show_error(error)
            return
        _apply(library, choices)
        st.success("Recipe loaded.")


def _apply(library: ContentLibrary, choices: PackChoices) -> None:
    """Set every choice widget from a recipe; nothing ticked before is carried over."""
    for obs in library.observations:
        set_widget(f"w.obs.{obs}", obs in choices.observations)
    if choices.modules is not None:
        set_widget("w.modules", list(choices.modules))
        keep("modules.for", [*sorted(choices.observations),
                             bool(kept("w.modules.all", False))])
    else:
        keep("modules.for", None)  # no module list: take the suggestions
    set_widget("w.areas", list(choices.areas))
    set_widget("w.service_ids", list(choices.service_ids))
    set_widget("w.profiles", list(choices.profiles))
    set_widget("w.language", choices.language)
    if choices.service_name:
        set_widget("w.service_name", choices.service_name)


def _save_recipe_button(library: ContentLibrary, choices: PackChoices) -> None:
    try:
        text = save_recipe(recipe_from_choices(choices, library))
    except OutreachKitError:
        st.caption("These choices cannot be saved as a recipe yet.")
        return
    st.download_button("Save these choices as a recipe (no personal details)",
                       text.encode("utf-8"), file_name="pack-recipe.yaml",
                       mime="application/x-yaml", on_click="ignore", key="recipe.save")
