"""Service cards, web links with QR codes, phone numbers and the cut-out wallet card."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from ..document import ContactLine, Labels, QRLink, ServiceCard, WalletCard, uk_date
from .pdf_easy_read import pictured_line
from .pdf_flowables import FontSafeTable
from .pdf_markup import linked, text_markup
from .pdf_parts import StoryParts
from .pdf_qr import QrCode
from .pdf_wallet import CARD_PADDING, CARD_WIDTH, WalletCard as WalletCardFlowable
from .presentation import example_note, qr_target, tel_link

QR_SIZE = 24 * mm
CARD_PADDING_X = 18  # left plus right padding inside a service card's cells


def service_card(parts: StoryParts, card: ServiceCard) -> list[Flowable]:
    s = parts.styles
    width = s.layout.frame_width
    qr = qr_target(card.web)
    text_width = width - QR_SIZE - 16 if qr else width
    name = parts.para(text_markup(card.name), s.card_title)
    text: list[Flowable] = [pictured_line(parts, card.picture, s.card_title.fontSize, name,
                                          text_width - CARD_PADDING_X)
                            if card.picture else name]
    note = example_note(card, parts.labels)
    if note:
        text.append(parts.boxed([parts.para(text_markup(note), s.notice)],
                                parts.palette.warning_edge, parts.palette.warning_fill,
                                thick=True, width=text_width - CARD_PADDING_X))
    if card.description:
        text.append(parts.para(parts.inline(card.description), s.card_text))
    text += [parts.labelled(label, value, s.card_text, href)
             for label, value, href in _service_rows(card, parts.labels) if value.strip()]
    if card.last_checked:
        day = uk_date(card.last_checked)
        text.append(parts.para(text_markup(
            parts.labels.words.last_checked.format(date=day) + "."), s.small))
    if qr:
        table = FontSafeTable([[text, QrCode(qr, QR_SIZE, parts.palette.black)]],
                              colWidths=[text_width, QR_SIZE + 16], hAlign="LEFT")
    else:
        table = FontSafeTable([[text]], colWidths=[width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 1, parts.palette.rule),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), CARD_PADDING_X - 10),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return [table, Spacer(1, s.body_size)]


def _service_rows(card: ServiceCard, labels: Labels) -> list[tuple[str, str, str | None]]:
    """(label, value, link) for each detail line of a service card, in print order."""
    phone = card.phone + (f" ({card.phone_note})" if card.phone_note else "")
    label = labels.contact_label
    return [
        (f"{label('phone')}:", phone, tel_link(card.phone)),
        (f"{label('text')}:", card.text, None),
        (f"{label('open')}:", card.hours, None),
        (f"{labels.words.cost}:", card.cost, None),
        (f"{labels.words.who_it_is_for}:", card.for_whom, None),
        (f"{label('address')}:", card.address, None),
        (f"{label('web')}:", card.web, card.web),
        (f"{label('email')}:", card.email, f"mailto:{card.email}" if card.email else None),
    ]


def qr_link(parts: StoryParts, block: QRLink) -> FontSafeTable:
    s = parts.styles
    web = f"{parts.labels.contact_label('web')}:"
    words: list[Flowable] = [parts.para(f"<b>{text_markup(block.label)}</b>", s.body),
                             parts.labelled(web, block.url, s.small, block.url)]
    target = qr_target(block.url)
    cells: list[list[object]] = (
        [[QrCode(target, QR_SIZE, parts.palette.black), words]] if target else [[words]])
    widths = [QR_SIZE + 12, s.layout.frame_width - QR_SIZE - 12] if target else None
    table = FontSafeTable(cells, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    table.spaceAfter = s.body.spaceAfter
    return table


def contact_line(parts: StoryParts, contact: ContactLine) -> list[Flowable]:
    s = parts.styles
    number = linked(text_markup(contact.number), tel_link(contact.number))
    out: list[Flowable] = [parts.para(text_markup(contact.label), s.contact_label),
                           parts.para(number, s.contact_number)]
    if contact.note:
        out.append(parts.para(text_markup(contact.note), s.body))
    return out


CARD_TEXT_WIDTH = CARD_WIDTH - 2 * CARD_PADDING


def wallet_card(parts: StoryParts, card: WalletCard) -> list[Flowable]:
    s = parts.styles
    title = text_markup(card.title)
    contacts = [(f"<b>{text_markup(c.label)}</b> {text_markup(c.number)}", c.picture)
                for c in card.contacts]
    steps = [f"{n}. {text_markup(step)}" for n, step in enumerate(card.steps, start=1)]

    def front(size: float) -> list[Flowable]:
        heading, text = s.wallet_styles(size)
        return [parts.para(title, heading), *(
            pictured_line(parts, picture, size, parts.para(line, text), CARD_TEXT_WIDTH)
            if picture
            else parts.para(line, text) for line, picture in contacts)]

    def back(size: float) -> list[Flowable]:
        heading, text = s.wallet_styles(size)
        return [parts.para(text_markup(parts.labels.my_steps), heading),
                *(parts.para(line, text) for line in steps)]

    return [parts.para(text_markup(parts.labels.cut_out_help), s.body),
            WalletCardFlowable(front, back, s.wallet_sizes, parts.palette.text),
            Spacer(1, s.body_size)]
