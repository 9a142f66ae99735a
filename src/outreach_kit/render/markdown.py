"""Markdown export: the same Document as CommonMark text.

Every piece of text, whether typed by a user or written by the content team, goes through
:func:`escape_markdown`, so a name like ``*Sam* <b>[x](y)`` prints exactly as typed and is
never read as emphasis, HTML or a link. Formatting (bold, emphasis, links) comes only from
the document model's spans.

Why the escaper is hand-written: markdown-it-py and Python-Markdown parse and render
Markdown but offer no function to escape text *for* Markdown, and no maintained small
library does it for CommonMark. CommonMark lets a backslash escape any ASCII punctuation,
so the rule is simple and complete: escape every character that can start Markdown syntax
anywhere in a line, plus the list and heading markers that only matter at a line start.
The tests render the output with markdown-it-py and check the text comes back literally.

Line breaks inside a text become spaces (a name or step is one line); control characters
are cleaned as in every format (:func:`.presentation.clean_text`).
"""

from __future__ import annotations

import datetime as dt
import re

from .. import document as doc
from .page_words import review_parts
from .presentation import callout_label, clean_text, example_note, safe_link

# Special anywhere in a line (emphasis, code, links, HTML, entities, tables, strikethrough).
_ALWAYS = frozenset("\\`*_{}[]<>#|~&!")
# At the start of a line: list items ("- ", "+ ", "1. ", "1) "), setext underlines ("=").
_LINE_START = re.compile(r"^([-+=]|\d{1,9}[.)])")


def markdown_reading(text: str) -> str:
    """What ``text`` reads as once exported: cleaned, line breaks and tabs -> spaces."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def escape_markdown(text: str, line_start: bool = True) -> str:
    """``text`` as Markdown that renders to exactly ``text`` (line breaks become spaces).

    ``line_start``: the text begins a line, so leading spaces are dropped (four would make
    a code block), a leading list or heading marker is escaped too, and trailing spaces
    (a hard break before a line end) are dropped.
    """
    return _escape(text, line_start, strip_end=line_start)


def _escape(text: str, line_start: bool, strip_end: bool) -> str:
    text = markdown_reading(text)
    if line_start:
        text = text.lstrip(" ")
    escaped = "".join("\\" + c if c in _ALWAYS else c for c in text)
    if line_start:
        match = _LINE_START.match(escaped)
        if match:  # "1. " -> "1\. ", "- " -> "\- " (markers are not in _ALWAYS)
            marker = match.group(1)
            escaped = marker[:-1] + "\\" + marker[-1] + escaped[len(marker):]
    # Trailing spaces before a line end would make a hard break; they carry nothing.
    return escaped.rstrip(" ") if strip_end else escaped


def _url(url: str) -> str | None:
    target = safe_link(url)
    # a bracket would end the link destination early
    return target.replace("(", "%28").replace(")", "%29") if target else None


def inline_markdown(inline: doc.Inline) -> str:
    """Spans -> Markdown, every span's text escaped."""
    parts: list[str] = []
    for index, span in enumerate(inline):
        text = _escape(span.text, line_start=index == 0, strip_end=False)
        # delimiters must touch the words, so keep outer spaces outside them
        core = text.strip(" ")
        lead = text[: len(text) - len(text.lstrip(" "))]
        trail = text[len(text.rstrip(" ")):]
        if core:
            if span.italic:
                core = f"*{core}*"
            if span.bold:
                core = f"**{core}**"
            target = _url(span.href) if span.href else None
            if target:
                core = f"[{core}]({target})"
        parts.append(lead + core + trail)
    return "".join(parts).rstrip(" ")


def _text(value: str) -> str:
    return escape_markdown(value)


def _filled(words: str, **values: str) -> str:
    """``words`` with its {placeholders} filled, each part escaped on its own (as before)."""
    return _text(words).replace("\\{", "{").replace("\\}", "}").format(
        **{name: _text(value) for name, value in values.items()})


def _link(text: str, url: str) -> str:
    target = _url(url)
    return f"[{_text(text)}]({target})" if target else _text(text)


def _contact(c: doc.ContactLine) -> str:
    line = f"- **{_text(c.label)}:** {_text(c.number)}"
    return line + (f" ({escape_markdown(c.note, line_start=False)})" if c.note else "")


def _block(block: doc.Block, labels: doc.Labels) -> list[str]:
    """One block as Markdown chunks (each chunk separated by a blank line)."""
    match block:
        case doc.Heading(text=text, level=level):
            return [f"{'#' * min(level + 1, 6)} {inline_markdown(text)}"]
        case doc.Paragraph(text=text):
            return [inline_markdown(text)]
        case doc.BulletList(items=items):
            return ["\n".join(f"- {inline_markdown(i)}" for i in items)]
        case doc.Steps(items=items):
            return ["\n".join(f"{n}. {inline_markdown(i)}" for n, i in enumerate(items, 1))]
        case doc.Callout(body=body):
            heading = inline_markdown(callout_label(block, labels))
            lines = [f"> **{heading}**"] if heading else []
            for para in body:
                lines += [">", f"> {inline_markdown(para)}"] if lines else [
                    f"> {inline_markdown(para)}"]
            return ["\n".join(lines)]
        case doc.WriteIn(prompt=prompt, lines=count, choices=choices):
            chunks = [f"**{inline_markdown(prompt)}**"]
            if choices:
                chunks.append("\n".join(f"- [ ] {inline_markdown(c)}" for c in choices))
            if count:
                chunks.append(" \\\n".join(["\\_" * 40] * count))
            return chunks
        case doc.ServiceCard() as card:
            return _service(card, example_note(card, labels), labels)
        case doc.QRLink(url=url, label=label):
            return [f"{_text(label)}: {_link(url, url)}"]
        case doc.ContactLine() as contact:
            return [_contact(contact)]
        case doc.PicturedItem(text=text, number=number):
            # Markdown has no pictures of its own: the words, with the number first.
            return [(f"**{_text(number)}** " if number else "") + inline_markdown(text)]
        case doc.WalletCard(title=title, contacts=contacts, steps=steps):
            chunks = [f"### {_text(title)}", "\n".join(_contact(c) for c in contacts)]
            if steps:
                chunks.append(f"**{_text(labels.words.when_things_get_hard)}**")
                chunks.append("\n".join(f"{n}. {_text(s)}" for n, s in enumerate(steps, 1)))
            return chunks
        case doc.Letter() as letter:
            return _letter(letter)
        case doc.Table(header=header, rows=rows):
            def cell(text: str) -> str:
                return _text(text).replace("|", "\\|") or " "
            lines = ["| " + " | ".join(cell(h) for h in header) + " |",
                     "|" + " --- |" * len(header)]
            lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
            return ["\n".join(lines)]
        case doc.PageBreak():
            return ["---"]
    return []


def _service(card: doc.ServiceCard, note: str, labels: doc.Labels) -> list[str]:
    chunks = [f"### {_text(card.name)}"]
    if note:
        chunks.append(f"> **{escape_markdown(note, False)}**")
    chunks.append(inline_markdown(card.description))
    details = []
    if card.phone:
        note = f" ({escape_markdown(card.phone_note, False)})" if card.phone_note else ""
        details.append(f"- **{_text(labels.contact_label('phone'))}:** {_text(card.phone)}{note}")
    named = labels.contact_label
    for label, value in ((named("text"), card.text), (named("address"), card.address),
                         (named("open"), card.hours), (labels.words.cost, card.cost),
                         (labels.words.for_whom, card.for_whom)):
        if value:
            details.append(f"- **{_text(label)}:** {_text(value)}")
    if card.web:
        details.append(f"- **{_text(named('web'))}:** {_link(card.web, card.web)}")
    if card.email:
        details.append(f"- **{_text(named('email'))}:** "
                       f"{_link(card.email, 'mailto:' + card.email)}")
    if details:
        chunks.append("\n".join(details))
    if card.last_checked:
        checked = labels.words.details_checked.format(date=doc.uk_date(card.last_checked))
        chunks.append(f"*{_text(checked)}.*")
    return chunks


def _letter(letter: doc.Letter) -> list[str]:
    chunks: list[str] = []
    head = letter.letterhead
    if head.organisation:
        chunks.append(f"**{_text(head.organisation)}**")
    if head.address_lines:
        chunks.append(" \\\n".join(_text(line) for line in head.address_lines))
    if letter.date_text:
        chunks.append(_text(letter.date_text))
    chunks.append(inline_markdown(letter.greeting))
    chunks += [inline_markdown(p) for p in letter.paragraphs]
    chunks.append(inline_markdown(letter.sign_off))
    signer = [_text(v) for v in (letter.signer_name, letter.signer_role) if v]
    if signer:
        chunks.append(" \\\n".join(signer))
    return chunks


def _review(document: doc.Document, last: dt.date | None, nxt: dt.date | None) -> str:
    return ". ".join(review_parts(document, last, nxt))


def _cover(document: doc.Document) -> list[str]:
    cover = document.cover
    if cover is None:
        return [f"# {_text(document.meta.title)}"]
    chunks = [f"# {_text(cover.title)}"]
    if cover.subtitle:
        chunks.append(_text(cover.subtitle))
    words = document.labels.words
    details = [f"- **{_text(label)}:** {_text(value)}" for label, value in (
        (words.cover_from, cover.service), (words.cover_worker, cover.keyworker),
        (words.cover_contact, cover.contact), (words.cover_date, cover.date_text)) if value]
    if details:
        chunks.append("\n".join(details))
    return chunks


def render_markdown(document: doc.Document) -> str:
    """The document as CommonMark text.

    A letter on its own is just the letter: no document title, heading or footer.
    """
    is_letter, words = document.kind == "letter", document.labels.words
    chunks = [] if is_letter else _cover(document)
    note = escape_markdown(document.labels.please_note, False)
    chunks += [f"> **{note}:** {escape_markdown(n, False)}" for n in document.notices]
    sections = [s for s in document.sections if s.kind is not doc.SectionKind.CONTENTS]
    listed = [s for s in sections if s.in_contents]
    contents = next((s for s in document.sections if s.kind is doc.SectionKind.CONTENTS), None)
    if listed:
        chunks.append(f"## {_text(contents.title if contents else document.labels.contents)}")
        for block in contents.blocks if contents else ():
            chunks += _block(block, document.labels)
        chunks.append("\n".join(f"{n}. {_text(s.title)}" for n, s in enumerate(listed, 1)))
    for section in sections:
        if not (is_letter and section.kind is doc.SectionKind.LETTER):
            chunks.append(f"## {_text(section.title)}")
        if section.intro:
            chunks.append(inline_markdown(section.intro))
        if section.time_needed_minutes:
            needed = words.time_needed_text(section.time_needed_minutes)
            chunks.append(f"*{_text(needed)}.*")
        if section.content_warning:
            chunks.append(f"> **{_text(words.before_you_read)}:** "
                          f"{escape_markdown(section.content_warning, False)} "
                          f"{_text(words.can_skip_page)}")
        for block in section.blocks:
            chunks += _block(block, document.labels)
        review = _review(document, section.last_reviewed, section.next_review)
        if review:
            chunks.append(f"*{review}.*")
    meta = document.meta
    if not is_letter:
        version = _filled(words.content_version, version=meta.content_version or "-")
        footer = f"{_text(meta.author)}. {version}."
        review = _review(document, meta.last_reviewed, meta.next_review)
        status = f" {_text(meta.translation_note)}." if meta.translation_note else ""
        chunks += ["---", footer + (f" {review}." if review else "") + status]
    if document.kind == "pack":
        chunks.append(_text(words.not_medical_advice))
    return "\n\n".join(c for c in chunks if c) + "\n"
