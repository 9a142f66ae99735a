"""One document holding every block kind, in every format: the same labels and the same text.

The labels a renderer prints around content (a callout's default label, the note under an
example service) come from ``Document.labels`` through ``render/presentation.py``, so PDF,
HTML, Markdown, DOCX and plain text must agree. Each output is read back as a reader would
get it: the PDF with pypdf, the DOCX with python-docx, HTML and Markdown (rendered by
markdown-it-py) through an HTML parser, plain text as it is.
"""

from __future__ import annotations

import dataclasses
import io
import re
import typing
from collections.abc import Callable
from html.parser import HTMLParser

import docx
import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader
from sample_documents import easy_read_picture

from outreach_kit.document import (
    Block,
    BulletList,
    Callout,
    ContactLine,
    Document,
    DocumentMeta,
    Heading,
    Labels,
    Letter,
    Letterhead,
    PageBreak,
    Paragraph,
    PicturedItem,
    QRLink,
    Section,
    SectionKind,
    ServiceCard,
    Steps,
    Table,
    Tone,
    WalletCard,
    WriteIn,
    content_text,
    user_text,
)
from outreach_kit.render.docx import render_docx
from outreach_kit.render.html import render_html
from outreach_kit.render.markdown import render_markdown
from outreach_kit.render.pdf import render_pdf
from outreach_kit.render.plaintext import render_plaintext

LABELS = Labels(
    callouts=((Tone.INFO, "Good to know"), (Tone.TIP, "Quick tip"),
              (Tone.WARNING, "Take care"), (Tone.SAFETY, "Staying safer")),
    example_service="Example data: replace with your area's services before printing.",
)
BODY = {tone: f"The {tone.value} callout body sentence." for tone in Tone}
TITLED = {tone: f"A titled {tone.value} callout" for tone in Tone}

# Every piece of text in the document (ASCII, so the PDF font draws each character as is).
TEXTS = (
    "A heading inside the section", "A plain paragraph about sleep.",
    "First bullet item", "Second bullet item", "Breathe in slowly", "Breathe out slowly",
    *BODY.values(), *TITLED.values(),
    "What helps you feel calm?", "A walk outside", "Music",
    "Harbour Drop-in", "Tea, showers and a chat.", "0131 496 0000",
    "Harbour website", "https://example.org/harbour",
    "Samaritans", "116 123", "Free, any time.",
    "Numbers to keep", "Breathing Space", "0800 83 85 87", "Text Alex at the drop-in.",
    "Dear Sam,", "It was good to see you on Tuesday.", "Take it easy,", "Alex",
    "After the page break", "Signed by", "Decision", "Dr Rowan", "Approved",
)


def callouts() -> tuple[Callout, ...]:
    untitled = tuple(Callout((content_text(BODY[tone]),), (), tone) for tone in Tone)
    titled = tuple(Callout((content_text(BODY[tone]),), content_text(TITLED[tone]), tone)
                   for tone in Tone)
    return untitled + titled


def every_kind_document(labels: Labels = LABELS) -> Document:
    blocks = (
        Heading(content_text("A heading inside the section")),
        Paragraph(content_text("A plain paragraph about sleep.")),
        BulletList((content_text("First bullet item"), content_text("Second bullet item"))),
        Steps((content_text("Breathe in slowly"), content_text("Breathe out slowly"))),
        *callouts(),
        WriteIn(content_text("What helps you feel calm?"), lines=2,
                choices=(content_text("A walk outside"), content_text("Music"))),
        ServiceCard("Harbour Drop-in", content_text("Tea, showers and a chat."),
                    phone="0131 496 0000", example=True),
        QRLink("https://example.org/harbour", "Harbour website"),
        ContactLine("Samaritans", "116 123", "Free, any time."),
        PicturedItem(content_text("A pictured idea about resting."),
                     easy_read_picture("solid/bed", "Bed"), "0800 83 85 87"),
        Table(("Signed by", "Decision"), (("Dr Rowan", "Approved"), ("", ""))),
        PageBreak(),
        Paragraph(content_text("After the page break")),
    )
    wallet = WalletCard("Numbers to keep", (ContactLine("Breathing Space", "0800 83 85 87",
                                                        picture=easy_read_picture(
                                                            "solid/phone", "Phone")),),
                        ("Text Alex at the drop-in.",))
    letter = Letter(Letterhead(), "", user_text("Dear Sam,"),
                    (user_text("It was good to see you on Tuesday."),),
                    user_text("Take it easy,"), "Alex")
    return Document(
        kind="pack",
        meta=DocumentMeta("Every kind", "Tests", "Consistency"),
        sections=(
            Section("all", "All blocks", SectionKind.MODULE, blocks),
            Section("card", "Wallet card", SectionKind.WALLET_CARD, (wallet,)),
            Section("letter", "A letter", SectionKind.LETTER, (letter,)),
        ),
        labels=labels,
    )


class _Text(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip = tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def pdf_text(document: Document) -> str:
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    return "\n".join(page.extract_text() for page in reader.pages)


def docx_text(document: Document) -> str:
    word = docx.Document(io.BytesIO(render_docx(document)))
    lines = [p.text for p in word.paragraphs]
    lines += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def html_text(document: Document) -> str:
    html = render_html(document)
    return " ".join(_Text(html[html.index("<body"):]).parts)


def markdown_text(document: Document) -> str:
    return " ".join(_Text(MarkdownIt("commonmark").render(render_markdown(document))).parts)


READERS: dict[str, Callable[[Document], str]] = {
    "pdf": pdf_text, "docx": docx_text, "html": html_text, "md": markdown_text,
    "txt": render_plaintext,
}


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    document = every_kind_document()
    return {name: squash(read(document)) for name, read in READERS.items()}


@pytest.mark.parametrize("fmt", READERS)
def test_every_text_reaches_every_format(outputs, fmt):
    missing = [text for text in TEXTS if text not in outputs[fmt]]
    assert not missing, (fmt, missing)


@pytest.mark.parametrize("fmt", READERS)
def test_untitled_callouts_show_the_documents_label_once(outputs, fmt):
    # one untitled callout per tone: each label once; a titled callout shows its title only
    for tone, label in LABELS.callouts:
        assert outputs[fmt].count(label) == 1, (fmt, tone, label)
    for title in TITLED.values():
        assert outputs[fmt].count(title) == 1, (fmt, title)


@pytest.mark.parametrize("fmt", READERS)
def test_example_service_shows_the_documents_note(outputs, fmt):
    assert outputs[fmt].count(LABELS.example_service) == 1, fmt


def test_every_format_shows_the_same_labels(outputs):
    words = [label for _, label in LABELS.callouts] + [LABELS.example_service, *TITLED.values()]
    counts = {fmt: [text.count(word) for word in words] for fmt, text in outputs.items()}
    assert len({tuple(c) for c in counts.values()}) == 1, counts


@pytest.mark.parametrize("fmt", READERS)
def test_empty_labels_print_no_label(fmt):
    text = squash(READERS[fmt](every_kind_document(Labels())))
    for word in ("Good to know", "Quick tip", "Take care", "Staying safer", "Example data",
                 "Info", "Warning", "Safety"):
        assert word not in text, (fmt, word)
    assert BODY[Tone.SAFETY] in text


def test_no_renderer_keeps_its_own_label_words():
    other = dataclasses.replace(LABELS, callouts=((Tone.SAFETY, "Keep safe words"),))
    for fmt, read in READERS.items():
        text = squash(read(every_kind_document(other)))
        assert text.count("Keep safe words") == 1, fmt
        assert "Staying safe" not in text and "Take care" not in text, fmt


def link_document() -> Document:
    text = content_text("Read [the safe page](https://example.org/safe) "
                        "or [the plain page](http://example.org/plain).")
    return Document("pack", DocumentMeta("Links", "Tests", "Links"),
                    (Section("s", "Links", SectionKind.MODULE, (Paragraph(text),)),))


def link_targets(fmt: str, document: Document) -> set[str]:
    """Every link target a reader could follow in the output."""
    if fmt == "pdf":
        reader = PdfReader(io.BytesIO(render_pdf(document)))
        return {str(annot.get_object()["/A"]["/URI"]) for page in reader.pages
                for annot in page.get("/Annots") or () if "/A" in annot.get_object()}
    if fmt == "docx":
        word = docx.Document(io.BytesIO(render_docx(document)))
        return {rel.target_ref for rel in word.part.rels.values() if rel.is_external}
    if fmt == "md":
        return set(re.findall(r'href="([^"]+)"', MarkdownIt("commonmark").render(
            render_markdown(document))))
    if fmt == "html":
        html = render_html(document)  # leaving out links within the page (skip link, contents)
        return set(re.findall(r'href="([^"#][^"]*)"', html[html.index("<body"):]))
    return set(re.findall(r"\((\w+:[^)]+)\)", render_plaintext(document)))


@pytest.mark.parametrize("fmt", READERS)
def test_one_link_rule_in_every_format(fmt):
    document = link_document()
    assert link_targets(fmt, document) == {"https://example.org/safe"}, fmt
    text = squash(READERS[fmt](document))
    assert "the safe page" in text and "the plain page" in text  # the words always show


def test_the_document_holds_every_block_kind_and_tone():
    document = every_kind_document()
    blocks = [block for section in document.sections for block in section.blocks]
    assert {type(block) for block in blocks} == set(typing.get_args(Block))
    tones = [(b.tone, bool(b.title)) for b in blocks if isinstance(b, Callout)]
    assert sorted(tones) == sorted((tone, titled) for tone in Tone for titled in (False, True))
    assert any(isinstance(b, ServiceCard) and b.example for b in blocks)
