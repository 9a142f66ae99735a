"""The content schema: what each YAML file in ``content/`` may contain.

Every file carries ``schema_version``. Models forbid unknown fields so a typo in a key is an
error, not silently ignored text. Each model that holds words a client reads offers
``client_text()`` (for the language checks), and each model that names other content
offers ``references()`` (for cross-file checks in the loader).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
    model_validator,
)

from .reference import Reference as Reference, ShortText as ShortText, WebLink
from .review import ReviewState, ReviewStatus

Loc = tuple[str | int, ...]

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=64),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
PhoneNumber = Annotated[str, StringConstraints(pattern=r"^\+?[0-9][0-9 ]{1,18}[0-9]$")]
EmailText = Annotated[str, StringConstraints(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[a-z]{2,}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              defer_build=True)


class VersionedFile(Strict):
    schema_version: Literal[1]


# ---------------------------------------------------------------------------- modules


class ModuleKind(StrEnum):
    PSYCHOEDUCATION = "psychoeducation"
    STRATEGY = "strategy"
    CONNECTION = "connection"
    HOPE = "hope"
    STAYING_SAFER = "staying-safer"
    HELP_NOW = "help-now"
    WORKSHEET = "worksheet"


class Audience(StrEnum):
    CLIENT = "client"
    WORKER = "worker"


class ModuleRole(StrEnum):
    """A module the pack builder places itself; at most one module has each role."""

    HELP_RIGHT_NOW = "help-right-now"  # the last page of every pack: who to call
    GROUNDING = "grounding"  # the short exercise that comes first in every pack


class CalloutTone(StrEnum):
    INFO = "info"
    TIP = "tip"
    WARNING = "warning"
    SAFETY = "safety"


class HeadingBlock(Strict):
    heading: ShortText


class ParagraphBlock(Strict):
    paragraph: Text


class BulletsBlock(Strict):
    bullets: list[Text] = Field(min_length=1)


class StepsBlock(Strict):
    steps: list[Text] = Field(min_length=1)


class CalloutBody(Strict):
    title: ShortText | None = None
    text: Text
    tone: CalloutTone = CalloutTone.INFO


class CalloutBlock(Strict):
    callout: CalloutBody


class WorksheetBody(Strict):
    """A prompt with space to write, and/or tick boxes to choose from."""

    prompt: Text
    lines: int = Field(default=4, ge=0, le=20)
    choices: list[ShortText] = Field(default_factory=list, max_length=12)


class WorksheetBlock(Strict):
    worksheet: WorksheetBody


class ContactBody(Strict):
    """A number to call, taken from the service entry named here (so each number is written
    once). Printed as "<number>: <heading>" then ``text``; with a ``tone``, as a callout."""

    service: Id
    heading: ShortText
    text: Text | None = None
    tone: CalloutTone | None = None


class ContactBlock(Strict):
    contact: ContactBody


def _block_tag(value: Any) -> str | None:
    if isinstance(value, dict) and len(value) == 1:
        key = next(iter(value))
        return key if isinstance(key, str) else None
    if isinstance(value, BaseModel):
        return next(iter(type(value).model_fields))
    return None


Block = Annotated[
    Annotated[HeadingBlock, Tag("heading")]
    | Annotated[ParagraphBlock, Tag("paragraph")]
    | Annotated[BulletsBlock, Tag("bullets")]
    | Annotated[StepsBlock, Tag("steps")]
    | Annotated[CalloutBlock, Tag("callout")]
    | Annotated[WorksheetBlock, Tag("worksheet")]
    | Annotated[ContactBlock, Tag("contact")],
    Discriminator(
        _block_tag,
        custom_error_type="block_type",
        custom_error_message=(
            "each block is one of heading, paragraph, bullets, steps, callout, worksheet, "
            "contact"
        ),
    ),
]


def block_texts(block: Any) -> Iterator[tuple[Loc, str]]:
    """Every piece of reader-facing text in one block, with its location in the block."""
    match block:
        case HeadingBlock(heading=text):
            yield ("heading",), text
        case ParagraphBlock(paragraph=text):
            yield ("paragraph",), text
        case BulletsBlock(bullets=items):
            for i, item in enumerate(items):
                yield ("bullets", i), item
        case StepsBlock(steps=items):
            for i, item in enumerate(items):
                yield ("steps", i), item
        case CalloutBlock(callout=c):
            if c.title:
                yield ("callout", "title"), c.title
            yield ("callout", "text"), c.text
        case WorksheetBlock(worksheet=w):
            yield ("worksheet", "prompt"), w.prompt
            for i, choice in enumerate(w.choices):
                yield ("worksheet", "choices", i), choice
        case ContactBlock(contact=c):
            yield ("contact", "heading"), c.heading
            if c.text:
                yield ("contact", "text"), c.text


class Reviewed(Strict):
    """Who wrote it, what it rests on, and when it is next due a look."""

    author: ShortText
    sources: list[Reference] = Field(default_factory=list)
    last_reviewed: dt.date
    next_review: dt.date

    @model_validator(mode="after")
    def _review_after_last(self) -> Reviewed:
        if self.next_review <= self.last_reviewed:
            raise ValueError("next_review must be after last_reviewed")
        return self


class Module(Reviewed, VersionedFile):
    """One printable module, stored one per file in ``content/modules/``."""

    id: Id
    title: ShortText
    kind: ModuleKind
    audience: Audience = Audience.CLIENT
    role: ModuleRole | None = None
    subthemes: list[Id] = Field(default_factory=list)
    summary: ShortText
    when_to_use: Text | None = None
    time_needed_minutes: int = Field(ge=1, le=120)
    content_warning: ShortText | None = None
    # The safety floor: modules with a position here go in every client pack, whatever was
    # noticed or chosen, in this order (1 first).
    safety_floor: int | None = Field(default=None, ge=1, le=20)
    # Chosen by hand only: never suggested, and validate does not ask an observation to
    # reach it.
    optional: bool = False
    # Who last checked it, in what role, and when (content/review.py); none means a draft.
    review: ReviewState | None = None
    body: list[Block] = Field(min_length=1)
    # The module in Easy Read (content/easy_read.py), printed instead of the body by the
    # easy-read print profile.
    easy_read: easy_read_schema.EasyRead | None = None

    @property
    def review_status(self) -> ReviewStatus:
        return self.review.status if self.review else ReviewStatus.DRAFT

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        yield ("title",), self.title
        yield ("summary",), self.summary
        if self.when_to_use:
            yield ("when_to_use",), self.when_to_use
        if self.content_warning:
            yield ("content_warning",), self.content_warning
        for i, block in enumerate(self.body):
            for loc, text in block_texts(block):
                yield ("body", i, *loc), text
        if self.easy_read is not None:
            yield from self.easy_read.texts()

    def references(self) -> Iterator[tuple[Loc, str, str]]:
        for i, subtheme in enumerate(self.subthemes):
            yield ("subthemes", i), "subtheme", subtheme
        for i, block in enumerate(self.body):
            if isinstance(block, ContactBlock):
                yield ("body", i, "contact", "service"), "phone", block.contact.service
        if self.easy_read is not None:
            yield from self.easy_read.references()


# Module's easy_read field: defined in its own file, which builds on the types above (and
# is read when a Module is first validated: Strict defers building the model).
from . import easy_read as easy_read_schema  # noqa: E402

# ---------------------------------------------------------------------------- services


class Service(Strict):
    """One service, after the Open Referral (HSDS) idea of a service."""

    id: Id
    name: ShortText
    description: Text
    area: ShortText
    categories: list[Id] = Field(min_length=1)
    phone: PhoneNumber | None = None
    phone_note: ShortText | None = None
    text: ShortText | None = None
    web: WebLink | None = None
    email: EmailText | None = None
    address: ShortText | None = None
    hours: ShortText
    cost: ShortText
    for_whom: ShortText
    source: Reference
    last_checked: dt.date
    check_every_days: int = Field(default=180, ge=7, le=730)
    # A made-up entry shipped to show how a directory looks: printed with the example-data
    # notice. Never set on a service a worker adds (see local_services.py).
    example: bool = False

    @field_validator("source", mode="before")
    @classmethod
    def _checked_by_staff(cls, source: Any) -> Any:
        # A service's details are often checked by phone or in person: with no web address
        # the source is print only (validate warns about it in a content-team directory).
        if isinstance(source, dict) and not source.get("url") and "print_only" not in source:
            return {**source, "print_only": True}
        return source

    @model_validator(mode="after")
    def _reachable(self) -> Service:
        if not (self.phone or self.text or self.web or self.address or self.email):
            raise ValueError("give at least one way to reach the service "
                             "(phone, text, web, email or address)")
        return self

    @property
    def check_due(self) -> dt.date:
        return self.last_checked + dt.timedelta(days=self.check_every_days)

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        yield ("description",), self.description


class Maintainer(StrEnum):
    CONTENT_TEAM = "content-team"  # shipped with the kit; its area is chosen for new packs
    LOCAL = "local"  # kept by the team using the kit, in the app's Local services page


class ServiceDirectoryInfo(Strict):
    id: Id
    name: ShortText
    area: ShortText
    # Deprecated: each service says whether it is example data (Service.example). Kept only
    # so the app's pages that still read it load; nothing printed depends on it.
    example: bool = False
    maintained_by: Maintainer = Maintainer.LOCAL
    note: Text | None = None


class ServiceDirectoryFile(VersionedFile):
    """A file in ``content/resources/``: one directory of services for an area."""

    directory: ServiceDirectoryInfo
    services: list[Service] = Field(default_factory=list)

    @field_validator("services")
    @classmethod
    def _unique_ids(cls, services: list[Service]) -> list[Service]:
        seen: set[str] = set()
        for service in services:
            if service.id in seen:
                raise ValueError(f"service id '{service.id}' is used twice in this file")
            seen.add(service.id)
        return services

    def example_services(self) -> list[Service]:
        """The made-up entries in this directory (none in a worker's own directory)."""
        return [s for s in self.services if s.example]

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        for i, service in enumerate(self.services):
            for loc, text in service.client_text():
                yield ("services", i, *loc), text


# ---------------------------------------------------------------------------- language


class StigmaTerm(Strict):
    """One way of saying things that labels people, with kinder alternatives."""

    id: Id
    patterns: list[Annotated[str, StringConstraints(min_length=2, max_length=200)]] = Field(
        min_length=1
    )
    prefer: list[ShortText] = Field(min_length=1)
    why: ShortText
    source: ShortText
    not_when_followed_by: list[ShortText] = Field(default_factory=list)
    not_when_preceded_by: list[ShortText] = Field(default_factory=list)

    @field_validator("patterns", "not_when_followed_by", "not_when_preceded_by")
    @classmethod
    def _valid_regex(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"'{pattern}' is not a valid pattern: {exc}") from None
        return patterns


class TermsFile(VersionedFile):
    """``content/language/terms.yaml``."""

    terms: list[StigmaTerm] = Field(min_length=1)


# ---------------------------------------------------------------------------- manifest


class ContentManifest(VersionedFile):
    """``content/content.yaml``: the name and version printed in every footer."""

    name: ShortText
    version: Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d{1,2}(\.\d+)?$")]
    language: Literal["en-GB"] = "en-GB"
