"""Make a pack: about the person, what you noticed, check the pack, download.

The page collects a :class:`PackChoices`; the core turns it into a Recipe and builds the
pack exactly as ``outreach-kit build`` does. The summary beside the steps (always in view)
shows what will print and its page count, with one button that downloads it. Everything
typed here stays in this browser session's memory and in the files downloaded.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from ..assemble import DEFAULT_LIMIT, recommend
from ..assemble.choices import PackChoices
from ..content.library import ContentLibrary
from ..document import Document
from ..errors import OutreachKitError
from ..review_policy import awaiting_review_note
from ..settings import OrganisationSettings, load_settings
from ..translations.pack import language_warnings
from .common import (
    PRIVACY_LINE,
    get_library,
    keep,
    kept,
    kept_widget,
    person_name,
    private_text,
    set_widget,
)
from .pack_more import saved_choices
from .pack_observations import noticed, risk_prompts
from .pack_services import services
from .pack_summary import WorkerNotice, print_options, start_again_button, summary

# (PackChoices field, widget key, label, most characters), under the name.
PERSON_FIELDS = (
    ("keyworker_name", "w.keyworker_name", "Your name", 80),
    ("service_name", "w.service_name", "Your service", 120),
    ("service_contact", "w.service_contact", "How to contact you", 120),
)

def _review_notice(library: ContentLibrary, document: Document) -> list[str]:
    note = awaiting_review_note(library, document)
    return [note] if note else []


# Notices for the worker under the summary (never printed): add one call here.
WORKER_NOTICES: list[WorkerNotice] = [
    _review_notice,
    lambda library, document: language_warnings(document),
]


def render() -> None:
    library = _library()
    settings = _settings()
    st.title("Make a pack", anchor=False)
    st.caption(PRIVACY_LINE)
    steps, side = st.columns([3, 2], gap="large")
    with steps:
        st.subheader("1. About the person", anchor=False)
        person, wallet = _person(settings)
        st.subheader("2. What you have noticed", anchor=False)
        observations = noticed(library)
        risk_prompts(library, observations)
        st.subheader("3. Check the pack", anchor=False)
        modules = _modules(library, observations)
        service_ids = services(library, settings)
        letter = _letter()
        with st.expander("More: save these choices, or use saved ones"):
            saved_choices(library, _choices(observations, modules, service_ids,
                                            tuple(settings.default_profiles), person, wallet))
    with side, st.container(key="pack_summary", border=True):
        st.subheader("4. Download", anchor=False)
        top = st.container()
        language, profiles, fmt = print_options(library, settings.default_profiles)
        bottom = st.container()
        choices = replace(_choices(observations, modules, service_ids, tuple(profiles),
                                   person, wallet), language=language)
        summary(library, choices, letter, fmt, (top, bottom), WORKER_NOTICES,
                settings.allow_unreviewed_modules)
        start_again_button()


def _library() -> ContentLibrary:
    library = get_library()
    if library.errors:
        st.warning("Some content could not be loaded and is left out. See Content library.")
    return library


def _choices(observations: list[str], modules: list[str], service_ids: list[str],
             profiles: tuple[str, ...], person: dict[str, str],
             wallet: tuple[str, ...]) -> PackChoices:
    return PackChoices(observations=tuple(observations), modules=tuple(modules),
                       service_ids=tuple(service_ids), profiles=profiles,
                       wallet_steps=wallet, person_name=person["person_name"],
                       keyworker_name=person["keyworker_name"],
                       service_name=person["service_name"],
                       service_contact=person["service_contact"])


def _settings() -> OrganisationSettings:
    try:
        return load_settings()
    except OutreachKitError:
        return OrganisationSettings()  # the Organisation page shows what is wrong


def _person(settings: OrganisationSettings) -> tuple[dict[str, str], tuple[str, ...]]:
    """The name, and (folded) the worker's details and the wallet card's coping steps."""
    person = {"person_name": person_name()}
    with st.expander("Your details and their wallet card (optional)"):
        for field, key, label, limit in PERSON_FIELDS:
            default = settings.organisation if field == "service_name" else ""
            person[field] = private_text(label, key, default, max_chars=limit)
        st.caption("Up to three things the person said might help, in their words. They "
                   "go on the wallet card.")
        wallet = tuple(private_text(f"Might help {i}", f"w.wallet.{i}", "", max_chars=80)
                       for i in (1, 2, 3))
    return person, wallet


def _modules(library: ContentLibrary, observations: list[str]) -> list[str]:
    # The toggle is drawn below the list: read its newest value (a click reruns first).
    show_all = bool(st.session_state.get("w.modules.all", kept("w.modules.all", False)))
    recommendations = recommend(library, observations, None if show_all else DEFAULT_LIMIT)
    titles = {m.id: m.title for m in library.modules.values() if m.audience == "client"}
    suggested = [r.module_id for r in recommendations if r.module_id in titles]
    if kept("modules.for") != [*sorted(observations), show_all]:
        # What was noticed (or how many suggestions to show) has changed: start again from
        # the new suggestions.
        set_widget("w.modules", suggested)
        keep("modules.for", [*sorted(observations), show_all])
    modules: list[str] = kept_widget(
        st.multiselect, "Pages chosen for them", "w.modules", suggested,
        options=list(titles), format_func=titles.get, placeholder="Type to find a page",
        help="Suggested from what you ticked. The safety pages and Help right now are in "
             "every pack.")
    with st.expander("Why these pages"):
        kept_widget(st.toggle, "Suggest every page that fits (not just the best six)",
                    "w.modules.all", False)
        for rec in recommendations if observations else ():
            st.markdown(f"- **{rec.title}**: {rec.reason}")
        if not observations:
            st.markdown("Tick what you have noticed to get suggestions.")
        for module in (library.modules[m] for m in modules):
            if module.content_warning:
                st.caption(f"Content note for '{module.title}': {module.content_warning}")
    return modules


def _letter() -> dict[str, Any] | None:
    """The letter from the letter page, when the worker includes it."""
    letter = st.session_state.get("letter.for_pack")
    if letter is None:
        return None
    include = kept_widget(
        st.checkbox, f"Include the letter: {letter['label']}", "w.include_letter", False,
        help="Added on the Write a letter page. Check it is for this person.")
    return letter if include else None
