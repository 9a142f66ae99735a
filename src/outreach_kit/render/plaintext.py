"""Plain-text output: any document as readable text, for email bodies and screen readers.

No markup at all, so nothing needs escaping; control characters are cleaned as in every
format (:func:`.presentation.clean_text`: a terminal would act on them). Lines are not
wrapped: the reader's program does that.
"""

from __future__ import annotations

from .. import document as d
from .page_words import review_parts
from .presentation import callout_label, clean_text, example_note, safe_link

_UNDERLINE = {1: "=", 2: "-"}


def _inline(inline: d.Inline) -> str:
    parts = []
    for span in inline:
        text = clean_text(span.text)
        href = span.href if safe_link(span.href) else None
        if href and href not in (text, f"tel:{text}", f"mailto:{text}"):
            text = f"{text} ({clean_text(href)})"
        parts.append(text)
    return "".join(parts)


def _heading(text: str, level: int) -> list[str]:
    mark = _UNDERLINE.get(level)
    return [text, mark * min(len(text), 70)] if mark else [text]


def render_plaintext(document: d.Document) -> str:
    """The document as plain text, one blank line between blocks."""
    blocks: list[list[str]] = []
    cover = document.cover
    if cover is not None:
        lines = _heading(clean_text(cover.title), 1)
        if cover.subtitle:
            lines.append(clean_text(cover.subtitle))
        words = document.labels.words
        for label, value in ((words.cover_from, cover.service),
                             (words.cover_worker, cover.keyworker),
                             (words.cover_contact, cover.contact),
                             (words.cover_date, cover.date_text)):
            if value:
                lines.append(f"{label}: {clean_text(value)}")
        blocks.append(lines)
    for notice in document.notices:
        blocks.append([f"{clean_text(document.labels.please_note)}: {clean_text(notice)}"])
    standalone_letter = document.kind == "letter"
    words = document.labels.words
    for section in document.sections:
        if not (section.kind is d.SectionKind.LETTER and standalone_letter):
            blocks.append(_heading(clean_text(section.title), 1))
        if section.intro:
            blocks.append([_inline(section.intro)])
        if section.content_warning:
            blocks.append([f"{clean_text(words.before_you_read)}: "
                           f"{clean_text(section.content_warning)}"])
        if section.time_needed_minutes:
            blocks.append([clean_text(words.time_needed_text(section.time_needed_minutes,
                                                             singular=False))])
        if section.kind is d.SectionKind.CONTENTS:
            blocks.append([f"- {clean_text(s.title)}" for s in document.sections
                           if s.in_contents and s.kind is not d.SectionKind.CONTENTS])
            continue
        for block in section.blocks:
            lines = _block(block, document.labels)
            if lines:
                blocks.append(lines)
        review = review_parts(document, section.last_reviewed, section.next_review)
        if review:
            blocks.append([" ".join(f"{clean_text(part)}." for part in review)])
    meta = document.meta
    footer = []
    if meta.content_version:
        footer.append(clean_text(document.labels.words.content_version.format(
            version=meta.content_version)) + ".")
    if meta.translation_note:
        footer.append(f"{clean_text(meta.translation_note)}.")
    if footer:
        blocks.append(footer)
    return "\n\n".join("\n".join(lines) for lines in blocks) + "\n"


def block_lines(block: d.Block, labels: d.Labels) -> list[str]:
    """One block as lines of plain text (also what the audio renderer reads aloud)."""
    return _block(block, labels)


def _block(block: d.Block, labels: d.Labels) -> list[str]:
    match block:
        case d.Heading(text=text, level=level):
            return _heading(_inline(text), level)
        case d.Paragraph(text=text):
            return [_inline(text)]
        case d.BulletList(items=items):
            return [f"- {_inline(item)}" for item in items]
        case d.Steps(items=items):
            return [f"{i}. {_inline(item)}" for i, item in enumerate(items, start=1)]
        case d.Callout(body=body):
            heading = _inline(callout_label(block, labels))
            return [*([f"[{heading}]"] if heading else []), *(_inline(part) for part in body)]
        case d.WriteIn(prompt=prompt, lines=count, choices=choices):
            return [_inline(prompt), *(f"[ ] {_inline(c)}" for c in choices),
                    *("_" * 50 for _ in range(count))]
        case d.ServiceCard():
            return _service(block, example_note(block, labels), labels)
        case d.QRLink(url=url, label=label):
            return [f"{clean_text(label)}: {clean_text(url)}"]
        case d.ContactLine():
            return [_contact(block)]
        case d.PicturedItem(text=text, number=number):
            return [(f"{clean_text(number)} " if number else "") + _inline(text)]
        case d.WalletCard(title=title, contacts=contacts, steps=steps):
            return [clean_text(title), *(_contact(c) for c in contacts),
                    *(f"{i}. {clean_text(s)}" for i, s in enumerate(steps, start=1))]
        case d.Letter():
            return _letter(block)
        case d.Table(header=header, rows=rows):
            return [" | ".join(clean_text(h) for h in header),
                    *(" | ".join(clean_text(c) or "_" * 12 for c in row) for row in rows)]
        case d.PageBreak():
            return []
    raise TypeError(type(block).__name__)  # pragma: no cover - a new block needs a case


def _contact(contact: d.ContactLine) -> str:
    note = f" ({clean_text(contact.note)})" if contact.note else ""
    return f"{clean_text(contact.label)}: {clean_text(contact.number)}{note}"


def _service(card: d.ServiceCard, note: str, labels: d.Labels) -> list[str]:
    lines = [clean_text(card.name)]
    if note:
        lines.append(f"({clean_text(note)})")
    lines.append(_inline(card.description))
    phone = card.phone + (f" ({card.phone_note})" if card.phone_note else "") if card.phone else ""
    named = labels.contact_label
    for label, value in ((named("phone"), phone), (named("text"), card.text),
                         (named("web"), card.web), (named("email"), card.email),
                         (named("address"), card.address), (named("open"), card.hours),
                         (labels.words.cost, card.cost), (labels.words.for_whom, card.for_whom)):
        if value:
            lines.append(f"{clean_text(label)}: {clean_text(value)}")
    if card.last_checked:
        lines.append(clean_text(labels.words.details_checked.format(
            date=d.uk_date(card.last_checked))))
    return lines


def _letter(letter: d.Letter) -> list[str]:
    head = letter.letterhead
    lines = [clean_text(x) for x in (head.organisation, *head.address_lines) if x]
    if lines:
        lines.append("")
    lines.append(clean_text(letter.date_text))
    for part in (letter.greeting, *letter.paragraphs, letter.sign_off):
        if part:
            lines += ["", _inline(part)]
    signature = [clean_text(x) for x in (letter.signer_name, letter.signer_role) if x]
    if signature:
        lines += ["", *signature]
    return lines
