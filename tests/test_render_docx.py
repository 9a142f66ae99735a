"""DOCX output: real Word styles, every block type, metadata, safe text. Read back with
python-docx."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.shared import Pt
from sample_documents import every_block_document, sample_logo_png

from outreach_kit import document as d
from outreach_kit.render.docx import render_docx
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.presentation import clean_text as clean


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled(word) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in word.paragraphs]


@pytest.fixture(scope="module")
def pack_docx() -> bytes:
    return render_docx(every_block_document("Sam"))


def test_pack_uses_real_word_styles(pack_docx):
    word = read(pack_docx)
    names = {p.style.name for p in word.paragraphs}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Normal", "List Bullet",
            "List Number"} <= names
    pairs = styled(word)
    assert ("Title", "For Sam") in pairs
    document = every_block_document("Sam")
    for section in document.sections:
        if section.kind is not d.SectionKind.LETTER:
            assert ("Heading 1", section.title) in pairs


def test_every_text_block_reaches_the_docx(pack_docx):
    word = read(pack_docx)
    text = "\n".join(p.text for p in word.paragraphs)
    tables = "\n".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    for section in every_block_document("Sam").sections:
        for block in section.blocks:
            match block:
                case d.Heading(text=t) | d.Paragraph(text=t):
                    assert d.plain(t) in text
                case d.BulletList(items=items) | d.Steps(items=items):
                    for item in items:
                        assert d.plain(item) in text
                case d.Callout(body=body):
                    for part in body:
                        assert d.plain(part) in text
                case d.WriteIn(prompt=prompt, choices=choices):
                    assert d.plain(prompt) in text
                    for choice in choices:
                        assert f"☐  {d.plain(choice)}" in text
                case d.ServiceCard(name=name, phone=phone):
                    assert ("Heading 3", name) in styled(word)
                    if phone:
                        assert phone in text
                case d.ContactLine(label=label, number=number):
                    assert f"{label}: {number}" in text
                case d.WalletCard(title=title, contacts=contacts, steps=steps):
                    assert title in tables
                    for contact in contacts:
                        assert contact.number in tables
                    for i, step in enumerate(steps, start=1):
                        assert f"{i}. {step}" in tables
                case d.Letter(paragraphs=paragraphs, signer_name=signer):
                    for paragraph in paragraphs:
                        assert d.plain(paragraph) in text
                    assert signer in text
                case d.QRLink(url=url):
                    assert url in text


def test_step_lists_restart_at_one(pack_docx):
    word = read(pack_docx)
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    ids = [p._p.pPr.numPr.numId.val for p in numbered]
    assert len(set(ids)) >= 2  # each list has its own numbering instance
    numbering = word.part.numbering_part.element
    for num_id in set(ids):
        num = numbering.num_having_numId(num_id)
        assert num.xpath("./w:lvlOverride/w:startOverride/@w:val") == ["1"]


def test_callouts_are_shaded_with_a_word_label(pack_docx):
    word = read(pack_docx)
    shaded = [p for p in word.paragraphs if p._p.xpath("./w:pPr/w:shd")]
    assert shaded
    assert all(p._p.xpath("./w:pPr/w:pBdr/w:left") for p in shaded)


def test_write_in_lines_are_ruled_blank_paragraphs(pack_docx):
    word = read(pack_docx)
    ruled = [p for p in word.paragraphs if p._p.xpath("./w:pPr/w:pBdr/w:bottom")]
    assert ruled
    assert all(p.text == "" for p in ruled)


def test_letter_has_letterhead_logo_and_signature(pack_docx):
    word = read(pack_docx)
    # the two Easy Read pictures (described by their alt text), then the letter's logo
    described = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert described == ["Ambulance", "People talking", None]
    pairs = styled(word)
    assert ("Normal", "Harbour Drop-in") in pairs
    assert ("Normal", "26 November 2026") in pairs
    assert ("Normal", "Keyworker, Harbour Drop-in") in pairs


def test_links_are_real_hyperlinks(pack_docx):
    word = read(pack_docx)
    targets = [rel.target_ref for rel in word.part.rels.values() if rel.is_external]
    assert any(t.startswith("https://") for t in targets)


def test_core_properties(pack_docx):
    props = read(pack_docx).core_properties
    assert props.title == "A pack for Sam"
    assert props.author == "Alex, Harbour Drop-in"
    assert props.subject.startswith("Self-help pack")
    assert props.language == "en-GB"
    assert "2026.11" in props.comments


def test_normal_style_is_british_english_and_readable(pack_docx):
    word = read(pack_docx)
    normal = word.styles["Normal"]
    assert normal.font.size == Pt(12)
    assert normal.element.xpath("./w:rPr/w:lang/@w:val") == ["en-GB"]
    assert normal.paragraph_format.line_spacing >= 1.2


def test_large_print_and_dyslexia_profiles():
    data = render_docx(every_block_document("Sam"),
                       PrintOptions.from_names(["large-print", "dyslexia"]))
    word = read(data)
    assert word.styles["Normal"].font.size >= Pt(16)
    assert word.element.xpath("./w:background/@w:color")
    assert not any(r.italic for p in word.paragraphs for r in p.runs)


def test_a5_page_size():
    data = render_docx(every_block_document("Sam"), PrintOptions.from_names(["a5-booklet"]))
    section = read(data).sections[0]
    assert round(section.page_width.mm) == 148
    assert round(section.page_height.mm) == 210


def test_user_text_is_never_markup():
    hostile = "<w:t>x</w:t> &amp; <b>bold</b> ]]> {{ 7*7 }} **stars**"
    document = d.Document(
        kind="pack", meta=d.DocumentMeta("T", "A", "S"),
        sections=(d.Section("s", hostile, blocks=(d.Paragraph(d.user_text(hostile)),)),))
    word = read(render_docx(document))
    assert ("Heading 1", hostile) in styled(word)
    assert ("Normal", hostile) in styled(word)


def test_control_characters_are_replaced_and_the_rest_kept():
    text = "a\x00b\x07c\x1bd\u202ee\u200ff 😀 \u0645\u0631\u062d\u0628\u0627"
    assert clean(text) == ("a\ufffdb\ufffdc\ufffdd\u202ee\u200ff 😀 "
                           "\u0645\u0631\u062d\u0628\u0627")
    document = d.Document(kind="pack", meta=d.DocumentMeta("T\x01", "A", "S"),
                          sections=(d.Section("s", "S", blocks=(
                              d.Paragraph(d.user_text(text)),)),))
    word = read(render_docx(document))
    assert clean(text) in [p.text for p in word.paragraphs]
    assert word.core_properties.title == "T\ufffd"


def test_standalone_letter_has_no_section_heading():
    letter = d.Letter(d.Letterhead("Org", ("Street",), sample_logo_png(), "image/png"),
                      "1 December 2026", d.user_text("Dear Sam,"),
                      (d.user_text("Hello there."),), d.user_text("Take care,"), "Alex", "Worker")
    document = d.Document(kind="letter", meta=d.DocumentMeta("Letter", "Alex", "Letter"),
                          sections=(d.Section("letter", "A letter for you",
                                              d.SectionKind.LETTER, (letter,)),))
    word = read(render_docx(document))
    assert "Heading 1" not in {p.style.name for p in word.paragraphs}
    assert [p.text for p in word.paragraphs if p.text][-5:] == [
        "Dear Sam,", "Hello there.", "Take care,", "Alex", "Worker"]


def test_output_is_a_valid_docx_package(pack_docx):
    with zipfile.ZipFile(io.BytesIO(pack_docx)) as package:
        assert package.testzip() is None
        names = package.namelist()
    assert "word/document.xml" in names
    assert any(n.startswith("word/media/") for n in names)


def test_runs_keep_spaces_tabs_and_line_breaks():
    text = "  two spaces\tthen a tab\nthen a line  "
    section = d.Section("s", "T", d.SectionKind.MODULE, (d.Paragraph(d.user_text(text)),))
    word = read(render_docx(d.Document("pack", d.DocumentMeta("T", "A", "S"), (section,))))
    assert text in [p.text for p in word.paragraphs]


def test_callout_labels_come_from_the_document():
    callout = d.Callout((d.content_text("Body words."),), (), d.Tone.SAFETY)
    section = d.Section("s", "T", d.SectionKind.MODULE, (callout,))
    labels = d.Labels(callouts=((d.Tone.SAFETY, "Staying safer"),))
    word = read(render_docx(d.Document("pack", d.DocumentMeta("T", "A", "S"), (section,),
                                       labels=labels)))
    shaded = [p.text for p in word.paragraphs if p._p.xpath("./w:pPr/w:shd")]
    assert shaded == ["Staying safer", "Body words."]
