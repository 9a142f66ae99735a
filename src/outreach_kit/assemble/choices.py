"""The app's pack choices as one typed value, to and from a :class:`Recipe`.

The Make a pack page fills a :class:`PackChoices`; :func:`recipe_from_choices` turns it into
the same checked ``Recipe`` a recipe file gives the CLI, so both build through one path. A
saved or uploaded recipe comes back with :func:`choices_from_recipe`, in the same shape,
without its personal details.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from ..content.library import ContentLibrary
from ..content.yaml_source import field_name
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
        # Field names and short reasons only: the values may be personal.
        reasons = "; ".join(f"{field_name(tuple(e['loc']))}: {e['msg']}" for e in exc.errors())
        raise RecipeError(f"some choices are not valid ({reasons})") from None
    problems = check_recipe(recipe, library)
    if problems:
        raise RecipeError("; ".join(f"{p.field}: {p.message}" for p in problems))
    return recipe


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
