"""Turn a :class:`~outreach_kit.document.Document` into a list of ReportLab flowables.

Every string from the document reaches ReportLab through :mod:`.pdf_markup` (drawable text,
XML-escaped); the only markup is what this module builds. Each block type has one method.

The "Help right now" section should be one page: if it is taller than a page it is built
again with compact styles (same body size, tighter spacing); if it still does not fit, it
starts on a left-hand (even) page so that it reads as one spread.
"""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Spacer,
    TableStyle,
)

from ..document import (
    BulletList,
    Callout,
    ContactLine,
    Cover,
    Document,
    Heading,
    Inline,
    Letter,
    QRLink,
    Section,
    SectionKind,
    ServiceCard,
    Steps,
    Tone,
    WalletCard,
    WriteIn,
    uk_date,
)
from ..document import PageBreak as PageBreakBlock
from ..document import Paragraph as ParagraphBlock
from .fonts import REGULAR, drawable_text
from .pdf_flowables import (
    ContentsTable,
    EvenPageStart,
    FontSafeTable,
    HiddenMarker,
    LogoImage,
    OutlineMarker,
    QrCode,
    RuledLines,
    SectionTitle,
    TickBox,
    WrapOnceParagraph,
)
from .pdf_flowables import WalletCard as WalletCardFlowable
from .pdf_markup import linked, para_markup, text_markup
from .pdf_styles import PdfStyles, styles_for
from .presentation import STRONG_TONES, callout_label, example_note, qr_target, tel_link

QR_SIZE = 24 * mm
CARD_PADDING_X = 18  # left plus right padding inside a service card's cells
CUT_OUT_HELP = "Cut along the dashed line. Fold along the dotted line so the card has two sides."


def cover_key() -> str:
    return "cover"


def section_key(index: int) -> str:
    return f"section-{index}"


class StoryBuilder:
    """Builds the flowables for one document in one print profile."""

    def __init__(self, document: Document, styles: PdfStyles):
        self.document = document
        self.styles = styles
        self.palette = styles.palette

    # ------------------------------------------------------------------ text helpers

    def inline(self, inline: Inline) -> str:
        return para_markup(inline, italics=self.styles.italics)

    def para(self, markup: str, style=None) -> WrapOnceParagraph:
        return WrapOnceParagraph(markup, style or self.styles.body)

    def labelled(self, label: str, value: str, style=None,
                 href: str | None = None) -> WrapOnceParagraph:
        shown = linked(text_markup(value), href)
        return self.para(f"<b>{text_markup(label)}</b> {shown}", style)

    def boxed(self, content: list[Flowable], edge, fill, *, thick: bool = False,
              bar: bool = False, width: float | None = None) -> FontSafeTable:
        table = FontSafeTable([[content]], colWidths=[width or self.styles.layout.frame_width],
                              hAlign="LEFT")
        pad = 5 if self.styles.compact else 8
        commands = [
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), pad),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
        ]
        if bar:
            commands.append(("LINEBEFORE", (0, 0), (0, -1), 4, edge))
        else:
            commands.append(("BOX", (0, 0), (-1, -1), 2 if thick else 1, edge))
        table.setStyle(TableStyle(commands))
        table.spaceAfter = self.styles.body.spaceAfter
        return table

    def notice_box(self, text: str) -> FontSafeTable:
        return self.boxed([self.para(text_markup(text), self.styles.notice)],
                          self.palette.warning_edge, self.palette.warning_fill, thick=True)

    # ------------------------------------------------------------------ document

    def build(self) -> list[Flowable]:
        story: list[Flowable] = []
        pending_notices = list(self.document.notices)
        if self.document.cover is not None:
            story += self.cover(self.document.cover, pending_notices)
            pending_notices = []
            story.append(PageBreak())
        for index, section in enumerate(self.document.sections):
            if section.new_page and story and not isinstance(story[-1], PageBreak):
                story.append(PageBreak())
            if section.kind is SectionKind.HELP_NOW:
                story += self.one_page_section(index, section, pending_notices)
            else:
                story += self.section(index, section, pending_notices)
            pending_notices = []
        return story

    def one_page_section(self, index: int, section: Section,
                         notices: list[str]) -> list[Flowable]:
        """A section kept to one page if at all possible, else started on a left page."""
        layout = self.styles.layout
        flowables = self.section(index, section, notices)
        if stack_height(flowables, layout.frame_width) <= layout.frame_height:
            return flowables
        compact = StoryBuilder(self.document, styles_for(self.styles.options, compact=True))
        flowables = compact.section(index, section, notices)
        if stack_height(flowables, layout.frame_width) <= layout.frame_height:
            return flowables
        return [EvenPageStart(self.para(text_markup(
            f"{section.title} starts on the next page, so you can see it all at once."),
            self.styles.small)), *flowables]

    def cover(self, cover: Cover, notices: list[str]) -> list[Flowable]:
        s = self.styles
        out: list[Flowable] = []
        # "Cover", not its title: a bookmark shows in the viewer's sidebar and outlives the
        # cover page, and the title holds the person's name.
        marker = OutlineMarker(cover_key(), "Cover")
        out.append(SectionTitle(text_markup(cover.title), s.cover_title, marker))
        if cover.subtitle:
            out.append(self.para(text_markup(cover.subtitle), s.cover_subtitle))
        if cover.service:
            out.append(self.labelled("Service:", cover.service, s.cover_service))
        details = [self.labelled(label, value, s.cover_line)
                   for label, value in (("Keyworker:", cover.keyworker),
                                        ("Contact:", cover.contact), ("Date:", cover.date_text))
                   if value]
        if details:
            out.append(HRFlowable(width="100%", thickness=1, color=self.palette.rule,
                                  spaceBefore=0, spaceAfter=s.body_size * 0.8, hAlign="LEFT"))
            out += details
        if notices:
            out.append(Spacer(1, s.body_size * 2.5))
            out += [self.notice_box(notice) for notice in notices]
        # Space above the title, but never so much that the cover runs onto a second page.
        spare = s.layout.frame_height - stack_height(out, s.layout.frame_width) - s.body_size
        return [Spacer(1, max(0.0, min(s.layout.frame_height * 0.16, spare))), *out]

    def section(self, index: int, section: Section, notices: list[str]) -> list[Flowable]:
        s = self.styles
        marker = OutlineMarker(section_key(index), drawable_text(section.title) or "Section")
        out: list[Flowable] = []
        if section.kind is SectionKind.LETTER:
            out.append(HiddenMarker(marker))
        else:
            out.append(SectionTitle(text_markup(section.title), s.h1, marker))
        out += [self.notice_box(notice) for notice in notices]
        if section.intro:
            out.append(self.para(self.inline(section.intro), s.lead))
        if section.time_needed_minutes:
            minutes = section.time_needed_minutes
            out.append(self.para(f"About {minutes} minute{'s' if minutes != 1 else ''}."))
        if section.content_warning:
            out.append(self.boxed(
                [self.labelled("Content note:", section.content_warning)],
                self.palette.warning_edge, self.palette.warning_fill, thick=True))
        out.extend(self.blocks(section.blocks))
        if section.kind is SectionKind.CONTENTS:
            out.append(self.contents_table(index))
        review = self.review_line(section)
        if review:
            # Never leave the review line alone at the top of a page: group it with the last
            # thing drawn before it. (keepWithNext would not do: ReportLab ignores it on a
            # KeepTogether, which is what most blocks end with.)
            last = len(out)
            while last > 0 and isinstance(out[last - 1], Spacer):
                last -= 1
            start = max(last - 1, 0)
            tail: list[Flowable] = []
            for flowable in out[start:]:
                # Merge, never nest: a KeepTogether inside another always reports itself
                # too tall (to force a split), which would push the group to a new page.
                tail += flowable._content if isinstance(flowable, KeepTogether) else [flowable]
            tail += [Spacer(1, s.body_size), self.para(text_markup(review), s.small)]
            out[start:] = [KeepTogether(tail)]
        return out

    def contents_table(self, own_index: int) -> ContentsTable:
        entries = [
            (section_key(i), text_markup(section.title))
            for i, section in enumerate(self.document.sections)
            if section.in_contents and section.kind is not SectionKind.CONTENTS
            and i != own_index
        ]
        return ContentsTable(entries, self.styles.contents_entry, self.styles.contents_number,
                             self.palette.rule)

    @staticmethod
    def review_line(section: Section) -> str:
        parts = []
        if section.last_reviewed:
            parts.append(f"Last reviewed {uk_date(section.last_reviewed)}.")
        if section.next_review:
            parts.append(f"Next review due {uk_date(section.next_review)}.")
        return " ".join(parts)

    # ------------------------------------------------------------------ blocks

    def blocks(self, blocks) -> list[Flowable]:
        out: list[Flowable] = []
        for block in blocks:
            out.extend(self.block(block))
        return out

    def block(self, block) -> list[Flowable]:
        s = self.styles
        match block:
            case Heading(text=text, level=level):
                style = s.h2 if level <= 2 else s.h3
                return [self.para(self.inline(text), style)]
            case ParagraphBlock(text=text, style=name):
                style = {"lead": s.lead, "small": s.small}.get(name, s.body)
                return [self.para(self.inline(text), style)]
            case BulletList(items=items):
                return [self.list_flowable(items, numbered=False)]
            case Steps(items=items):
                return [self.list_flowable(items, numbered=True)]
            case Callout():
                # A box broken over two pages loses its title from its text.
                return [KeepTogether([self.callout(block)])]
            case WriteIn():
                return self.write_in(block)
            case ServiceCard():
                return [KeepTogether(self.service_card(block))]
            case QRLink():
                return [self.qr_link(block)]
            case ContactLine():
                return [KeepTogether(self.contact_line(block))]
            case WalletCard():
                return [KeepTogether(self.wallet_card(block))]
            case Letter():
                return self.letter(block)
            case PageBreakBlock():
                return [PageBreak()]
        raise TypeError(f"unknown block type {type(block).__name__}")

    def list_flowable(self, items: tuple[Inline, ...], *, numbered: bool) -> ListFlowable:
        s = self.styles
        flowables = [ListItem(self.para(self.inline(item), s.list_item)) for item in items]
        options = dict(bulletFontName=REGULAR, bulletFontSize=s.body_size,
                       bulletColor=self.palette.text, leftIndent=s.body_size * 1.8,
                       spaceAfter=s.body.spaceAfter)
        if numbered:
            return ListFlowable(flowables, bulletType="1", bulletFormat="%s.", **options)
        return ListFlowable(flowables, bulletType="bullet", start="•", **options)

    def callout(self, block: Callout) -> FontSafeTable:
        s = self.styles
        edge, fill = {
            Tone.INFO: (self.palette.info_edge, self.palette.info_fill),
            Tone.TIP: (self.palette.tip_edge, self.palette.tip_fill),
            Tone.WARNING: (self.palette.warning_edge, self.palette.warning_fill),
            Tone.SAFETY: (self.palette.safety_edge, self.palette.safety_fill),
        }[block.tone]
        content: list[Flowable] = []
        label = callout_label(block, self.document.labels)
        if label:
            content.append(self.para(self.inline(label), s.callout_title))
        content += [self.para(self.inline(line), s.card_text) for line in block.body]
        strong = block.tone in STRONG_TONES
        return self.boxed(content, edge, fill, thick=strong, bar=not strong)

    def write_in(self, block: WriteIn) -> list[Flowable]:
        s = self.styles
        prompt = WrapOnceParagraph(self.inline(block.prompt), s.h3)
        out: list[Flowable] = [prompt]
        if block.choices:
            box = s.tick_box_size
            rows = [[TickBox(box, self.palette.text), self.para(self.inline(choice), s.body)]
                    for choice in block.choices]
            table = FontSafeTable(rows, colWidths=[box + 10, s.layout.frame_width - box - 10],
                                  hAlign="LEFT")
            table.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, -1), s.body.leading - box - 1),
                ("TOPPADDING", (1, 0), (1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]))
            out.append(table)
        if block.lines > 0:
            out.append(RuledLines(block.lines, s.write_line_gap, self.palette.rule))
        # The question, its boxes and its lines belong together (a very long one still
        # splits: KeepTogether gives way when its content is taller than the page).
        return [KeepTogether(out), Spacer(1, s.body_size)]

    def service_card(self, card: ServiceCard) -> list[Flowable]:
        s = self.styles
        width = s.layout.frame_width
        qr = qr_target(card.web)
        text_width = width - QR_SIZE - 16 if qr else width
        text: list[Flowable] = [self.para(text_markup(card.name), s.card_title)]
        note = example_note(card, self.document.labels)
        if note:
            text.append(self.boxed([self.para(text_markup(note), s.notice)],
                                   self.palette.warning_edge, self.palette.warning_fill,
                                   thick=True, width=text_width - CARD_PADDING_X))
        if card.description:
            text.append(self.para(self.inline(card.description), s.card_text))
        phone = card.phone + (f" ({card.phone_note})" if card.phone_note else "")
        rows = [
            ("Phone:", phone, tel_link(card.phone)),
            ("Text:", card.text, None),
            ("Open:", card.hours, None),
            ("Cost:", card.cost, None),
            ("Who it is for:", card.for_whom, None),
            ("Address:", card.address, None),
            ("Website:", card.web, card.web),
            ("Email:", card.email, f"mailto:{card.email}" if card.email else None),
        ]
        text += [self.labelled(label, value, s.card_text, href) for label, value, href in rows
                 if value.strip()]
        if card.last_checked:
            text.append(self.para(text_markup(f"Last checked {uk_date(card.last_checked)}."),
                                  s.small))
        if qr:
            table = FontSafeTable([[text, QrCode(qr, QR_SIZE, self.palette.black)]],
                                  colWidths=[text_width, QR_SIZE + 16], hAlign="LEFT")
        else:
            table = FontSafeTable([[text]], colWidths=[width], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 1, self.palette.rule),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("RIGHTPADDING", (0, 0), (-1, -1), CARD_PADDING_X - 10),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]))
        return [table, Spacer(1, s.body_size)]

    def qr_link(self, block: QRLink) -> FontSafeTable:
        s = self.styles
        words = [self.para(f"<b>{text_markup(block.label)}</b>", s.body),
                 self.labelled("Web:", block.url, s.small, block.url)]
        target = qr_target(block.url)
        cells = [[QrCode(target, QR_SIZE, self.palette.black), words]] if target else [[words]]
        widths = [QR_SIZE + 12, s.layout.frame_width - QR_SIZE - 12] if target else None
        table = FontSafeTable(cells, colWidths=widths, hAlign="LEFT")
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        table.spaceAfter = s.body.spaceAfter
        return table

    def contact_line(self, contact: ContactLine) -> list[Flowable]:
        s = self.styles
        number = linked(text_markup(contact.number), tel_link(contact.number))
        out: list[Flowable] = [self.para(text_markup(contact.label), s.contact_label),
                               self.para(number, s.contact_number)]
        if contact.note:
            out.append(self.para(text_markup(contact.note), s.body))
        return out

    def wallet_card(self, card: WalletCard) -> list[Flowable]:
        s = self.styles
        title = text_markup(card.title)
        contacts = [f"<b>{text_markup(c.label)}</b> {text_markup(c.number)}"
                    for c in card.contacts]
        steps = [f"{n}. {text_markup(step)}" for n, step in enumerate(card.steps, start=1)]

        def front(size: float) -> list[Flowable]:
            heading, text = s.wallet_styles(size)
            return [self.para(title, heading), *(self.para(line, text) for line in contacts)]

        def back(size: float) -> list[Flowable]:
            heading, text = s.wallet_styles(size)
            return [self.para("My steps", heading), *(self.para(line, text) for line in steps)]

        return [self.para(CUT_OUT_HELP, s.body),
                WalletCardFlowable(front, back, s.wallet_sizes, self.palette.text),
                Spacer(1, s.body_size)]

    def letter(self, letter: Letter) -> list[Flowable]:
        s = self.styles
        head = letter.letterhead
        out: list[Flowable] = []
        if head.logo:
            out.append(LogoImage(head.logo, greyscale=s.options.greyscale))
        if head.organisation:
            out.append(self.para(text_markup(head.organisation), s.card_title))
        out += [self.para(text_markup(line), s.small) for line in head.address_lines]
        out.append(Spacer(1, s.body_size * 1.5))
        if letter.date_text:
            out.append(self.para(text_markup(letter.date_text)))
        if letter.greeting:
            out.append(self.para(self.inline(letter.greeting)))
        out += [self.para(self.inline(paragraph)) for paragraph in letter.paragraphs]
        closing: list[Flowable] = []
        if letter.sign_off:
            closing.append(self.para(self.inline(letter.sign_off)))
        if letter.signer_name:
            closing.append(self.para(f"<b>{text_markup(letter.signer_name)}</b>", s.body))
        if letter.signer_role:
            closing.append(self.para(text_markup(letter.signer_role), s.body))
        if closing:
            out.append(KeepTogether(closing))
        return out


def stack_height(flowables: list[Flowable], width: float) -> float:
    """About how tall ``flowables`` are, one after another in a frame ``width`` wide."""
    canvas = Canvas(BytesIO())
    flat: list[Flowable] = []

    def flatten(items: list[Flowable]) -> None:
        for flowable in items:  # KeepTogether reports a huge height when measured alone
            if isinstance(flowable, KeepTogether):
                flatten(flowable._content)
            else:
                flat.append(flowable)

    flatten(flowables)
    total = after = 0.0
    for index, flowable in enumerate(flat):
        if isinstance(flowable, PageBreak):
            return float("inf")
        _, height = flowable.wrapOn(canvas, width, 1e6)
        if index:  # a frame lets space before overlap the space after the one above
            total += after + max(flowable.getSpaceBefore() - after, 0)
        total += height
        after = flowable.getSpaceAfter()
    return total
