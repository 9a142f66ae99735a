"""Themes in everyday words and the search over what a worker may notice."""

from __future__ import annotations

from outreach_kit.assemble.noticing import find_observations, theme_hint, theme_title


def test_every_research_theme_has_everyday_words_and_the_research_name_as_a_hint(library):
    for category in library.categories.values():
        if category.research:
            assert theme_title(category) != category.name
            assert theme_hint(category) == f"In the research: {category.name}"
        else:
            assert theme_title(category) == category.name and theme_hint(category) is None


def test_search_finds_by_word_starts_in_any_order_and_case(library):
    found = [f.observation.id for f in find_observations(library, "OFF switch")]
    assert found == ["only-way-to-switch-off"]
    assert "uses-to-get-to-sleep" in {f.observation.id for f in find_observations(library,
                                                                                    "slee")}


def test_search_falls_back_to_the_theme_words_only_when_no_observation_says_them(library):
    own = find_observations(library, "pain")
    assert own and all("pain" in f.observation.text.lower() for f in own)
    by_theme = find_observations(library, "community")
    assert by_theme, "no observation says 'community', but a theme does"
    assert all("community" not in f.observation.text.lower() for f in by_theme)
    assert find_observations(library, "  ") == []
    assert find_observations(library, "zzzz") == []
