"""The schema of ``content/wording.yaml``: the fixed words of every document.

The cover, the how-to-use page, section titles, the wallet card, the example-data notice,
the labels renderers print on callouts without a title, and the words in a pack file's
properties. Like a module, the file offers ``client_text()`` (checked for stigmatising
words and reading ease) and ``references()`` (the wallet card names service entries: each
number a reader dials is written once, in ``content/resources/``).
"""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Iterator
from dataclasses import replace

from pydantic import Field, model_validator

from ..document import Labels, Tone
from ..fixed_words import PLACEHOLDERS, FixedWords
from .schema import Id, Loc, ShortText, Strict, Text, VersionedFile


class CoverWording(Strict):
    title: ShortText  # when the pack names nobody
    subtitle: ShortText
    for_person: ShortText = "For {name}"  # when it does: {name} is the name given

    @model_validator(mode="after")
    def _name_placeholder(self) -> CoverWording:
        used = {f for _, f, _, _ in string.Formatter().parse(self.for_person) if f}
        if used != {"name"}:
            raise ValueError("for_person must use {name} (and no other {...} name)")
        return self


class HowToUseWording(Strict):
    title: ShortText
    lead: Text
    points: list[Text] = Field(min_length=1)
    help_title: ShortText
    help: Text


class ServicesWording(Strict):
    title: ShortText
    lead: Text


class WalletContact(Strict):
    """One line of the wallet card: the number is the phone of service ``service``."""

    service: Id
    label: ShortText
    note: ShortText | None = None


class WalletCardWording(Strict):
    section_title: ShortText
    lead: Text
    title: ShortText
    contacts: list[WalletContact] = Field(default_factory=list, max_length=4)
    default_steps: list[ShortText] = Field(min_length=1, max_length=3)


class EasyReadPoint(Strict):
    text: Text
    picture: Id


class EasyReadWording(Strict):
    """Words of the easy-read profile: its how-to-use page, the note on a page not yet in
    Easy Read, the picture credit, the read-aloud button, and a picture for each wallet
    card number (by service id)."""

    how_to_use: list[EasyReadPoint] = Field(min_length=1, max_length=8)
    not_yet: ShortText
    pictures_credit: ShortText
    read_aloud: ShortText
    stop_reading: ShortText
    wallet_pictures: dict[Id, Id] = Field(default_factory=dict)
    service_picture: Id | None = None  # beside each service's name


class CalloutLabels(Strict):
    """Printed on a callout that has no title of its own, by tone."""

    info: ShortText
    tip: ShortText
    warning: ShortText
    safety: ShortText


class KindWords(Strict):
    """How a balancing pick is described, by module kind ("a way to connect with people")."""

    strategy: ShortText
    connection: ShortText
    hope: ShortText

    def of(self, kind: str) -> str:
        words: str = getattr(self, kind)
        return words


class ReasonWording(Strict):
    """The line under a module's title in a pack, saying why it is there. ``{what}`` is the
    module's summary (first letter in lower case) and ``{kind}`` one of ``kind_words``."""

    picked: ShortText
    picked_as: ShortText
    safety_floor: ShortText
    help_now: ShortText
    kind_words: KindWords

    @model_validator(mode="after")
    def _known_placeholders(self) -> ReasonWording:
        allowed = {"picked": {"what"}, "picked_as": {"kind", "what"},
                   "safety_floor": {"what"}, "help_now": set()}
        for name, fields in allowed.items():
            try:
                used = {f for _, f, _, _ in string.Formatter().parse(getattr(self, name)) if f}
            except ValueError:
                used = {"an unmatched brace"}
            if unknown := sorted(used - fields):
                words = " and ".join(f"{{{f}}}" for f in sorted(fields)) or "no {...} names"
                raise ValueError(f"{name} may use {words}; not {', '.join(unknown)}")
        return self


class ContactLabels(Strict):
    """Labels before each detail of a service card."""

    phone: ShortText
    text: ShortText
    web: ShortText
    email: ShortText
    address: ShortText
    open: ShortText


class PageWords(Strict):
    """Words renderers print around the content: footers, notices, contents, the card."""

    page_of: ShortText  # {page} and {total}
    last_reviewed: ShortText  # {date}
    please_note: ShortText
    contents: ShortText
    my_steps: ShortText
    cut_out_help: Text
    contact_labels: ContactLabels
    # The rest are the renderers' FixedWords, written in the wording file like the above
    cover_service: ShortText
    cover_keyworker: ShortText
    cover_worker: ShortText
    cover_from: ShortText
    cover_contact: ShortText
    cover_date: ShortText
    about_minutes: ShortText  # {minutes}
    about_one_minute: ShortText
    time_needed: ShortText  # {minutes}
    time_needed_one: ShortText
    content_note: ShortText
    before_you_read: ShortText
    can_skip_page: ShortText
    content_version: ShortText  # {version}
    next_review_due: ShortText  # {date}
    details_checked: ShortText  # {date}
    last_checked: ShortText  # {date}
    cost: ShortText
    who_it_is_for: ShortText
    for_whom: ShortText
    skip_to_pack: ShortText
    when_things_get_hard: ShortText
    not_medical_advice: Text

    def fixed_words(self) -> FixedWords:
        return FixedWords(**{f.name: getattr(self, f.name) for f in dataclasses.fields(FixedWords)})

    @model_validator(mode="after")
    def _known_placeholders(self) -> PageWords:
        expected = {"page_of": {"page", "total"}, "last_reviewed": {"date"}}
        for name in (*expected, *(f.name for f in dataclasses.fields(FixedWords))):
            wanted = expected.get(name, PLACEHOLDERS.get(name, set()))
            used = {f for _, f, _, _ in string.Formatter().parse(getattr(self, name)) if f}
            if used != wanted:
                if not wanted:
                    raise ValueError(f"{name} must use no {{...}} names")
                fields_ = wanted
                words = " and ".join(f"{{{f}}}" for f in sorted(fields_))
                raise ValueError(f"{name} must use exactly {words}")
        return self


class LanguageNotes(Strict):
    """Lines a pack in another language prints about its translation."""

    page_in_english: Text  # introduces a module printed in English
    status_draft: ShortText
    status_translated: ShortText
    status_checked: ShortText

    def status(self, status: str) -> str:
        words: str = getattr(self, f"status_{status}")
        return words


class DocumentWording(Strict):
    """A pack file's properties (title, author, subject). Never a person's name."""

    title: ShortText
    author: ShortText  # used when the recipe names no service
    subject: ShortText


class WordingFile(VersionedFile):
    """``content/wording.yaml``."""

    cover: CoverWording
    how_to_use: HowToUseWording
    contents_title: ShortText
    services: ServicesWording
    example_notice: ShortText  # printed on a pack (and shown in the app) using example data
    wallet_card: WalletCardWording
    callout_labels: CalloutLabels
    reasons: ReasonWording
    document: DocumentWording
    easy_read: EasyReadWording | None = None
    page_words: PageWords | None = None  # None: the renderers' English defaults
    language_notes: LanguageNotes | None = None

    def labels(self) -> Labels:
        """The words renderers print around the content, for ``Document.labels``."""
        labels = Labels(
            callouts=tuple((Tone(tone), label) for tone, label in self.callout_labels),
            example_service=self.example_notice,
            read_aloud=self.easy_read.read_aloud if self.easy_read else "",
            stop_reading=self.easy_read.stop_reading if self.easy_read else "",
        )
        words = self.page_words
        if words is None:
            return labels
        return replace(labels, page_of=words.page_of, last_reviewed=words.last_reviewed,
                       please_note=words.please_note, contents=words.contents,
                       my_steps=words.my_steps, cut_out_help=words.cut_out_help,
                       contact_labels=tuple(words.contact_labels),
                       words=words.fixed_words())

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        yield ("cover", "title"), self.cover.title
        yield ("cover", "subtitle"), self.cover.subtitle
        yield ("cover", "for_person"), self.cover.for_person
        how = self.how_to_use
        yield ("how_to_use", "title"), how.title
        yield ("how_to_use", "lead"), how.lead
        for i, point in enumerate(how.points):
            yield ("how_to_use", "points", i), point
        yield ("how_to_use", "help_title"), how.help_title
        yield ("how_to_use", "help"), how.help
        yield ("contents_title",), self.contents_title
        yield ("services", "title"), self.services.title
        yield ("services", "lead"), self.services.lead
        yield ("example_notice",), self.example_notice
        card = self.wallet_card
        yield ("wallet_card", "section_title"), card.section_title
        yield ("wallet_card", "lead"), card.lead
        yield ("wallet_card", "title"), card.title
        for i, contact in enumerate(card.contacts):
            yield ("wallet_card", "contacts", i, "label"), contact.label
            if contact.note:
                yield ("wallet_card", "contacts", i, "note"), contact.note
        for i, step in enumerate(card.default_steps):
            yield ("wallet_card", "default_steps", i), step
        for tone, label in self.callout_labels:
            yield ("callout_labels", tone), label
        for field, text in self.reasons:
            if isinstance(text, str):
                yield ("reasons", field), text
        for kind, words in self.reasons.kind_words:
            yield ("reasons", "kind_words", kind), words
        yield ("document", "subject"), self.document.subject
        if self.easy_read is not None:
            for i, item in enumerate(self.easy_read.how_to_use):
                yield ("easy_read", "how_to_use", i, "text"), item.text
            yield ("easy_read", "not_yet"), self.easy_read.not_yet
            yield ("easy_read", "read_aloud"), self.easy_read.read_aloud
            yield ("easy_read", "stop_reading"), self.easy_read.stop_reading
        if self.page_words is not None:
            for name, text in self.page_words:
                if isinstance(text, str):
                    yield ("page_words", name), text
        if self.language_notes is not None:
            for name, text in self.language_notes:
                yield ("language_notes", name), text

    def references(self) -> Iterator[tuple[Loc, str, str]]:
        for i, contact in enumerate(self.wallet_card.contacts):
            yield ("wallet_card", "contacts", i, "service"), "phone", contact.service
        if self.easy_read is not None:
            for i, item in enumerate(self.easy_read.how_to_use):
                yield ("easy_read", "how_to_use", i, "picture"), "picture", item.picture
            if self.easy_read.service_picture:
                yield ("easy_read", "service_picture"), "picture", self.easy_read.service_picture
            for service, picture in self.easy_read.wallet_pictures.items():
                yield ("easy_read", "wallet_pictures", service), "service", service
                yield ("easy_read", "wallet_pictures", service), "picture", picture
