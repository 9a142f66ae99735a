"""The app's pack choices as one typed value, to and from a :class:`Recipe`.

The Make a pack page fills a :class:`PackChoices`; :func:`recipe_from_choices` turns it into
the same checked ``Recipe`` a recipe file gives the CLI, so both build through one path. A
saved or uploaded recipe comes back with :func:`choices_from_recipe`, in the same shape,
without its personal details.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pydantic import ValidationError

from ..content.library import ContentLibrary
from ..content.messages import plain_message
from ..errors import RecipeError
from ..formats import DEFAULT_PROFILE
from .recipe import Recipe, check_recipe


@dataclass(frozen=True)
class PackChoices:
    """Everything the app asks for one pack. Blank text means "not given"."""

    observations: tuple[str, ...] = ()
    modules: tuple[str, ...] | None = None  # None: use the recommendations
    areas: tuple[str, ...] = ()
    service_ids: tuple[str, ...] = ()
    profiles: tuple[str, ...] = (DEFAULT_PROFILE,)
    service_name: str = ""
    # Personal details: kept in memory only, never saved in a recipe.
    person_name: str = ""
    keyworker_name: str = ""
    service_contact: str = ""
    wallet_steps: tuple[str, ...] = ()
    language: str = "en"  # BCP 47; options from translations.files.language_choices


def recipe_from_choices(choices: PackChoices, library: ContentLibrary) -> Recipe:
    """A checked Recipe; RecipeError names the fields (never their values) when one is bad."""
    try:
        recipe = Recipe.model_validate({
            "person_name": choices.person_name,
            "keyworker_name": choices.keyworker_name,
            "service_name": choices.service_name,
            "service_contact": choices.service_contact,
            "observations": list(choices.observations),
            "modules": None if choices.modules is None else list(choices.modules),
            "services": {"areas": list(choices.areas), "ids": list(choices.service_ids)},
            "wallet_steps": list(choices.wallet_steps),
            "print": {"profiles": list(choices.profiles) or [DEFAULT_PROFILE]},
            "language": choices.language,
        })
    except ValidationError as exc:
        # What is wrong, in the words the app uses, never the values: they may be personal.
        reasons = "; ".join(f"{_field_words(tuple(e['loc']))}: {plain_message(dict(e))}"
                            for e in exc.errors())
        raise RecipeError(f"some choices are not valid ({reasons})") from None
    problems = check_recipe(recipe, library)
    if problems:
        raise RecipeError("; ".join(
            f"{_field_words((_FIELD_HEAD.split(p.field)[0],))}: {p.message}" for p in problems))
    return recipe


# The app's names for the recipe's fields (never the field names themselves).
_FIELD_WORDS = {
    "person_name": "Name they like to be called",
    "keyworker_name": "Your name",
    "service_name": "Service",
    "service_contact": "How to contact you",
    "wallet_steps": "Things that might help",
    "observations": "What you have noticed",
    "modules": "Pages",
    "services": "Services",
    "print": "Print options",
}


_FIELD_HEAD = re.compile(r"[.\[]")  # "services.ids[0]" -> "services"


def _field_words(loc: tuple[int | str, ...]) -> str:
    words = _FIELD_WORDS.get(str(loc[0]), "A choice") if loc else "A choice"
    if loc[:1] == ("wallet_steps",) and len(loc) > 1 and isinstance(loc[1], int):
        words += f" (line {loc[1] + 1})"
    return words


def services_of_areas(library: ContentLibrary, areas: Sequence[str]) -> list[str]:
    """The ids of every service in ``areas``, in the library's order."""
    return [s.id for area in areas for s in library.services_in_area(area)]


def with_areas_as_services(library: ContentLibrary, choices: PackChoices) -> PackChoices:
    """The same choices with each area's services listed one by one (the app shows the
    services that will print, each removable, rather than areas)."""
    ids = [*services_of_areas(library, choices.areas), *choices.service_ids]
    return replace(choices, areas=(), service_ids=tuple(dict.fromkeys(ids)))


def choices_from_recipe(recipe: Recipe) -> PackChoices:
    """The recipe's choices in the app's shape; personal details are left out."""
    return PackChoices(
        observations=tuple(recipe.observations),
        modules=None if recipe.modules is None else tuple(recipe.modules),
        areas=tuple(recipe.services.areas),
        service_ids=tuple(recipe.services.ids),
        profiles=tuple(recipe.print.profiles) or (DEFAULT_PROFILE,),
        service_name=recipe.service_name or "",
        language=recipe.language,
    )
