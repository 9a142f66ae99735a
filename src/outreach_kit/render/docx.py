"""DOCX output with real Word styles, so a clinician can keep editing in Word or LibreOffice.

Renders any :class:`~outreach_kit.document.Document` (packs, letters, training): section
titles use "Heading 1", headings "Heading 2"/"Heading 3", text "Normal", lists "List Bullet"
and "List Number" (numbering restarts for each list), the cover "Title"/"Subtitle".
Callouts are shaded, bordered paragraphs with a word label (meaning never by colour alone);
write-in space is ruled blank lines; a wallet card is a small table.

Text is set through python-docx, which escapes it for XML; characters XML cannot hold
(most control characters) are dropped first, because lxml refuses them.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from .. import document as d
from ..errors import RenderError
from .options import PageFormat, PrintOptions

FONT = "Arial"  # on every Word and LibreOffice install; Atkinson may not be
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TONE_LABEL = {d.Tone.INFO: "Good to know", d.Tone.TIP: "Tip", d.Tone.WARNING: "Take care",
               d.Tone.SAFETY: "Staying safe"}
_TONE_FILL = {d.Tone.INFO: "E8F1FA", d.Tone.TIP: "EAF5EA", d.Tone.WARNING: "FFF4DC",
              d.Tone.SAFETY: "FBE9E9"}
_GREY_FILL = "EEEEEE"
_CREAM = "FFF8E1"


def clean(text: str) -> str:
    """Text XML can hold: control characters (other than tab and newline) removed."""
    return _XML_UNSAFE.sub("", text)


def render_docx(document: d.Document, options: PrintOptions | None = None) -> bytes:
    """The document as DOCX bytes."""
    options = options or PrintOptions()
    try:
        writer = _Writer(options)
        writer.write(document)
        out = io.BytesIO()
        writer.doc.save(out)
    except (ValueError, KeyError, OSError) as exc:
        # ValueError from lxml or a bad image; the message could hold text, so name the type.
        raise RenderError(f"the Word document could not be made ({type(exc).__name__})") from None
    return out.getvalue()


class _Writer:
    def __init__(self, options: PrintOptions):
        self.options = options
        self.doc: WordDocument = docx.Document()
        self.body_pt = 18 if options.large_print else 12
        self._first_section = True
        self._style_ids: dict[str, str] = {}
        self._setup_page()
        self._setup_styles()

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
        if self.options.dyslexia:
            background = OxmlElement("w:background")
            background.set(qn("w:color"), _CREAM)
            self.doc.element.insert(0, background)
            shape = OxmlElement("w:displayBackgroundShape")
            self.doc.settings.element.insert(0, shape)

    def _setup_styles(self) -> None:
        styles = self.doc.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(self.body_pt)
        _set_language(normal.element, "en-GB")
        _east_asian_font(normal.element, FONT)
        normal.paragraph_format.line_spacing = 1.5 if self.options.dyslexia else 1.3
        normal.paragraph_format.space_after = Pt(8)
        sizes = {"Title": 2.2, "Subtitle": 1.4, "Heading 1": 1.7, "Heading 2": 1.35,
                 "Heading 3": 1.15}
        for name, scale in sizes.items():
            style = styles[name]
            style.font.name = FONT
            style.font.size = Pt(round(self.body_pt * scale))
            style.font.italic = False
            style.font.color.rgb = RGBColor(0, 0, 0) if (
                self.options.greyscale) else RGBColor(0x1F, 0x3A, 0x5F)
            _east_asian_font(style.element, FONT)
        for name in ("List Bullet", "List Number"):
            styles[name].font.name = FONT
            styles[name].font.size = Pt(self.body_pt)

    def _para(self, style: str, text: str = "") -> WordParagraph:
        """A new paragraph in a named style. Styles are set by id: python-docx's lookup by
        name scans every style each time, which made a 20-page pack take seconds."""
        paragraph = self.doc.add_paragraph(text)
        if style != "Normal":  # Normal is the default paragraph style
            style_id = self._style_ids.get(style)
            if style_id is None:
                style_id = self._style_ids[style] = self.doc.styles[style].style_id
            paragraph._p.style = style_id
        return paragraph

    # ------------------------------------------------------------------ document
    def write(self, document: d.Document) -> None:
        self._core_properties(document.meta)
        if document.cover is not None:
            self._cover(document.cover)
        for notice in document.notices:
            self._shaded([(), d.user_text(notice)], d.Tone.WARNING, label="Please note")
        for section in document.sections:
            self._section(section, document.sections, standalone_letter=document.kind == "letter")
        self._footer(document.meta)

    def _core_properties(self, meta: d.DocumentMeta) -> None:
        props = self.doc.core_properties
        props.title = clean(meta.title)[:255]
        props.author = clean(meta.author)[:255]
        props.subject = clean(meta.subject)[:255]
        props.language = meta.language
        props.keywords = clean(", ".join(meta.keywords))[:255]
        props.comments = f"Content version {clean(meta.content_version)}" if (
            meta.content_version) else ""
        props.last_modified_by = "Outreach Kit"
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        props.revision = 1

    def _footer(self, meta: d.DocumentMeta) -> None:
        parts = []
        if meta.content_version:
            parts.append(f"Content version {meta.content_version}")
        if meta.last_reviewed:
            parts.append(f"Last reviewed {d.uk_date(meta.last_reviewed)}")
        if meta.next_review:
            parts.append(f"Next review due {d.uk_date(meta.next_review)}")
        if parts:
            footer = self.doc.sections[0].footer.paragraphs[0]
            footer.text = clean(" · ".join(parts))
            footer.style = self.doc.styles["Footer"]

    def _cover(self, cover: d.Cover) -> None:
        self._para("Title", clean(cover.title))
        if cover.subtitle:
            self._para("Subtitle", clean(cover.subtitle))
        for label, value in (("From", cover.service), ("Your worker", cover.keyworker),
                             ("Contact", cover.contact), ("Date", cover.date_text)):
            if value:
                paragraph = self._para("Normal")
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(clean(value))
        self._first_section = False

    # ------------------------------------------------------------------ sections
    def _section(self, section: d.Section, contents: tuple[d.Section, ...],
                 standalone_letter: bool) -> None:
        page_break = section.new_page and not self._first_section
        self._first_section = False
        is_letter = section.kind is d.SectionKind.LETTER
        if not (is_letter and standalone_letter):
            heading = self._para("Heading 1", clean(section.title))
            heading.paragraph_format.page_break_before = page_break
        elif page_break:
            self.doc.add_page_break()
        if section.intro:
            self._inline(self._para("Normal"), section.intro)
        if section.content_warning:
            self._shaded([(), d.user_text(section.content_warning)], d.Tone.WARNING,
                         label="Before you read")
        if section.time_needed_minutes:
            self._para("Normal", f"Time needed: about {section.time_needed_minutes} minutes")
        for block in section.blocks:
            self._block(block)
        if section.kind is d.SectionKind.CONTENTS:
            listed = [s.title for s in contents if s.in_contents
                      and s.kind is not d.SectionKind.CONTENTS]
            for title in listed:
                self._para("List Bullet", clean(title))
        if section.last_reviewed or section.next_review:
            parts = []
            if section.last_reviewed:
                parts.append(f"Last reviewed {d.uk_date(section.last_reviewed)}")
            if section.next_review:
                parts.append(f"Next review due {d.uk_date(section.next_review)}")
            small = self._para("Normal", ". ".join(parts) + ".")
            for run in small.runs:
                run.font.size = Pt(max(10, self.body_pt - 2))

    # ------------------------------------------------------------------ blocks
    def _block(self, block: d.Block) -> None:
        match block:
            case d.Heading(text=text, level=level):
                style = f"Heading {min(max(level, 1), 3)}"
                self._inline(self._para(style), text)
            case d.Paragraph(text=text, style=kind):
                paragraph = self._inline(self._para("Normal"), text)
                if kind != "body":
                    size = Pt(self.body_pt + 2 if kind == "lead" else max(10, self.body_pt - 2))
                    for run in paragraph.runs:
                        run.font.size = size
            case d.BulletList(items=items):
                for item in items:
                    self._inline(self._para("List Bullet"), item)
            case d.Steps(items=items):
                first = None
                for item in items:
                    paragraph = self._inline(self._para("List Number"), item)
                    if first is None:
                        first = paragraph
                        self._restart_numbering(paragraph)
                    else:
                        _copy_numbering(first, paragraph)
            case d.Callout(body=body, title=title, tone=tone):
                self._shaded([title, *body], tone)
            case d.WriteIn():
                self._write_in(block)
            case d.ServiceCard():
                self._service(block)
            case d.QRLink(url=url, label=label):
                paragraph = self._para("Normal")
                paragraph.add_run(clean(label) + ": ")
                self._hyperlink(paragraph, url, url)
            case d.ContactLine():
                self._contact(self._para("Normal"), block)
            case d.WalletCard():
                self._wallet(block)
            case d.Letter():
                self._letter(block)
            case d.PageBreak():
                self.doc.add_page_break()
            case _:  # pragma: no cover - a new block type needs a case here
                raise RenderError(f"the Word renderer cannot draw {type(block).__name__}")

    def _inline(self, paragraph: WordParagraph, inline: d.Inline) -> WordParagraph:
        for span in inline:
            text = clean(span.text)
            if not text:
                continue
            if span.href:
                self._hyperlink(paragraph, text, span.href, span.bold)
                continue
            run = paragraph.add_run(text)
            run.bold = span.bold or None
            run.italic = (span.italic and not self.options.dyslexia) or None
        return paragraph

    def _hyperlink(self, paragraph: WordParagraph, text: str, url: str,
                   bold: bool = False) -> None:
        if not url.startswith(("https://", "http://", "tel:", "mailto:")):
            paragraph.add_run(clean(text))
            return
        rel_id = paragraph.part.relate_to(clean(url), RELATIONSHIP_TYPE.HYPERLINK,
                                          is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel_id)
        run = paragraph.add_run(clean(text))
        run.bold = bold or None
        run.font.underline = True  # links are the one place underlining is expected
        if not self.options.greyscale:
            run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x8F)
        link.append(run._r)
        paragraph._p.append(link)

    def _shaded(self, texts: list[d.Inline], tone: d.Tone, label: str | None = None) -> None:
        """A callout: shaded paragraphs with a left border; the first carries a bold label."""
        title, *body = texts
        fill = _GREY_FILL if self.options.greyscale else _TONE_FILL[tone]
        heading_text = d.plain(title) or label or _TONE_LABEL[tone]
        heading = self._para("Normal")
        heading.add_run(clean(heading_text)).bold = True
        for paragraph in [heading] + [self._inline(self._para("Normal"), t)
                                      for t in body if t]:
            _shade(paragraph, fill)
            paragraph.paragraph_format.left_indent = Cm(0.3)
            paragraph.paragraph_format.space_after = Pt(0)
        self._para("Normal").paragraph_format.space_after = Pt(0)

    def _write_in(self, block: d.WriteIn) -> None:
        prompt = self._inline(self._para("Normal"), block.prompt)
        for run in prompt.runs:
            run.bold = True
        for choice in block.choices:
            paragraph = self._para("Normal")
            paragraph.add_run("☐  ")
            self._inline(paragraph, choice)
        for _ in range(block.lines):
            line = self._para("Normal")
            line.paragraph_format.space_after = Pt(6)
            _bottom_border(line)

    def _service(self, card: d.ServiceCard) -> None:
        self._para("Heading 3", clean(card.name))
        if card.example:
            self._shaded([(), d.user_text("Example entry: replace it with a real service "
                                          "before printing.")], d.Tone.WARNING)
        self._inline(self._para("Normal"), card.description)
        rows = [("Phone", card.phone + (f" ({card.phone_note})" if card.phone_note else "")
                 if card.phone else ""),
                ("Text", card.text), ("Web", card.web), ("Email", card.email),
                ("Address", card.address), ("Open", card.hours), ("Cost", card.cost),
                ("For", card.for_whom)]
        for label, value in rows:
            if not value:
                continue
            paragraph = self._para("Normal")
            paragraph.paragraph_format.space_after = Pt(2)
            paragraph.add_run(f"{label}: ").bold = True
            if label == "Web" and value.startswith("https://"):
                self._hyperlink(paragraph, value, value)
            else:
                paragraph.add_run(clean(value))
        if card.last_checked:
            small = self._para("Normal", f"Details checked {d.uk_date(card.last_checked)}")
            for run in small.runs:
                run.font.size = Pt(max(10, self.body_pt - 2))

    def _contact(self, paragraph: WordParagraph, contact: d.ContactLine) -> None:
        paragraph.add_run(clean(contact.label) + ": ")
        paragraph.add_run(clean(contact.number)).bold = True
        if contact.note:
            paragraph.add_run(f" ({clean(contact.note)})")

    def _wallet(self, card: d.WalletCard) -> None:
        rows = 1 + len(card.contacts) + len(card.steps)
        table = self.doc.add_table(rows=rows, cols=2)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        size = Pt(max(9, self.body_pt - 3))
        title = table.cell(0, 0).merge(table.cell(0, 1))
        title.paragraphs[0].add_run(clean(card.title)).bold = True
        for i, contact in enumerate(card.contacts, start=1):
            table.cell(i, 0).paragraphs[0].add_run(clean(contact.label))
            number = table.cell(i, 1).paragraphs[0].add_run(clean(contact.number))
            number.bold = True
            if contact.note:
                table.cell(i, 1).paragraphs[0].add_run(f" ({clean(contact.note)})")
        start = 1 + len(card.contacts)
        for j, step in enumerate(card.steps):
            cell = table.cell(start + j, 0).merge(table.cell(start + j, 1))
            cell.paragraphs[0].add_run(f"{j + 1}. {clean(step)}")
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.space_after = Pt(0)
                    for run in paragraph.runs:
                        run.font.size = size
        for column, width in zip(table.columns, (Cm(4.5), Cm(4.0)), strict=True):
            for cell in column.cells:
                cell.width = width
        self._para("Normal")

    def _letter(self, letter: d.Letter) -> None:
        head = letter.letterhead
        if head.logo:
            picture = self._para("Normal")
            picture.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            picture.add_run().add_picture(io.BytesIO(head.logo), height=Cm(2.0))
        if head.organisation:
            organisation = self._para("Normal")
            organisation.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            organisation.paragraph_format.space_after = Pt(0)
            organisation.add_run(clean(head.organisation)).bold = True
        for line in head.address_lines:
            address = self._para("Normal", clean(line))
            address.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            address.paragraph_format.space_after = Pt(0)
        self._para("Normal")
        self._para("Normal", clean(letter.date_text))
        if letter.greeting:
            self._inline(self._para("Normal"), letter.greeting)
        for paragraph in letter.paragraphs:
            self._inline(self._para("Normal"), paragraph)
        if letter.sign_off:
            self._inline(self._para("Normal"), letter.sign_off)
        if letter.signer_name or letter.signer_role:
            self._para("Normal")  # room to sign
            signer = self._para("Normal")
            signer.paragraph_format.space_after = Pt(0)
            if letter.signer_name:
                signer.add_run(clean(letter.signer_name)).bold = True
            if letter.signer_role:
                self._para("Normal", clean(letter.signer_role))

    # ------------------------------------------------------------------ numbering
    def _restart_numbering(self, paragraph: WordParagraph) -> None:
        """Give this list its own numbering instance starting at 1."""
        numbering = self.doc.part.numbering_part.element
        style_num = self.doc.styles["List Number"].element.pPr.numPr.numId.val
        abstract_id = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract_id)
        override = num.add_lvlOverride(ilvl=0)
        override.add_startOverride(1)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num.numId


def _copy_numbering(first: WordParagraph, paragraph: WordParagraph) -> None:
    num_pr = first._p.pPr.numPr
    paragraph._p.get_or_add_pPr().append(copy.deepcopy(num_pr))


def _shade(paragraph: WordParagraph, fill: str) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "6"),
                       ("w:color", "555555")):
        left.set(qn(key), value)
    borders.append(left)
    shading = OxmlElement("w:shd")
    for key, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)):
        shading.set(qn(key), value)
    _insert_in_order(p_pr, borders)
    _insert_in_order(p_pr, shading)


def _bottom_border(paragraph: WordParagraph) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "808080")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    _insert_in_order(p_pr, borders)


# Schema order of the pPr children we add, so Word accepts the file.
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
              "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
              "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc")


def _insert_in_order(p_pr, element) -> None:  # type: ignore[no-untyped-def]
    tag_rank = {qn(tag): i for i, tag in enumerate(_PPR_ORDER)}
    rank = tag_rank[element.tag]
    for child in p_pr:
        if tag_rank.get(child.tag, len(_PPR_ORDER)) > rank:
            child.addprevious(element)
            return
    p_pr.append(element)


def _set_language(style_element, language: str) -> None:  # type: ignore[no-untyped-def]
    r_pr = style_element.get_or_add_rPr()
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), language)


def _east_asian_font(style_element, font: str) -> None:  # type: ignore[no-untyped-def]
    fonts = style_element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
