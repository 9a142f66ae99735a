"""The letter library schema: what each YAML file in ``content/letters/`` may contain.

A file holds letter types (which slots a letter has, in order, and guidance for the worker),
slots (the paragraph variants a worker can choose from) and/or claims (things the person
said that the worker can tick). Paragraph text may name personal fields as ``{name}``; only
the fields in :data:`PLACEHOLDERS` are allowed. A paragraph that says what the person said or
felt must declare what supports it with ``needs:`` (a field or a claim).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, StringConstraints, ValidationInfo, field_validator, model_validator

from ..content.kinds import FileKind, register_kind
from ..content.schema import Id, Loc, Reviewed, ShortText, Strict, Text, VersionedFile
from .claims import find_claim
from .parts import LetterSlot as LetterSlot, LetterType as LetterType  # re-exported

# Personal fields a paragraph may name, and a neutral sample used to check reading ease.
PLACEHOLDERS: dict[str, str] = {
    "name": "Sam",
    "their_words": "it helps me get through the day",
    "strengths": "you look out for your friends",
    "what_matters": "seeing your sister",
    "next_step": "meet for a cup of tea",
    "worker_name": "Alex",
    "new_worker": "Jo",
    "organisation": "the drop-in",
}

# The fields that hold the worker's words about the person: a paragraph may need them, and
# every one that is filled in should reach the letter.
PERSONAL_FIELDS: tuple[str, ...] = (
    "their_words", "strengths", "what_matters", "next_step", "new_worker")

# What a paragraph needs: a field above ("their_words") or a claim id ("blames-self").
Need = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)]

PLACEHOLDER_PATTERN = re.compile(r"\{([a-z_]+)\}")
_STRAY_BRACE = re.compile(r"[{}]")


def placeholders_in(text: str) -> list[str]:
    return PLACEHOLDER_PATTERN.findall(text)


def _check_placeholders(text: str) -> str:
    for name in placeholders_in(text):
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise ValueError(f"unknown placeholder '{{{name}}}'; use one of {known}")
    if _STRAY_BRACE.search(PLACEHOLDER_PATTERN.sub("", text)):
        raise ValueError("a '{' or '}' is not part of a placeholder such as {name}")
    return text


def with_samples(text: str) -> str:
    """Text with each placeholder replaced by its sample (for language checks)."""
    return PLACEHOLDER_PATTERN.sub(lambda m: PLACEHOLDERS.get(m.group(1), m.group(0)), text)


class ClaimDefinition(Strict):
    """Something the person said that a paragraph may repeat once the worker ticks it."""

    id: Id
    label: ShortText  # for the worker, e.g. "They said they blame themselves"


class ParagraphVariant(Strict):
    """One suggested paragraph for a slot."""

    id: Id
    letter_types: list[LetterType] = Field(min_length=1)
    subthemes: list[Id] = Field(default_factory=list)  # empty: suits any theme
    # What must be filled in or ticked before this paragraph is offered (declared before
    # `text`, so the text check below can see it).
    needs: list[Need] = Field(default_factory=list)
    text: Text
    note: ShortText | None = None  # for the worker: when this one fits

    @field_validator("needs")
    @classmethod
    def _known_fields(cls, needs: list[str]) -> list[str]:
        for need in needs:
            if "_" in need and need not in PERSONAL_FIELDS:
                raise ValueError(f"'{need}' is not a field; use one of "
                                 f"{', '.join(PERSONAL_FIELDS)} or a claim id")
        return needs

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, text: str, info: ValidationInfo) -> str:
        text = _check_placeholders(text)
        claim = find_claim(text)
        # No "needs" in data: it failed its own check, which has already said so.
        if claim and "needs" in info.data and not info.data["needs"]:
            raise ValueError(f'"{claim}" says what the person said or felt; declare what '
                             "supports it with needs: [a field such as their_words, or a "
                             "claim the worker ticks], or say it without the claim")
        return text

    @property
    def fields(self) -> list[str]:
        return placeholders_in(self.text)

    @property
    def requirements(self) -> list[str]:
        """Everything that must be filled in or ticked: declared needs, then placeholders."""
        return list(dict.fromkeys([*self.needs, *self.fields]))


class SlotDefinition(Strict):
    slot: LetterSlot
    title: ShortText  # shown to the worker, e.g. "What I heard"
    hint: Text  # shown to the worker: what this part of the letter is for
    variants: list[ParagraphVariant] = Field(min_length=1)


class LetterTypeDefinition(Strict):
    id: LetterType
    name: ShortText
    purpose: Text  # for the worker
    guidance: list[Text] = Field(default_factory=list)  # for the worker, never printed
    greeting: ShortText  # e.g. "Dear {name},"
    greeting_without_name: ShortText = "Hello,"
    slots: list[LetterSlot] = Field(min_length=2)

    @field_validator("greeting", "greeting_without_name")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        return _check_placeholders(text)

    @field_validator("slots")
    @classmethod
    def _unique_slots(cls, slots: list[LetterSlot]) -> list[LetterSlot]:
        if len(set(slots)) != len(slots):
            raise ValueError("each slot may appear only once in a letter type")
        if LetterSlot.SIGN_OFF in slots and slots[-1] is not LetterSlot.SIGN_OFF:
            raise ValueError("sign_off must be the last slot")
        return slots


class LetterLibraryFile(Reviewed, VersionedFile):
    """One file in ``content/letters/``: letter types, paragraph slots and/or claims."""

    title: ShortText
    letter_types: list[LetterTypeDefinition] = Field(default_factory=list)
    slots: list[SlotDefinition] = Field(default_factory=list)
    claims: list[ClaimDefinition] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_content(self) -> LetterLibraryFile:
        if not self.letter_types and not self.slots and not self.claims:
            raise ValueError("give at least one of letter_types, slots or claims")
        return self

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        for t, kind in enumerate(self.letter_types):
            yield ("letter_types", t, "greeting"), with_samples(kind.greeting)
        for s, slot in enumerate(self.slots):
            for v, variant in enumerate(slot.variants):
                yield ("slots", s, "variants", v, "text"), with_samples(variant.text)

    def references(self) -> Iterator[tuple[Loc, str, str]]:
        for s, slot in enumerate(self.slots):
            for v, variant in enumerate(slot.variants):
                for i, subtheme in enumerate(variant.subthemes):
                    yield ("slots", s, "variants", v, "subthemes", i), "subtheme", subtheme


# The content loader reads content/letters/*.yaml with this model once this module is
# imported (it is named in outreach_kit.CONTENT_KIND_MODULES; see content/kinds.py).
register_kind(FileKind("letters", "*.yaml", LetterLibraryFile))
