"""Write a letter: choose a type and themes, edit any paragraph, see checks beside the text."""

from __future__ import annotations

import datetime as dt
import hashlib

import streamlit as st
from pydantic import ValidationError

from ..content.paths import default_templates_dir
from ..errors import OutreachKitError
from ..outputs import FORMATS, render_document
from ..settings import load_logo, load_settings
from .common import get_library, keep, kept, privacy_notice, show_error

LETTER_FORMATS = ("pdf", "docx", "md", "txt")


def _text(label: str, key: str, area: bool = False, **kwargs) -> str:
    widget = st.text_area if area else st.text_input
    value = widget(label, value=kept(f"letter.{key}", ""), key=f"w.letter.{key}", **kwargs)
    keep(f"letter.{key}", value)
    return value


def render() -> None:
    from ..letters import CONSENT_REMINDER, LetterRecipe, letter_library, make_letter
    from ..letters.build import letter_section
    from ..letters.compose import field_values, suggest_paragraphs
    from ..letters.schema import LetterSlot, LetterType
    from ..letters.templates import list_letter_templates

    st.title("Write a letter")
    privacy_notice()
    library = get_library()
    letters = letter_library(library)
    if not letters.types:
        st.error("No letter paragraphs could be loaded. See the Content library page.")
        return
    try:
        settings = load_settings()
    except OutreachKitError as error:
        show_error(error)
        settings = None

    types = [t for t in LetterType if t in letters.types]
    letter_type = st.selectbox("Kind of letter", types,
                               format_func=lambda t: letters.types[t].name, key="letter.type")
    kind = letters.letter_type(letter_type)
    st.caption(kind.purpose)
    for line in kind.guidance:
        st.info(line, icon=":material/lightbulb:")

    names = {s.id: s.name for s in library.subthemes.values()}
    subthemes = st.multiselect("Themes from your conversations", list(names),
                               default=[s for s in kept("letter.subthemes", []) if s in names],
                               format_func=names.get, key="w.letter.subthemes")
    keep("letter.subthemes", subthemes)

    with st.expander("About the person (used only in this letter)", expanded=True):
        a, b = st.columns(2)
        with a:
            name = _text("Name they like to be called", "name", max_chars=60)
            words = _text("Their own words (quoted exactly)", "their_words", area=True)
            strengths = _text("Strengths you have seen (one a line)", "strengths", area=True)
        with b:
            matters = _text("What matters to them", "what_matters")
            step = _text("A small next step to offer", "next_step")
            new_worker = (_text("Name of the new worker", "new_worker")
                          if letter_type is LetterType.HAND_OVER else "")
            signer = _text("Your name", "signer")
            role = st.text_input("Your role", value=kept("letter.role", settings.signer_role
                                                         if settings else ""),
                                 key="w.letter.role")
            keep("letter.role", role)

    templates = list_letter_templates(default_templates_dir() / "letters")
    template = st.selectbox("Layout", ["", *list(templates)],
                            format_func=lambda t: t.replace("-", " ") or
                            "Paragraphs from the library", key="letter.template")

    base = {
        "letter_type": letter_type.value, "subthemes": subthemes,
        "person": {"name": name, "their_words": words,
                   "strengths": [s for s in strengths.splitlines() if s.strip()],
                   "what_matters": matters, "next_step": step, "new_worker": new_worker},
        "letterhead": {"organisation": settings.organisation if settings else "",
                       "address_lines": settings.address_lines if settings else []},
        "signer": {"name": signer, "role": role},
    }
    try:
        recipe = LetterRecipe.model_validate(base)
    except ValidationError:
        st.error("Some details are too long. Shorten them and try again.")
        return

    choices: dict[str, str] = {}
    edited: dict[str, str] = {}
    if not template:
        suggestions = suggest_paragraphs(letters, letter_type, subthemes,
                                         field_values(recipe))
        st.subheader("The letter")
        st.caption("Pick a starting paragraph for each part, then change any words you like.")
        for slot in kind.slots:
            options = suggestions.get(slot, [])
            if not options:
                continue
            title = letters.slots[slot].title if slot in letters.slots else slot.value
            labels = {v.id: v.text[:90] + ("..." if len(v.text) > 90 else "") for v in options}
            chosen = st.selectbox(title, ["", *list(labels)],
                                  format_func=lambda i, lb=labels: lb.get(i, "Suggested"),
                                  key=f"letter.choice.{letter_type}.{slot}",
                                  help=letters.slots[slot].hint if slot in letters.slots
                                  else None)
            if chosen:
                choices[slot.value] = chosen
    try:
        draft = make_letter(library, recipe.model_copy(update={"paragraphs": {
            LetterSlot(k): v for k, v in choices.items()}}), dt.date.today(),
            template_path=templates.get(template) if template else None)
    except OutreachKitError as error:
        show_error(error)
        return

    left, right = st.columns([3, 2])
    with left:
        for paragraph in draft.letter.paragraphs:
            key = f"letter.text.{letter_type}.{paragraph.slot}.{paragraph.variant_id}"
            text = st.text_area(f"Paragraph: {paragraph.slot.replace('_', ' ')}",
                                value=paragraph.text, key=key, height=140)
            if text != paragraph.text and paragraph.slot in LetterSlot.__members__.values():
                edited[paragraph.slot] = text
    try:
        made = make_letter(library, recipe.model_copy(update={
            "paragraphs": {LetterSlot(k): v for k, v in choices.items()},
            "edited": {LetterSlot(k): v for k, v in edited.items()}}), dt.date.today(),
            template_path=templates.get(template) if template else None,
            logo_bytes=load_logo() if settings and settings.has_logo else None)
    except OutreachKitError as error:
        show_error(error)
        return

    with right:
        _show_checks(made.checks)

    st.subheader("Before you send it")
    st.warning(CONSENT_REMINDER, icon=":material/handshake:")
    agreed = st.checkbox("The person has agreed to get this letter", key="letter.consent")
    a, b = st.columns(2)
    if a.button("Add to my pack", disabled=not agreed, key="letter.to_pack"):
        st.session_state["letter.for_pack"] = letter_section(
            made.letter, made.document.sections[0].blocks[0].letterhead)
        st.success("Added. It will be in the pack you make on the Make a pack page.")
    stamp = hashlib.sha256(repr(made.document).encode()).hexdigest()
    if b.button("Make the letter files", type="primary", disabled=not agreed,
                key="letter.make"):
        with st.spinner("Making the letter..."):
            try:
                st.session_state["letter.files"] = (stamp, {
                    fmt: render_document(made.document, fmt) for fmt in LETTER_FORMATS})
            except OutreachKitError as error:
                show_error(error)
    files = st.session_state.get("letter.files")
    if files and files[0] == stamp and agreed:
        columns = st.columns(len(LETTER_FORMATS))
        for column, (fmt, data) in zip(columns, files[1].items(), strict=True):
            label, mime, suffix = FORMATS[fmt]
            column.download_button(f"Download {label}", data, file_name=f"letter{suffix}",
                                   mime=mime, on_click="ignore", key=f"letter.download.{fmt}")
    elif files:
        st.caption("The letter has changed: make the files again.")


def _show_checks(checks) -> None:
    st.markdown("**Checks**")
    st.caption(f"{checks.total_words} words in {len(checks.paragraphs)} paragraphs.")
    if checks.all_clear:
        st.success("No wording problems found.")
    for p in checks.paragraphs:
        ease = "too short to score" if p.reading_ease is None else f"{p.reading_ease:.0f}"
        line = f"Paragraph {p.index} ({p.slot.replace('_', ' ')}): reading ease {ease}"
        if p.hard_to_read:
            st.warning(line + " - try shorter sentences and everyday words.")
        else:
            st.caption(line)
        for suggestion in p.stigma_suggestions():
            st.warning(suggestion)
        for command in p.commands:
            st.warning(str(command))
