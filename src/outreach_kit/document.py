"""The one document model: document > sections > blocks.

Builders (packs, letters, training) produce a :class:`Document`; renderers (PDF, HTML,
Markdown, DOCX) consume nothing else. Every piece of text is a tuple of :class:`Span`:

- text written by the content team may carry a little Markdown (``**bold**``, ``*emphasis*``,
  links), parsed by :func:`content_text` with HTML switched off;
- text typed by a user is wrapped by :func:`user_text` and is never parsed at all.

Renderers escape span text for their format; they never receive raw markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

# The inline text model is part of this one (re-exported: `X as X`).
from .document_text import (
    Inline as Inline,
    Span as Span,
    add_parsed_content_texts as add_parsed_content_texts,
    content_text as content_text,
    parsed_content_texts as parsed_content_texts,
    plain as plain,
    user_text as user_text,
)
from .fixed_words import FixedWords

# ---------------------------------------------------------------------------- blocks


class Tone(StrEnum):
    INFO = "info"
    TIP = "tip"
    WARNING = "warning"
    SAFETY = "safety"


@dataclass(frozen=True)
class Heading:
    text: Inline
    level: int = 2  # 1 is the section title, drawn by the renderer from Section.title


@dataclass(frozen=True)
class Paragraph:
    text: Inline
    style: str = "body"  # "body", "lead" (larger intro) or "small"


@dataclass(frozen=True)
class BulletList:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Steps:
    items: tuple[Inline, ...]


@dataclass(frozen=True)
class Callout:
    body: tuple[Inline, ...]
    title: Inline = ()
    tone: Tone = Tone.INFO


@dataclass(frozen=True)
class WriteIn:
    """A worksheet prompt: ruled lines to write on and/or tick boxes (drawn as shapes)."""

    prompt: Inline
    lines: int = 4
    choices: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Picture:
    """An Easy Read picture: an icon from an installed, openly licensed set, with alt text."""

    id: str
    alt: str
    svg_path: str  # the icon's SVG file (read by the renderers; never fetched)


@dataclass(frozen=True)
class ServiceCard:
    name: str
    description: Inline
    hours: str = ""
    cost: str = ""
    for_whom: str = ""
    phone: str = ""
    phone_note: str = ""
    text: str = ""
    web: str = ""
    email: str = ""
    address: str = ""
    last_checked: dt.date | None = None
    example: bool = False  # example data: must be replaced before printing for real
    picture: Picture | None = None  # drawn beside the name (Easy Read)


@dataclass(frozen=True)
class QRLink:
    url: str
    label: str


@dataclass(frozen=True)
class PicturedItem:
    """Easy Read: one idea, its picture on the left and its words on the right. ``number``
    (help pages) is a phone number printed large before the words."""

    text: Inline
    picture: Picture | None  # None when the content names no usable picture
    number: str = ""


@dataclass(frozen=True)
class ContactLine:
    """One number to call in the help-right-now page or on the wallet card."""

    label: str
    number: str
    note: str = ""
    picture: Picture | None = None  # drawn beside the number (Easy Read)


@dataclass(frozen=True)
class WalletCard:
    """A credit-card-sized cut-out: crisis numbers plus personal coping steps."""

    title: str
    contacts: tuple[ContactLine, ...]
    steps: tuple[str, ...]  # up to three, may be typed by a keyworker: user text


@dataclass(frozen=True)
class Letterhead:
    organisation: str = ""
    address_lines: tuple[str, ...] = ()
    logo: bytes | None = None  # validated PNG or JPEG bytes
    logo_mime: str = ""


@dataclass(frozen=True)
class Letter:
    letterhead: Letterhead
    date_text: str
    greeting: Inline
    paragraphs: tuple[Inline, ...]
    sign_off: Inline
    signer_name: str = ""
    signer_role: str = ""


@dataclass(frozen=True)
class Table:
    """A grid of plain text with a header row, such as a sign-off table with empty rows to
    fill in by hand. Cells are never parsed as markup."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class PageBreak:
    pass


Block = (
    Heading
    | Paragraph
    | BulletList
    | Steps
    | Callout
    | WriteIn
    | ServiceCard
    | QRLink
    | ContactLine
    | PicturedItem
    | WalletCard
    | Letter
    | Table
    | PageBreak
)


# ---------------------------------------------------------------------------- structure


class SectionKind(StrEnum):
    HOW_TO_USE = "how-to-use"
    CONTENTS = "contents"  # renderers fill in titles (and page numbers in the PDF)
    MODULE = "module"
    SERVICES = "services"
    HELP_NOW = "help-now"
    WALLET_CARD = "wallet-card"
    LETTER = "letter"
    NOTES = "notes"  # facilitator-only or worker-only material


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    kind: SectionKind = SectionKind.MODULE
    blocks: tuple[Block, ...] = ()
    intro: Inline = ()  # one line under the title, e.g. why this was chosen
    time_needed_minutes: int | None = None
    content_warning: str = ""
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    new_page: bool = True
    in_contents: bool = True
    # The title, the blocks, the time needed, the content note and the review dates come
    # from content files, none from a user: a renderer may then share their layout and
    # drawing between documents (the PDF renderer's render.pdf_layout_cache). The intro is
    # not covered (it can name what was noticed about the person). Set only by
    # assemble.pack, for a module's section, the how-to-use page and the services.
    content_only: bool = False
    # Set when the section is in another language than the document (an English module in
    # a pack in Polish, for example): renderers mark it (HTML lang and dir).
    language: str = ""


@dataclass(frozen=True)
class Cover:
    title: str  # "For Sam" or a neutral title
    subtitle: str = ""
    service: str = ""
    keyworker: str = ""
    contact: str = ""
    date_text: str = ""


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    author: str
    subject: str
    language: str = "en-GB"
    content_version: str = ""
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    keywords: tuple[str, ...] = ()
    translation_note: str = ""  # printed in the footer: "Translation not yet checked"
    translation_status: str = ""  # draft, translated or checked ("" in English)


@dataclass(frozen=True)
class Labels:
    """Words a renderer prints around the content: default callout labels and the note under
    a service card marked as example data. The builders copy them from the content folder
    (``content/wording.yaml``) so every format prints the same words, and none live in Python.
    An empty label means the renderer prints none."""

    callouts: tuple[tuple[Tone, str], ...] = ()  # (tone, label) for callouts without a title
    example_service: str = ""
    read_aloud: str = ""  # the HTML export's read-aloud button ("" for none)
    stop_reading: str = ""
    # Page words (``page_words`` in wording.yaml). These defaults serve documents built
    # without the wording file (letters, training); packs copy the content folder's words.
    page_of: str = "Page {page} of {total}"
    last_reviewed: str = "Last reviewed {date}"
    please_note: str = "Please note"
    contents: str = "Contents"
    my_steps: str = "My steps"
    cut_out_help: str = ("Cut along the dashed line. Fold along the dotted line so the card "
                         "has two sides.")
    contact_labels: tuple[tuple[str, str], ...] = (
        ("phone", "Phone"), ("text", "Text"), ("web", "Web"), ("email", "Email"),
        ("address", "Address"), ("open", "Open"))
    words: FixedWords = field(default_factory=FixedWords)  # the other page words

    def contact_label(self, name: str) -> str:
        return dict(self.contact_labels).get(name, name.capitalize())

    def callout(self, tone: Tone) -> str:
        return dict(self.callouts).get(tone, "")


@dataclass(frozen=True)
class Document:
    kind: str  # "pack", "letter", "training-facilitator", "training-participant"
    meta: DocumentMeta
    sections: tuple[Section, ...]
    cover: Cover | None = None
    notices: tuple[str, ...] = field(default=())  # e.g. "example data: replace ..."
    labels: Labels = field(default_factory=Labels)

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)


def date_text(language: str, day: dt.date) -> str:
    """``day`` as readers of ``language`` write it (UK order in English)."""
    if language.split("-")[0].lower() == "en":
        return _uk_date(day)
    from .languages import date_in  # Babel's import is costly; only other languages need it

    return date_in(language, day)


def uk_date(day: dt.date) -> str:
    """26 November 2026 (UK order, no leading zero)."""
    return _uk_date(day)


@lru_cache(maxsize=256)  # the footer on every page repeats the same dates; %B is slow
def _uk_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
