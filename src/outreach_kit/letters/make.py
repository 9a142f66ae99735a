"""One call from a recipe to a checked letter document (what the CLI and the app use)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..content.library import ContentLibrary
from ..content.loader import load_kinds
from ..document import Document, Section
from ..errors import RecipeError
from .build import build_letterhead, letter_document, letter_section
from .checks import LetterChecks, check_letter, worker_notes
from .compose import ComposedLetter, compose_letter, with_template_body, with_unused
from .library import letter_library
from .recipe import LetterRecipe, load_letter_recipe
from .templates import read_template_file, render_letter_template, template_context

# What a letter needs beyond a pack's content: its paragraphs, and the stigma terms its
# wording is checked against.
LETTER_KINDS = ("letters", "language")


@dataclass(frozen=True)
class MadeLetter:
    letter: ComposedLetter
    document: Document
    checks: LetterChecks

    def pack_section(self) -> Section:
        """The same letter as a section for ``build_pack(..., letter_section=...)``: the
        letter document's one section, listed in the pack's contents."""
        return replace(self.document.sections[0], in_contents=True)

    @property
    def guidance(self) -> tuple[str, ...]:
        return self.letter.guidance

    def worker_notes(self) -> list[str]:
        """Guidance, checks and the consent reminder for the worker (never the letter)."""
        return worker_notes(self.letter, self.checks)


def make_letter(
    content: ContentLibrary,
    recipe: LetterRecipe | Path | str,
    today: dt.date,
    *,
    template_path: Path | str | None = None,
    logo_bytes: bytes | None = None,
) -> MadeLetter:
    """Compose, optionally apply an organisation template, build the document, check it."""
    if not isinstance(recipe, LetterRecipe):
        recipe = load_letter_recipe(recipe)
    load_kinds(content, LETTER_KINDS)  # a library loaded for packs has none of these yet
    letters = letter_library(content)
    letter = compose_letter(letters, recipe, today, known_subthemes=content.subthemes)
    if template_path is not None:
        template = read_template_file(template_path)
        output = render_letter_template(template, template_context(recipe, letter))
        letter = with_unused(with_template_body(letter, output), recipe, letters)
    letterhead = build_letterhead(recipe.letterhead, logo_bytes)
    # no content version: a personal letter
    document = letter_document(letter, letterhead, labels=content.fixed_wording().labels())
    return MadeLetter(letter, document, check_letter(letter, content.terms))


@dataclass(frozen=True)
class PackLetter:
    """A letter inside a pack: its section, and what the worker should see beside it."""

    section: Section
    letter: ComposedLetter
    checks: LetterChecks

    def worker_notes(self) -> list[str]:
        return worker_notes(self.letter, self.checks)


def make_pack_letter(
    content: ContentLibrary,
    letter: LetterRecipe | Mapping[str, Any],
    today: dt.date,
    *,
    base_dir: Path | None = None,
    logo_bytes: bytes | None = None,
) -> PackLetter:
    """A checked letter section for ``build_pack(..., letter_section=...)``.

    ``letter`` may be the ``letter:`` part of a pack recipe (a mapping with the same keys
    as a letter recipe); a relative logo path is read from ``base_dir``.
    """
    if not isinstance(letter, LetterRecipe):
        try:
            letter = LetterRecipe.model_validate(dict(letter))
        except ValidationError as exc:
            where = [".".join(str(part) for part in err["loc"]) for err in exc.errors()]
            raise RecipeError(f"letter: check {', '.join(where)}") from None
    load_kinds(content, LETTER_KINDS)  # a library loaded for packs has none of these yet
    spec = letter.letterhead
    if spec.logo and base_dir is not None and not Path(spec.logo).is_absolute():
        spec = spec.model_copy(update={"logo": str(base_dir / spec.logo)})
    composed = compose_letter(letter_library(content), letter, today,
                              known_subthemes=content.subthemes)
    section = letter_section(composed, build_letterhead(spec, logo_bytes))
    return PackLetter(section, composed, check_letter(composed, content.terms))
