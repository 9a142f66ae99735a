"""The flowables for each block of a section: one function per block type."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Spacer,
    TableStyle,
)

from ..document import (
    Block,
    BulletList,
    Callout,
    ContactLine,
    Heading,
    Inline,
    Letter,
    PageBreak as PageBreakBlock,
    Paragraph as ParagraphBlock,
    PicturedItem,
    QRLink,
    ServiceCard,
    Steps,
    Table,
    Tone,
    WalletCard,
    WriteIn,
    plain,
    user_text,
)
from .bidi import has_rtl
from .pdf_cards import contact_line, qr_link, service_card, wallet_card
from .pdf_easy_read import pictured_item
from .pdf_flowables import FontSafeTable, RuledLines, TickBox
from .pdf_letter import letter_flowables
from .pdf_parts import StoryParts
from .presentation import STRONG_TONES, callout_label


def block_flowables(parts: StoryParts, block: Block) -> list[Flowable]:
    s = parts.styles
    match block:
        case Heading(text=text, level=level):
            style = s.h2 if level <= 2 else s.h3
            return [parts.para(parts.inline(text), style)]
        case ParagraphBlock(text=text, style=name):
            style = {"lead": s.lead, "small": s.small}.get(name, s.body)
            return [parts.para(parts.inline(text), style)]
        case BulletList(items=items):
            return [list_flowable(parts, items, numbered=False)]
        case Steps(items=items):
            return [list_flowable(parts, items, numbered=True)]
        case Callout():
            # A box broken over two pages loses its title from its text.
            return [KeepTogether([callout(parts, block)])]
        case WriteIn():
            return write_in(parts, block)
        case ServiceCard():
            return [KeepTogether(service_card(parts, block))]
        case QRLink():
            return [qr_link(parts, block)]
        case ContactLine():
            return [KeepTogether(contact_line(parts, block))]
        case WalletCard():
            return [KeepTogether(wallet_card(parts, block))]
        case PicturedItem():
            return pictured_item(parts, block)
        case Letter():
            return letter_flowables(parts, block)
        case Table():
            return grid(parts, block)
        case PageBreakBlock():
            return [PageBreak()]
    raise TypeError(f"unknown block type {type(block).__name__}")


def list_flowable(parts: StoryParts, items: tuple[Inline, ...], *,
                  numbered: bool) -> ListFlowable:
    s = parts.styles
    # ReportLab takes ListItems (the stubs only allow flowables).
    flowables: list[Any] = [ListItem(parts.para(parts.inline(item), s.list_item))
                            for item in items]
    options: dict[str, Any] = dict(
        bulletFontName=s.family.regular, bulletFontSize=s.body_size, bulletColor=parts.palette.text,
        leftIndent=s.body_size * 1.8, spaceAfter=s.body.spaceAfter)
    if s.family.arabic and items and has_rtl(plain(items[0])):  # bullets on the right
        options.update(leftIndent=0, rightIndent=s.body_size * 1.8, bulletDir="rtl")
    if numbered:
        return ListFlowable(flowables, bulletType="1", bulletFormat="%s.", **options)
    return ListFlowable(flowables, bulletType="bullet", start="•", **options)


def callout(parts: StoryParts, block: Callout) -> FontSafeTable:
    s = parts.styles
    palette = parts.palette
    edge, fill = {
        Tone.INFO: (palette.info_edge, palette.info_fill),
        Tone.TIP: (palette.tip_edge, palette.tip_fill),
        Tone.WARNING: (palette.warning_edge, palette.warning_fill),
        Tone.SAFETY: (palette.safety_edge, palette.safety_fill),
    }[block.tone]
    content: list[Flowable] = []
    label = callout_label(block, parts.labels)
    if label:
        content.append(parts.para(parts.inline(label), s.callout_title))
    content += [parts.para(parts.inline(line), s.card_text) for line in block.body]
    strong = block.tone in STRONG_TONES
    return parts.boxed(content, edge, fill, thick=strong, bar=not strong)


def write_in(parts: StoryParts, block: WriteIn) -> list[Flowable]:
    s = parts.styles
    out: list[Flowable] = [parts.para(parts.inline(block.prompt), s.h3)]
    if block.choices:
        box = s.tick_box_size
        rows: list[list[Any]] = [
            [TickBox(box, parts.palette.text), parts.para(parts.inline(choice), s.body)]
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
        out.append(RuledLines(block.lines, s.write_line_gap, parts.palette.rule))
    # The question, its boxes and its lines belong together (a very long one still
    # splits: KeepTogether gives way when its content is taller than the page).
    return [KeepTogether(out), Spacer(1, s.body_size)]


def grid(parts: StoryParts, block: Table) -> list[Flowable]:
    """A ruled table; rows left empty are tall enough to write in by hand."""
    s = parts.styles
    columns = max(len(block.header), 1)
    cells: list[list[Any]] = [[parts.para(parts.inline(user_text(text)), s.callout_title)
                               for text in block.header]]
    cells += [[parts.para(parts.inline(user_text(text)), s.body) for text in row]
              for row in block.rows]
    heights = [None] + [s.body.leading * 2.2] * len(block.rows)
    table = FontSafeTable(cells, colWidths=[s.layout.frame_width / columns] * columns,
                          rowHeights=heights, hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.75, parts.palette.text),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return [KeepTogether([table]), Spacer(1, s.body_size)]
