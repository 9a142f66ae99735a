"""Markdown export: same content as the other formats, user text never interpreted."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from sample_documents import every_block_document
from support import PACK_CONTENT

from outreach_kit import document as doc
from outreach_kit.assemble import Recipe, build_pack
from outreach_kit.content import load_library
from outreach_kit.render.markdown import escape_markdown, inline_markdown, render_markdown

TODAY = dt.date(2026, 11, 26)
# html=True: raw HTML *would* pass through, so any that survives escaping would show up.
MD = MarkdownIt("commonmark", {"html": True})


class Tags(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}

    def words(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))



@pytest.fixture(scope="module")
def pack(fixture_library):
    recipe = Recipe(person_name="Sam", keyworker_name="Alex", service_name="Harbour Drop-in",
                    observations=["uses-to-switch-off", "hard-past"],
                    services={"areas": ["Scotland", "Example Town"]},
                    wallet_steps=["Walk round the block"])
    return build_pack(fixture_library, recipe, TODAY)


def test_pack_as_markdown_has_the_same_sections(pack):
    text = render_markdown(pack)
    assert text.startswith("# For Sam\n\n")
    html = MD.render(text)
    titles = re.findall(r"<h2>(.*?)</h2>", html)
    expected = ["Contents"] + [s.title for s in pack.sections
                               if s.kind is not doc.SectionKind.CONTENTS]
    assert titles == expected
    words = Tags(html).words()
    for phrase in ("Harbour Drop-in", "26 November 2026", "You can skip any page.",
                   "Before you read: This page talks about abuse and loss.",
                   "Example data:", "Walk round the block", "116 123",
                   "Content version 2026.11"):
        assert phrase in words, phrase


def test_contents_is_a_numbered_list_of_titles(pack):
    html = MD.render(render_markdown(pack))
    contents = html[html.index("<h2>Contents</h2>"):]
    contents = contents[: contents.index("</ol>")]
    items = re.findall(r"<li>(.*?)</li>", contents)
    assert items == [s.title for s in pack.sections if s.in_contents]


def test_content_formatting_comes_from_spans_only(pack):
    text = render_markdown(pack)
    assert "Lots of people use to **switch off**." in text
    assert "- [ ] See a friend" not in text  # not in this pack
    worksheet = render_markdown(build_pack(
        load_library(PACK_CONTENT), Recipe(modules=["worksheet-my-week"]), TODAY))
    assert "- [ ] See a friend" in worksheet
    assert "\\_" * 40 in worksheet


def test_every_block_document_renders():
    text = render_markdown(every_block_document("Sam"))
    html = MD.render(text)
    tags = Tags(html).names()
    assert {"h1", "h2", "h3", "ul", "ol", "blockquote", "strong", "a", "hr"} <= tags
    assert "script" not in tags
    words = Tags(html).words()
    assert "For Sam" in words


def test_links_keep_safe_targets_only():
    inline = doc.content_text("[ok](https://example.org/a_(b)) [bad](javascript:x) "
                              "[call](tel:999)")
    html = MD.render(inline_markdown(inline))
    hrefs = [a["href"] for tag, a in Tags(html).tags if tag == "a"]
    assert hrefs == ["https://example.org/a_%28b%29", "tel:999"]


@pytest.mark.parametrize("text", [
    "*Sam* _x_ **y**", "<b>bold</b> & <script>alert(1)</script>", "# not a heading",
    "1. not a list", "- not a list", "+ nope", "> not a quote", "`code`", "[a](https://x.y)",
    "| a | b |", "~~strike~~", "&amp; &copy;", "a\\*b", "===", "---", "    four spaces",
    "![img](https://x.y/i.png)", "<https://auto.link>", "10) ten", "{{ 7*7 }}",
])
def test_escaped_text_comes_back_literally(text):
    html = MD.render(escape_markdown(text))
    parsed = Tags(html)
    assert parsed.names() == {"p"}, (text, html)
    assert parsed.words().strip() == text.strip()


def test_line_breaks_become_spaces_and_controls_are_cleaned():
    assert escape_markdown("one\ntwo\r\nthree") == "one two three"
    assert escape_markdown("a\x00b\x1bc\ud800") == "a\ufffdb\ufffdc\ufffd"


def test_hostile_user_text_in_a_pack(fixture_library):
    hostile = "*Sam* <b>x</b> [link](https://evil.example) # `tick` | &amp;"
    recipe = Recipe(person_name=hostile, keyworker_name="- Alex", service_contact="1. call",
                    wallet_steps=["<li>two</li>", "> quote"])
    text = render_markdown(build_pack(fixture_library, recipe, TODAY))
    html = MD.render(text)
    parsed = Tags(html)
    assert "b" not in parsed.names() and "code" not in parsed.names()
    assert not any(a.get("href") == "https://evil.example" for _, a in parsed.tags)
    words = parsed.words()
    assert f"For {hostile}" in words
    assert "Your worker: - Alex" in words and "Contact: 1. call" in words
    assert "<li>two</li>" in words and "> quote" in words


def test_a_letter_on_its_own_has_no_title_heading_or_footer():
    from outreach_kit.document import Letter, Letterhead, SectionKind

    letter = Letter(Letterhead("Harbour Drop-in"), "26 November 2026", doc.user_text("Dear Sam,"),
                    (doc.user_text("It was good to see you."),), doc.user_text("Take care,"),
                    "Alex")
    document = doc.Document(
        kind="letter", meta=doc.DocumentMeta("Letter", "Alex", "After a conversation"),
        sections=(doc.Section("letter", "A letter for you", SectionKind.LETTER, (letter,),
                              in_contents=False),))
    text = render_markdown(document)
    assert text.startswith("**Harbour Drop-in**")
    assert "#" not in text and "Content version" not in text
    assert "It was good to see you." in text
