"""Recipe files: schema, file:line: field errors, id checks, saving choices only."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from outreach_kit.assemble.recipe import (
    PERSONAL_FIELDS,
    Recipe,
    RecipeProblems,
    check_recipe,
    load_recipe,
    read_recipe,
    recipe_without_personal_fields,
    save_recipe,
)
from outreach_kit.errors import RecipeError


def write(tmp_path: Path, text: str, name: str = "recipe.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


FULL = """\
schema_version: 1
person_name: Sam
keyworker_name: Alex
service_name: Harbour Drop-in
service_contact: "0131 496 0123"
observations:
  - uses-to-switch-off
  - too-late
modules: null
services:
  areas: [Scotland]
  ids: [example-drop-in]
wallet_steps:
  - Breathe out slowly.
  - Text Alex.
print:
  profiles: [large-print, dyslexia]
  formats: [pdf, html]
"""


def test_full_recipe_loads_and_checks(tmp_path, fixture_library):
    recipe = load_recipe(write(tmp_path, FULL), fixture_library)
    assert recipe.person_name == "Sam"
    assert recipe.observations == ["uses-to-switch-off", "too-late"]
    assert recipe.modules is None
    assert recipe.services.areas == ["Scotland"]
    assert recipe.wallet_steps == ["Breathe out slowly.", "Text Alex."]
    options = recipe.print.options()
    assert options.large_print and options.dyslexia and not options.greyscale
    assert recipe.print.formats == ["pdf", "html"]


def test_minimal_recipe_has_safe_defaults(tmp_path):
    recipe = load_recipe(write(tmp_path, "schema_version: 1\n"))
    assert recipe.person_name is None and recipe.observations == []
    assert recipe.modules is None and recipe.wallet_steps == []
    assert recipe.print.options().names == ["standard"]


def test_blank_personal_fields_count_as_not_given(tmp_path):
    recipe = load_recipe(write(tmp_path, 'schema_version: 1\nperson_name: "  "\n'
                                         'wallet_steps: ["", "Walk"]\n'))
    assert recipe.person_name is None
    assert recipe.wallet_steps == ["Walk"]


def test_recipe_that_is_a_list_is_one_clear_error(tmp_path):
    path = write(tmp_path, "- uses-to-switch-off\n- too-late\n")
    with pytest.raises(RecipeError) as caught:
        load_recipe(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:1:")
    assert "key: value" in message and "a list" in message
    assert "\n" not in message


def test_recipe_that_is_text_is_one_clear_error(tmp_path):
    path = write(tmp_path, "just some words\n")
    with pytest.raises(RecipeError, match="single line of text"):
        load_recipe(path)


def test_missing_recipe_file_names_the_file(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(RecipeError) as caught:
        load_recipe(path)
    assert str(caught.value) == f"{path}: file not found"


def test_yaml_syntax_error_has_a_line(tmp_path):
    path = write(tmp_path, "schema_version: 1\nobservations: [a, b\n")
    with pytest.raises(RecipeError, match=r"recipe\.yaml:\d+: YAML syntax error"):
        load_recipe(path)


def test_unknown_observation_names_file_line_and_field(tmp_path, fixture_library):
    path = write(tmp_path, "schema_version: 1\nobservations:\n  - too-late\n  - no-such-thing\n")
    with pytest.raises(RecipeProblems) as caught:
        load_recipe(path, fixture_library)
    assert str(caught.value) == (
        f"{path}:4: observations[1]: unknown observation 'no-such-thing' "
        "(every id: outreach-kit recommend --list-observations)"
    )


def test_unknown_module_service_and_area_are_all_reported(tmp_path, fixture_library):
    path = write(tmp_path, (
        "schema_version: 1\n"
        "modules: [hope-without-pressure, made-up-module]\n"
        "services:\n"
        "  areas: [Atlantis]\n"
        "  ids: [samaritans, made-up-service]\n"
    ))
    with pytest.raises(RecipeProblems) as caught:
        load_recipe(path, fixture_library)
    lines = str(caught.value).splitlines()
    assert lines[0] == (f"{path}:2: modules[1]: unknown module 'made-up-module' "
                        "(every id: outreach-kit recommend --list-modules)")
    assert lines[1].startswith(f"{path}:5: services.ids[1]: unknown service 'made-up-service'")
    assert lines[2].startswith(f"{path}:4: services.areas[0]: no services listed for area "
                               "'Atlantis'")
    assert "Scotland" in lines[2]
    assert len(caught.value.problems) == 3


def test_worker_module_is_refused_in_a_client_pack(tmp_path, fixture_library):
    path = write(tmp_path, "schema_version: 1\nmodules: [worker-notes-attachment]\n")
    with pytest.raises(RecipeProblems, match=r":2: modules\[0\]: .*for workers"):
        load_recipe(path, fixture_library)


def test_misspelt_field_is_an_error_with_its_line(tmp_path):
    path = write(tmp_path, "schema_version: 1\nperson_nmae: Sam\n")
    with pytest.raises(RecipeProblems) as caught:
        load_recipe(path)
    assert str(caught.value).startswith(f"{path}:2: person_nmae: unknown field")
    assert "Sam" not in str(caught.value)  # never echo what was typed


def test_more_than_three_wallet_steps_is_an_error(tmp_path):
    path = write(tmp_path, "schema_version: 1\nwallet_steps: [a, b, c, d]\n")
    with pytest.raises(RecipeProblems, match=r":2: wallet_steps: "):
        load_recipe(path)


def test_unknown_print_profile_is_an_error(tmp_path):
    path = write(tmp_path, "schema_version: 1\nprint:\n  profiles: [tiny-print]\n")
    with pytest.raises(RecipeProblems, match=r":3: print.profiles: unknown print profile "
                                             r"'tiny-print'"):
        load_recipe(path)


def test_wrong_schema_version_is_an_error(tmp_path):
    with pytest.raises(RecipeProblems, match=r":1: schema_version"):
        load_recipe(write(tmp_path, "schema_version: 2\n"))


def test_invalid_id_shape_is_an_error(tmp_path):
    with pytest.raises(RecipeProblems, match=r":2: observations\[0\]"):
        load_recipe(write(tmp_path, "schema_version: 1\nobservations: [Not An Id]\n"))


def test_check_recipe_without_a_file(fixture_library):
    recipe = Recipe(observations=["nope-x"])
    problems = check_recipe(recipe, fixture_library)
    assert [str(p) for p in problems] == [
        "recipe: observations[0]: unknown observation 'nope-x' "
        "(every id: outreach-kit recommend --list-observations)"]


def test_read_recipe_returns_the_source_for_later_checks(tmp_path, fixture_library):
    recipe, source = read_recipe(write(tmp_path, "schema_version: 1\nobservations: [zz-top]\n"))
    problems = check_recipe(recipe, fixture_library, source)
    assert problems[0].line == 2 and problems[0].field == "observations[0]"


def test_long_free_text_is_kept_exactly(tmp_path):
    name = "Ā" * 5000
    recipe = Recipe(person_name=name, wallet_steps=["x" * 5000])
    assert recipe.person_name == name
    with pytest.raises(ValueError):
        Recipe(person_name="x" * 5001)


# ---------------------------------------------------------------------------- saving


def test_saved_recipe_holds_choices_only(tmp_path, fixture_library):
    recipe = load_recipe(write(tmp_path, FULL), fixture_library)
    recipe = recipe.model_copy(update={"letter": {"paragraphs": ["Dear Sam"]}})
    text = save_recipe(recipe)
    for secret in ("Sam", "Alex", "0131 496 0123", "Breathe out slowly", "Dear"):
        assert secret not in text
    data = yaml.safe_load(text)
    for name in PERSONAL_FIELDS:
        assert name not in data
    assert data["observations"] == ["uses-to-switch-off", "too-late"]
    assert data["service_name"] == "Harbour Drop-in"
    assert data["print"]["profiles"] == ["large-print", "dyslexia"]


def test_saved_recipe_loads_back_to_the_same_choices(tmp_path, fixture_library):
    recipe = load_recipe(write(tmp_path, FULL), fixture_library)
    again = load_recipe(write(tmp_path, save_recipe(recipe), "saved.yaml"), fixture_library)
    assert again == recipe_without_personal_fields(recipe)
    assert again.observations == recipe.observations
    assert again.person_name is None and again.wallet_steps == []


def test_recipe_without_personal_fields_keeps_everything_else():
    recipe = Recipe(person_name="Sam", keyworker_name="Alex", service_contact="x",
                    service_name="Harbour", wallet_steps=["a"],
                        letter={"letter_type": "reaching-out", "person": {"name": "Sam"}},
                    observations=["too-late"], modules=["hope-without-pressure"])
    clean = recipe_without_personal_fields(recipe)
    assert (clean.person_name, clean.keyworker_name, clean.service_contact) == (None,) * 3
    assert clean.wallet_steps == [] and clean.letter is None
    assert clean.service_name == "Harbour"
    assert clean.modules == ["hope-without-pressure"]
    assert recipe.person_name == "Sam"  # the original is untouched


# ---------------------------------------------------------------------------- examples

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("name", ["reference-pack.yaml", "minimal.yaml",
                                  "no-personal-details.yaml"])
def test_example_recipes_are_valid_for_the_real_content(name, library):
    recipe = load_recipe(EXAMPLES / name, library)
    assert recipe.observations
    if name == "no-personal-details.yaml":
        assert recipe == recipe_without_personal_fields(recipe)
    if name == "reference-pack.yaml":
        assert recipe.person_name == "Sam"
        categories = {library.category_of(library.subtheme_of(o).id).id
                      for o in recipe.observations}
        assert len(categories) >= 3
