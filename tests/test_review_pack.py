"""``outreach-kit review-pack``: every module, every source and a sign-off table, read back."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil

import docx
import pypdf
import pytest
from support import ROOT, edit

from outreach_kit.cli.main import main
from outreach_kit.content import load_library
from outreach_kit.content.review import ReviewStatus
from outreach_kit.outputs import render_document
from outreach_kit.review_pack import SIGN_OFF_HEADER, review_pack

TODAY = dt.date(2026, 11, 29)


def squash(text: str) -> str:
    """Text with all white space removed (PDF lines break inside long web addresses)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def library():
    return load_library(ROOT / "content")


@pytest.fixture(scope="module")
def pdf_text(library) -> str:
    data = render_document(review_pack(library, TODAY), "pdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    # a source can run over a page break: take the footers out
    return re.sub(r"Page \d+ of \d+ · Content version \S+", "", text)


@pytest.fixture(scope="module")
def word(library) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_document(review_pack(library, TODAY), "docx")))


def _word_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_pdf_has_every_module_every_source_and_a_sign_off_table_each(library, pdf_text):
    flat = squash(pdf_text)
    for module in library.modules.values():
        assert squash(module.title) in flat, module.id
        for source in module.sources:
            assert squash(source.title) in flat, (module.id, source.title)
            assert squash(source.url or "Print only (no web copy)") in flat, (module.id, source)
            assert squash(f"Checked {source.checked.day} {source.checked:%B %Y}") in flat
    assert flat.count(squash("".join(SIGN_OFF_HEADER))) == len(library.modules)


def test_word_has_a_sign_off_table_per_module_and_every_source(library, word):
    header = list(SIGN_OFF_HEADER)
    sign_off = [t for t in word.tables if [c.text for c in t.rows[0].cells] == header]
    assert len(sign_off) == len(library.modules)
    assert all(len(t.rows) == 3 and all(not c.text.strip() for r in t.rows[1:] for c in r.cells)
               for t in sign_off)
    text = _word_text(word)
    for module in library.modules.values():
        assert module.title in text, module.id
        for source in module.sources:
            assert source.title in text and (source.url or "Print only") in text, source


def test_each_module_shows_its_recorded_review_state(library, word):
    text = _word_text(word)
    team = [m for m in library.modules.values()
            if m.review_status is ReviewStatus.TEAM_REVIEWED]
    assert team
    assert text.count("Team-reviewed by Outreach Kit content team, 26 November 2026") >= len(
        [m for m in team if m.review and m.review.date == dt.date(2026, 11, 26)])
    # nothing in today's content is clinically reviewed, so nothing says so
    assert "Clinically reviewed by" not in text


def test_clinically_reviewed_is_printed_only_where_recorded(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    edit(content / "modules" / "safer-naloxone.yaml",
         '  status: team-reviewed\n  reviewer_role: "Outreach Kit content team"',
         '  status: clinically-reviewed\n  reviewer_role: "Consultant in addictions"')
    library = load_library(content)
    document = review_pack(library, TODAY, {ReviewStatus.CLINICALLY_REVIEWED})
    assert [s.id for s in document.sections[1:]] == ["safer-naloxone"]
    text = _word_text(docx.Document(io.BytesIO(render_document(document, "docx"))))
    assert "Clinically reviewed by Consultant in addictions" in text
    assert text.count("Clinically reviewed by") == text.count(
        "Clinically reviewed by Consultant in addictions") > 0


def test_a_module_without_a_review_block_is_a_draft(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    edit(content / "modules" / "safer-naloxone.yaml",
         'review:\n  status: team-reviewed\n  reviewer_role: "Outreach Kit content team"\n'
         '  date: 2026-11-26\n', "")
    library = load_library(content)
    drafts = review_pack(library, TODAY, {ReviewStatus.DRAFT})
    # the modules written as drafts, and now naloxone too
    marked = {m.id for m in library.modules.values()
              if m.review is not None and m.review.status is ReviewStatus.DRAFT}
    assert {s.id for s in drafts.sections[1:]} == marked | {"safer-naloxone"}
    assert "Draft: no review recorded" in _word_text(
        docx.Document(io.BytesIO(render_document(drafts, "docx"))))


def test_cli_writes_pdf_and_word_and_filters_by_status(tmp_path, capsys):
    out = tmp_path / "review.docx"
    assert main(["review-pack", "--status", "draft", "-o", str(out)]) == 0
    # the pack holds the draft modules only (the new pages written as drafts)
    drafts = _word_text(docx.Document(str(out)))
    assert "Draft" in drafts and "Team-reviewed by" not in drafts
    assert main(["review-pack", "--status", "team-reviewed", "-o", str(tmp_path / "r.pdf")]) == 0
    assert pypdf.PdfReader(str(tmp_path / "r.pdf")).metadata.title == "Clinical review pack"
    capsys.readouterr()
    assert main(["review-pack", "-o", str(tmp_path / "r.md")]) == 2
    assert "end the file name with .pdf or .docx" in capsys.readouterr().err
