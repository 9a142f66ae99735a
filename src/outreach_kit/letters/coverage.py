"""Which of the worker's entries did not reach the letter, said in words a worker understands.

Every field the worker fills in about the person should appear in the letter unless they
take it out. This module finds the ones that did not, so the app can say so beside the
field and the CLI on stderr. Notes name the field, never what was typed in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .recipe import FIELD_LABELS, LetterRecipe
from .schema import LetterType

if TYPE_CHECKING:
    from .compose import ComposedLetter
    from .library import LetterLibrary


@dataclass(frozen=True)
class UnusedField:
    field: str  # the recipe key under person ("strengths"), or "said"
    message: str  # for the worker; never repeats what was typed
    index: int | None = None  # which strength (0-based), or which ticked claim in `said`

    def __str__(self) -> str:
        return self.message


def _flat(text: str) -> str:
    return " ".join(text.split()).casefold()


def _typed_values(recipe: LetterRecipe) -> Iterator[tuple[str, int | None, str]]:
    """Each filled-in value, in the order of the form (FIELD_LABELS)."""
    person = recipe.person
    for key in FIELD_LABELS:
        if key == "strengths":
            yield from (("strengths", i, s) for i, s in enumerate(person.strengths) if s)
        elif value := getattr(person, key):
            yield key, None, value


def _field_message(recipe: LetterRecipe, key: str, index: int | None) -> str:
    if index is not None:
        label = f"Strength {index + 1} of {len(recipe.person.strengths)}"
    else:
        label = FIELD_LABELS[key]
    why = ""
    if key == "new_worker" and recipe.letter_type is not LetterType.HAND_OVER:
        why = " (only hand-over letters name the new worker)"
    return f"{label} is filled in but not in the letter{why}."


def unused_fields(
    recipe: LetterRecipe, letter: ComposedLetter, library: LetterLibrary
) -> list[UnusedField]:
    """Every filled-in field whose words are not in the letter, and every ticked claim no
    paragraph of the letter repeats, in form order."""
    printed = _flat(" ".join([letter.greeting, *(p.text for p in letter.paragraphs),
                              letter.sign_off]))
    unused = [UnusedField(key, _field_message(recipe, key, index), index)
              for key, index, value in _typed_values(recipe) if _flat(value) not in printed]
    repeated = {need for p in letter.paragraphs if p.variant_id in library.variants
                for need in library.variants[p.variant_id].needs}
    for i, claim in enumerate(recipe.said):
        if claim not in repeated:
            label = library.claims[claim].label if claim in library.claims else claim
            unused.append(UnusedField("said", f'You ticked "{label}", but no paragraph in '
                                      "the letter uses it.", i))
    return unused
