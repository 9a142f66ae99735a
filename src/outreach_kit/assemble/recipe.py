"""A pack recipe: what a keyworker chose for one person, as a YAML file or from the app.

A recipe holds two kinds of thing:

- **choices** (observations, modules, services, print profiles) that can be saved and
  reused for anyone;
- **personal details** (the name the person likes to be called, the keyworker, a contact,
  the person's own coping steps, a letter) that live only in memory and in the pack
  handed back. :func:`save_recipe` never writes them.

Reading a recipe goes through ``content.yaml_source`` so every error names
``recipe.yaml:line: field: message``. Ids are checked against the content library in a
separate step, :func:`check_recipe`, because the schema alone cannot know them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from ..content.library import ContentLibrary
from ..content.loader import validate_source
from ..content.schema import Audience, Id
from ..content.yaml_source import YamlSource, field_name, parse_yaml_bytes, read_yaml
from ..errors import ContentError, OptionError, Problem, RecipeError, did_you_mean
from ..formats import PROFILES, PrintOptions, formats_for, unknown_profile_message
from ..languages import check_language
from ..letters.recipe import LetterRecipe

# Free text is kept exactly as typed (renderers escape it). The limit is generous on
# purpose: a long name must never crash a pack, only look long.
MAX_FREE_TEXT = 5000
MAX_WALLET_STEPS = 3

FreeText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_FREE_TEXT)
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class ServiceChoice(_Strict):
    """Services to list: every service in the named areas, plus these service ids."""

    areas: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                 max_length=200)]] = Field(default_factory=list)
    ids: list[Id] = Field(default_factory=list)


class PrintChoice(_Strict):
    """Print profiles and, optionally, output formats (names from ``outreach_kit.formats``)."""

    profiles: list[str] = Field(default_factory=list)
    formats: list[str] = Field(default_factory=list)

    @field_validator("profiles")
    @classmethod
    def _known_profiles(cls, names: list[str]) -> list[str]:
        for name in names:
            if name not in PROFILES:
                raise ValueError(unknown_profile_message(name))
        return names

    @field_validator("formats")
    @classmethod
    def _pack_formats(cls, names: list[str]) -> list[str]:
        allowed = formats_for("pack")
        for name in names:
            if name not in allowed:
                raise ValueError(f"a pack cannot be made as '{name}'; choose from "
                                 f"{', '.join(allowed)}")
        return names

    def options(self) -> PrintOptions:
        return PrintOptions.from_names(self.profiles)


class Recipe(_Strict):
    schema_version: Literal[1] = 1
    person_name: FreeText | None = None  # the name the person likes to be called
    keyworker_name: FreeText | None = None
    service_name: FreeText | None = None
    service_contact: FreeText | None = None
    observations: list[Id] = Field(default_factory=list)
    modules: list[Id] | None = None  # None: use the recommendations
    services: ServiceChoice = Field(default_factory=ServiceChoice)
    # A therapeutic letter to include (the same keys as a letter recipe); the CLI builds it
    # with letters.pack_letter_section and hands the Section to build_pack.
    letter: LetterRecipe | None = None
    wallet_steps: list[FreeText] = Field(default_factory=list, max_length=MAX_WALLET_STEPS)
    print: PrintChoice = Field(default_factory=PrintChoice)
    # BCP 47 (pl, ar, ...): modules with a current translation in content/translations/
    # are printed in it, the others in English with a note (translations.pack).
    language: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2,
                                               max_length=35)] = "en"

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        try:
            return check_language(value)
        except OptionError as exc:
            raise ValueError(str(exc)) from None

    @field_validator("person_name", "keyworker_name", "service_name", "service_contact",
                     mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("wallet_steps", mode="before")
    @classmethod
    def _drop_blank_steps(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [v for v in value if not (isinstance(v, str) and not v.strip())]
        return value


PERSONAL_FIELDS = ("person_name", "keyworker_name", "service_contact", "wallet_steps", "letter")


class RecipeProblems(RecipeError):
    """A recipe with one or more problems, each printed as ``file:line: field: message``."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems) or "recipe problem")


# ---------------------------------------------------------------------------- reading


def read_recipe(path: Path | str) -> tuple[Recipe, YamlSource]:
    """Read and validate one recipe file (schema only); raise RecipeProblems."""
    source, problems = read_yaml(Path(path))
    if source is None:
        raise RecipeProblems(problems)
    return _validated(source), source


def recipe_from_bytes(raw: bytes, name: str, library: ContentLibrary) -> Recipe:
    """A checked recipe from an uploaded file's bytes (``name`` is shown in problems)."""
    path = Path(Path(name).name or "recipe.yaml")
    try:
        source = parse_yaml_bytes(raw, path)
    except ContentError as exc:
        raise RecipeProblems(exc.problems) from None
    recipe = _validated(source)
    problems = check_recipe(recipe, library, source)
    if problems:
        raise RecipeProblems(problems)
    return recipe


class LetterRecipeGiven(RecipeError):
    """A letter recipe (it has ``letter_type:``) where a pack recipe was expected. Carries
    the file already read, so ``build-batch`` can make the letter without reading it again."""

    def __init__(self, source: YamlSource):
        self.source = source
        super().__init__(f"{source.path}: this is a letter recipe (it has letter_type:); "
                         f"make it with: outreach-kit letter {source.path} -o letter.pdf")


def _validated(source: YamlSource) -> Recipe:
    if isinstance(source.data, dict) and "letter_type" in source.data:
        raise LetterRecipeGiven(source)
    if not isinstance(source.data, dict):
        found = {"list": "a list", "str": "a single line of text"}.get(
            type(source.data).__name__, f"a {type(source.data).__name__}")
        raise RecipeProblems([Problem(str(source.path), 1, "", "a recipe must be a set of "
                                      f"'key: value' lines (see examples/), found {found}")])
    recipe, problems = validate_source(source, Recipe)
    if recipe is None:
        raise RecipeProblems([_for_recipes(p) for p in problems])
    return recipe


def _for_recipes(problem: Problem) -> Problem:
    """Point recipe writers at the recipe guide rather than the content guide."""
    message = problem.message.replace("docs/content-guide.md", "examples/README.md")
    return Problem(problem.path, problem.line, problem.field, message, problem.severity)


def load_recipe(path: Path | str, library: ContentLibrary | None = None) -> Recipe:
    """Read a recipe; when ``library`` is given also check every id it names exists."""
    recipe, source = read_recipe(path)
    if library is not None:
        problems = check_recipe(recipe, library, source)
        if problems:
            raise RecipeProblems(problems)
    return recipe


def check_recipe(
    recipe: Recipe, library: ContentLibrary, source: YamlSource | None = None
) -> list[Problem]:
    """Every id in the recipe that the library does not know, with file and line."""
    shown = str(source.path) if source else "recipe"
    problems: list[Problem] = []

    def problem(loc: tuple[str | int, ...], message: str) -> None:
        line = source.locate(loc)[0] if source else None
        problems.append(Problem(shown, line, field_name(loc), message))

    for i, obs in enumerate(recipe.observations):
        if obs not in library.observations:
            problem(("observations", i), f"unknown observation '{obs}'"
                    + did_you_mean(obs, library.observations, "observation"))
    for i, module_id in enumerate(recipe.modules or ()):
        module = library.modules.get(module_id)
        if module is None:
            problem(("modules", i), f"unknown module '{module_id}'"
                    + did_you_mean(module_id, library.modules, "module"))
        elif module.audience is Audience.WORKER:
            problem(("modules", i), f"module '{module_id}' is for workers, not for a client pack")
    for i, service_id in enumerate(recipe.services.ids):
        if service_id not in library.services:
            problem(("services", "ids", i), f"unknown service '{service_id}'"
                    + did_you_mean(service_id, library.services, "service"))
    for i, area in enumerate(recipe.services.areas):
        if not library.services_in_area(area):
            known = ", ".join(library.areas) or "none yet"
            problem(("services", "areas", i), f"no services listed for area '{area}' "
                    f"(areas with services: {known})")
    return problems


# ---------------------------------------------------------------------------- saving


def recipe_without_personal_fields(recipe: Recipe) -> Recipe:
    """The same choices with every personal detail removed (safe to save or share)."""
    return recipe.model_copy(update={name: Recipe.model_fields[name].get_default(
        call_default_factory=True) for name in PERSONAL_FIELDS})


def save_recipe(recipe: Recipe) -> str:
    """YAML text holding the choices only: no name, keyworker, contact, steps or letter."""
    choices = recipe_without_personal_fields(recipe)
    data = choices.model_dump(mode="json", exclude_none=True)
    for name in PERSONAL_FIELDS:
        data.pop(name, None)
    header = (
        "# Outreach Kit pack recipe: choices only. Personal details (name, keyworker,\n"
        "# contact, coping steps, letter) are never saved; add them when you build the pack.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
