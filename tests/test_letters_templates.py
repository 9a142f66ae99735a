"""Organisation letter templates: sandboxed, capped, and never able to read or run anything."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path
from typing import Any

import pytest

from outreach_kit.errors import TemplateError
from outreach_kit.letters.compose import compose_letter, with_template_body
from outreach_kit.letters.library import letter_library
from outreach_kit.letters.recipe import LetterRecipe
from outreach_kit.letters.schema import LetterSlot
from outreach_kit.letters.templates import (
    MAX_OUTPUT_CHARS,
    MAX_TEMPLATE_BYTES,
    list_letter_templates,
    read_template_file,
    render_letter_template,
    template_context,
)

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "letters"
SECRET = "s3cret-value-that-must-not-leak"

# A whole context, as letters.make builds it, with invented values.
SAMPLE_CONTEXT: dict[str, Any] = {
    "name": "Sam", "their_words": "it helps me get through the day",
    "strengths": ["you look out for your friends"], "what_matters": "seeing your sister",
    "next_step": "meet for a cup of tea", "new_worker": "Jo", "worker_name": "Alex",
    "worker_role": "Keyworker", "organisation": "The Drop-in", "date": "26 November 2026",
    "letter_type": "After a conversation",
    "paragraphs": {slot.value: "A paragraph." for slot in LetterSlot},
}


@pytest.fixture()
def secret_env(monkeypatch, tmp_path):
    """A secret in this process's environment and in a file the template might try to read."""
    monkeypatch.setenv("OUTREACH_TEST_SECRET", SECRET)
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET)
    return secret_file


def test_a_normal_template_renders_quickly():
    source = "Dear {{ name }},\n\n{{ paragraphs.opening }}\n\n{{ strengths | join(', ') }}"
    started = time.perf_counter()
    out = render_letter_template(source, SAMPLE_CONTEXT)
    assert out == "Dear Sam,\n\nA paragraph.\n\nyou look out for your friends"
    assert time.perf_counter() - started < 3


def test_the_example_organisation_template_renders(library):
    templates = list_letter_templates(ROOT / "templates" / "letters")
    assert "short-note" in templates
    source = read_template_file(templates["short-note"])
    render_letter_template(source, SAMPLE_CONTEXT)
    letters = letter_library(library)
    recipe = LetterRecipe.model_validate({
        "letter_type": "reaching-out", "person": {"name": "Sam", "their_words": "hi there",
                                                  "strengths": ["kind", "funny"]},
        "letterhead": {"organisation": "The Hub"}})
    letter = compose_letter(letters, recipe, dt.date(2026, 11, 26))
    out = render_letter_template(source, template_context(recipe, letter))
    body = with_template_body(letter, out)
    texts = [p.text for p in body.paragraphs]
    assert texts[0] == letter.paragraphs[0].text
    assert "You said: “hi there”" in texts
    assert "Some of the strengths I see in you: kind, funny." in texts
    assert texts[-1] == "The Hub will be here when you are ready."
    assert all(p.slot == "template" for p in body.paragraphs)
    assert body.sign_off == letter.sign_off


INJECTIONS = [
    "{{ cycler.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os.environ }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ name.__class__.__base__.__subclasses__() }}",
    "{{ self }}",
    "{{ self.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ paragraphs.__class__ }}",
    "{{ strengths.append('x') }}{{ strengths }}",
    "{{ config }}{{ request }}",
    "{% include '/etc/passwd' %}",
    "{% include SECRET_FILE %}",
    "{% import '/etc/passwd' as p %}",
    "{% extends '/etc/passwd' %}",
    "{% from '/etc/passwd' import x %}",
    "{{ name.format(name.__class__) }}",
    "{{ '%s'|format(name.__class__) }}",
    "{{ (name|attr('__class__')) }}",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_payloads_cannot_reach_python_files_or_environment(payload, secret_env):
    source = payload.replace("SECRET_FILE", repr(str(secret_env)))
    try:
        out = render_letter_template(source, SAMPLE_CONTEXT)
    except TemplateError as exc:
        message = str(exc)
        assert SECRET not in message
        assert "root:" not in message
        return
    assert SECRET not in out
    assert "root:" not in out
    assert "<class" not in out
    assert "function" not in out.lower() or "str.format" in out  # a name, never a call result
    assert "environ" not in out


@pytest.mark.parametrize("payload", [
    "{% for i in range(10**9) %}x{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'a' * 10**9 }}",
    "{{ 'abc' * 100000000 }}",
    "{{ name * 1000000000 }}",
    "{{ 9 ** 99999 }}",
    "{{ name|center(1000000000) }}",
    "{{ '%*s'|format(1000000000, 'x') }}",
    "{% set ns = namespace(x=2) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}"
    "{% endfor %}{{ ns.x }}",
    "{% for i in range(60000) %}{{ name }}{{ name }}{% endfor %}",
    "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
])
def test_resource_hungry_templates_stop_with_a_clear_error(payload):
    started = time.perf_counter()
    with pytest.raises(TemplateError) as caught:
        render_letter_template(payload, SAMPLE_CONTEXT, time_limit=2)
    assert time.perf_counter() - started < 8
    assert "letter template" in str(caught.value)


def test_unknown_placeholder_names_it():
    with pytest.raises(TemplateError, match="unknown placeholder 'nickname'"):
        render_letter_template("Dear {{ nickname }}", SAMPLE_CONTEXT)


def test_unknown_placeholder_is_found_even_in_a_branch_not_taken():
    with pytest.raises(TemplateError, match="unknown placeholder 'postcode'"):
        render_letter_template("{% if false %}{{ postcode }}{% endif %}ok", SAMPLE_CONTEXT)


def test_unknown_attribute_error_does_not_echo_field_values():
    context = {**SAMPLE_CONTEXT, "name": "Private Person"}
    with pytest.raises(TemplateError) as caught:
        render_letter_template("{{ paragraphs[name] }}", context)
    assert "Private Person" not in str(caught.value)


def test_syntax_error_gives_the_line():
    with pytest.raises(TemplateError, match="line 2"):
        render_letter_template("ok\n{% if name %}no end", SAMPLE_CONTEXT)


def test_template_size_is_capped():
    with pytest.raises(TemplateError, match="too large"):
        render_letter_template("x" * (MAX_TEMPLATE_BYTES + 1), SAMPLE_CONTEXT)


def test_output_size_is_capped():
    source = "{% for i in range(2000) %}" + "y" * 40 + "{% endfor %}"
    with pytest.raises(TemplateError, match=f"{MAX_OUTPUT_CHARS:,}"):
        render_letter_template(source, SAMPLE_CONTEXT)


@pytest.mark.parametrize("value", [
    "{{ 7 * 7 }}", "{% for i in range(10**9) %}x{% endfor %}",
    "{{ cycler.__init__.__globals__ }}", "{# comment #}", "{{ self }}",
])
def test_field_values_are_data_never_evaluated(value):
    context = {**SAMPLE_CONTEXT, "name": value, "their_words": value, "strengths": [value],
               "paragraphs": {**SAMPLE_CONTEXT["paragraphs"], "opening": value}}
    out = render_letter_template(
        "{{ name }}|{{ their_words }}|{{ strengths[0] }}|{{ paragraphs.opening }}", context)
    assert out == "|".join([value] * 4)


def test_output_is_plain_text_not_escaped():
    context = {**SAMPLE_CONTEXT, "name": "<b>Sam & co</b>"}
    assert render_letter_template("{{ name }}", context) == "<b>Sam & co</b>"


def test_template_file_errors(tmp_path):
    with pytest.raises(TemplateError, match="not found"):
        read_template_file(tmp_path / "missing.j2")
    big = tmp_path / "big.j2"
    big.write_text("x" * (MAX_TEMPLATE_BYTES + 10))
    with pytest.raises(TemplateError, match="too large"):
        read_template_file(big)
    binary = tmp_path / "bin.j2"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(TemplateError, match="UTF-8"):
        read_template_file(binary)


def test_hostile_template_fixture_is_refused(secret_env):
    source = read_template_file(FIXTURES / "hostile.j2")
    with pytest.raises(TemplateError):
        render_letter_template(source, SAMPLE_CONTEXT)


def test_the_worker_process_gets_no_environment(monkeypatch):
    """Even the worker's own environment is empty: nothing to find if the sandbox broke."""
    import json
    import subprocess

    from outreach_kit.letters import templates

    monkeypatch.setenv("OUTREACH_TEST_SECRET", SECRET)
    seen = {}
    real_run = subprocess.run

    def spy(command, **kwargs):
        seen["command"] = command
        seen.update(kwargs)
        return real_run(command, **kwargs)

    monkeypatch.setattr(templates.subprocess, "run", spy)
    assert render_letter_template("{{ name }}", SAMPLE_CONTEXT) == "Sam"
    assert "OUTREACH_TEST_SECRET" not in seen["env"]
    assert SECRET not in json.dumps(seen["env"])
    assert "-I" in seen["command"]  # isolated mode: no user site, no script folder on the path
    assert seen["timeout"] > 0


NAME_WITH_APOSTROPHE = "Aoife O'Brien"
WORDS_WITH_APOSTROPHE = "my sister's place"


@pytest.mark.parametrize(("template", "name"), [
    ("Dear {{ paragraphs[name] }}", NAME_WITH_APOSTROPHE),
    ("{{ name[their_words] }}", NAME_WITH_APOSTROPHE),
    ("{{ strengths[name] }}", NAME_WITH_APOSTROPHE),
    ("{{ name|attr(their_words) }}", NAME_WITH_APOSTROPHE),
    ("{{ paragraphs[what_matters] }}", NAME_WITH_APOSTROPHE),
    ("Join us {{ paragraphs['Join'] if false }}{{ strengths[name] }}", "Jo"),
    ("Join us\n{{ paragraphs[name] }}", "Jo"),
    ("{{ name.__class__ }}{{ name|attr(their_words) }}", "Jo"),
])
def test_template_errors_never_quote_field_values(template, name):
    context = {**SAMPLE_CONTEXT, "name": name, "their_words": WORDS_WITH_APOSTROPHE,
               "what_matters": "Jo"}
    with pytest.raises(TemplateError) as caught:
        render_letter_template(template, context)
    message = str(caught.value)
    for value in (name, WORDS_WITH_APOSTROPHE, "O'Brien", "sister"):
        assert value not in message
    assert f"'{name}'" not in message and f'"{name}"' not in message
    assert "line " in message


def test_template_error_names_an_attribute_written_in_the_template():
    with pytest.raises(TemplateError) as caught:
        render_letter_template("ok\n{{ paragraphs.closing_words }}", SAMPLE_CONTEXT)
    assert "line 2" in str(caught.value)
    assert "'closing_words'" in str(caught.value)
    with pytest.raises(TemplateError, match="'__class__'") as caught:
        render_letter_template("{{ name.__class__ }}", SAMPLE_CONTEXT)
    assert "not allowed" in str(caught.value)


def test_template_file_must_be_a_regular_file(tmp_path):
    with pytest.raises(TemplateError, match="not a file"):
        read_template_file(tmp_path)
    if Path("/dev/zero").exists():  # a device: never read without end
        with pytest.raises(TemplateError, match="not a file"):
            read_template_file("/dev/zero")
    fifo = tmp_path / "pipe.j2"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(TemplateError, match="not a file"):
        read_template_file(fifo)
    assert time.perf_counter() - started < 2


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_template_file_read_is_bounded(monkeypatch):
    """Even if the regular-file check were fooled, at most limit+1 bytes are read."""
    monkeypatch.setattr(Path, "is_file", lambda self: True)
    with pytest.raises(TemplateError, match="too large"):
        read_template_file("/dev/zero")
