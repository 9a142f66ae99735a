"""The choices a worker has for each part of a letter: what the app shows and switches.

``paragraph_options`` lists the paragraphs for one part, best first, each saying whether it
can be used yet and what it still needs; ``choose_paragraph`` pins one in the recipe (the
recipe's ``paragraphs:``), so the CLI and the app compose the same letter from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.library import ContentLibrary
from ..errors import RecipeError
from .compose import Fit, default_variant, fit_of, letters_of, ranked_variants
from .fields import fill_placeholders
from .library import LetterLibrary
from .recipe import FIELD_LABELS, LetterRecipe
from .schema import PLACEHOLDERS, ClaimDefinition, LetterSlot, ParagraphVariant


@dataclass(frozen=True)
class ParagraphOption:
    id: str
    text: str  # filled in when it can be used; otherwise with its {placeholders}
    subthemes: tuple[str, ...]  # empty: suits any theme
    missing: tuple[str, ...]  # for the worker: what to fill in or tick before it can be used
    suits_themes: bool  # False: written for themes the worker did not choose
    starts_with: bool  # the paragraph this part starts with when nothing is pinned
    note: str | None = None  # for the worker: when this one fits

    @property
    def available(self) -> bool:
        return not self.missing


def _needs_in_words(library: LetterLibrary, missing: list[str]) -> tuple[str, ...]:
    words = []
    for need in missing:
        if need in PLACEHOLDERS:
            words.append(f"fill in: {FIELD_LABELS.get(need, need.replace('_', ' '))}")
        else:
            claim = library.claims.get(need)
            words.append(f"tick: {claim.label if claim else need}")
    return tuple(words)


def _option(library: LetterLibrary, variant: ParagraphVariant, fit: Fit,
            default: ParagraphVariant | None) -> ParagraphOption:
    missing = fit.missing(variant)
    text = variant.text
    if not missing and fit.values is not None:
        text = fill_placeholders(variant.text, fit.values)
    return ParagraphOption(variant.id, text, tuple(variant.subthemes),
                           _needs_in_words(library, missing), fit.suits_themes(variant),
                           variant is default, variant.note)


def paragraph_options(
    library: LetterLibrary | ContentLibrary, recipe: LetterRecipe, slot: LetterSlot | str
) -> list[ParagraphOption]:
    """Every paragraph for ``slot`` in this recipe's letter type, best first (the worker's
    own words first, then their themes): the ones the app offers (``available``), and the
    others with what they still need."""
    library = letters_of(library)
    slot = LetterSlot(slot)
    fit = fit_of(recipe)
    default = default_variant(library, recipe.letter_type, slot, fit)
    return [_option(library, variant, fit, default)
            for variant in ranked_variants(library, recipe.letter_type, slot, fit)]


def choose_paragraph(
    library: LetterLibrary | ContentLibrary,
    recipe: LetterRecipe,
    slot: LetterSlot | str,
    variant_id: str | None,
) -> LetterRecipe:
    """The recipe with ``variant_id`` pinned for ``slot`` (None: back to the suggestion).

    RecipeError when the paragraph is not one of this part's options or still needs a field
    filled in or a claim ticked.
    """
    library = letters_of(library)
    slot = LetterSlot(slot)
    pinned = {s: v for s, v in recipe.paragraphs.items() if s is not slot}
    if variant_id is not None:
        option = next((o for o in paragraph_options(library, recipe, slot)
                       if o.id == variant_id), None)
        if option is None:
            raise RecipeError(f"paragraphs.{slot}: there is no paragraph '{variant_id}' for "
                              "this part of this letter")
        if option.missing:
            raise RecipeError(f"paragraphs.{slot}: paragraph '{variant_id}' needs you to "
                              f"{option.missing[0]} first")
        pinned[slot] = variant_id
    return recipe.model_copy(update={"paragraphs": pinned})


def letter_claims(library: LetterLibrary | ContentLibrary) -> list[ClaimDefinition]:
    """The things a worker can tick as said by the person (ids go in ``recipe.said``)."""
    return list(letters_of(library).claims.values())
