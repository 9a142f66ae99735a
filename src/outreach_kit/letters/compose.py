"""Compose a letter: suggested paragraphs for a type and themes, then the worker's choices.

Pure functions: no files, no Streamlit. The result is plain text per paragraph; turning it
into a document (letterhead, signature) is :mod:`outreach_kit.letters.build`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..content.library import ContentLibrary
from ..document import uk_date
from ..errors import RecipeError
from .fields import fill_placeholders, join_naturally, missing_fields
from .library import LetterLibrary, letter_library
from .recipe import LetterRecipe
from .schema import LetterSlot, LetterType, ParagraphVariant

TEMPLATE_SLOT = "template"  # paragraphs that came from an organisation's own template


@dataclass(frozen=True)
class ComposedParagraph:
    slot: str  # a LetterSlot value, or "template"
    text: str
    edited: bool = False  # typed by the worker: kept exactly as written
    variant_id: str | None = None


@dataclass(frozen=True)
class ComposedLetter:
    letter_type: LetterType
    type_name: str
    date: dt.date
    greeting: str
    paragraphs: tuple[ComposedParagraph, ...]
    sign_off: str
    signer_name: str = ""
    signer_role: str = ""
    guidance: tuple[str, ...] = ()  # for the worker; never printed in the letter
    skipped: tuple[str, ...] = ()  # slots left out because a field they need is empty

    @property
    def date_text(self) -> str:
        return uk_date(self.date)


def field_values(recipe: LetterRecipe) -> dict[str, str]:
    """Placeholder values from a recipe (empty strings for fields not filled in)."""
    person = recipe.person
    return {
        "name": person.name,
        "their_words": person.their_words,
        "strengths": join_naturally(list(person.strengths)),
        "what_matters": person.what_matters,
        "next_step": person.next_step,
        "worker_name": recipe.signer.name,
        "new_worker": person.new_worker,
        "organisation": recipe.letterhead.organisation,
    }


def _check_subthemes(library_subthemes: Iterable[str] | None, chosen: Iterable[str]) -> None:
    if library_subthemes is None:
        return
    known = set(library_subthemes)
    for subtheme in chosen:
        if subtheme not in known:
            raise RecipeError(f"unknown subtheme '{subtheme}'")


def _letters(library: LetterLibrary | ContentLibrary) -> LetterLibrary:
    return letter_library(library) if isinstance(library, ContentLibrary) else library


def suggest_paragraphs(
    library: LetterLibrary | ContentLibrary,
    letter_type: LetterType | str,
    subthemes: Iterable[str] = (),
    values: Mapping[str, str] | None = None,
) -> dict[LetterSlot, list[ParagraphVariant]]:
    """For each slot of the letter type, in order: its paragraphs, best first.

    Best means: all its fields are filled in (when ``values`` is given), then most matching
    subthemes, then paragraphs that suit any theme, then the rest in file order.
    """
    library = _letters(library)
    kind = library.letter_type(letter_type)
    wanted = set(subthemes)

    def rank(item: tuple[int, ParagraphVariant]) -> tuple[int, int, int, int]:
        order, variant = item
        missing = bool(values is not None and missing_fields(variant.text, values))
        matches = len(wanted.intersection(variant.subthemes))
        general = 0 if not variant.subthemes else 1
        return (missing, -matches, general if not matches else 0, order)

    suggestions: dict[LetterSlot, list[ParagraphVariant]] = {}
    for slot in kind.slots:
        fitting = [(i, v) for i, v in enumerate(library.variants_for(slot))
                   if kind.id in v.letter_types]
        suggestions[slot] = [v for _, v in sorted(fitting, key=rank)]
    return suggestions


def _chosen_variant(library: LetterLibrary, slot: LetterSlot, variant_id: str) -> ParagraphVariant:
    variant = library.variants.get(variant_id)
    if variant is None or library.slot_of[variant_id] != slot:
        raise RecipeError(f"paragraphs.{slot}: there is no paragraph '{variant_id}' for this "
                          "part of the letter")
    return variant


def _default_variant(
    ranked: list[ParagraphVariant], subthemes: Iterable[str], values: Mapping[str, str]
) -> ParagraphVariant | None:
    """The best paragraph to start from: its fields are filled in, and it either suits any
    theme or one the worker chose (paragraphs for other themes may say things that are not
    true for this person, so they are offered but never picked for the worker)."""
    wanted = set(subthemes)
    for variant in ranked:
        fits = not variant.subthemes or wanted.intersection(variant.subthemes)
        if fits and not missing_fields(variant.text, values):
            return variant
    return None


def _check_slots(recipe: LetterRecipe, kind_id: LetterType, slots: Iterable[LetterSlot]) -> None:
    """An edit or choice for a part this letter type does not have would be lost: refuse it."""
    has = set(slots)
    article = "an" if kind_id.value[0] in "aeiou" else "a"
    for key, given in (("edited", recipe.edited), ("paragraphs", recipe.paragraphs)):
        for slot in given:
            if slot not in has:
                raise RecipeError(f"{key}.{slot.value}: {article} {kind_id.value} letter has no "
                                  "such part")


def _compose_slot(
    library: LetterLibrary,
    recipe: LetterRecipe,
    slot: LetterSlot,
    suggested: list[ParagraphVariant],
    values: Mapping[str, str],
) -> ComposedParagraph | None:
    """One part of the letter: the worker's edit, their choice, or the best suggestion."""
    if slot in recipe.edited:
        text = recipe.edited[slot].strip()
        return ComposedParagraph(slot.value, text, edited=True) if text else None
    variant: ParagraphVariant | None
    if slot in recipe.paragraphs:
        variant = _chosen_variant(library, slot, recipe.paragraphs[slot])
        missing = missing_fields(variant.text, values)
        if missing:
            raise RecipeError(f"paragraphs.{slot}: paragraph '{variant.id}' needs "
                              f"'{missing[0]}' filled in; add it or choose another")
    else:
        variant = _default_variant(suggested, recipe.subthemes, values)
    if variant is None:
        return None
    return ComposedParagraph(slot.value, fill_placeholders(variant.text, values),
                             variant_id=variant.id)


def compose_letter(
    library: LetterLibrary | ContentLibrary,
    recipe: LetterRecipe,
    today: dt.date,
    known_subthemes: Iterable[str] | None = None,
) -> ComposedLetter:
    """The letter's paragraphs, from the worker's edits, choices, or the best suggestions.

    ``known_subthemes`` (for example ``content.subthemes``; the default when ``library`` is
    the ContentLibrary) makes an unknown subtheme in the recipe an error rather than simply
    matching nothing.
    """
    if isinstance(library, ContentLibrary):
        known_subthemes = library.subthemes if known_subthemes is None else known_subthemes
    library = _letters(library)
    _check_subthemes(known_subthemes, recipe.subthemes)
    kind = library.letter_type(recipe.letter_type)
    _check_slots(recipe, kind.id, kind.slots)
    values = field_values(recipe)
    suggestions = suggest_paragraphs(library, kind.id, recipe.subthemes, values)
    paragraphs: list[ComposedParagraph] = []
    skipped: list[str] = []
    sign_off = ""
    for slot in kind.slots:
        composed = _compose_slot(library, recipe, slot, suggestions[slot], values)
        if composed is None:
            skipped.append(slot.value)
        elif slot is LetterSlot.SIGN_OFF:
            sign_off = composed.text
        else:
            paragraphs.append(composed)
    greeting = fill_placeholders(kind.greeting, values) if not missing_fields(
        kind.greeting, values) else kind.greeting_without_name
    return ComposedLetter(
        letter_type=kind.id,
        type_name=kind.name,
        date=recipe.date or today,
        greeting=greeting,
        paragraphs=tuple(paragraphs),
        sign_off=sign_off,
        signer_name=recipe.signer.name,
        signer_role=recipe.signer.role,
        guidance=tuple(kind.guidance),
        skipped=tuple(skipped),
    )


_BLANK_LINE = re.compile(r"\n[ \t]*\n+")


def split_paragraphs(text: str) -> list[str]:
    """Split text at blank lines into paragraphs (line breaks inside one are kept)."""
    return [part.strip() for part in _BLANK_LINE.split(text.replace("\r\n", "\n"))
            if part.strip()]


def with_template_body(letter: ComposedLetter, template_output: str) -> ComposedLetter:
    """The letter with its body replaced by an organisation template's output."""
    body = tuple(ComposedParagraph(TEMPLATE_SLOT, part)
                 for part in split_paragraphs(template_output))
    return dataclasses.replace(letter, paragraphs=body)
