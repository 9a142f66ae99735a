"""What a keyworker may notice, for the app: themes in everyday words and a search.

The research names stay the source of truth (``content/model.yaml``); a theme's
``everyday_name``, when set, is what a worker reads first, with the research name as a hint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.library import ContentLibrary
from ..content.model_schema import Category, Observation

_WORD = re.compile(r"[a-z0-9']+")


def theme_title(category: Category) -> str:
    """The name a worker reads: everyday words when the theme has them."""
    return category.everyday_name or category.name


def theme_hint(category: Category) -> str | None:
    """The research name, shown small beside the everyday one (None when they are the same)."""
    if category.everyday_name and category.everyday_name != category.name:
        return f"In the research: {category.name}"
    return None


@dataclass(frozen=True)
class Found:
    """One observation a search found, with the group it sits in."""

    observation: Observation
    group: str  # "theme: subtheme", in everyday words


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("\u2019", "'"))


def find_observations(library: ContentLibrary, query: str) -> list[Found]:
    """Observations where every word of ``query`` starts a word of the observation's own
    text; when none does, those where the words are found in its subtheme or theme too.
    Empty for a query with no words."""
    wanted = _words(query)
    if not wanted:
        return []
    own: list[Found] = []
    near: list[Found] = []
    for category in library.categories.values():
        for subtheme in category.subthemes:
            group = f"{theme_title(category)}: {subtheme.name}"
            around = _words(f"{subtheme.name} {category.name} {theme_title(category)}")
            for obs in subtheme.observations:
                text = _words(obs.text)
                if _all_start(wanted, text):
                    own.append(Found(obs, group))
                elif _all_start(wanted, text + around):
                    near.append(Found(obs, group))
    return own or near


def _all_start(wanted: list[str], words: list[str]) -> bool:
    return all(any(w.startswith(part) for w in words) for part in wanted)

