"""Therapeutic letters: the paragraph library, composition, checks and letter documents.

Names are imported lazily on first use, so importing the package stays quick.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "LetterLibrary": "library",
    "letter_library": "library",
    "LetterRecipe": "recipe",
    "load_letter_recipe": "recipe",
    "ComposedLetter": "compose",
    "ComposedParagraph": "compose",
    "compose_letter": "compose",
    "UnusedField": "coverage",
    "unused_fields": "coverage",
    "ParagraphOption": "options",
    "paragraph_options": "options",
    "choose_paragraph": "options",
    "letter_claims": "options",
    "LetterChecks": "checks",
    "check_letter": "checks",
    "CONSENT_REMINDER": "checks",
    "worker_notes": "checks",
    "letter_document": "build",
    "letter_section": "build",
    "build_letterhead": "build",
    "load_logo": "logo",
    "render_letter_template": "templates",
    "template_context": "templates",
    "MadeLetter": "make",
    "make_letter": "make",
    "PackLetter": "make",
    "make_pack_letter": "make",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(name)
    return getattr(import_module(f"{__name__}.{module}"), name)
