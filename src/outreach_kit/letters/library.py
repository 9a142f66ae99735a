"""The letter library: letter types and paragraph slots gathered from ``content/letters/``.

Each file is validated by the content loader; this module checks what only the whole
folder can show (every letter type present, every slot a type uses defined, variant ids
unique, every claim a paragraph needs defined) and indexes the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..content.library import ContentLibrary
from ..content.yaml_source import field_name
from ..errors import ContentError, Problem
from .schema import (
    PERSONAL_FIELDS,
    ClaimDefinition,
    LetterLibraryFile,
    LetterSlot,
    LetterType,
    LetterTypeDefinition,
    ParagraphVariant,
    SlotDefinition,
)


@dataclass
class LetterLibrary:
    types: dict[LetterType, LetterTypeDefinition] = field(default_factory=dict)
    slots: dict[LetterSlot, SlotDefinition] = field(default_factory=dict)
    variants: dict[str, ParagraphVariant] = field(default_factory=dict)
    slot_of: dict[str, LetterSlot] = field(default_factory=dict)
    claims: dict[str, ClaimDefinition] = field(default_factory=dict)

    def letter_type(self, letter_type: LetterType | str) -> LetterTypeDefinition:
        return self.types[LetterType(letter_type)]

    def variants_for(self, slot: LetterSlot) -> list[ParagraphVariant]:
        definition = self.slots.get(slot)
        return list(definition.variants) if definition else []


def _claim_problems(letters: LetterLibrary, content: ContentLibrary) -> list[Problem]:
    """A paragraph that needs a claim nobody defined could never be offered."""
    problems = []
    for item, source in content.sources():
        if not isinstance(item, LetterLibraryFile):
            continue
        for s, slot in enumerate(item.slots):
            for v, variant in enumerate(slot.variants):
                for n, need in enumerate(variant.needs):
                    if need in PERSONAL_FIELDS or need in letters.claims:
                        continue
                    loc = ("slots", s, "variants", v, "needs", n)
                    line, _ = source.locate(loc)
                    problems.append(Problem(str(source.path), line, field_name(loc),
                                            f"'{need}' is neither a field nor a claim "
                                            "defined under claims:"))
    return problems


def letter_problems(content: ContentLibrary) -> tuple[LetterLibrary, list[Problem]]:
    """Index every letter file; problems that need the whole folder to see."""
    letters = LetterLibrary()
    problems: list[Problem] = []
    type_files: dict[LetterType, str] = {}
    for item, source in content.sources():
        if not isinstance(item, LetterLibraryFile):
            continue
        shown = str(source.path)
        letters.claims.update((claim.id, claim) for claim in item.claims)
        for t, kind in enumerate(item.letter_types):
            if kind.id in letters.types:
                line, _ = source.locate(("letter_types", t, "id"))
                problems.append(Problem(shown, line, f"letter_types[{t}].id",
                                        f"letter type '{kind.id}' is also defined in "
                                        f"{type_files[kind.id]}"))
                continue
            letters.types[kind.id] = kind
            type_files[kind.id] = shown
        for s, slot in enumerate(item.slots):
            merged = letters.slots.get(slot.slot)
            kept = []
            for v, variant in enumerate(slot.variants):
                if variant.id in letters.variants:
                    loc = ("slots", s, "variants", v, "id")
                    line, _ = source.locate(loc)
                    problems.append(Problem(shown, line, field_name(loc),
                                            f"paragraph id '{variant.id}' is used twice"))
                    continue
                letters.variants[variant.id] = variant
                letters.slot_of[variant.id] = slot.slot
                kept.append(variant)
            # A second file may add variants to a slot (an organisation's own paragraphs).
            if merged is None:
                letters.slots[slot.slot] = slot.model_copy(update={"variants": kept})
            else:
                letters.slots[slot.slot] = merged.model_copy(
                    update={"variants": [*merged.variants, *kept]})
    problems += _claim_problems(letters, content)
    folder = str(content.root / "letters")
    for letter_type in LetterType:
        if letter_type not in letters.types:
            problems.append(Problem(folder, None, "letter_types", f"letter type '{letter_type}' "
                                    "is not defined in any letter file"))
            continue
        for slot_name in letters.types[letter_type].slots:
            if not any(letter_type in v.letter_types for v in letters.variants_for(slot_name)):
                problems.append(Problem(type_files[letter_type], None, "slots",
                                        f"letter type '{letter_type}' uses slot '{slot_name}', "
                                        f"but no paragraph for that slot is tagged "
                                        f"'{letter_type}'"))
    return letters, problems


def letter_library(content: ContentLibrary) -> LetterLibrary:
    """The letter library from loaded content; ContentError when it is incomplete."""
    letters, problems = letter_problems(content)
    if problems:
        raise ContentError(problems)
    return letters
