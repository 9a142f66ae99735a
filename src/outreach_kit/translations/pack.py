"""A pack in another language: translated modules where they are current, English otherwise.

:func:`translated_view` gives the content library as ``build_pack`` sees it for one language
(each module with a current translation replaced by it, the fixed words merged with the
translated ones); :func:`localise` then marks what stayed English: such a module's section
says so in one line in the pack's language and carries ``language="en"``, and the footer
gives the translation status. :func:`language_warnings` tells the worker before download.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from .. import document as doc
from ..content.library import ContentLibrary
from ..content.wording import LanguageNotes
from ..document import content_text
from ..languages import is_right_to_left
from .numbers import isolate_numbers

if TYPE_CHECKING:
    from .files import LanguageTranslations

_STATUS_ORDER = ("draft", "translated", "checked")  # files.Status, least checked first


def translated_view(library: ContentLibrary,
                    language: str) -> tuple[ContentLibrary, LanguageTranslations]:
    # Imported here: build_pack imports this module, and a pack in English never reads a
    # translation (the import costs about 10 ms of CPU, measured after the content layer).
    from .files import load_translations

    found = load_translations(library, language)
    modules = dict(library.modules)
    for module_id in modules:
        usable = found.usable(module_id)
        if usable is not None:
            modules[module_id] = usable.module
    view = dataclasses.replace(library, modules=modules,
                               wording=found.wording or library.wording)
    return view, found


def localise(document: doc.Document, library: ContentLibrary, found: LanguageTranslations,
             today: dt.date) -> doc.Document:
    """Mark English sections, give the translation status and the date in the language."""
    notes = _notes(library, found)
    language = found.language
    statuses: list[str] = []
    sections = []
    for section in document.sections:
        if section.id in library.modules and section.kind in (doc.SectionKind.MODULE,
                                                             doc.SectionKind.HELP_NOW):
            usable = found.usable(section.id)
            if usable is None:
                section = dataclasses.replace(section, language="en",
                                              intro=content_text(notes.page_in_english))
            else:
                statuses.append(usable.header.status.value)
        sections.append(section)
    if found.wording is not None and found.wording_header is not None:
        statuses.append(found.wording_header.status.value)
    status = min(statuses, key=_STATUS_ORDER.index) if statuses else None
    meta = dataclasses.replace(document.meta, language=language,
                               translation_note=notes.status(status) if status else "",
                               translation_status=status or "")
    cover = document.cover
    if cover is not None:
        cover = dataclasses.replace(cover, date_text=doc.date_text(language, today))
    localised = dataclasses.replace(document, sections=tuple(sections), meta=meta, cover=cover)
    return isolate_numbers(localised) if is_right_to_left(language) else localised


def _notes(library: ContentLibrary, found: LanguageTranslations) -> LanguageNotes:
    for wording in (found.wording, library.wording):
        if wording is not None and wording.language_notes is not None:
            return wording.language_notes
    return LanguageNotes(
        page_in_english="This page is in English. Your worker can go through it with you.",
        status_draft="Translation not yet checked",
        status_translated="Translated by a translator",
        status_checked="Translation checked by a second translator")


def language_warnings(document: doc.Document) -> list[str]:
    """What the worker should know before handing over a pack in another language."""
    if document.meta.language.split("-")[0] == "en":
        return []
    english = [s.title for s in document.sections if s.language == "en"]
    warnings = []
    if english:
        warnings.append(f"{len(english)} page{'s are' if len(english) != 1 else ' is'} in "
                        f"English (no current translation): {', '.join(english)}.")
    if document.meta.translation_status == "draft":
        warnings.append("The translated pages are a draft that no qualified translator has "
                        "checked yet; the footer says so in the pack's language.")
    return warnings

