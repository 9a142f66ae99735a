"""The app's pack choices to a Recipe and back, without Streamlit; one build path."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from outreach_kit.assemble import build_pack, load_recipe, save_recipe
from outreach_kit.assemble.choices import PackChoices, choices_from_recipe, recipe_from_choices
from outreach_kit.assemble.recipe import RecipeProblems, recipe_from_bytes
from outreach_kit.errors import RecipeError
from outreach_kit.formats import PrintOptions
from outreach_kit.outputs import make_pack, render_document

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 3, 1)


def _choices(library) -> PackChoices:
    observations = tuple(sorted(library.observations)[:3])
    service = sorted(library.services)[0]
    return PackChoices(
        observations=observations, modules=None, areas=(library.areas[0],),
        service_ids=(service,), profiles=("large-print", "greyscale"),
        service_name="Harbour Drop-in", person_name="Sam", keyworker_name="Alex",
        service_contact="0131 496 0123", wallet_steps=("Walk by the river",))


def test_choices_survive_a_saved_recipe_without_the_personal_details(library):
    choices = _choices(library)
    text = save_recipe(recipe_from_choices(choices, library))
    back = choices_from_recipe(recipe_from_bytes(text.encode("utf-8"), "saved.yaml", library))
    assert back == PackChoices(
        observations=choices.observations, modules=None, areas=choices.areas,
        service_ids=choices.service_ids, profiles=choices.profiles,
        service_name="Harbour Drop-in")
    for personal in ("Sam", "Alex", "0131", "river"):
        assert personal not in text


def test_a_chosen_module_list_survives_too(library):
    module = next(m.id for m in library.modules.values() if m.audience == "client")
    choices = PackChoices(modules=(module,))
    back = choices_from_recipe(recipe_from_bytes(
        save_recipe(recipe_from_choices(choices, library)).encode(), "r.yaml", library))
    assert back.modules == (module,)


def test_bad_choices_name_the_field_never_the_value(library):
    with pytest.raises(RecipeError) as info:
        recipe_from_choices(PackChoices(observations=("not-an-observation",),
                                        wallet_steps=("a", "b", "c", "d")), library)
    assert "Things that might help: too many items" in str(info.value)
    with pytest.raises(RecipeError,
                       match="What you have noticed: unknown observation 'not-an-observation'"):
        recipe_from_choices(PackChoices(observations=("not-an-observation",)), library)
    with pytest.raises(RecipeError) as secret:
        recipe_from_choices(PackChoices(person_name="Morven" * 2000), library)
    assert "Name they like to be called" in str(secret.value)
    assert "Morven" not in str(secret.value) and "person_name" not in str(secret.value)


def test_an_uploaded_recipe_is_checked_against_the_library(library):
    with pytest.raises(RecipeProblems, match=r"up\.yaml:1: observations\[0\]: unknown"):
        recipe_from_bytes(b"observations: [no-such-thing]\n", "up.yaml", library)
    with pytest.raises(RecipeProblems, match="a recipe must be a set of 'key: value' lines"):
        recipe_from_bytes(b"- a\n- b\n", "up.yaml", library)


def test_app_choices_and_recipe_file_build_the_same_pack(library):
    """The app's path (choices) and the CLI's path (file) meet at one Recipe and one build."""
    recipe = load_recipe(ROOT / "examples" / "no-personal-details.yaml", library)
    from_app = recipe_from_choices(choices_from_recipe(recipe), library)
    assert build_pack(library, from_app, TODAY) == build_pack(library, recipe, TODAY)


def test_make_pack_uses_the_recipes_profiles_unless_others_are_given(library):
    recipe = recipe_from_choices(PackChoices(profiles=("large-print",)), library)
    assert make_pack(library, recipe, TODAY).options == PrintOptions(large_print=True)
    made = make_pack(library, recipe, TODAY, profiles=["greyscale"])
    assert made.options == PrintOptions(greyscale=True)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(made.render("pdf"))).pages)
    assert "Help right now" in text or "help right now" in text.lower()
    assert made.render("md") == render_document(made.document, "md", made.options)
