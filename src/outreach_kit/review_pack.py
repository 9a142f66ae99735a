"""The clinical review pack: every module's text, its sources and a sign-off table.

``outreach-kit review-pack`` and any other caller build one :class:`Document` here and
render it like any other document (PDF or Word). A module's review state is printed only
as its file records it: a module with no ``review:`` block is shown as a draft, so nothing
reads "clinically reviewed" unless a review is recorded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterator
from pathlib import Path

from . import document as doc
from .assemble.pack import module_section
from .content import schema
from .content.library import ContentLibrary
from .content.review import ReviewStatus
from .content.source_policy import SourcePolicyFile
from .document import content_text, uk_date, user_text

SIGN_OFF_HEADER = ("Name", "Role", "Date", "Decision")
SIGN_OFF_ROWS = 2
DECISIONS = "Decision: approved, approved with changes (write them below), or not approved."


def review_state_text(module: schema.Module) -> str:
    """"Team-reviewed by Outreach Kit content team, 26 November 2026" or the draft note."""
    if module.review is None:
        return "Draft: no review recorded"
    return module.review.in_words()


def modules_for_review(library: ContentLibrary,
                       statuses: Collection[ReviewStatus] = ()) -> list[schema.Module]:
    """Every module (or those in one of ``statuses``), by kind and then title."""
    return sorted((m for m in library.modules.values()
                   if not statuses or m.review_status in statuses),
                  key=lambda m: (m.kind.value, m.title))


def review_pack(library: ContentLibrary, today: dt.date,
                statuses: Collection[ReviewStatus] = ()) -> doc.Document:
    """The review pack for the modules in ``statuses`` (every module when empty)."""
    modules = modules_for_review(library, statuses)
    policies = library.items_of(SourcePolicyFile)
    policy = policies[0] if policies else None
    sections = [_introduction(library, modules, statuses, today)]
    sections += [_module_review(library, module, policy) for module in modules]
    wording = library.wording
    return doc.Document(
        kind="review-pack",
        meta=doc.DocumentMeta(
            title="Clinical review pack",
            author="Outreach Kit content team",
            subject="Module text, sources and sign-off for a clinical lead",
            content_version=library.content_version,
        ),
        sections=tuple(sections),
        labels=wording.labels() if wording else doc.Labels(),
    )


def _introduction(library: ContentLibrary, modules: list[schema.Module],
                  statuses: Collection[ReviewStatus], today: dt.date) -> doc.Section:
    which = (", ".join(s.label.lower() for s in sorted(statuses)) if statuses
             else "every review state")
    counts = {status: sum(m.review_status is status for m in modules)
              for status in ReviewStatus}
    return doc.Section(
        id="how-to-review", title="How to use this review pack",
        kind=doc.SectionKind.NOTES,
        blocks=(
            doc.Paragraph(user_text(
                f"Made on {uk_date(today)} from content version {library.content_version}. "
                f"Pages: {len(modules)} ({which}).")),
            doc.BulletList(tuple(user_text(f"{status.label}: {counts[status]}")
                                 for status in ReviewStatus)),
            doc.Steps((
                user_text("Read each page as a client would see it."),
                user_text("Check each fact against the sources listed under it."),
                user_text("Fill in the sign-off table and give the pack back to the "
                          "content team, who record the review in the page's file."),
            )),
            doc.Paragraph(user_text(DECISIONS)),
        ),
    )


def _module_review(library: ContentLibrary, module: schema.Module,
                   policy: SourcePolicyFile | None) -> doc.Section:
    page = module_section(module, content_text(module.summary), library.phone_of)
    details = (f"Review state: {review_state_text(module)}. Kind: {module.kind.value}. "
               f"For: {module.audience.value}. File: {_relative(library, module)}.")
    blocks: list[doc.Block] = [
        doc.Callout(body=(user_text(details),), title=user_text("Review state"),
                    tone=doc.Tone.INFO),
        doc.Heading(user_text("The page as printed")),
        *page.blocks,
        doc.Heading(user_text("Sources for its facts")),
        _sources(module, library, policy),
    ]
    services = list(_services_named(module, library))
    if services:
        blocks += [doc.Heading(user_text("Numbers on this page and their sources")),
                   doc.BulletList(tuple(services))]
    blocks += [
        doc.Heading(user_text("Sign-off")),
        doc.Paragraph(user_text(DECISIONS)),
        doc.Table(SIGN_OFF_HEADER, (("",) * len(SIGN_OFF_HEADER),) * SIGN_OFF_ROWS),
        doc.WriteIn(user_text("Changes needed, or notes"), lines=4),
    ]
    return doc.Section(
        id=module.id, title=module.title, blocks=tuple(blocks),
        intro=user_text(review_state_text(module)),
        content_warning=module.content_warning or "",
        last_reviewed=module.last_reviewed, next_review=module.next_review,
    )


def _relative(library: ContentLibrary, module: schema.Module) -> str:
    path = Path(library.path_of(module))
    try:
        return str(path.relative_to(library.root))
    except ValueError:
        return path.name


def _sources(module: schema.Module, library: ContentLibrary,
             policy: SourcePolicyFile | None) -> doc.Block:
    if not module.sources:
        return doc.Paragraph(user_text("No sources are listed for this page."))
    own_sites = [library.services[ref].web or "" for _, kind, ref in module.references()
                 if kind == "phone" and ref in library.services]
    lines = []
    for source in module.sources:
        kind = ""
        if policy is not None:
            found = policy.kind_of(source, own_sites)
            kind = (f" {'Primary' if found.primary else 'Secondary'}: {found.name}."
                    if found else " Secondary: a site not listed in content/sources.yaml.")
        lines.append(user_text(_reference_text(source) + kind))
    return doc.BulletList(tuple(lines))


def _reference_text(source: schema.Reference) -> str:
    where = source.url or "Print only (no web copy)"
    publisher = f"{source.publisher}. " if source.publisher else ""
    return f"{source.title}. {publisher}{where}. Checked {uk_date(source.checked)}."


def _services_named(module: schema.Module, library: ContentLibrary) -> Iterator[doc.Inline]:
    for _, kind, ref in module.references():
        service = library.services.get(ref)
        if kind == "phone" and service is not None:
            yield user_text(f"{service.name}: {service.phone}. Source: "
                            + _reference_text(service.source))
