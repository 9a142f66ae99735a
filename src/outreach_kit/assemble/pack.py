"""``build_pack``: a recipe and the content library in, one Document out.

Pure: no files, no clock, no globals. The same library, recipe and date always give the
same Document, so the app, the CLI, the benchmark and the tests all share it.

Privacy: the person's name appears only on the cover, never in the document metadata
(title, subject, keywords), so a shared file does not name them in its properties.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from .. import document as doc
from ..content import schema
from ..content.library import ContentLibrary
from ..content.wording import WordingFile
from ..document import content_text
from ..errors import ContentError, Problem
from ..languages import is_english
from ..translations.pack import localise, translated_view
from .recipe import Recipe, RecipeProblems, check_recipe
from .recommend import KIND_ORDER, Recommendation, recommend, safety_floor

PhoneOf = Callable[[str], str]  # a service id -> its phone number


def build_pack(
    library: ContentLibrary,
    recipe: Recipe,
    today: dt.date,
    letter_section: doc.Section | None = None,
) -> doc.Document:
    """The whole pack for one person. ``letter_section`` is an already-built letter.

    Raises RecipeProblems when the recipe names ids the library does not have, and
    ContentError when the content lacks the fixed wording or the help-right-now page.
    """
    problems = check_recipe(recipe, library)
    if problems:
        raise RecipeProblems(problems)
    if not is_english(recipe.language):
        view, found = translated_view(library, recipe.language)
        english = recipe.model_copy(update={"language": "en"})
        return localise(build_pack(view, english, today, letter_section), library, found,
                        today)
    wording = library.fixed_wording()
    help_now = _help_now(library)
    picks = _picks(library, recipe)
    grounding = library.grounding_module()
    placed = {help_now.id} | ({grounding.id} if grounding else set())
    if grounding is not None and grounding.audience is not schema.Audience.CLIENT:
        grounding = None
    body_picks = [p for p in picks if p.module_id not in placed]
    modules_used = [library.modules[p.module_id] for p in body_picks]
    phone_of = library.phone_of

    sections: list[doc.Section] = [_how_to_use(wording), _contents(wording)]
    if grounding is not None:
        reason = next((p for p in picks if p.module_id == grounding.id), None)
        sections.append(module_section(grounding, _intro(grounding, reason), phone_of))
        modules_used.append(grounding)
    if letter_section is not None:
        sections.append(letter_section)
    sections += [module_section(library.modules[p.module_id],
                                _intro(library.modules[p.module_id], p), phone_of)
                 for p in body_picks]

    services, any_example = _services(library, recipe, wording)
    if services is not None:
        sections.append(services)
    sections.append(module_section(help_now, content_text(help_now.summary), phone_of,
                                   kind=doc.SectionKind.HELP_NOW))
    modules_used.append(help_now)
    sections.append(_wallet_card(wording, recipe.wallet_steps, phone_of))

    return doc.Document(
        kind="pack",
        meta=_meta(library, recipe, modules_used, wording),
        sections=tuple(sections),
        cover=_cover(recipe, today, wording),
        notices=(wording.example_notice,) if any_example else (),
        labels=wording.labels(),
    )


def _help_now(library: ContentLibrary) -> schema.Module:
    """Every pack ends with the help-right-now page; a content folder without one cannot
    make a pack (its numbers are never written in Python as a stand-in)."""
    module = library.help_now_module()
    if module is None:
        raise ContentError([Problem(
            str(library.root / "modules"), None, "role",
            "no module has 'role: help-right-now'; every pack needs that page")])
    return module


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
    phone_of: PhoneOf,
    kind: doc.SectionKind = doc.SectionKind.MODULE,
) -> doc.Section:
    """One content module as a document section (``phone_of`` fills in contact numbers)."""
    return doc.Section(
        id=module.id,
        title=module.title,
        kind=kind,
        blocks=tuple(module_blocks(module.body, phone_of)),
        intro=intro,
        time_needed_minutes=module.time_needed_minutes,
        content_warning=module.content_warning or "",
        last_reviewed=module.last_reviewed,
        next_review=module.next_review,
        content_only=True,  # the blocks are the module's own words and numbers
    )


def module_blocks(body: Iterable[object], phone_of: PhoneOf) -> Iterable[doc.Block]:
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
            case schema.ContactBlock(contact=c):
                yield from contact_blocks(c, phone_of(c.service))


def contact_blocks(contact: schema.ContactBody, number: str) -> Iterable[doc.Block]:
    """"<number>: <heading>" then the text; a callout when the contact has a tone."""
    title = content_text(f"{number}: {contact.heading}")
    text = content_text(contact.text) if contact.text else ()
    if contact.tone is not None:
        yield doc.Callout(body=(text,) if text else (), title=title,
                          tone=doc.Tone(contact.tone.value))
        return
    yield doc.Heading(title, level=2)
    if text:
        yield doc.Paragraph(text)


# ---------------------------------------------------------------------------- fixed pages


def _cover(recipe: Recipe, today: dt.date, wording: WordingFile) -> doc.Cover:
    return doc.Cover(
        # The name is a value put into the wording, never read as a template itself.
        title=(wording.cover.for_person.format(name=recipe.person_name)
               if recipe.person_name else wording.cover.title),
        subtitle=wording.cover.subtitle,
        service=recipe.service_name or "",
        keyworker=recipe.keyworker_name or "",
        contact=recipe.service_contact or "",
        date_text=doc.uk_date(today),
    )


def _how_to_use(wording: WordingFile) -> doc.Section:
    how = wording.how_to_use
    return doc.Section(
        id="how-to-use",
        title=how.title,
        kind=doc.SectionKind.HOW_TO_USE,
        blocks=(
            doc.Paragraph(content_text(how.lead), style="lead"),
            doc.BulletList(tuple(content_text(p) for p in how.points)),
            doc.Callout(
                body=(content_text(how.help),),
                title=content_text(how.help_title),
                tone=doc.Tone.SAFETY,
            ),
        ),
        content_only=True,  # wording.yaml's words only
    )


def _contents(wording: WordingFile) -> doc.Section:
    return doc.Section(id="contents", title=wording.contents_title,
                       kind=doc.SectionKind.CONTENTS, in_contents=False)


def _wallet_card(wording: WordingFile, steps: list[str], phone_of: PhoneOf) -> doc.Section:
    words = wording.wallet_card
    card = doc.WalletCard(
        title=words.title,
        contacts=tuple(doc.ContactLine(c.label, phone_of(c.service), c.note or "")
                       for c in words.contacts),
        steps=tuple(steps) if steps else tuple(words.default_steps),
    )
    return doc.Section(
        id="wallet-card",
        title=words.section_title,
        kind=doc.SectionKind.WALLET_CARD,
        blocks=(doc.Paragraph(content_text(words.lead)), card),
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


def _services(library: ContentLibrary, recipe: Recipe,
              wording: WordingFile) -> tuple[doc.Section | None, bool]:
    services = chosen_services(library, recipe)
    if not services:
        return None, False
    blocks: list[doc.Block] = [doc.Paragraph(content_text(wording.services.lead))]
    any_example = False
    for service in services:
        any_example = any_example or service.example
        # The card carries the web address; renderers for print add its QR code.
        blocks.append(service_card(service, service.example))
    oldest = min(s.last_checked for s in services)
    return doc.Section(
        id="services",
        title=wording.services.title,
        kind=doc.SectionKind.SERVICES,
        blocks=tuple(blocks),
        last_reviewed=oldest,
        next_review=min(s.check_due for s in services),
        content_only=True,  # the library's services and wording.yaml's words only
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


def _meta(library: ContentLibrary, recipe: Recipe, modules: list[schema.Module],
          wording: WordingFile) -> doc.DocumentMeta:
    words = wording.document
    return doc.DocumentMeta(
        title=words.title,
        author=recipe.service_name or words.author,
        subject=words.subject,
        language="en-GB",
        content_version=library.content_version,
        last_reviewed=min((m.last_reviewed for m in modules), default=None),
        next_review=min((m.next_review for m in modules), default=None),
    )


__all__ = ["build_pack", "chosen_services", "contact_blocks", "module_blocks", "module_section",
           "service_card"]
