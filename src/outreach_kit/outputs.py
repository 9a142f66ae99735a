"""Finished files: any Document in any format, a pack from a recipe, training material.

The CLI and the app both call these, so a pack, letter or session is made the same way
wherever it is asked for. Which formats exist, and which each kind of document can be made
in, is the table in ``outreach_kit.formats``.

Each renderer is imported the first time its format is asked for, since a CLI run needs
only one: at import, render.pdf costs 181 ms, training.slides 119 ms, render.docx 73 ms,
render.html 39 ms, render.markdown and render.plaintext 4 ms together (measured with
``python -X importtime`` on top of what ``build`` always loads).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .assemble.pack import build_pack
from .assemble.recipe import Recipe
from .content.library import ContentLibrary
from .document import Document, Section
from .formats import FORMATS, PrintOptions, check_format, formats_for, training_kind
from .review_policy import check_review_policy

if TYPE_CHECKING:
    from .letters.make import PackLetter

Renderer = Callable[[Document, PrintOptions], bytes]


def _pdf(document: Document, options: PrintOptions) -> bytes:
    from .render.pdf import render_pdf

    return render_pdf(document, options)


def _html(document: Document, options: PrintOptions) -> bytes:
    from .render.html import render_html

    return render_html(document, options).encode("utf-8")


def _markdown(document: Document, options: PrintOptions) -> bytes:
    from .render.markdown import render_markdown

    return render_markdown(document).encode("utf-8")


def _docx(document: Document, options: PrintOptions) -> bytes:
    from .render.docx import render_docx

    return render_docx(document, options)


def _plaintext(document: Document, options: PrintOptions) -> bytes:
    from .render.plaintext import render_plaintext

    return render_plaintext(document).encode("utf-8")


def _audio(fmt: str) -> Renderer:
    def render(document: Document, options: PrintOptions) -> bytes:
        from .render import audio

        make = {"wav": audio.render_wav, "mp3": audio.render_mp3, "zip": audio.render_zip}
        return make[fmt](document)

    return render


# Formats made from a Document. Slides (pptx) are made from a training session instead:
# see TRAINING_RENDERERS.
DOCUMENT_RENDERERS: dict[str, Renderer] = {
    "pdf": _pdf, "html": _html, "md": _markdown, "docx": _docx, "txt": _plaintext,
    "wav": _audio("wav"), "mp3": _audio("mp3"), "zip": _audio("zip"),
}


def render_document(document: Document, fmt: str, options: PrintOptions | None = None) -> bytes:
    """``document`` as bytes in ``fmt`` (OptionError for a format no Document renders to)."""
    renderer = DOCUMENT_RENDERERS[check_format(fmt, DOCUMENT_RENDERERS)]
    return renderer(document, options or PrintOptions())


# ---------------------------------------------------------------------------- packs


@dataclass(frozen=True)
class MadePack:
    document: Document
    options: PrintOptions
    letter: PackLetter | None  # the recipe's own letter: its checks are for the worker

    def render(self, fmt: str) -> bytes:
        check_format(fmt, formats_for("pack"))
        return render_document(self.document, fmt, self.options)


def make_pack(
    library: ContentLibrary,
    recipe: Recipe,
    today: dt.date,
    *,
    letter_section: Section | None = None,
    profiles: Iterable[str] = (),
    base_dir: Path | None = None,
    allow_unreviewed: bool = True,
) -> MadePack:
    """Build one pack from a checked recipe (from a file or from the app's choices).

    A letter in the recipe is composed and checked here (a relative logo path is read from
    ``base_dir``); the app passes a letter already made on its letter page as
    ``letter_section``. ``profiles``, when given, replace the recipe's print profiles.
    ``allow_unreviewed`` is the organisation's setting: when False, a pack with pages not
    yet clinically reviewed is refused (ReviewPolicyError naming them).
    """
    letter = None
    if recipe.letter is not None:
        # letters.make pulls in Jinja2 (33 ms at import); most packs have no letter.
        from .letters.make import make_pack_letter

        letter = make_pack_letter(library, recipe.letter, today, base_dir=base_dir)
        letter_section = letter.section
    document = build_pack(library, recipe, today, letter_section=letter_section)
    check_review_policy(library, document, allow_unreviewed)
    options = PrintOptions.from_names(list(profiles) or recipe.print.profiles)
    if options.easy_read:
        from .assemble.easy_read import easy_read_pack

        document = easy_read_pack(document, library)
    return MadePack(document, options, letter)


# ---------------------------------------------------------------------------- training


# Session material is made from the session, not from a Document: a guide or handout
# rendered like any document, or the slide deck. training.guide and training.handout cost
# 23 ms at import, training.slides 119 ms; a pack never needs them.
TrainingRenderer = Callable[[ContentLibrary, str, str, PrintOptions], bytes]


def _session_document(fmt: str) -> TrainingRenderer:
    def render(library: ContentLibrary, session_id: str, audience: str,
               options: PrintOptions) -> bytes:
        from .training.guide import facilitator_guide
        from .training.handout import participant_handout

        build = facilitator_guide if audience == "facilitator" else participant_handout
        return render_document(build(library, session_id), fmt, options)

    return render


def _slides(library: ContentLibrary, session_id: str, audience: str,
            options: PrintOptions) -> bytes:
    from .training.slides import session_slides

    return session_slides(library, session_id, audience)


TRAINING_RENDERERS: dict[str, TrainingRenderer] = {
    fmt: _session_document(fmt) for fmt in ("pdf", "html", "md", "docx", "txt")} | {
    "pptx": _slides}


def render_training(
    library: ContentLibrary,
    session_id: str,
    audience: str,
    fmt: str,
    options: PrintOptions | None = None,
) -> bytes:
    """A session's material for ``audience`` (facilitator or participant) in ``fmt``."""
    check_format(fmt, training_kind(audience).formats)
    return TRAINING_RENDERERS[fmt](library, session_id, audience, options or PrintOptions())


__all__ = [
    "FORMATS",
    "MadePack",
    "make_pack",
    "render_document",
    "render_training",
]
