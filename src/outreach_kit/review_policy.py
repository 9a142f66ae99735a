"""Which pages of a pack are not yet clinically reviewed, and the organisation's rule.

An organisation decides (``OrganisationSettings.allow_unreviewed_modules``, on the
Organisation page) whether pages not yet clinically reviewed may go into client packs. By
default they may, and the worker is told which pages await review; when they may not,
making the pack stops with an error that names the pages.
"""

from __future__ import annotations

from .content import schema
from .content.library import ContentLibrary
from .content.review import ReviewStatus
from .document import Document, SectionKind
from .errors import ReviewPolicyError

_MODULE_SECTIONS = (SectionKind.MODULE, SectionKind.HELP_NOW)


def pages_awaiting_review(library: ContentLibrary, document: Document) -> list[schema.Module]:
    """The modules in ``document`` whose files record no clinical review, in pack order."""
    pages = [library.modules.get(section.id) for section in document.sections
             if section.kind in _MODULE_SECTIONS]
    return [page for page in pages if page is not None
            and page.review_status is not ReviewStatus.CLINICALLY_REVIEWED]


def awaiting_review_note(library: ContentLibrary, document: Document) -> str:
    """One line for the worker ("" when every page is clinically reviewed)."""
    pages = pages_awaiting_review(library, document)
    if not pages:
        return ""
    titles = "; ".join(page.title for page in pages)
    return (f"{len(pages)} page(s) in this pack are not yet clinically reviewed (checked by "
            f"the content team only): {titles}.")


def check_review_policy(library: ContentLibrary, document: Document,
                        allow_unreviewed: bool) -> None:
    """ReviewPolicyError naming the pages, when the organisation allows only clinically
    reviewed pages in client packs and some are not."""
    if allow_unreviewed:
        return
    pages = pages_awaiting_review(library, document)
    if pages:
        titles = "; ".join(f"'{page.title}' ({page.id})" for page in pages)
        raise ReviewPolicyError(
            "your organisation's settings allow only clinically reviewed pages in client "
            f"packs, and these pages are not yet clinically reviewed: {titles}. Leave them "
            "out, or change the setting on the Organisation page. Pages that every pack "
            "includes must be reviewed before packs can be made with this setting.")
