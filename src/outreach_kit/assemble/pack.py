"""``build_pack``: a recipe and the content library in, one Document out.

Pure: no files, no clock, no globals. The same library, recipe and date always give the
same Document, so the app, the CLI, the benchmark and the tests all share it.

Privacy: the person's name appears only on the cover, never in the document metadata
(title, subject, keywords), so a shared file does not name them in its properties.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .. import document as doc
from ..content import schema
from ..content.library import ContentLibrary
from ..document import content_text
from . import wording
from .recipe import Recipe, RecipeProblems, check_recipe
from .recommend import (
    GROUNDING_ID,
    HELP_NOW_ID,
    KIND_ORDER,
    Recommendation,
    recommend,
    safety_floor,
)


def build_pack(
    library: ContentLibrary,
    recipe: Recipe,
    today: dt.date,
    letter_section: doc.Section | None = None,
) -> doc.Document:
    """The whole pack for one person. ``letter_section`` is an already-built letter.

    Raises RecipeProblems when the recipe names ids the library does not have.
    """
    problems = check_recipe(recipe, library)
    if problems:
        raise RecipeProblems(problems)
    picks = _picks(library, recipe)
    help_now = library.modules.get(HELP_NOW_ID)
    grounding = library.modules.get(GROUNDING_ID)
    if grounding is not None and grounding.audience is not schema.Audience.CLIENT:
        grounding = None

    body_picks = [p for p in picks if p.module_id not in (HELP_NOW_ID, GROUNDING_ID)]
    modules_used = [library.modules[p.module_id] for p in body_picks]

    sections: list[doc.Section] = [_how_to_use(), _contents()]
    if grounding is not None:
        reason = next((p for p in picks if p.module_id == GROUNDING_ID), None)
        sections.append(module_section(grounding, _intro(grounding, reason)))
        modules_used.append(grounding)
    if letter_section is not None:
        sections.append(letter_section)
    sections += [module_section(library.modules[p.module_id],
                                _intro(library.modules[p.module_id], p)) for p in body_picks]

    services, any_example = _services(library, recipe)
    if services is not None:
        sections.append(services)
    if help_now is not None:
        sections.append(module_section(help_now, content_text(help_now.summary),
                                       kind=doc.SectionKind.HELP_NOW))
        modules_used.append(help_now)
    else:
        sections.append(_help_now_fallback())
    sections.append(_wallet_card(recipe.wallet_steps))

    return doc.Document(
        kind="pack",
        meta=_meta(library, recipe, modules_used),
        sections=tuple(sections),
        cover=_cover(recipe, today),
        notices=(wording.EXAMPLE_NOTICE,) if any_example else (),
    )


# ---------------------------------------------------------------------------- choosing


def _picks(library: ContentLibrary, recipe: Recipe) -> list[Recommendation]:
    """The modules in reading order: chosen (or recommended), then the safety floor."""
    if recipe.modules is None:
        # reading order: making sense first, then things to try, connection, hope, safety
        ranked = recommend(library, recipe.observations)
        return sorted(ranked, key=lambda r: KIND_ORDER[schema.ModuleKind(r.kind)])
    recommended = {r.module_id: r for r in recommend(library, recipe.observations)}
    picks = []
    for module_id in dict.fromkeys(recipe.modules):
        module = library.modules[module_id]
        picks.append(recommended.get(module_id) or Recommendation(
            module.id, module.title, module.kind.value, "Chosen by hand",
            tuple(module.subthemes), 0.0, ""))
    chosen = {p.module_id for p in picks}
    picks += [r for r in safety_floor(library) if r.module_id not in chosen]
    return picks


def _intro(module: schema.Module, pick: Recommendation | None) -> doc.Inline:
    if pick is not None and pick.reader_reason:
        return content_text(pick.reader_reason)
    return content_text(module.summary)


# ---------------------------------------------------------------------------- modules


def module_section(
    module: schema.Module,
    intro: doc.Inline,
    kind: doc.SectionKind = doc.SectionKind.MODULE,
) -> doc.Section:
    """One content module as a document section."""
    return doc.Section(
        id=module.id,
        title=module.title,
        kind=kind,
        blocks=tuple(module_blocks(module.body)),
        intro=intro,
        time_needed_minutes=module.time_needed_minutes,
        content_warning=module.content_warning or "",
        last_reviewed=module.last_reviewed,
        next_review=module.next_review,
    )


def module_blocks(body: Iterable[object]) -> Iterable[doc.Block]:
    for block in body:
        match block:
            case schema.HeadingBlock(heading=text):
                yield doc.Heading(content_text(text), level=2)
            case schema.ParagraphBlock(paragraph=text):
                yield doc.Paragraph(content_text(text))
            case schema.BulletsBlock(bullets=items):
                yield doc.BulletList(tuple(content_text(i) for i in items))
            case schema.StepsBlock(steps=items):
                yield doc.Steps(tuple(content_text(i) for i in items))
            case schema.CalloutBlock(callout=c):
                yield doc.Callout(
                    body=(content_text(c.text),),
                    title=content_text(c.title) if c.title else (),
                    tone=doc.Tone(c.tone.value),
                )
            case schema.WorksheetBlock(worksheet=w):
                yield doc.WriteIn(
                    prompt=content_text(w.prompt),
                    lines=w.lines,
                    choices=tuple(content_text(c) for c in w.choices),
                )


# ---------------------------------------------------------------------------- fixed pages


def _cover(recipe: Recipe, today: dt.date) -> doc.Cover:
    return doc.Cover(
        title=f"For {recipe.person_name}" if recipe.person_name else wording.NEUTRAL_TITLE,
        subtitle=wording.COVER_SUBTITLE,
        service=recipe.service_name or "",
        keyworker=recipe.keyworker_name or "",
        contact=recipe.service_contact or "",
        date_text=doc.uk_date(today),
    )


def _how_to_use() -> doc.Section:
    return doc.Section(
        id="how-to-use",
        title=wording.HOW_TO_USE_TITLE,
        kind=doc.SectionKind.HOW_TO_USE,
        blocks=(
            doc.Paragraph(content_text(wording.HOW_TO_USE_LEAD), style="lead"),
            doc.BulletList(tuple(content_text(p) for p in wording.HOW_TO_USE_POINTS)),
            doc.Callout(
                body=(content_text(wording.HOW_TO_USE_HELP),),
                title=content_text(wording.HOW_TO_USE_HELP_TITLE),
                tone=doc.Tone.SAFETY,
            ),
        ),
    )


def _contents() -> doc.Section:
    return doc.Section(id="contents", title=wording.CONTENTS_TITLE,
                       kind=doc.SectionKind.CONTENTS, in_contents=False)


def _help_now_fallback() -> doc.Section:
    return doc.Section(
        id=HELP_NOW_ID,
        title=wording.HELP_NOW_FALLBACK_TITLE,
        kind=doc.SectionKind.HELP_NOW,
        blocks=(
            doc.Paragraph(content_text(wording.HELP_NOW_FALLBACK_LEAD), style="lead"),
            *(doc.ContactLine(label, number, note)
              for label, number, note in wording.HELP_NOW_FALLBACK_CONTACTS),
        ),
    )


def _wallet_card(steps: list[str]) -> doc.Section:
    card = doc.WalletCard(
        title=wording.WALLET_CARD_TITLE,
        contacts=tuple(doc.ContactLine(label, number, note)
                       for label, number, note in wording.WALLET_CONTACTS),
        steps=tuple(steps) if steps else wording.WALLET_DEFAULT_STEPS,
    )
    return doc.Section(
        id="wallet-card",
        title=wording.WALLET_SECTION_TITLE,
        kind=doc.SectionKind.WALLET_CARD,
        blocks=(doc.Paragraph(content_text(wording.WALLET_SECTION_LEAD)), card),
    )


# ---------------------------------------------------------------------------- services


def chosen_services(library: ContentLibrary, recipe: Recipe) -> list[schema.Service]:
    """Services in the chosen areas (in the library's order), then by id; no repeats."""
    found: dict[str, schema.Service] = {}
    for area in recipe.services.areas:
        for service in library.services_in_area(area):
            found.setdefault(service.id, service)
    for service_id in recipe.services.ids:
        if service_id in library.services:
            found.setdefault(service_id, library.services[service_id])
    return list(found.values())


def _services(library: ContentLibrary, recipe: Recipe) -> tuple[doc.Section | None, bool]:
    services = chosen_services(library, recipe)
    if not services:
        return None, False
    blocks: list[doc.Block] = [doc.Paragraph(content_text(wording.SERVICES_LEAD))]
    any_example = False
    for service in services:
        example = library.directory_of(service.id).directory.example
        any_example = any_example or example
        # The card carries the web address; renderers for print add its QR code.
        blocks.append(service_card(service, example))
    oldest = min(s.last_checked for s in services)
    return doc.Section(
        id="services",
        title=wording.SERVICES_TITLE,
        kind=doc.SectionKind.SERVICES,
        blocks=tuple(blocks),
        last_reviewed=oldest,
        next_review=min(s.check_due for s in services),
    ), any_example


def service_card(service: schema.Service, example: bool = False) -> doc.ServiceCard:
    return doc.ServiceCard(
        name=service.name,
        description=content_text(service.description),
        hours=service.hours,
        cost=service.cost,
        for_whom=service.for_whom,
        phone=service.phone or "",
        phone_note=service.phone_note or "",
        text=service.text or "",
        web=service.web or "",
        email=service.email or "",
        address=service.address or "",
        last_checked=service.last_checked,
        example=example,
    )


# ---------------------------------------------------------------------------- metadata


def _meta(library: ContentLibrary, recipe: Recipe,
          modules: list[schema.Module]) -> doc.DocumentMeta:
    return doc.DocumentMeta(
        title=wording.META_TITLE,
        author=recipe.service_name or wording.META_AUTHOR,
        subject=wording.META_SUBJECT,
        language="en-GB",
        content_version=library.content_version,
        last_reviewed=min((m.last_reviewed for m in modules), default=None),
        next_review=min((m.next_review for m in modules), default=None),
    )


__all__ = ["build_pack", "chosen_services", "module_blocks", "module_section", "service_card"]
