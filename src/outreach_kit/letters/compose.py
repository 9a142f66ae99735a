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
from ..errors import RecipeError, did_you_mean
from .coverage import UnusedField, unused_fields
from .fields import fill_placeholders, join_naturally, missing_fields
from .library import LetterLibrary, letter_library
from .recipe import LetterRecipe
from .schema import PERSONAL_FIELDS, PLACEHOLDERS, LetterSlot, LetterType, ParagraphVariant

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
    unused: tuple[UnusedField, ...] = ()  # the worker's entries that are not in the letter

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
            raise RecipeError(f"subthemes: unknown subtheme '{subtheme}'"
                              + did_you_mean(subtheme, known))


def _check_said(library: LetterLibrary, said: Iterable[str]) -> None:
    for claim in said:
        if claim not in library.claims:
            raise RecipeError(f"said: unknown '{claim}'; use one of "
                              f"{', '.join(library.claims) or 'nothing (no claims defined)'}")


def letters_of(library: LetterLibrary | ContentLibrary) -> LetterLibrary:
    return letter_library(library) if isinstance(library, ContentLibrary) else library


@dataclass(frozen=True)
class Fit:
    """What the worker entered, as far as choosing paragraphs goes.

    ``values`` None means "not known yet": fields then count as filled in.
    """

    subthemes: frozenset[str] = frozenset()
    values: Mapping[str, str] | None = None
    said: frozenset[str] = frozenset()

    def missing(self, variant: ParagraphVariant) -> list[str]:
        """Fields not filled in and claims not ticked that the paragraph needs."""
        return [need for need in variant.requirements if not self._given(need)]

    def worker_words(self, variant: ParagraphVariant) -> int:
        """How many of the worker's own entries (fields about the person, ticked claims)
        the paragraph carries into the letter."""
        return sum(1 for need in variant.requirements
                   if (need in PERSONAL_FIELDS or need not in PLACEHOLDERS)
                   and self._given(need))

    def suits_themes(self, variant: ParagraphVariant) -> bool:
        """Suits any theme, or one the worker chose (paragraphs for other themes may say
        things that are not true for this person: offered, never picked for the worker)."""
        return not variant.subthemes or bool(self.subthemes.intersection(variant.subthemes))

    def rank(self, order: int, variant: ParagraphVariant) -> tuple[int, ...]:
        """Sort key, best first: the worker's own words, then matching themes (never the
        other way round), then paragraphs for any theme, then paragraphs written for fewer
        letter types (so each type reads as its own letter), then file order."""
        matches = len(self.subthemes.intersection(variant.subthemes))
        general = 0 if matches or not variant.subthemes else 1
        return (-self.worker_words(variant), -matches, general, len(variant.letter_types),
                order)

    def _given(self, need: str) -> bool:
        if need in PLACEHOLDERS:
            return self.values is None or bool(self.values.get(need))
        return need in self.said


def fit_of(recipe: LetterRecipe) -> Fit:
    return Fit(frozenset(recipe.subthemes), field_values(recipe), frozenset(recipe.said))


def ranked_variants(
    library: LetterLibrary, letter_type: LetterType, slot: LetterSlot, fit: Fit
) -> list[ParagraphVariant]:
    """Every paragraph of ``slot`` written for ``letter_type``, best first (see Fit.rank)."""
    fitting = [(i, v) for i, v in enumerate(library.variants_for(slot))
               if letter_type in v.letter_types]
    return [v for _, v in sorted(fitting, key=lambda item: fit.rank(*item))]


def _chosen_variant(library: LetterLibrary, slot: LetterSlot, variant_id: str) -> ParagraphVariant:
    variant = library.variants.get(variant_id)
    if variant is None or library.slot_of[variant_id] != slot:
        raise RecipeError(f"paragraphs.{slot}: there is no paragraph '{variant_id}' for this "
                          "part of the letter")
    return variant


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
    library: LetterLibrary, recipe: LetterRecipe, slot: LetterSlot, fit: Fit
) -> ComposedParagraph | None:
    """One part of the letter: the worker's edit, their choice, or the best suggestion."""
    if slot in recipe.edited:
        text = recipe.edited[slot].strip()
        return ComposedParagraph(slot.value, text, edited=True) if text else None
    variant: ParagraphVariant | None
    if slot in recipe.paragraphs:
        variant = _chosen_variant(library, slot, recipe.paragraphs[slot])
        missing = fit.missing(variant)
        if missing:
            how = "filled in" if missing[0] in PLACEHOLDERS else "ticked under said:"
            raise RecipeError(f"paragraphs.{slot}: paragraph '{variant.id}' needs "
                              f"'{missing[0]}' {how}; add it or choose another")
    else:
        variant = default_variant(library, recipe.letter_type, slot, fit)
    if variant is None:
        return None
    return ComposedParagraph(slot.value, fill_placeholders(variant.text, fit.values or {}),
                             variant_id=variant.id)


def default_variant(
    library: LetterLibrary, letter_type: LetterType, slot: LetterSlot, fit: Fit
) -> ParagraphVariant | None:
    """The paragraph a slot starts with: the best one the worker's entries support and that
    suits their themes (None: nothing fits, so the part is left out)."""
    for variant in ranked_variants(library, letter_type, slot, fit):
        if fit.suits_themes(variant) and not fit.missing(variant):
            return variant
    return None


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
    library = letters_of(library)
    _check_subthemes(known_subthemes, recipe.subthemes)
    _check_said(library, recipe.said)
    kind = library.letter_type(recipe.letter_type)
    _check_slots(recipe, kind.id, kind.slots)
    fit = fit_of(recipe)
    values = field_values(recipe)
    paragraphs: list[ComposedParagraph] = []
    skipped: list[str] = []
    sign_off = ""
    for slot in kind.slots:
        composed = _compose_slot(library, recipe, slot, fit)
        if composed is None:
            skipped.append(slot.value)
        elif slot is LetterSlot.SIGN_OFF:
            sign_off = composed.text
        else:
            paragraphs.append(composed)
    greeting = fill_placeholders(kind.greeting, values) if not missing_fields(
        kind.greeting, values) else kind.greeting_without_name
    letter = ComposedLetter(
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
    return with_unused(letter, recipe, library)


def with_unused(letter: ComposedLetter, recipe: LetterRecipe,
                library: LetterLibrary) -> ComposedLetter:
    """The letter with its notes about unused entries brought up to date (after an edit or
    an organisation template changed its text)."""
    return dataclasses.replace(letter, unused=tuple(unused_fields(recipe, letter, library)))


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
