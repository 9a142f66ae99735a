"""The pack as it will print, for the app's summary: its contents, page count and PDF.

Made again whenever the choices change (about 0.1 s for a 30-page pack once the layout
cache is warm), so the page count on screen is always the real one and "Download PDF"
hands over the file already made. It lives in the session only: it holds the person's name.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from pypdf import PdfReader

from .assemble.choices import PackChoices, recipe_from_choices
from .content.library import ContentLibrary
from .document import Section
from .outputs import MadePack, make_pack


@dataclass(frozen=True)
class PackPreview:
    made: MadePack
    pdf: bytes
    page_count: int  # pages of the PDF as printed (an A5 booklet: A4 sheets sides)

    @property
    def contents(self) -> list[str]:
        """Section titles in print order (the cover first when there is one)."""
        titles = ["Cover"] if self.made.document.cover is not None else []
        return titles + [s.title for s in self.made.document.sections]


def preview_pack(library: ContentLibrary, choices: PackChoices, today: dt.date,
                 letter_section: Section | None = None,
                 allow_unreviewed: bool = True) -> PackPreview:
    """The pack for ``choices``; RecipeError (plain words) when a choice is not valid,
    ReviewPolicyError when the organisation allows only clinically reviewed pages."""
    made = make_pack(library, recipe_from_choices(choices, library), today,
                     letter_section=letter_section, allow_unreviewed=allow_unreviewed)
    pdf = made.render("pdf")
    return PackPreview(made, pdf, len(PdfReader(io.BytesIO(pdf)).pages))
