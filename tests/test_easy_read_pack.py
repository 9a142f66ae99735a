"""The reference recipe at the easy-read profile: short sentences, large type, a picture on
every Easy Read page, alt text for every picture; and the profile combined with others."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from support import ROOT

from outreach_kit import document as d
from outreach_kit.assemble.recipe import load_recipe
from outreach_kit.formats import PROFILES, PrintOptions
from outreach_kit.language.easy_read import MAX_SENTENCE_WORDS, sentences, word_count
from outreach_kit.outputs import MadePack, make_pack
from outreach_kit.render.pdf_styles import styles_for

RECIPE = ROOT / "examples" / "reference-pack.yaml"
TODAY = dt.date(2026, 11, 29)


@pytest.fixture(scope="module")
def made(library) -> MadePack:
    return make_pack(library, load_recipe(RECIPE, library), TODAY, profiles=["easy-read"])


@pytest.fixture(scope="module")
def pdf(made) -> PdfReader:
    return PdfReader(io.BytesIO(made.render("pdf")))


def easy_read_sections(document: d.Document) -> list[d.Section]:
    """Sections printed in Easy Read form: pictured ideas (and the wallet card)."""
    return [s for s in document.sections
            if s.kind is d.SectionKind.WALLET_CARD
            or (s.blocks and isinstance(s.blocks[0], d.PicturedItem))]


def section_pages(reader: PdfReader, document: d.Document) -> dict[str, list[int]]:
    starts = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    ordered = [*sorted(set(starts.values())), len(reader.pages)]
    return {title: list(range(start, ordered[ordered.index(start) + 1]))
            for title, start in starts.items()}


def chunks(page) -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []

    def visit(text, _cm, tm, _font, size):
        if text.strip():
            found.append((text.strip(), round(size * tm[0], 1)))

    page.extract_text(visitor_text=visit)
    return found


def curves(page) -> int:
    """Bezier curve operators drawn on a page, including in the forms it places with ``Do``
    (each picture is a form; an A5 booklet's pages are forms too). Pictures have curves;
    boxes, rules and QR codes have none."""

    def count(stream, resources) -> int:
        found = 0
        forms = ((resources or {}).get("/XObject") or {})
        for operands, op in ContentStream(stream, page.pdf).operations:
            if op == b"c":
                found += 1
            elif op == b"Do" and operands[0] in forms:
                form = forms[operands[0]].get_object()
                if form.get("/Subtype") == "/Form":
                    found += count(form, form.get("/Resources") or resources)
        return found

    return count(page.get_contents(), page["/Resources"])


def test_the_pack_is_in_easy_read(made):
    sections = easy_read_sections(made.document)
    kinds = {s.kind for s in sections}
    assert {d.SectionKind.HOW_TO_USE, d.SectionKind.HELP_NOW, d.SectionKind.WALLET_CARD} <= kinds
    help_now = next(s for s in sections if s.kind is d.SectionKind.HELP_NOW)
    numbers = [b.number for b in help_now.blocks if isinstance(b, d.PicturedItem) and b.number]
    assert numbers == ["999", "111", "116 123", "0800 83 85 87", "08080 10 10 11"]
    assert all(b.picture is not None for b in help_now.blocks if isinstance(b, d.PicturedItem))
    card = next(b for s in sections for b in s.blocks if isinstance(b, d.WalletCard))
    assert [c.picture.alt for c in card.contacts if c.picture] == [
        "Ambulance", "Phone", "People talking"]
    credit = "Pictures: Font Awesome Free by Fonticons, Inc., CC BY 4.0"
    assert credit in d.plain(made.document.sections[0].blocks[-1].text)
    # a module with no Easy Read text yet keeps its full text, under a note that says so
    for section in made.document.sections:
        if section.kind is d.SectionKind.MODULE and section not in sections:
            assert "not in Easy Read yet" in d.plain(section.blocks[0].body[0])


def test_easy_read_pages_have_short_sentences_large_type_and_a_picture(made, pdf, no_network):
    pages = section_pages(pdf, made.document)
    footer = styles_for(made.options).layout.footer_size  # "Page X of Y" and review dates
    checked = 0
    for section in easy_read_sections(made.document):
        for index in pages[section.title]:
            page = pdf.pages[index]
            found = [(text, size) for text, size in chunks(page) if size != footer]
            sizes: Counter = Counter()
            for text, size in found:
                sizes[size] += len(text)
            body = sizes.most_common(1)[0][0]
            assert body >= 16, (section.title, index, sizes)
            body_text = " ".join(text for text, size in found if size == body)
            for sentence in sentences(body_text):
                assert word_count(sentence) <= MAX_SENTENCE_WORDS, (section.title, sentence)
            checked += 1
    assert checked >= 4


def test_every_page_in_easy_read_form_has_a_picture(made, pdf):
    """Every page but the cover and the contents, once every module has Easy Read text (a
    module without it is printed in full, under a note, and is left out here)."""
    pages = section_pages(pdf, made.document)
    pictured = [*easy_read_sections(made.document),
                *(s for s in made.document.sections if s.kind is d.SectionKind.SERVICES)]
    services = next(s for s in pictured if s.kind is d.SectionKind.SERVICES)
    assert all(b.picture is not None for b in services.blocks if isinstance(b, d.ServiceCard))
    for section in pictured:
        for index in pages[section.title]:
            page = pdf.pages[index]
            if "starts on the next page, so you can see it all" in page.extract_text():
                continue  # the note that keeps help right now on a facing spread
            assert curves(page) >= 3, f"no picture on page {index + 1}"
    assert curves(pdf.pages[0]) == 0  # the cover: the count is of pictures, not of lines


def test_the_reference_pack_is_short_and_modules_share_pages(made, pdf):
    """Modules run on from one another (a new page only when one is full), so the reference
    recipe stays short; a module's title is on the same page as its first two ideas; help
    right now and the wallet card still start pages of their own."""
    assert len(pdf.pages) <= 22
    pages = section_pages(pdf, made.document)

    def flat(text: str) -> str:
        return re.sub(r"\s+", " ", text)

    shared = 0
    for section in easy_read_sections(made.document):
        page = flat(pdf.pages[pages[section.title][0]].extract_text())
        if section.kind in (d.SectionKind.HELP_NOW, d.SectionKind.WALLET_CARD):
            assert page.startswith(section.title), section.title
        if section.kind is not d.SectionKind.MODULE:
            continue
        shared += not page.startswith(section.title)
        after_title = page[page.index(flat(section.title)):]
        for item in section.blocks[:2]:
            assert " ".join(d.plain(item.text).split()[:4]) in after_title, section.title
    assert shared >= 3  # modules follow one another on a page


def test_no_helvetica_and_the_credit_is_printed(pdf):
    text = " ".join(page.extract_text() for page in pdf.pages[:3])
    assert "Font Awesome Free by Fonticons, Inc., CC BY 4.0" in re.sub(r"\s+", " ", text)
    fonts = {str(f.get_object()["/BaseFont"]) for page in pdf.pages
             for f in (page["/Resources"].get("/Font") or {}).values()}
    assert all("AtkinsonHyperlegible" in font for font in fonts), fonts


def test_the_profile_is_in_the_registry_and_combines_with_the_others():
    assert "easy-read" in PROFILES
    options = PrintOptions.from_names(["easy-read", "large-print", "dyslexia", "greyscale",
                                       "a5-booklet"])
    assert options.easy_read and options.large_print and options.names[-1] == "easy-read"
    alone = styles_for(PrintOptions.from_names(["easy-read"]))
    assert alone.body.fontSize >= 16 and alone.body.leading >= 1.5 * alone.body.fontSize
    large = styles_for(options)
    assert large.body.fontSize >= 18 and large.body.leading >= 1.6 * large.body.fontSize
    compact = styles_for(PrintOptions.from_names(["easy-read"]), compact=True)
    assert compact.body.leading >= 1.5 * compact.body.fontSize


@pytest.mark.parametrize("profiles", [["easy-read", "large-print", "greyscale"],
                                      ["easy-read", "a5-booklet", "dyslexia"]])
def test_combined_profiles_render(library, profiles):
    made = make_pack(library, load_recipe(RECIPE, library), TODAY, profiles=profiles)
    reader = PdfReader(io.BytesIO(made.render("pdf")))
    assert any(curves(page) >= 3 for page in reader.pages)


class _Pictures(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.svgs: list[dict] = []
        self.images: list[dict] = []
        self._title = False

    def handle_starttag(self, tag, attrs):
        if tag == "svg":
            self.svgs.append(dict(attrs) | {"title": ""})
        elif tag == "img":
            self.images.append(dict(attrs))
        self._title = tag == "title" and bool(self.svgs)

    def handle_data(self, data):
        if self._title:
            self.svgs[-1]["title"] += data

    def handle_endtag(self, tag):
        self._title = False


def test_every_picture_in_the_html_has_alt_text(made, no_network):
    html = made.render("html").decode("utf-8")
    parsed = _Pictures()
    parsed.feed(html)
    expected = [b.picture for s in made.document.sections for b in s.blocks
                if isinstance(b, d.PicturedItem) and b.picture]
    expected += [c.picture for s in made.document.sections for b in s.blocks
                 if isinstance(b, d.WalletCard) for c in b.contacts if c.picture]
    expected += [b.picture for s in made.document.sections for b in s.blocks
                 if isinstance(b, d.ServiceCard) and b.picture]
    assert len(parsed.svgs) == len(expected) >= 20
    for svg in parsed.svgs:
        assert svg["role"] == "img"
        assert svg["aria-label"] and svg["title"] == svg["aria-label"]
    assert all(image.get("alt") for image in parsed.images)
    assert "profile-easy-read" in html


def test_every_picture_in_word_has_a_description(made):
    word = docx.Document(io.BytesIO(made.render("docx")))
    described = [shape._inline.docPr.get("descr") for shape in word.inline_shapes]
    assert len(described) >= 20 and all(described)


def test_a_picture_the_catalogue_lacks_leaves_the_words(library, tmp_path: Path):
    from outreach_kit.assemble.easy_read import picture

    assert picture(library, "no-such-picture") is None
    assert picture(library, "phone").alt == "Phone"
