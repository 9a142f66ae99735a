"""Turn a composed letter into the document model: a LETTER section with one Letter block.

Everything in a letter (even paragraphs from the library, once names are filled in) is
treated as user text: wrapped by ``document.user_text`` and never parsed as markup.
"""

from __future__ import annotations

from ..document import (
    Document,
    DocumentMeta,
    Inline,
    Labels,
    Letter,
    Letterhead,
    Section,
    SectionKind,
    user_text,
)
from .compose import ComposedLetter, split_paragraphs
from .logo import load_logo, read_logo_file
from .recipe import LetterheadRecipe

LETTER_SECTION_ID = "letter"


def build_letterhead(spec: LetterheadRecipe, logo_bytes: bytes | None = None) -> Letterhead:
    """A letterhead from the recipe; ``logo_bytes`` (an upload) wins over ``spec.logo``.

    The logo is validated and re-encoded as PNG (ImageError when it is unusable).
    """
    logo = None
    if logo_bytes is not None:
        logo = load_logo(logo_bytes)
    elif spec.logo:
        logo = read_logo_file(spec.logo)
    return Letterhead(
        organisation=spec.organisation,
        address_lines=tuple(line for line in spec.address_lines if line),
        logo=logo,
        logo_mime="image/png" if logo else "",
    )


def letter_block(letter: ComposedLetter, letterhead: Letterhead) -> Letter:
    body: list[Inline] = []
    for paragraph in letter.paragraphs:
        body.extend(user_text(part) for part in split_paragraphs(paragraph.text))
    return Letter(
        letterhead=letterhead,
        date_text=letter.date_text,
        greeting=user_text(letter.greeting),
        paragraphs=tuple(body),
        sign_off=user_text(letter.sign_off),
        signer_name=letter.signer_name,
        signer_role=letter.signer_role,
    )


def letter_section(
    letter: ComposedLetter,
    letterhead: Letterhead,
    section_id: str = LETTER_SECTION_ID,
    title: str = "A letter for you",
    in_contents: bool = True,
) -> Section:
    """The letter as one section, for a letter on its own or inside a pack."""
    return Section(
        id=section_id,
        title=title,
        kind=SectionKind.LETTER,
        blocks=(letter_block(letter, letterhead),),
        new_page=True,
        in_contents=in_contents,
    )


def letter_document(
    letter: ComposedLetter,
    letterhead: Letterhead,
    content_version: str = "",
    labels: Labels | None = None,
) -> Document:
    """A document holding just the letter. Metadata stays neutral: no client name."""
    author = letter.signer_name or letterhead.organisation or "Outreach Kit"
    return Document(
        kind="letter",
        meta=DocumentMeta(
            title="Letter",
            author=author,
            subject=letter.type_name,
            language="en-GB",
            content_version=content_version,
            keywords=("letter", letter.letter_type.value),
        ),
        sections=(letter_section(letter, letterhead, in_contents=False),),
        labels=labels or Labels(),
    )
