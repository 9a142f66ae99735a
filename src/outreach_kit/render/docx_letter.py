"""A letter in the Word document: the part of :mod:`.docx` that only letters use."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx.shared import Cm
from docx.text.paragraph import Paragraph as WordParagraph

from .. import document as d
from . import docx_xml as x

if TYPE_CHECKING:
    from .docx import _Writer


def write_letter(writer: _Writer, letter: d.Letter) -> None:
    """A letter: letterhead on the right, date, greeting, paragraphs, sign-off, signer."""
    head = letter.letterhead
    right = x.Look(align="right")
    right_tight = x.Look(space_after=0, align="right")
    if head.logo:
        picture = WordParagraph(writer._para(look=right), writer.doc._body)
        picture.add_run().add_picture(io.BytesIO(head.logo), height=Cm(2.0))
    if head.organisation:
        writer._para("Normal", head.organisation, right_tight, bold=True)
    for line in head.address_lines:
        writer._para("Normal", line, right_tight)
    writer._para()
    writer._para("Normal", letter.date_text)
    for part in (letter.greeting, *letter.paragraphs, letter.sign_off):
        if part:
            writer._inline(writer._para(), part)
    if letter.signer_name or letter.signer_role:
        writer._para()  # room to sign
        writer._para("Normal", letter.signer_name, x.Look(space_after=0), bold=True)
        if letter.signer_role:
            writer._para("Normal", letter.signer_role)
