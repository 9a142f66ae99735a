"""Easy Read content: a module's ``easy_read:`` items, the picture catalogue and the list of
words to avoid.

- A client module may carry ``easy_read:`` items, each 1 to 3 short sentences and one
  picture id (checked for sentence length and words to avoid by ``language.easy_read``).
- Every YAML file in ``content/pictures/`` maps picture ids to a Font Awesome Free icon
  (``<style>/<name>``, from the ``fontawesomefree`` package: CC BY 4.0) and its alt text.
  Ids are unique across the files.
- ``content/language/easy-read-avoid.yaml`` lists jargon, idioms and metaphors.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator

from .schema import Id, Loc, ShortText, Strict, Text

IconName = Annotated[str, StringConstraints(pattern=r"^(solid|regular|brands)/[a-z0-9-]+$")]


@lru_cache(maxsize=1)
def _icon_root() -> Path | None:
    spec = find_spec("fontawesomefree")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    return package / "static/fontawesomefree/js-packages/@fortawesome/fontawesome-free/svgs"


def icon_path(icon: str) -> Path | None:
    """The SVG file of an icon such as ``solid/pills``, or None when it is not installed."""
    root = _icon_root()
    path = root / f"{icon}.svg" if root is not None else None
    return path if path is not None and path.is_file() else None


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    TEAM_REVIEWED = "team-reviewed"
    CLINICALLY_REVIEWED = "clinically-reviewed"


class EasyReadItem(Strict):
    """One idea: a few short sentences and the picture drawn beside them. ``service`` (help
    pages only) prints that service's phone number, in large type, before the text."""

    text: Text
    picture: Id
    service: Id | None = None


class EasyRead(Strict):
    review: ReviewStatus = ReviewStatus.DRAFT
    items: list[EasyReadItem] = Field(min_length=1, max_length=40)

    def texts(self) -> Iterator[tuple[Loc, str]]:
        for i, item in enumerate(self.items):
            yield ("easy_read", "items", i, "text"), item.text

    def references(self) -> Iterator[tuple[Loc, str, str]]:
        for i, item in enumerate(self.items):
            yield ("easy_read", "items", i, "picture"), "picture", item.picture
            if item.service is not None:
                yield ("easy_read", "items", i, "service"), "phone", item.service


class Picture(Strict):
    icon: IconName
    alt: ShortText

    @field_validator("icon")
    @classmethod
    def _installed(cls, icon: str) -> str:
        if icon_path(icon) is None:
            raise ValueError(f"there is no icon '{icon}' in Font Awesome Free 6.6 (is the "
                             "fontawesomefree package installed?)")
        return icon


class PictureFile(Strict):
    """A file in ``content/pictures/``: picture ids with their icon and alt text."""

    schema_version: Literal[1] = 1
    pictures: dict[Id, Picture] = Field(min_length=1)


class AvoidKind(StrEnum):
    JARGON = "jargon"
    IDIOM = "idiom"
    METAPHOR = "metaphor"
    HARD_WORD = "hard-word"


class AvoidEntry(Strict):
    """Words an Easy Read reader may not know, each matched as a whole word or phrase."""

    words: list[ShortText] = Field(min_length=1)
    kind: AvoidKind
    prefer: ShortText


class AvoidFile(Strict):
    """``content/language/easy-read-avoid.yaml``."""

    schema_version: Literal[1] = 1
    avoid: list[AvoidEntry] = Field(min_length=1)
