"""Translations: structure checks, out-of-date detection, the PO round trip and packs in
another language (PDF fonts and right-to-left text, HTML lang and dir, Word language)."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from pathlib import Path

import polib
import pytest
import yaml
from docx import Document as WordDocument
from docx.oxml.ns import qn
from pypdf import PdfReader
from translation_fixtures import copy_content, write_module_translation

from outreach_kit.assemble.pack import build_pack
from outreach_kit.assemble.recipe import Recipe
from outreach_kit.content.loader import load_library
from outreach_kit.languages import text_direction
from outreach_kit.render.docx import render_docx
from outreach_kit.render.html import render_html
from outreach_kit.render.pdf import render_pdf
from outreach_kit.translations.catalogue import export_catalogue, import_catalogue
from outreach_kit.translations.files import load_translations
from outreach_kit.translations.fingerprint import fingerprint, module_fingerprint
from outreach_kit.translations.pack import language_warnings
from outreach_kit.validate import validate_library

TODAY = dt.date(2026, 11, 29)
ARABIC = "النالوكسون دواء يمكن أن ينقذ حياة"
NOTE_EN = "This page is in English. Your worker can go through it with you."


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path)


def test_fingerprint_is_the_agreed_function() -> None:
    assert fingerprint({"b": 1, "a": "é"}) == fingerprint({"a": "é", "b": 1})
    assert len(fingerprint("x")) == 16
    assert fingerprint({"title": "x"}) != fingerprint({"title": "y"})


def test_a_current_translation_is_used(content: Path) -> None:
    write_module_translation(content, "pl", "safer-naloxone", "Nalokson to lek.")
    found = load_translations(load_library(content), "pl")
    assert not [p for p in found.problems if p.is_error]
    usable = found.usable("safer-naloxone")
    assert usable is not None and usable.module.title == "Nalokson to lek."


def test_changed_english_marks_the_translation_out_of_date(content: Path) -> None:
    write_module_translation(content, "pl", "safer-naloxone", "Nalokson to lek.")
    english = content / "modules" / "safer-naloxone.yaml"
    english.write_text(english.read_text("utf-8").replace("Naloxone is a medicine.",
                                                          "Naloxone is a medicine!"), "utf-8")
    library = load_library(content)
    found = load_translations(library, "pl")
    assert found.usable("safer-naloxone") is None
    warnings = [p for p in validate_library(library, TODAY) if "out of date" in p.message]
    assert warnings and warnings[0].severity == "warning"
    document = build_pack(library, Recipe(language="pl"), TODAY)
    section = document.section("safer-naloxone")
    assert section.language == "en" and "Naloxone is a medicine!" in str(section.blocks)


def test_structure_problems_name_file_line_and_field(content: Path) -> None:
    path = write_module_translation(content, "pl", "safer-naloxone", "Tekst.")
    data = yaml.safe_load(path.read_text("utf-8"))
    data["body"][2]["bullets"].pop()  # one bullet fewer than the English
    data["body"][0] = {"heading": "Tekst."}  # a paragraph became a heading
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    problems = load_translations(load_library(content), "pl").problems
    messages = {(p.field, p.message.split(" (")[0]) for p in problems}
    assert ("body[2].bullets", "has 5 items; the English has 6") in messages
    assert any(f == "body[0]" and "same parts" in m for f, m in messages)
    assert all(p.path.endswith("safer-naloxone.yaml") and p.line for p in problems)


def test_service_ids_and_placeholders_must_stay(content: Path) -> None:
    path = write_module_translation(content, "pl", "help-right-now", "Tekst.")
    text = path.read_text("utf-8")
    service = re.search(r"service: (\S+)", text)
    assert service is not None
    path.write_text(text.replace(f"service: {service.group(1)}", "service: other-service", 1),
                    "utf-8")
    folder = content / "translations" / "pl"
    (folder / "wording.yaml").write_text(yaml.safe_dump({
        "translation": {"language": "pl", "translator": "T", "date": "2026-11-29",
                        "status": "draft", "source_fingerprint": "0" * 16},
        "reasons": {"picked": "Wybrane dla ciebie"}}, allow_unicode=True), "utf-8")
    problems = load_translations(load_library(content), "pl").problems
    assert any("must stay as in English" in p.message for p in problems)
    assert any(p.field == "reasons.picked" and "placeholders" in p.message for p in problems)


def test_export_then_import_gives_the_same_content(content: Path, tmp_path: Path) -> None:
    write_module_translation(content, "pl", "safer-naloxone", "Nalokson to lek.")
    library = load_library(content)
    before = (content / "translations" / "pl" / "safer-naloxone.yaml").read_text("utf-8")
    catalogue = tmp_path / "pl.po"
    catalogue.write_text(export_catalogue(library, "pl", ["safer-naloxone"]), "utf-8")
    assert all(e.msgstr == "Nalokson to lek." for e in polib.pofile(str(catalogue)))
    written, problems = import_catalogue(library, catalogue, "Test fixture")
    assert not problems
    after = yaml.safe_load(written[0].read_text("utf-8"))
    original = yaml.safe_load(before)
    for key in ("title", "summary", "body"):
        assert after[key] == original[key]
    assert after["translation"]["source_fingerprint"] == original["translation"][
        "source_fingerprint"]


def test_import_flags_markup_placeholders_and_empty(content: Path, tmp_path: Path) -> None:
    library = load_library(content)
    catalogue = tmp_path / "pl.po"
    catalogue.write_text(export_catalogue(library, "pl", ["safer-naloxone"]), "utf-8")
    po = polib.pofile(str(catalogue))
    for entry in po:
        entry.msgstr = "Tekst."
    po[0].msgstr = "<script>alert(1)</script>"
    po[1].msgstr = ""
    po[2].msgstr = "x" * 2000
    po.save(str(catalogue))
    written, problems = import_catalogue(library, catalogue)
    assert written == []
    found = {p.field: p.message for p in problems}
    assert "markup" in found["safer-naloxone:title"]
    assert "empty" in found["safer-naloxone:summary"]
    assert "much longer" in found["safer-naloxone:body.0.paragraph"]
    assert not (content / "translations" / "pl").exists()


def test_a_language_with_no_translations_builds_in_english_with_the_note(
        content: Path) -> None:
    library = load_library(content)
    document = build_pack(library, Recipe(language="ro"), TODAY)
    modules = [s for s in document.sections if s.id in library.modules]
    assert modules and all(s.language == "en" for s in modules)
    assert all("".join(span.text for span in s.intro) == NOTE_EN for s in modules)
    assert document.meta.language == "ro"
    assert render_pdf(document).startswith(b"%PDF")
    assert language_warnings(document)


@pytest.fixture
def arabic_pack(content: Path):  # type: ignore[no-untyped-def]
    for module_id in ("help-right-now", "safer-naloxone"):
        write_module_translation(content, "ar", module_id, ARABIC)
    library = load_library(content)
    return build_pack(library, Recipe(language="ar", modules=["safer-naloxone"]), TODAY)


def test_arabic_pdf_embeds_noto_sans_arabic_with_words_in_reading_order(arabic_pack) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(render_pdf(arabic_pack)))
    fonts = {font.get_object()["/BaseFont"] for page in reader.pages
             for font in page["/Resources"].get("/Font", {}).values()}
    assert fonts and all("NotoSansArabic" in str(f) for f in fonts)
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    # Letters are drawn in their joined (presentation) forms: NFKC reads them back.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
    assert ARABIC in text
    assert text.count(ARABIC) >= 10
    assert "Translation not yet checked" in text  # the draft status (English wording here)


def test_html_and_word_carry_language_and_direction(arabic_pack) -> None:  # type: ignore[no-untyped-def]
    html = render_html(arabic_pack)
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="en" dir="ltr"' in html  # the pages still in English
    word = WordDocument(io.BytesIO(render_docx(arabic_pack)))
    normal = word.styles["Normal"].element
    assert normal.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "ar"
    assert normal.pPr.find(qn("w:bidi")) is not None


@pytest.mark.parametrize("language", ["ar", "ur", "fa"])
def test_right_to_left_languages(language: str) -> None:
    assert text_direction(language) == "rtl"


def test_polish_stays_in_atkinson(content: Path) -> None:
    write_module_translation(content, "pl", "safer-naloxone", "Zażółć gęślą jaźń.")
    document = build_pack(load_library(content), Recipe(language="pl"), TODAY)
    reader = PdfReader(io.BytesIO(render_pdf(document)))
    fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"].get("/Font", {}).values()}
    assert all("Atkinson" in f for f in fonts)
    assert "Zażółć gęślą jaźń." in "".join(p.extract_text() for p in reader.pages)
    assert module_fingerprint(yaml.safe_load(
        (content / "modules" / "safer-naloxone.yaml").read_text("utf-8")))


def test_grouped_numbers_stay_in_order_in_right_to_left_lines() -> None:
    from outreach_kit.render.bidi import shape, visual_order

    line = shape("اتصل على 0800 83 85 87 الآن")
    drawn = "".join(char for _, char in visual_order(line, right_to_left=True))
    assert "0800 83 85 87" in drawn
    assert drawn.index("0800") < drawn.index("87")


def test_arabic_html_isolates_phone_numbers(arabic_pack) -> None:  # type: ignore[no-untyped-def]
    html = render_html(arabic_pack)
    assert "\u20660800 83 85 87\u2069" in html
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(render_pdf(arabic_pack))).pages)
    assert "\u2066" not in text and "0800 83 85 87" in text


def test_validate_warns_about_characters_the_languages_font_lacks(content: Path) -> None:
    write_module_translation(content, "pl", "safer-naloxone", "Nalokson 🙂 to lek.")
    write_module_translation(content, "uk", "safer-naloxone", "Налоксон - це ліки.")
    found = [p for p in validate_library(load_library(content), TODAY)
             if "print font for this language" in p.message]
    assert found and all("/pl/" in p.path and p.line for p in found)
    assert "🙂" in found[0].message
