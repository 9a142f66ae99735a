"""A letter in the PDF: letterhead, date, greeting, paragraphs and a closing kept together."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..document import Letter
from .escape import text_markup
from .pdf_flowables import LogoImage
from .pdf_parts import StoryParts


def letter_flowables(parts: StoryParts, letter: Letter) -> list[Flowable]:
    s = parts.styles
    head = letter.letterhead
    out: list[Flowable] = []
    if head.logo:
        out.append(LogoImage(head.logo, greyscale=s.options.greyscale))
    if head.organisation:
        out.append(parts.para(text_markup(head.organisation), s.card_title))
    out += [parts.para(text_markup(line), s.small) for line in head.address_lines]
    out.append(Spacer(1, s.body_size * 1.5))
    if letter.date_text:
        out.append(parts.para(text_markup(letter.date_text)))
    if letter.greeting:
        out.append(parts.para(parts.inline(letter.greeting)))
    out += [parts.para(parts.inline(paragraph)) for paragraph in letter.paragraphs]
    closing: list[Flowable] = []
    if letter.sign_off:
        closing.append(parts.para(parts.inline(letter.sign_off)))
    if letter.signer_name:
        closing.append(parts.para(f"<b>{text_markup(letter.signer_name)}</b>", s.body))
    if letter.signer_role:
        closing.append(parts.para(text_markup(letter.signer_role), s.body))
    if closing:
        out.append(KeepTogether(closing))
    return out
