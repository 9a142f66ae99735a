"""Write a letter: choose a type and themes, edit any paragraph, see checks beside the text.

The letter is composed and checked by ``letters.make_letter`` only when what it is made
from changes; the result is kept in this session's state (never a shared cache: it holds
what was typed about the person).
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st
from pydantic import ValidationError

from ..content.library import ContentLibrary
from ..content.paths import default_templates_dir
from ..errors import OutreachKitError
from ..formats import formats_for
from ..letters import CONSENT_REMINDER, LetterRecipe, letter_library, make_letter
from ..letters.checks import LetterChecks
from ..letters.coverage import UnusedField
from ..letters.library import LetterLibrary
from ..letters.make import MadeLetter
from ..letters.options import choose_paragraph, letter_claims, paragraph_options
from ..letters.recipe import FIELD_HELP, SAID_HELP
from ..letters.schema import LetterSlot, LetterType
from ..letters.templates import list_letter_templates
from ..outputs import render_document
from ..settings import OrganisationSettings, load_logo, load_settings
from .common import (
    get_library,
    kept_widget,
    person_name,
    privacy_line,
    private_text,
    show_error,
    stamp,
)
from .exports import export_buttons

PERSON_FIELDS = (
    # key, label, text area?
    ("name", "Name they like to be called", False),  # shared with the pack page
    ("their_words", "Their own words (quoted exactly)", True),
    ("strengths", "Strengths you have seen (one a line)", True),
    ("what_matters", "What matters to them", False),
    ("next_step", "A small next step to offer", False),
)
MADE_KEY = "letter.made"  # stamp of what the letter is made from -> MadeLetter
# Places under each field (and under the ticks) for "filled in but not in the letter".
Notes = dict[str, Any]


def render() -> None:
    st.title("Write a letter", anchor=False)
    st.caption(privacy_line("letter"))
    library = get_library()
    letters = letter_library(library)
    if not letters.types:
        st.error("No letter paragraphs could be loaded. See the Content library page.")
        return
    try:
        settings = load_settings()
    except OutreachKitError as error:
        show_error(error)
        settings = OrganisationSettings()
    letter_type = _letter_type(letters)
    notes: Notes = {}
    recipe, template_path = _recipe(library, letter_type, settings, notes)
    if recipe is None:
        st.error("Some details are too long. Shorten them and try again.")
        return
    if template_path is None:
        recipe = _paragraph_choices(letters, recipe)
    logo = load_logo() if settings.has_logo else None
    try:
        draft = _made(library, recipe, template_path, logo)
        overall = st.container()
        edited, beside = _edited_paragraphs(draft)
        made = _made(library, recipe.model_copy(update={"edited": edited}), template_path, logo)
    except OutreachKitError as error:
        show_error(error)
        return
    _show_unused(made.letter.unused, notes)
    _show_checks(made.checks, overall, beside)
    _consent_and_files(made, f"{letters.types[letter_type].name}, for "
                             f"{recipe.person.name.strip() or 'no name given'}")


def _made(library: ContentLibrary, recipe: LetterRecipe, template_path: Path | None,
          logo: bytes | None) -> MadeLetter:
    """The composed and checked letter, made again only when its inputs change."""
    key = stamp(recipe.model_dump(mode="json"), str(template_path), logo)
    kept: dict[str, MadeLetter] = st.session_state.setdefault(MADE_KEY, {})
    if key not in kept:
        made = make_letter(library, recipe, dt.date.today(), template_path=template_path,
                           logo_bytes=logo)
        # The draft and the edited letter of this run; older versions are dropped.
        st.session_state[MADE_KEY] = kept = dict(list(kept.items())[-1:]) | {key: made}
    return kept[key]


def _letter_type(letters: LetterLibrary) -> LetterType:
    types = [t.value for t in LetterType if t in letters.types]
    letter_type = LetterType(kept_widget(
        st.selectbox, "Kind of letter", "w.letter.type", types[0], options=types,
        format_func=lambda t: letters.types[LetterType(t)].name))
    kind = letters.letter_type(letter_type)
    st.caption(kind.purpose)
    if kind.guidance:
        st.info("\n".join(f"- {line}" for line in kind.guidance), icon=":material/lightbulb:")
    return letter_type


def _recipe(library: ContentLibrary, letter_type: LetterType, settings: OrganisationSettings,
            notes: Notes) -> tuple[LetterRecipe | None, Path | None]:
    """The letter recipe from the widgets (None when a detail is too long), and the
    organisation template chosen, if any. ``notes`` gets a place under each field."""
    names = {s.id: s.name for s in library.subthemes.values()}
    subthemes = kept_widget(st.multiselect, "Themes from your conversations",
                            "w.letter.subthemes", [], options=list(names),
                            format_func=lambda s: names.get(s, s))
    person: dict[str, Any] = {}
    with st.expander("About the person (used only in this letter)", expanded=True):
        left, right = st.columns(2)
        for i, (key, label, area) in enumerate(PERSON_FIELDS):
            # The name has the pack page's key: typed once, it is on both pages (this
            # session only, like everything else).
            with left if i < 3 else right:
                person[key] = (person_name() if key == "name" else
                               kept_widget(st.text_area, label, f"w.letter.{key}", "",
                                           help=FIELD_HELP.get(key)) if area else
                               private_text(label, f"w.letter.{key}", help=FIELD_HELP.get(key)))
                notes[key] = st.empty()
        with right:
            if letter_type is LetterType.HAND_OVER:
                person["new_worker"] = private_text("Name of the new worker",
                                                    "w.letter.new_worker",
                                                    help=FIELD_HELP.get("new_worker"))
                notes["new_worker"] = st.empty()
            signer = private_text("Your name", "w.letter.signer")
            role = private_text("Your role", "w.letter.role", settings.signer_role)
    said = _said(library, notes)
    templates = list_letter_templates(default_templates_dir() / "letters")
    template = kept_widget(st.selectbox, "Layout", "w.letter.template", "",
                           options=["", *templates],
                           format_func=lambda t: t.replace("-", " ") or
                           "Paragraphs from the library")
    person["strengths"] = [s for s in person["strengths"].splitlines() if s.strip()]
    try:
        recipe = LetterRecipe.model_validate({
            "letter_type": letter_type.value, "subthemes": [s for s in subthemes if s in names],
            "person": person, "said": said, "signer": {"name": signer, "role": role},
            "letterhead": {"organisation": settings.organisation,
                           "address_lines": settings.address_lines},
        })
    except ValidationError:
        return None, None
    return recipe, templates.get(template) if template else None


def _said(library: ContentLibrary, notes: Notes) -> list[str]:
    """The things the person said that the worker ticks (a paragraph may then repeat them)."""
    claims = letter_claims(library)
    if not claims:
        return []
    st.markdown("**What they said to you**", help=SAID_HELP)
    said = [claim.id for claim in claims
            if kept_widget(st.checkbox, claim.label, f"w.letter.said.{claim.id}", False)]
    notes["said"] = st.empty()
    return said


def _paragraph_choices(letters: LetterLibrary, recipe: LetterRecipe) -> LetterRecipe:
    """The recipe with the paragraph the worker picked for each part pinned ("" keeps the
    one that fits what was entered)."""
    st.subheader("The letter", anchor=False)
    st.caption("Each part starts with the paragraph that best fits what you entered. Pick "
               "another if you like, then change any words.")
    for slot in letters.letter_type(recipe.letter_type).slots:
        options = paragraph_options(letters, recipe, slot)
        offered = {o.id: _option_label(o.text, o.suits_themes) for o in options if o.available}
        if not offered:
            continue
        start = next((o for o in options if o.starts_with), None)
        best = "Best fit" + (f": {_option_label(start.text, True)}" if start else "")
        definition = letters.slots.get(slot)
        chosen = kept_widget(st.selectbox, definition.title if definition else slot.value,
                             f"w.letter.choice.{recipe.letter_type}.{slot}", "",
                             options=["", *offered],
                             format_func=lambda i, lb=offered, b=best: lb.get(i, b),
                             help=definition.hint if definition else None)
        waiting = [o for o in options if not o.available]
        if waiting:
            st.caption(f"{len(waiting)} more for this part once you "
                       + "; ".join(sorted({need for o in waiting for need in o.missing})))
        if chosen in offered:
            recipe = choose_paragraph(letters, recipe, slot, chosen)
    return recipe


def _option_label(text: str, suits_themes: bool) -> str:
    short = text[:90] + ("..." if len(text) > 90 else "")
    return short if suits_themes else f"{short} (for another theme)"


def _show_unused(unused: tuple[UnusedField, ...] | list[UnusedField], notes: Notes) -> None:
    """Beside each field: what was filled in but is not in the letter."""
    by_field: dict[str, list[str]] = {}
    for item in unused:
        by_field.setdefault(item.field, []).append(item.message)
    for field, place in notes.items():
        if field in by_field:
            place.warning(" ".join(by_field[field]), icon=":material/edit_note:")


def _edited_paragraphs(draft: MadeLetter) -> tuple[dict[LetterSlot, str], list[Any]]:
    """A box for each paragraph, with an empty place beside it for that paragraph's checks
    (below it on a phone)."""
    edited: dict[LetterSlot, str] = {}
    beside: list[Any] = []
    for paragraph in draft.letter.paragraphs:
        text_column, check_column = st.columns([3, 2])
        # Keyed by the text it starts from: when the person's words or the chosen
        # paragraph change, the box starts again from the new text.
        key = f"w.letter.text.{paragraph.slot}.{stamp(paragraph.text)}"
        with text_column:
            text = kept_widget(st.text_area, f"Paragraph: {paragraph.slot.replace('_', ' ')}",
                               key, paragraph.text, height=140)
        beside.append(check_column.empty())
        if text != paragraph.text and paragraph.slot in LetterSlot.__members__.values():
            edited[LetterSlot(paragraph.slot)] = text
    return edited, beside


def _consent_and_files(made: MadeLetter, label: str) -> None:
    st.subheader("Before you send it", anchor=False)
    st.warning(CONSENT_REMINDER, icon=":material/handshake:")
    agreed = kept_widget(st.checkbox, "The person has agreed to get this letter",
                         "w.letter.consent", False)
    letter_stamp = stamp(repr(made.document))
    in_pack = st.session_state.get("letter.for_pack")
    if in_pack and not agreed:
        del st.session_state["letter.for_pack"]  # no consent, no letter in the pack
        st.caption("The letter was taken out of your pack.")
    elif in_pack and in_pack["stamp"] != letter_stamp:
        st.caption("The letter in your pack is an older version. Choose 'Add to my pack' "
                   "again to update it.")
    if st.button("Add to my pack", disabled=not agreed, key="letter.to_pack"):
        st.session_state["letter.for_pack"] = {
            "section": made.pack_section(),
            "stamp": letter_stamp, "label": label}
        st.success("Added. Tick 'Include the letter' on the Make a pack page.")
    # One click per file: each is made when its button is clicked, from the letter on
    # screen, and only once the person has agreed.
    export_buttons({fmt: partial(render_document, made.document, fmt)
                    for fmt in formats_for("letter")}, "letter", disabled=not agreed)


def _show_checks(checks: LetterChecks, overall: Any, beside: list[Any]) -> None:
    """The letter's totals above the paragraphs; each paragraph's checks beside it."""
    overall.caption(f"{checks.total_words} words in {len(checks.paragraphs)} paragraphs. "
                    "Checks for each paragraph are beside it.")
    if checks.all_clear:
        overall.success("No wording problems found.")
    for p, place in zip(checks.paragraphs, beside, strict=False):
        with place.container():
            ease = "too short to score" if p.reading_ease is None else f"{p.reading_ease:.0f}"
            if p.hard_to_read:
                st.warning(f"Reading ease {ease}: try shorter sentences and everyday words.")
            else:
                st.caption(f"Reading ease {ease}")
            for suggestion in p.stigma_suggestions():
                st.warning(suggestion)
            for command in p.commands:
                st.warning(str(command))
