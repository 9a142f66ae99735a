"""HTML export: self-contained, accessible, no scripts or external requests, escaped."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import io
import itertools
import re
from html.parser import HTMLParser

import pytest
from fontTools.ttLib import TTFont
from sample_documents import SAMPLE_LABELS, every_block_document

from outreach_kit import document as doc
from outreach_kit.assemble import Recipe, build_pack
from outreach_kit.render.html import qr_svg, render_html, sanitise_body, subset_font
from outreach_kit.render.options import PrintOptions
from outreach_kit.render.presentation import (
    COLOURS,
    FONT_FACES,
    TEXT_PAIRS,
    Colours,
    clean_text,
    font_path,
)

TODAY = dt.date(2026, 11, 26)



@pytest.fixture(scope="module")
def pack(fixture_library):
    recipe = Recipe(person_name="Sam", keyworker_name="Alex", service_name="Harbour Drop-in",
                    observations=["uses-to-switch-off", "hard-past", "too-late"],
                    services={"areas": ["Scotland", "Example Town"]})
    return dataclasses.replace(build_pack(fixture_library, recipe, TODAY), labels=SAMPLE_LABELS)


@pytest.fixture(scope="module")
def page(pack):
    return render_html(pack)


class Page(HTMLParser):
    """Collects what the accessibility checks need."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self.link_texts: dict[int, list[str]] = {}
        self._open_links: list[int] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self._open_links.append(len(self.tags) - 1)
            self.link_texts[len(self.tags) - 1] = []
        if tag == "style":
            self._in_style = True

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links:
            self._open_links.pop()
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            return
        self.text.append(data)
        for index in self._open_links:
            self.link_texts[index].append(data)

    def all(self, name):
        return [attrs for tag, attrs in self.tags if tag == name]

    def words(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def style_of(html: str) -> str:
    return html[html.index("<style>") + 7: html.index("</style>")]


# ---------------------------------------------------------------------------- structure


def test_document_shell_and_landmarks(page):
    assert page.startswith('<!doctype html>\n<html lang="en-GB" dir="ltr">')
    parsed = Page(page)
    for landmark in ("header", "main", "footer"):
        assert len(parsed.all(landmark)) == 1, landmark
    navs = parsed.all("nav")
    assert len(navs) == 1 and navs[0]["aria-label"] == "Contents"
    assert parsed.all("html")[0]["lang"] == "en-GB"
    assert parsed.all("meta")[0] == {"charset": "utf-8"}


def test_heading_order(page):
    levels = Page(page).headings
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_heading_order_for_every_block_document():
    levels = Page(render_html(every_block_document())).headings
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1


def test_contents_lists_every_section_with_working_links(page, pack):
    parsed = Page(page)
    ids = {attrs.get("id") for _, attrs in parsed.tags}
    nav_start = page.index("<nav")
    nav = page[nav_start: page.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', nav)
    listed = [s for s in pack.sections if s.in_contents]
    assert len(targets) == len(listed)
    assert all(target in ids for target in targets)
    assert "How to use this pack: you choose what to read" in nav


def test_no_script_and_no_external_requests(page):
    parsed = Page(page)
    assert not parsed.all("script") and not parsed.all("link") and not parsed.all("iframe")
    for tag, attrs in parsed.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        src = attrs.get("src")
        if src is not None:
            assert src.startswith("data:"), src
        href = attrs.get("href")
        if href and re.match(r"https?:", href):
            assert tag == "a"
    # every outbound link is visible text
    for index, texts in parsed.link_texts.items():
        assert "".join(texts).strip(), parsed.tags[index]
    css = style_of(page)
    assert "http" not in re.sub(r"url\(data:[^)]*\)", "", css)
    assert "@import" not in css


def test_images_have_alt_text(page):
    images = Page(page).all("img")
    assert images, "the services section has a QR code"
    for image in images:
        assert image.get("alt") and image["alt"].strip()
    assert images[0]["alt"] == "QR code for Samaritans website: https://www.samaritans.org/"


def test_qr_code_is_an_svg_data_uri(page):
    src = Page(page).all("img")[0]["src"]
    assert src.startswith("data:image/svg+xml;base64,")
    svg = base64.b64decode(src.split(",", 1)[1]).decode()
    assert svg.startswith("<svg") and "<path" in svg and "script" not in svg


def test_qr_svg_matches_the_encoder():
    from reportlab.graphics.barcode import qrencoder

    svg = qr_svg("https://example.org/")
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData("https://example.org/")
    code.make()
    count = code.getModuleCount()
    dark = {(r + 4, c + 4) for r in range(count) for c in range(count) if code.isDark(r, c)}
    drawn = {(int(y), int(x) + i)  # each step draws a run of n modules from (x, y)
             for x, y, n in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\3z", svg)
             for i in range(int(n))}
    assert drawn == dark


def test_fonts_are_embedded_not_fetched(page):
    css = style_of(page)
    assert css.count("@font-face") == 4
    assert "src:url(data:font/woff;base64," in css
    assert '"Atkinson Hyperlegible"' in css and "sans-serif" in css


def embedded_fonts(html: str) -> list[bytes]:
    found = re.findall(r'base64,([A-Za-z0-9+/=]+)\) format\("woff"\)', style_of(html))
    return [base64.b64decode(data) for data in found]


@pytest.mark.parametrize("document", ["fixture pack", "every block", "unusual letters"])
def test_embedded_fonts_hold_a_glyph_for_every_character_shown(pack, document):
    chosen = {"fixture pack": pack, "every block": every_block_document("Zoë"),
              "unusual letters": every_block_document("Łódź Ærøskøbing “Sam” – ½ ✓ 😀")}
    html = render_html(chosen[document])
    shown = set("".join(Page(html).text)) | set(html[:html.index("<style>")])
    fonts = embedded_fonts(html)
    assert len(fonts) == len(FONT_FACES) == 4
    for face, data in zip(FONT_FACES, fonts, strict=True):
        full = TTFont(str(font_path(face))).getBestCmap()
        subset = TTFont(io.BytesIO(data)).getBestCmap()
        missing = {char for char in shown if ord(char) in full and ord(char) not in subset}
        assert not missing, (face.name, missing)
        assert len(data) < font_path(face).stat().st_size / 3  # only what the page uses


def test_subset_fonts_keep_the_html_small(page):
    full_fonts = sum(len(base64.b64encode(font_path(face).read_bytes())) for face in FONT_FACES)
    embedded = sum(len(base64.b64encode(data)) for data in embedded_fonts(page))
    assert embedded < full_fonts / 4
    assert len(page.encode()) < 150_000


def test_subset_fonts_are_the_same_bytes_each_time():
    path = font_path(FONT_FACES[0])
    assert subset_font(path, "Sam") == subset_font(path, "Sam")  # no timestamp inside
    assert subset_font(path, "Sam") != subset_font(path, "Jo")


def test_cover_contents_and_safety_floor_are_present(page):
    words = Page(page).words()
    assert "For Sam" in words and "Harbour Drop-in" in words and "26 November 2026" in words
    assert "Help right now" in words and "Numbers to keep" in words
    assert "Example data:" in words  # the example directory is flagged
    assert "You can skip any page." in words
    assert "Before you read: This page talks about abuse and loss." in words
    assert "Time needed: about 5 minutes." in words
    assert "Content version 2026.11" in words


def test_every_block_document_renders_each_block(tmp_path):
    html = render_html(every_block_document("Sam"))
    parsed = Page(html)
    words = parsed.words()
    assert "Keep this card in your wallet or phone case." in words
    assert 'class="wallet-card"' in html and "Text Alex at the drop-in." in words
    assert parsed.all("article")  # service cards and the letter
    assert any(a.get("alt", "").endswith("logo") for a in parsed.all("img"))
    assert parsed.all("ol") and parsed.all("ul")
    assert 'class="write-in"' in html and 'class="box"' in html
    assert 'href="tel:' in html
    assert "page-break" in html


# ---------------------------------------------------------------------------- styles


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_helper_is_right():
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48


@pytest.mark.parametrize("profiles", [[], ["dyslexia"], ["greyscale"], ["dyslexia", "large-print"]])
def test_text_colour_pairs_in_the_css_reach_4_5(pack, profiles):
    css = style_of(render_html(pack, PrintOptions.from_names(profiles)))
    root = css[css.index(":root {"): css.index("}", css.index(":root {"))]
    variables = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", root))
    assert len(variables) == len(dataclasses.fields(Colours))
    for fg, bg in TEXT_PAIRS:
        ratio = contrast(variables[fg.replace("_", "-")], variables[bg.replace("_", "-")])
        assert ratio >= 4.5, (profiles, fg, bg, round(ratio, 2))
    # no colour is set anywhere else (so every pair above is every pair used)
    rest = css.replace(root, "")
    rest = re.sub(r"@font-face\{[^}]*\}", "", rest)
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", rest)


def test_every_palette_passes_contrast():
    for name, palette in COLOURS.items():
        for fg, bg in TEXT_PAIRS:
            assert contrast(getattr(palette, fg), getattr(palette, bg)) >= 4.5, (name, fg, bg)


def test_greyscale_palette_has_no_colour():
    for value in vars(COLOURS["greyscale"]).values():
        assert value[1:3] == value[3:5] == value[5:7]


def test_readable_at_200_percent_zoom(page):
    css = style_of(page)
    assert not re.search(r"\d(px)\b", css), "fixed pixel sizes stop text reflowing"
    assert re.search(r"max-width:\s*70ch", css)
    assert not re.search(r"(?<!max-)(?<!-)width:\s*\d+(\.\d+)?(px|cm|in)", css)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def test_print_css(pack):
    css = style_of(render_html(pack))
    assert "@media print" in css and "@page { size: A4;" in css
    assert "break-before: page" in css
    booklet = style_of(render_html(pack, PrintOptions.from_names(["a5-booklet"])))
    assert "@page { size: A5;" in booklet


def test_profiles_map_to_body_classes_and_css(pack):
    large = render_html(pack, PrintOptions.from_names(["large-print", "dyslexia"]))
    body = Page(large).all("body")[0]
    assert body["class"] == "profile-large-print profile-dyslexia"
    css = style_of(large)
    assert ".profile-large-print { font-size: 150%; }" in css
    assert ".profile-large-print { font-size: 18pt; }" in css
    assert ".profile-dyslexia em { font-style: normal;" in css
    assert "--page: #fdf6e3;" in css  # cream
    standard = render_html(pack)
    assert Page(standard).all("body")[0]["class"] == "profile-standard"


# ---------------------------------------------------------------------------- escaping


HOSTILE = '<b>Sam</b> & <script>alert(1)</script><img src="http://evil/x.png"> {{ 7*7 }}'


def test_user_text_is_never_markup(fixture_library):
    recipe = Recipe(person_name=HOSTILE, keyworker_name="<i>Alex</i>",
                    service_name='"><a href="https://evil.example/">x</a>',
                    service_contact="&amp; &lt;", wallet_steps=["</li><li>extra"])
    html = render_html(build_pack(fixture_library, recipe, TODAY))
    parsed = Page(html)
    assert not parsed.all("script") and not parsed.all("b") and not parsed.all("i")
    assert all(a.get("href") != "https://evil.example/" for a in parsed.all("a"))
    assert all(img["src"].startswith("data:") for img in parsed.all("img"))
    words = parsed.words()
    assert f"For {HOSTILE}" in words
    assert "&amp; &lt;" in words
    assert "</li><li>extra" in words
    assert "{{ 7*7 }}" in words and "49" not in words


def test_control_characters_are_cleaned_by_the_one_rule():
    assert clean_text("a\x00b\x07c\td\ne") == "a\ufffdb\ufffdc\td\ne"
    assert clean_text("a\r\nb\x0bc\ud800") == "a\nb\nc\ufffd"
    assert clean_text("Zoë \u200f ok") == "Zoë \u200f ok"


def test_sanitiser_is_a_second_line_of_defence():
    cleaned = sanitise_body('<p onclick="x()">hi<script>bad()</script></p>'
                            '<a href="javascript:alert(1)">j</a>'
                            '<img src="https://tracker.example/p.gif" alt="t">')
    assert "script" not in cleaned and "onclick" not in cleaned
    assert "javascript" not in cleaned and "tracker" not in cleaned
    assert "<p>hi</p>" in cleaned


def test_content_links_keep_safe_schemes_only():
    section = doc.Section("s", "S", blocks=(doc.Paragraph(doc.content_text(
        "[ok](https://example.org) and [bad](javascript:alert(1)) and [call](tel:999)")),))
    document = doc.Document("pack", doc.DocumentMeta("T", "A", "S"), (section,))
    html = render_html(document)
    assert '<a href="https://example.org">ok</a>' in html
    assert '<a href="tel:999">call</a>' in html
    assert all(not a["href"].startswith("javascript") for a in Page(html).all("a"))


def test_subset_fonts_keep_the_copyright_and_licence(page):
    names = TTFont(io.BytesIO(embedded_fonts(page)[0]))["name"]
    assert "Braille Institute" in names.getDebugName(0)
    assert "Open Font License" in names.getDebugName(13)
