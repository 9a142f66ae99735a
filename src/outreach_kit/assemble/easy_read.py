"""The easy-read print profile's pack: each module's Easy Read items instead of its body.

``easy_read_pack`` turns a pack built by ``build_pack`` into its Easy Read version (pure,
like ``build_pack``): the how-to-use page becomes the short pictured one in
``wording.yaml``; each module with ``easy_read:`` items shows them, picture on the left and
words on the right; a module without any keeps its full text under a note saying it is not
in Easy Read yet (so a pack never silently loses a page); the wallet card gets a picture
beside each number and each service card one beside its name; and the picture credit
(CC BY 4.0) is printed under the how-to-use page. The line under a title saying why the
page was picked is left out of Easy Read pages. A module that follows another module
runs on from it on the same page.
"""

from __future__ import annotations

import dataclasses

from .. import document as doc
from ..content import schema
from ..content.easy_read import EasyReadItem, icon_path
from ..content.library import ContentLibrary
from ..content.wording import EasyReadWording
from ..document import content_text
from ..errors import ContentError, Problem


def easy_read_pack(document: doc.Document, library: ContentLibrary) -> doc.Document:
    """``document`` (a pack) with every section in its Easy Read form where there is one."""
    words = _words(library)
    sections = tuple(_section(section, library, words) for section in document.sections)
    return dataclasses.replace(document, sections=_run_on(sections))


def _run_on(sections: tuple[doc.Section, ...]) -> tuple[doc.Section, ...]:
    """A module that follows another module goes on the same page when there is room (the
    PDF keeps its title with its first items), so a pack is not half empty pages."""
    return tuple(
        dataclasses.replace(section, new_page=False)
        if index and section.kind is doc.SectionKind.MODULE
        and sections[index - 1].kind is doc.SectionKind.MODULE else section
        for index, section in enumerate(sections))


def _words(library: ContentLibrary) -> EasyReadWording:
    words = library.fixed_wording().easy_read
    if words is None:
        raise ContentError([Problem(str(library.root / "wording.yaml"), None, "easy_read",
                                    "the easy-read profile needs the 'easy_read' words")])
    return words


def picture(library: ContentLibrary, picture_id: str) -> doc.Picture | None:
    """The document's picture for an id (None when the catalogue or the icon lacks it:
    validate reports that, and the words are printed without their picture)."""
    found = library.pictures.get(picture_id)
    path = icon_path(found.icon) if found is not None else None
    if found is None or path is None:
        return None
    return doc.Picture(picture_id, found.alt, str(path))


def _section(section: doc.Section, library: ContentLibrary,
             words: EasyReadWording) -> doc.Section:
    match section.kind:
        case doc.SectionKind.HOW_TO_USE:
            items = [doc.PicturedItem(content_text(p.text), picture(library, p.picture))
                     for p in words.how_to_use]
            credit = doc.Paragraph(content_text(words.pictures_credit), style="small")
            return dataclasses.replace(section, blocks=(*items, credit), intro=())
        case doc.SectionKind.MODULE | doc.SectionKind.HELP_NOW:
            module = library.modules.get(section.id)
            return _module(section, module, library, words) if module else section
        case doc.SectionKind.SERVICES if words.service_picture:
            shown = picture(library, words.service_picture)
            return dataclasses.replace(section, blocks=tuple(
                dataclasses.replace(b, picture=shown) if isinstance(b, doc.ServiceCard) else b
                for b in section.blocks))
        case doc.SectionKind.WALLET_CARD:
            return dataclasses.replace(section, blocks=tuple(
                _wallet(block, library, words) for block in section.blocks))
    return section


def _module(section: doc.Section, module: schema.Module, library: ContentLibrary,
            words: EasyReadWording) -> doc.Section:
    if module.easy_read is None:
        note = doc.Callout(body=(content_text(words.not_yet),), tone=doc.Tone.INFO)
        return dataclasses.replace(section, blocks=(note, *section.blocks))
    items = tuple(_item(item, library) for item in module.easy_read.items)
    # The line under the title (why the page was picked) is not Easy Read: left out.
    return dataclasses.replace(section, blocks=items, intro=())


def _item(item: EasyReadItem, library: ContentLibrary) -> doc.PicturedItem:
    number = library.phone_of(item.service) if item.service else ""
    return doc.PicturedItem(content_text(item.text), picture(library, item.picture), number)


def _wallet(block: doc.Block, library: ContentLibrary, words: EasyReadWording) -> doc.Block:
    if not isinstance(block, doc.WalletCard):
        return block
    by_number = {library.phone_of(service): picture_id
                 for service, picture_id in words.wallet_pictures.items()
                 if service in library.services and library.services[service].phone}
    contacts = tuple(
        dataclasses.replace(c, picture=picture(library, by_number[c.number]))
        if c.number in by_number else c for c in block.contacts)
    return dataclasses.replace(block, contacts=contacts)
