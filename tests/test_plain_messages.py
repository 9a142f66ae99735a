"""No internal field name, type name or pattern reaches a person: the app's pack choices,
organisation settings and service form, and recipe files read by the CLI."""

from __future__ import annotations

import pytest

from outreach_kit.assemble.choices import PackChoices, recipe_from_choices
from outreach_kit.assemble.recipe import MAX_FREE_TEXT
from outreach_kit.errors import RecipeError

CODE_WORDS = ("String should", "Input should", "pattern", "type=", "person_name",
              "wallet_steps", "Field required", "pydantic")


def _plain(message: str) -> None:
    for word in CODE_WORDS:
        assert word not in message, f"{word!r} in {message!r}"


def test_pack_choices_too_long_are_named_as_the_app_names_them(library):
    with pytest.raises(RecipeError) as caught:
        recipe_from_choices(PackChoices(person_name="x" * (MAX_FREE_TEXT + 1),
                                        wallet_steps=("a", "b", "c", "d")), library)
    message = str(caught.value)
    assert "Name they like to be called: too long" in message
    assert "Things that might help: too many items: at most 3" in message
    _plain(message)


def test_organisation_settings_problems_use_the_page_labels():
    from outreach_kit.settings import MAX_LINE, checked_settings

    settings, problems = checked_settings(organisation="x" * (MAX_LINE + 1),
                                          default_profiles=["glossy"])
    assert settings is None
    assert problems[0].startswith("Organisation name: each line is at most")
    assert problems[1].startswith("Default print profile: unknown print profile 'glossy'")
    for problem in problems:
        _plain(problem)


def test_a_recipe_file_with_a_bad_pattern_is_plain_words_on_the_command_line(
        tmp_path, capsys):
    from outreach_kit.cli.main import main

    recipe = tmp_path / "pack.yaml"
    recipe.write_text("observations: [Only Way To Switch Off]\n", encoding="utf-8")
    assert main(["build", str(recipe), "-o", str(tmp_path / "pack.pdf")]) == 1
    err = capsys.readouterr().err
    assert "small letters, digits and hyphens" in err
    _plain(err)
