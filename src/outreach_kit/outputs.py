"""Finished files: any Document in any output format, and a pack straight from choices.

The CLI and the app both call these, so a format behaves the same wherever it is made.
Renderers are imported only when used, keeping the CLI quick to start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .content.library import ContentLibrary
from .content.loader import validate_source
from .content.yaml_source import field_name, parse_yaml_bytes
from .document import Document, Section
from .errors import ContentError, RecipeError, UsageError
from .render.options import PrintOptions

# format -> (label for people, MIME type, file suffix)
FORMATS: dict[str, tuple[str, str, str]] = {
    "pdf": ("PDF", "application/pdf", ".pdf"),
    "html": ("web page (HTML)", "text/html", ".html"),
    "md": ("Markdown", "text/markdown", ".md"),
    "docx": ("Word (DOCX)",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    "txt": ("plain text", "text/plain", ".txt"),
    "pptx": ("slides (PPTX)",
             "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx"),
}


def format_for(path: Path, given: str | None = None,
               allowed: tuple[str, ...] = tuple(FORMATS)) -> str:
    """The output format named by ``given`` or else by the file's suffix."""
    suffixes = {suffix: name for name, (_, _, suffix) in FORMATS.items()}
    suffixes |= {".htm": "html", ".markdown": "md"}
    fmt = given.lower().lstrip(".") if given else suffixes.get(path.suffix.lower(), "")
    if fmt not in allowed:
        endings = [FORMATS[f][2] for f in allowed]
        listed = ", ".join(endings[:-1]) + f" or {endings[-1]}" if len(endings) > 1 else endings[0]
        raise UsageError(f"cannot tell the format from '{path.name}': end the file name with "
                         f"{listed}, or use --format")
    return fmt


def render_document(document: Document, fmt: str, options: PrintOptions | None = None) -> bytes:
    """``document`` as bytes in ``fmt`` (pdf, html, md, docx or txt)."""
    options = options or PrintOptions()
    if fmt == "pdf":
        from .render.pdf import render_pdf

        return render_pdf(document, options)
    if fmt == "html":
        from .render.html import render_html

        return render_html(document, options).encode("utf-8")
    if fmt == "md":
        from .render.markdown import render_markdown

        return render_markdown(document).encode("utf-8")
    if fmt == "docx":
        from .render.docx import render_docx

        return render_docx(document, options)
    if fmt == "txt":
        from .render.plaintext import render_plaintext

        return render_plaintext(document).encode("utf-8")
    raise UsageError(f"unknown format '{fmt}'; choose from {', '.join(FORMATS)}")


# ---------------------------------------------------------------------------- packs


def recipe_from_choices(library: ContentLibrary, choices: dict[str, Any]):
    """A checked Recipe from the app's choices (a dict shaped like a recipe file)."""
    from .assemble import Recipe, check_recipe

    try:
        recipe = Recipe.model_validate(choices)
    except ValidationError as exc:
        # Field names and short reasons only: the values may be personal.
        reasons = "; ".join(f"{field_name(tuple(e['loc']))}: {e['msg']}" for e in exc.errors())
        raise RecipeError(f"some choices are not valid ({reasons})") from None
    problems = check_recipe(recipe, library)
    if problems:
        raise RecipeError("; ".join(f"{p.field}: {p.message}" for p in problems))
    return recipe


def pack_from_choices(
    library: ContentLibrary,
    choices: dict[str, Any],
    today: dt.date,
    letter_section: Section | None = None,
) -> tuple[Document, PrintOptions]:
    """Build one pack from the app's choices, with the print options they name."""
    from .assemble import build_pack

    recipe = recipe_from_choices(library, choices)
    document = build_pack(library, recipe, today, letter_section=letter_section)
    return document, PrintOptions.from_names(recipe.print.profiles)


# ---------------------------------------------------------------------------- training


def render_training(
    library: ContentLibrary,
    session_id: str,
    audience: str,
    fmt: str,
    options: PrintOptions | None = None,
) -> bytes:
    """A facilitator guide or participant handout (PDF), or the slide deck (PPTX)."""
    if fmt == "pptx":
        from .training.slides import session_slides

        return session_slides(library, session_id, audience)
    if audience == "facilitator":
        from .training.guide import facilitator_guide

        document = facilitator_guide(library, session_id)
    elif audience == "participant":
        from .training.handout import participant_handout

        document = participant_handout(library, session_id)
    else:
        raise UsageError(f"unknown audience '{audience}'; choose facilitator or participant")
    return render_document(document, fmt, options)


def recipe_choices_from_bytes(raw: bytes, name: str, library: ContentLibrary) -> dict[str, Any]:
    """The choices in an uploaded recipe file (personal fields are ignored, never kept)."""
    from .assemble import Recipe, check_recipe

    path = Path(Path(name).name or "recipe.yaml")
    try:
        source = parse_yaml_bytes(raw, path)
    except ContentError as exc:
        raise RecipeError(str(exc)) from None
    if not isinstance(source.data, dict):
        raise RecipeError(f"{path}: a recipe must be a set of 'key: value' lines")
    recipe, problems = validate_source(source, Recipe)
    if recipe is not None:
        problems = check_recipe(recipe, library, source)
    if recipe is None or problems:
        raise RecipeError("\n".join(str(p) for p in problems))
    return {
        "observations": list(recipe.observations),
        "modules": list(recipe.modules or []),
        "areas": list(recipe.services.areas),
        "service_ids": list(recipe.services.ids),
        "profiles": list(recipe.print.profiles or ["standard"]),
    }


def recipe_yaml_without_personal_fields(choices: dict[str, Any]) -> str:
    """Recipe text for saving: choices only, never names, contacts or steps."""
    from .assemble import Recipe, save_recipe

    try:
        return save_recipe(Recipe.model_validate(choices))
    except ValidationError:
        raise RecipeError("these choices cannot be saved as a recipe") from None


__all__ = [
    "FORMATS",
    "format_for",
    "pack_from_choices",
    "recipe_choices_from_bytes",
    "recipe_from_choices",
    "recipe_yaml_without_personal_fields",
    "render_document",
    "render_training",
]
