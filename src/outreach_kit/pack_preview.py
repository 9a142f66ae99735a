"""The pack as it will print, for the app's summary: its contents and page count.

Made again whenever the choices change, so the page count on screen is always the real
one. Only the layout runs for that (``render.pdf_page_count``: about 25 ms for the 30-page
reference pack against 70 ms for the whole PDF); the file itself is made when the worker
asks for it. It lives in the session only: it holds the person's name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from .assemble.choices import PackChoices, recipe_from_choices
from .content.library import ContentLibrary
from .document import Section
from .outputs import MadePack, make_pack
from .render.pdf_page_count import page_count


@dataclass(frozen=True)
class PackPreview:
    made: MadePack
    page_count: int  # pages of the PDF as printed (an A5 booklet: A4 sheets sides)

    @property
    def contents(self) -> list[str]:
        """Section titles in print order (the cover first when there is one)."""
        titles = ["Cover"] if self.made.document.cover is not None else []
        return titles + [s.title for s in self.made.document.sections]

    @cached_property
    def pdf(self) -> bytes:
        """The PDF, made the first time it is asked for and then kept with the preview."""
        return self.made.render("pdf")

    def file(self, fmt: str) -> bytes:
        """The pack in ``fmt`` (a format of ``formats_for("pack")``)."""
        return self.pdf if fmt == "pdf" else self.made.render(fmt)


def preview_pack(library: ContentLibrary, choices: PackChoices, today: dt.date,
                 letter_section: Section | None = None,
                 allow_unreviewed: bool = True) -> PackPreview:
    """The pack for ``choices``; RecipeError (plain words) when a choice is not valid,
    ReviewPolicyError when the organisation allows only clinically reviewed pages, and
    RenderError when part of it cannot fit on a page."""
    made = make_pack(library, recipe_from_choices(choices, library), today,
                     letter_section=letter_section, allow_unreviewed=allow_unreviewed)
    return PackPreview(made, page_count(made.document, made.options))
