"""A letter recipe: the worker's choices and the person's details for one letter.

A recipe lives in memory (the app) or in a YAML file the worker keeps (the CLI). Errors name
``file:line: field`` and never repeat what was typed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ..content.loader import validate_source
from ..content.schema import Id, Strict
from ..content.yaml_source import YamlSource, read_yaml
from ..errors import RecipeError
from .parts import LetterSlot, LetterType

# Generous: the adversarial tests push 5,000-character strings through every field.
FieldText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=10_000)]


# Help for each personal field, for forms (the app) and comments (example recipes). The
# wording says how the library's paragraphs use the value, so the sentence reads well.
FIELD_HELP: dict[str, str] = {
    "name": "The name they like to be called. Leave empty for \"Hello,\".",
    "their_words": "Their own words, exactly as they said them, and only words they are "
                   "happy to see written. Printed in quotation marks.",
    "strengths": "One strength per line, written to follow \"I noticed ...\", for example "
                 "\"you look out for your friends\".",
    "what_matters": "Written to follow \"how much you care about ...\", for example "
                    "\"seeing your daughter\".",
    "next_step": "One small step, written to follow \"we could ...\", for example "
                 "\"meet for a cup of tea\".",
    "new_worker": "Hand-over letters: the next worker's name.",
}


# What each personal field is called on the form, for notes about it ("... is not used").
FIELD_LABELS: dict[str, str] = {
    "name": "Name they like to be called",
    "their_words": "Their own words",
    "strengths": "Strengths",
    "what_matters": "What matters to them",
    "next_step": "A small next step",
    "new_worker": "Name of the new worker",
}


# Help for the "What they said" ticks (claims from content/letters/said.yaml).
SAID_HELP = ("Tick only what the person said to you. A paragraph that repeats it back to them "
             "is offered only when it is ticked.")


class RecipePart(Strict):
    """Unknown keys are errors (a typo never silently drops a field); text is trimmed."""


class PersonalFields(RecipePart):
    name: FieldText = ""
    their_words: FieldText = ""  # quoted exactly as the person said them
    strengths: list[FieldText] = Field(default_factory=list, max_length=20)
    what_matters: FieldText = ""
    next_step: FieldText = ""
    new_worker: FieldText = ""  # hand-over letters: who the next worker is


class LetterheadRecipe(RecipePart):
    organisation: FieldText = ""
    address_lines: list[FieldText] = Field(default_factory=list, max_length=8)
    logo: FieldText | None = None  # a PNG or JPEG file, relative to the recipe file


class Signer(RecipePart):
    name: FieldText = ""
    role: FieldText = ""


class LetterRecipe(RecipePart):
    schema_version: Literal[1] = 1
    letter_type: LetterType
    subthemes: list[Id] = Field(default_factory=list)
    person: PersonalFields = Field(default_factory=PersonalFields)
    # Things the person said that the worker ticked (claim ids from content/letters/), so
    # paragraphs that repeat them may be used, e.g. [blames-self].
    said: list[Id] = Field(default_factory=list)
    # The paragraph chosen for a slot (by id); slots not named get the best suggestion.
    paragraphs: dict[LetterSlot, Id] = Field(default_factory=dict)
    # Free text that replaces the suggestion for a slot, kept exactly as written. An empty
    # text leaves that part out of the letter.
    edited: dict[LetterSlot, Annotated[str, StringConstraints(max_length=20_000)]] = Field(
        default_factory=dict)
    letterhead: LetterheadRecipe = Field(default_factory=LetterheadRecipe)
    signer: Signer = Field(default_factory=Signer)
    date: dt.date | None = None  # default: today


def load_letter_recipe(path: Path | str) -> LetterRecipe:
    """Read and validate a recipe file; RecipeError with every ``file:line: field`` problem,
    one per line. A relative logo path is resolved against the recipe's folder."""
    source, problems = read_yaml(Path(path))
    if source is None:
        raise RecipeError("\n".join(str(p) for p in problems))
    return letter_recipe_from_source(source)


def letter_recipe_from_source(source: YamlSource) -> LetterRecipe:
    """The letter recipe in a file already read (``build-batch`` reads each file once)."""
    path = source.path
    keys = set(source.data) if isinstance(source.data, dict) else set()
    if "letter_type" not in keys and not keys & (set(LetterRecipe.model_fields) - {
            "schema_version"}):
        raise RecipeError(f"{path}: this is not a letter recipe (it has no letter_type:); "
                          f"for a pack recipe use: outreach-kit build {path} -o pack.pdf")
    recipe, problems = validate_source(source, LetterRecipe)
    if recipe is None:
        raise RecipeError("\n".join(
            str(p).replace("docs/content-guide.md", "examples/README.md") for p in problems))
    logo = recipe.letterhead.logo
    if logo and not Path(logo).is_absolute():
        letterhead = recipe.letterhead.model_copy(update={"logo": str(path.parent / logo)})
        recipe = recipe.model_copy(update={"letterhead": letterhead})
    return recipe
