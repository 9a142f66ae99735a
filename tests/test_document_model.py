"""The document model: content Markdown becomes spans; user text is never parsed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from outreach_kit.document import Span, content_text, plain, uk_date, user_text
from outreach_kit.document_text import _markdown_spans
from outreach_kit.errors import OptionError
from outreach_kit.render.options import PageFormat, PrintOptions


def test_content_markdown_to_spans():
    spans = content_text("Try **one** thing [today](https://www.nhsinform.scot).")
    assert Span("one", bold=True) in spans
    assert Span("today", href="https://www.nhsinform.scot") in spans
    assert plain(spans) == "Try one thing today."


@pytest.mark.parametrize(
    "text",
    ["<b>not bold</b>", "<script>alert(1)</script>", "[x](javascript:alert(1))",
     "<img src=/etc/passwd>"],
)
def test_content_html_and_unsafe_links_stay_literal(text: str):
    spans = content_text(text)
    assert all(span.href is None for span in spans)
    assert plain(spans) == text  # kept as the literal characters, nothing dropped


def test_user_text_is_never_parsed():
    text = "**Sam** <b>&amp; [link](https://x.org)"
    assert user_text(text) == (Span(text),)
    assert user_text("") == ()


def test_uk_date():
    assert uk_date(dt.date(2026, 11, 6)) == "6 November 2026"


def test_print_options_combine_and_reject_unknown():
    options = PrintOptions.from_names(["a5-booklet", "large-print", " Greyscale "])
    assert options.page is PageFormat.A5_BOOKLET
    assert options.large_print and options.greyscale and not options.dyslexia
    assert options.names == ["a5-booklet", "large-print", "greyscale"]
    assert PrintOptions.from_names([]).names == ["standard"]
    with pytest.raises(OptionError, match="unknown print profile 'poster'"):
        PrintOptions.from_names(["poster"])


def test_link_targets_are_kept_for_the_renderers_to_judge():
    # which targets become clickable is one rule, render.presentation.safe_link
    assert content_text("[a](http://example.org)") == (Span("a", href="http://example.org"),)


# Text without a character that can start inline Markdown skips markdown-it (which costs a
# command-line build its import): it must read exactly as markdown-it reads it.
PLAIN_TEXT = st.text(
    alphabet=st.characters(blacklist_characters="\\`*_[]<>&!\n\r\x00",
                           blacklist_categories=("Cs",)),
    max_size=60)


@settings(max_examples=300, deadline=None)
@given(PLAIN_TEXT)
def test_plain_content_text_reads_as_markdown_it_reads_it(text):
    assert content_text(text) == _markdown_spans(text)


@pytest.mark.parametrize("text", ["**bold** and *soft*", "a [link](https://x.org)", "AT&amp;T",
                                  "two\nlines", "`code`", "not_a_word_", "\\*kept\\*"])
def test_text_with_markdown_characters_goes_through_markdown_it(text):
    assert content_text(text) == _markdown_spans(text)
