"""DOCX output with real Word styles, so a clinician can keep editing in Word or LibreOffice.

Renders any :class:`~outreach_kit.document.Document` (packs, letters, training): section
titles use "Heading 1", headings "Heading 2"/"Heading 3", text "Normal", lists "List Bullet"
and "List Number" (numbering restarts for each list), the cover "Title"/"Subtitle".
Callouts are shaded, bordered paragraphs with a word label (meaning never by colour alone);
write-in space is ruled blank lines; a wallet card is a small table. Labels, colours, link
schemes and text cleaning come from :mod:`.presentation`.

python-docx makes the package, styles and numbering; paragraphs and runs are written by
:mod:`.docx_xml` (lxml escapes the text). Characters XML cannot hold never reach it:
:func:`.presentation.clean_text` removes or replaces them first.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import cast

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import ParagraphStyle, StyleFactory
from lxml.etree import _Element

from .. import document as d
from ..errors import RenderError
from . import docx_xml as x
from .docx_easy_read import add_picture, pictured_item
from .docx_language import set_style_language
from .docx_letter import write_letter
from .options import PageFormat, PrintOptions
from .page_words import review_parts
from .presentation import (
    WHITE,
    WORD_FONT,
    callout_label,
    clean_text,
    colours_for,
    example_note,
    safe_link,
)

_CALLOUT_INDENT = round(Cm(0.3).twips)
_WALLET_WIDTHS = (round(Cm(4.5).twips), round(Cm(4.0).twips))


def render_docx(document: d.Document, options: PrintOptions | None = None) -> bytes:
    """The document as DOCX bytes."""
    options = options or PrintOptions()
    try:
        writer = _Writer(options, document.labels)
        set_style_language(writer.doc.styles["Normal"], document.meta.language or "en-GB")
        writer.write(document)
        out = io.BytesIO()
        writer.doc.save(out)
    except (ValueError, KeyError, OSError) as exc:
        # ValueError from lxml or a bad image; the message could hold text, so name the type.
        raise RenderError(f"the Word document could not be made ({type(exc).__name__})") from None
    return out.getvalue()


def _hex(colour: str) -> str:
    return colour.lstrip("#").upper()


class _Writer:
    def __init__(self, options: PrintOptions, labels: d.Labels):
        self.options = options
        self.labels = labels
        self.document = d.Document("", d.DocumentMeta("", "", ""), ())  # set by write()
        self.colours = colours_for(options)
        self.doc: WordDocument = docx.Document()
        self.body_pt = 18 if options.large_print else 16 if options.easy_read else 12
        self._first_section = True
        # One pass over the styles: python-docx's lookup by name searches them all each time.
        self._styles: dict[str, ParagraphStyle] = {
            BabelFish.internal2ui(style.name_val): cast(ParagraphStyle, StyleFactory(style))
            for style in self.doc.styles.element.style_lst if style.name_val}
        self._style_ids: dict[str, str] = {}
        self._list_number: str | None = None  # abstract numbering of "List Number"
        self._setup_page()
        self._setup_styles()
        self._body = self.doc.element.body
        self._section_properties = self._body[-1]  # must stay last: re-added by write()
        self._body.remove(self._section_properties)

    # ------------------------------------------------------------------ setup
    def _setup_page(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        if self.options.page is PageFormat.A5_BOOKLET:
            section.page_width, section.page_height = Mm(148), Mm(210)
            margin = Cm(1.5)
        else:
            section.page_width, section.page_height = Mm(210), Mm(297)
            margin = Cm(2.2)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin
        if self.colours.page != WHITE:
            background = OxmlElement("w:background")
            background.set(qn("w:color"), _hex(self.colours.page))
            self.doc.element.insert(0, background)
            shape = OxmlElement("w:displayBackgroundShape")
            self.doc.settings.element.insert(0, shape)

    def _setup_styles(self) -> None:
        styles = self._styles
        normal = styles["Normal"]
        normal.font.name = WORD_FONT
        normal.font.size = Pt(self.body_pt)
        x.set_language(normal.element, "en-GB")
        x.east_asian_font(normal.element, WORD_FONT)
        normal.paragraph_format.line_spacing = (
            1.5 if self.options.dyslexia or self.options.easy_read else 1.3)
        normal.paragraph_format.space_after = Pt(8)
        sizes = {"Title": 2.2, "Subtitle": 1.4, "Heading 1": 1.7, "Heading 2": 1.35,
                 "Heading 3": 1.15}
        for name, scale in sizes.items():
            style = styles[name]
            style.font.name = WORD_FONT
            style.font.size = Pt(round(self.body_pt * scale))
            style.font.italic = False
            style.font.color.rgb = RGBColor.from_string(_hex(self.colours.heading))
            x.east_asian_font(style.element, WORD_FONT)
        for name in ("List Bullet", "List Number"):
            styles[name].font.name = WORD_FONT
            styles[name].font.size = Pt(self.body_pt)

    def _style_id(self, name: str) -> str | None:
        """The id of a named style; None for Normal, the default paragraph style."""
        if name == "Normal":
            return None
        style_id = self._style_ids.get(name)
        if style_id is None:
            style_id = self._style_ids[name] = self._styles[name].style_id
        return style_id

    def _para(self, style: str = "Normal", text: str = "", look: x.Look | None = None, *,
              bold: bool = False, size: int | None = None) -> _Element:
        """A new paragraph in a named style, with ``text`` (cleaned) as one run."""
        paragraph = x.paragraph(self._body, self._style_id(style), look)
        if text:
            x.run(paragraph, clean_text(text), bold=bold, size=size)
        return paragraph

    @property
    def _small(self) -> int:
        """Half-points of small print (review dates, "details checked")."""
        return 2 * max(10, self.body_pt - 2)

    # ------------------------------------------------------------------ document
    def write(self, document: d.Document) -> None:
        self.document = document
        self._core_properties(document.meta)
        if document.cover is not None:
            self._cover(document.cover)
        for notice in document.notices:
            self._shaded(self.labels.please_note, [d.user_text(notice)], d.Tone.WARNING)
        for section in document.sections:
            self._section(section, document.sections, standalone_letter=document.kind == "letter")
        self._body.append(self._section_properties)
        self._footer(document)

    def _core_properties(self, meta: d.DocumentMeta) -> None:
        props = self.doc.core_properties
        props.title = clean_text(meta.title)[:255]
        props.author = clean_text(meta.author)[:255]
        props.subject = clean_text(meta.subject)[:255]
        props.language = meta.language
        props.keywords = clean_text(", ".join(meta.keywords))[:255]
        props.comments = f"Content version {clean_text(meta.content_version)}" if (
            meta.content_version) else ""
        props.last_modified_by = "Outreach Kit"
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1

    def _footer(self, document: d.Document) -> None:
        meta = document.meta
        parts = []
        if meta.content_version:
            parts.append(document.labels.words.content_version.format(
                version=meta.content_version))
        parts += review_parts(document, meta.last_reviewed, meta.next_review)
        if meta.translation_note:
            parts.append(meta.translation_note)
        if parts:
            footer = self.doc.sections[0].footer.paragraphs[0]
            footer.text = clean_text(" · ".join(parts))
            footer._p.style = self._style_id("Footer")

    def _cover(self, cover: d.Cover) -> None:
        self._para("Title", cover.title)
        if cover.subtitle:
            self._para("Subtitle", cover.subtitle)
        words = self.labels.words
        for label, value in ((words.cover_from, cover.service),
                             (words.cover_worker, cover.keyworker),
                             (words.cover_contact, cover.contact),
                             (words.cover_date, cover.date_text)):
            if value:
                paragraph = self._para("Normal", f"{label}: ", bold=True)
                x.run(paragraph, clean_text(value))
        self._first_section = False

    # ------------------------------------------------------------------ sections
    def _section(self, section: d.Section, contents: tuple[d.Section, ...],
                 standalone_letter: bool) -> None:
        page_break = section.new_page and not self._first_section
        self._first_section = False
        if not (section.kind is d.SectionKind.LETTER and standalone_letter):
            self._para("Heading 1", section.title, x.Look(page_break_before=page_break))
        elif page_break:
            x.page_break(self._body)
        if section.intro:
            self._inline(self._para(), section.intro)
        if section.content_warning:
            self._shaded(self.labels.words.before_you_read,
                         [d.user_text(section.content_warning)],
                         d.Tone.WARNING)
        if section.time_needed_minutes:
            self._para("Normal", self.labels.words.time_needed_text(
                section.time_needed_minutes, singular=False))
        for block in section.blocks:
            self._block(block)
        if section.kind is d.SectionKind.CONTENTS:
            for listed in contents:
                if listed.in_contents and listed.kind is not d.SectionKind.CONTENTS:
                    self._para("List Bullet", listed.title)
        review = review_parts(self.document, section.last_reviewed, section.next_review)
        if review:
            self._para("Normal", ". ".join(review) + ".", size=self._small)

    # ------------------------------------------------------------------ blocks
    def _block(self, block: d.Block) -> None:
        match block:
            case d.Heading(text=text, level=level):
                self._inline(self._para(f"Heading {min(max(level, 1), 3)}"), text)
            case d.Paragraph(text=text, style=kind):
                size = {"lead": 2 * (self.body_pt + 2), "small": self._small}.get(kind)
                self._inline(self._para(), text, size=size)
            case d.BulletList(items=items):
                for item in items:
                    self._inline(self._para("List Bullet"), item)
            case d.Steps(items=items):
                numbering = x.Look(numbering=self._new_numbering())
                for item in items:
                    self._inline(self._para("List Number", look=numbering), item)
            case d.Callout(body=body, tone=tone):
                label = d.plain(callout_label(block, self.labels))
                self._shaded(label, list(body), tone)
            case d.WriteIn():
                self._write_in(block)
            case d.ServiceCard():
                self._service(block)
            case d.QRLink(url=url, label=label):
                paragraph = self._para("Normal", label + ": ")
                self._hyperlink(paragraph, url, url)
            case d.ContactLine():
                self._contact(self._para(), block)
            case d.WalletCard():
                self._wallet(block)
            case d.PicturedItem():
                self._pictured(block)
            case d.Letter():
                write_letter(self, block)
            case d.Table():
                self._grid(block)
            case d.PageBreak():
                x.page_break(self._body)
            case _:  # pragma: no cover - a new block type needs a case here
                raise RenderError(f"the Word renderer cannot draw {type(block).__name__}")

    def _inline(self, paragraph: _Element, inline: d.Inline, *, bold: bool = False,
                size: int | None = None) -> _Element:
        italics = not self.options.dyslexia
        for span in inline:
            text = clean_text(span.text)
            if not text:
                continue
            if span.href:
                self._hyperlink(paragraph, text, span.href, bold=span.bold or bold, size=size)
            else:
                x.run(paragraph, text, bold=span.bold or bold,
                      italic=span.italic and italics, size=size)
        return paragraph

    def _hyperlink(self, paragraph: _Element, text: str, url: str, *, bold: bool = False,
                   size: int | None = None) -> None:
        target = safe_link(url)
        if target is None:
            x.run(paragraph, clean_text(text), bold=bold, size=size)
            return
        rel_id = self.doc.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        # links are the one place underlining is expected
        x.run(x.hyperlink(paragraph, rel_id), clean_text(text), bold=bold, size=size,
              colour=_hex(self.colours.link), underline=True)

    def _shaded(self, label: str, body: list[d.Inline], tone: d.Tone) -> None:
        """A callout: shaded paragraphs with a left bar; the first holds the label in bold."""
        edge, fill = self.colours.tone(tone)
        look = x.Look(left_border=_hex(edge), fill=_hex(fill), space_after=0,
                      indent_left=_CALLOUT_INDENT)
        if label:
            self._para("Normal", label, look, bold=True)
        for text in body:
            if text:
                self._inline(self._para("Normal", look=look), text)
        self._para("Normal", look=x.Look(space_after=0))

    def _write_in(self, block: d.WriteIn) -> None:
        self._inline(self._para(), block.prompt, bold=True)
        for choice in block.choices:
            self._inline(self._para("Normal", "☐  "), choice)
        rule = x.Look(bottom_border=_hex(self.colours.rule), space_after=120)
        for _ in range(block.lines):
            self._para("Normal", look=rule)

    def _service(self, card: d.ServiceCard) -> None:
        if card.picture is not None:
            add_picture(self.doc, self._para(), card.picture, self.colours.heading, 1.0)
        self._para("Heading 3", card.name)
        note = example_note(card, self.labels)
        if note:
            self._shaded(note, [], d.Tone.WARNING)
        self._inline(self._para(), card.description)
        phone = card.phone + (f" ({card.phone_note})" if card.phone_note else "")
        named = self.labels.contact_label
        rows = [(named("phone"), phone if card.phone else "", ""), (named("text"), card.text, ""),
                (named("web"), card.web, card.web),
                (named("email"), card.email, f"mailto:{card.email}"),
                (named("address"), card.address, ""), (named("open"), card.hours, ""),
                (self.labels.words.cost, card.cost, ""),
                (self.labels.words.for_whom, card.for_whom, "")]
        row_look = x.Look(space_after=40)
        for label, value, href in rows:
            if value:
                paragraph = self._para("Normal", f"{label}: ", row_look, bold=True)
                self._hyperlink(paragraph, value, href)
        if card.last_checked:
            checked = self.labels.words.details_checked.format(
                date=d.uk_date(card.last_checked))
            self._para("Normal", checked, size=self._small)

    def _contact(self, paragraph: _Element, contact: d.ContactLine) -> None:
        x.run(paragraph, clean_text(contact.label) + ": ")
        x.run(paragraph, clean_text(contact.number), bold=True)
        if contact.note:
            x.run(paragraph, f" ({clean_text(contact.note)})")

    def _pictured(self, item: d.PicturedItem) -> None:
        words = pictured_item(self.doc, self._body, item, self.colours.heading, self.body_pt)
        self._inline(words, item.text)
        self._para()

    def _grid(self, block: d.Table) -> None:
        columns = max(len(block.header), 1)
        widths = (round(Cm(16).twips) // columns,) * columns
        rows = [block.header, *block.rows]
        cells = x.table(self._body, self._style_id("Table Grid") or "", widths,
                        [[1] * columns for _ in rows])
        for r, (row, texts) in enumerate(zip(cells, rows, strict=True)):
            for cell, text in zip(row, texts, strict=False):
                x.run(cell, clean_text(text) if text else " ", bold=r == 0)
        self._para()

    def _wallet(self, card: d.WalletCard) -> None:
        spans = [[2], *([1, 1] for _ in card.contacts), *([2] for _ in card.steps)]
        cells = x.table(self._body, self._style_id("Table Grid") or "", _WALLET_WIDTHS, spans)
        size = 2 * max(9, self.body_pt - 3)
        x.run(cells[0][0], clean_text(card.title), bold=True, size=size)
        for (label, number), contact in zip(cells[1:], card.contacts, strict=False):
            if contact.picture is not None:
                add_picture(self.doc, label, contact.picture, self.colours.heading, 0.6)
            x.run(label, clean_text(contact.label), size=size)
            x.run(number, clean_text(contact.number), bold=True, size=size)
            if contact.note:
                x.run(number, f" ({clean_text(contact.note)})", size=size)
        for j, step in enumerate(card.steps):
            x.run(cells[1 + len(card.contacts) + j][0], f"{j + 1}. {clean_text(step)}",
                  size=size)
        self._para()

    # ------------------------------------------------------------------ numbering
    def _new_numbering(self) -> int:
        """A numbering instance of the "List Number" style that starts again at 1."""
        numbering = self.doc.part.numbering_part.element
        if self._list_number is None:
            style_num = self._styles["List Number"].element.pPr.numPr.numId.val
            self._list_number = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(self._list_number)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)
