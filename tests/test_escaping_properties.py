"""Property tests: any text in any free-text recipe field, through PDF, HTML and Markdown.

For every output: no crash, no markup interpreted (the tags in the output are exactly the
tags of the same pack with plain placeholder text), and the text comes back literally:
- HTML: parsed with html.parser; control characters cleaned by presentation.clean_text;
- Markdown: rendered by markdown-it-py with raw HTML *on*, so any unescaped tag would show;
  line breaks become spaces, control characters cleaned (render/markdown.py);
- PDF: read back from pypdf's text layer, after ``fonts.drawable_text`` (characters the
  font cannot draw become documented replacements, never silently dropped).
Whitespace is compared loosely (every renderer may wrap lines).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser
from xml.sax import saxutils

from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt
from support import PACK_CONTENT

from outreach_kit.assemble import Recipe, build_pack
from outreach_kit.content import load_library
from outreach_kit.render import pdf_markup
from outreach_kit.render.html import render_html
from outreach_kit.render.markdown import markdown_reading, render_markdown
from outreach_kit.render.presentation import clean_text

TODAY = dt.date(2026, 11, 26)
FIELDS = ("person_name", "keyworker_name", "service_name", "service_contact")
MD = MarkdownIt("commonmark", {"html": True})
LIBRARY = load_library(PACK_CONTENT)

NASTY = [
    "<b>", "</b>", "&", "&amp;", "</para>", "<para>", "<img src='/etc/passwd'/>",
    "<script>alert(1)</script>", '"><a href="https://evil.example">x</a>', "\x00", "\x07",
    "\x1b[31m", "\u200f", "\u202e", "\u2066", "😀", "👩🏽‍🚒", "{{ 7*7 }}", "{% raw %}",
    "*", "_", "[", "]", "(", ")", "#", "`", "|", "~", "\\", "1.", "- ", "> ", "<!--",
    "\ufeff", "\u00ad", "ﬁ", "→", "✓", "مرحبا", "שלום", "Zoë", "Łódź", "\t", "\n", "\r\n",
]

piece = st.one_of(st.sampled_from(NASTY), st.text(max_size=12))
text_value = st.lists(piece, min_size=1, max_size=12).map("".join)
long_value = st.lists(piece, min_size=1, max_size=6).map(
    lambda parts: ("".join(parts) + " x") * 5000).map(lambda s: s[:5000])
free_text = st.one_of(text_value, text_value, long_value).filter(lambda s: s.strip())


def recipe_strategy():
    return st.builds(
        lambda values, steps: Recipe(**dict(zip(FIELDS, values, strict=True)),
                                     wallet_steps=steps, observations=["too-late"],
                                     services={"ids": ["samaritans"]}),
        st.tuples(*[free_text] * len(FIELDS)),
        st.lists(free_text, min_size=1, max_size=3),
    )


def placeholder(recipe: Recipe) -> Recipe:
    """The same recipe with every free text replaced by plain words."""
    return recipe.model_copy(update={
        **{name: "Plain" for name in FIELDS},
        "wallet_steps": ["Plain"] * len(recipe.wallet_steps),
    })


def typed_texts(recipe: Recipe) -> list[str]:
    return [getattr(recipe, name) for name in FIELDS] + list(recipe.wallet_steps)


def squash(text: str) -> str:
    return "".join(text.split())


class Parsed(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self._skip = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._skip = tag in ("style", "title")

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def body_of(html: str) -> str:
    return html[html.index("<body"):]


SETTINGS = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@SETTINGS
@given(recipe_strategy())
def test_html_never_interprets_user_text(recipe):
    html = render_html(build_pack(LIBRARY, recipe, TODAY))
    baseline = render_html(build_pack(LIBRARY, placeholder(recipe), TODAY))
    parsed = Parsed(body_of(html))
    assert parsed.tags == Parsed(body_of(baseline)).tags
    words = squash("".join(parsed.text))
    for value in typed_texts(recipe):
        assert squash(clean_text(value)) in words


@SETTINGS
@given(recipe_strategy())
def test_markdown_never_interprets_user_text(recipe):
    text = render_markdown(build_pack(LIBRARY, recipe, TODAY))
    baseline = render_markdown(build_pack(LIBRARY, placeholder(recipe), TODAY))
    parsed = Parsed(MD.render(text))
    assert parsed.tags == Parsed(MD.render(baseline)).tags
    words = squash("".join(parsed.text))
    for value in typed_texts(recipe):
        assert squash(markdown_reading(value)) in words


@SETTINGS
@given(recipe_strategy())
def test_pdf_text_layer_shows_user_text(recipe):
    import pypdf

    from outreach_kit.render.fonts import drawable_text
    from outreach_kit.render.pdf import render_pdf

    pdf = render_pdf(build_pack(LIBRARY, recipe, TODAY))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    # drop the footer lines so a long text that runs over a page break reads on
    footer = re.compile(r"Page \d+ of \d+[^\n]*|Last reviewed [^\n]*Next review due [^\n]*")
    pages = [footer.sub("", page.extract_text()) for page in reader.pages]
    words = squash("".join(pages))
    for value in typed_texts(recipe):
        assert squash(drawable_text(value)) in words



@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab&<>\"' \n\r\t;#é")), max_size=30))
def test_pdf_markup_escapes_exactly_as_the_standard_library(text):
    """render.pdf_markup escapes without importing xml.sax.saxutils (slow to import); the
    PDF markup must stay what that module wrote."""
    assert pdf_markup.escape(text) == saxutils.escape(text)
    assert pdf_markup.quoteattr(text) == saxutils.quoteattr(text)
