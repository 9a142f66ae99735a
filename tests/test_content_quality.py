"""Quality gates on the real content library (issue 3).

These run on whatever is in ``content/`` and are not tied to particular files: a new module
or service is held to the same bars the moment it is added. Each gate collects every failure
and reports them all together, so one run tells an editor everything to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from reportlab.pdfbase.ttfonts import TTFont

from outreach_kit.cli.main import main
from outreach_kit.content.schema import (
    Audience,
    CalloutBlock,
    Loc,
    Module,
    ModuleKind,
    ParagraphBlock,
    ServiceDirectoryFile,
)
from outreach_kit.document import content_text, plain
from outreach_kit.language import find_stigma, readability
from outreach_kit.letters.schema import LetterLibraryFile
from outreach_kit.render import font_families

MIN_READING_EASE = 60.0  # CONTENT_GUIDE: every client-facing module and letter paragraph
MIN_MEDIAN_READING_EASE = 70.0  # CONTENT_GUIDE: "aim for 70+", held across the library
MAX_AVERAGE_SENTENCE_WORDS = 20.0
# Flesch scores of very short texts swing on a single long word ("Samaritans"), so the
# per-paragraph gate applies from this length; shorter texts still count in their module.
MIN_WORDS_FOR_PARAGRAPH_SCORE = 20

SUBTHEME_IDS = {
    "blocking-out", "predictability-safety", "physical-pain", "relational-trauma",
    "normalisation", "accessibility", "morality",
    "disconnection", "self-stigma", "connecting",
    "story-in-pieces", "choice-and-control", "stuck-here-and-now",
}


# ---------------------------------------------------------------------------- helpers


def client_modules(library) -> list[Module]:
    return [m for m in library.modules.values() if m.audience == Audience.CLIENT]


def module_prose(module: Module) -> str:
    """A module's reader-facing text, one paragraph or list item per line (for scoring)."""
    return "\n".join(" ".join(text.split()) for _, text in module.client_text())


def client_paragraphs(library) -> Iterator[tuple[str, Loc, str]]:
    """Running prose a client reads: module paragraphs and callouts, and letter paragraphs."""
    for module in client_modules(library):
        for i, block in enumerate(module.body):
            if isinstance(block, ParagraphBlock):
                yield module.id, ("body", i), block.paragraph
            elif isinstance(block, CalloutBlock):
                yield module.id, ("body", i), block.callout.text
    for item, source in library.sources():
        if isinstance(item, LetterLibraryFile):
            for loc, text in item.client_text():
                yield source.path.name, loc, text


def stigma_checked_texts(library) -> Iterator[tuple[str, Loc, str]]:
    """Every text a client or worker reads from the library: modules, services, letters,
    training handouts, and the model's names, descriptions and observations."""
    for item, source in library.sources():
        if isinstance(item, Module) and item.audience != Audience.CLIENT:
            continue  # worker notes may quote the words to avoid, to teach them
        client_text = getattr(item, "client_text", None)
        if callable(client_text):
            for loc, text in client_text():
                yield source.path.name, loc, text
    for sub in library.subthemes.values():
        yield "model.yaml", (sub.id, "name"), sub.name
        yield "model.yaml", (sub.id, "description"), sub.description
        for obs in sub.observations:
            yield "model.yaml", (sub.id, obs.id), obs.text
    for cat in library.categories.values():
        yield "model.yaml", (cat.id, "description"), cat.description


def string_values(data: Any) -> Iterator[str]:
    """Every key and string value in parsed YAML, however deeply nested."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from string_values(key)
            yield from string_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from string_values(value)


@cache
def drawable_characters() -> frozenset[str]:
    """Characters every face of the embedded Atkinson Hyperlegible font has a glyph for,
    read straight from each TTF's character map (independent of the renderer's own check)."""
    import fontpkg_atkinson_hyperlegible

    folder = Path(fontpkg_atkinson_hyperlegible.ROOT) / "files"
    faces = sorted(folder.glob("*.ttf"))
    assert len(faces) == 4, f"expected four Atkinson Hyperlegible faces in {folder}"
    common: set[int] | None = None
    for i, path in enumerate(faces):
        codes = set(TTFont(f"QualityGate{i}", str(path)).face.charToGlyph)
        common = codes if common is None else common & codes
    return frozenset(chr(code) for code in common or ())


def undrawable(text: str, language: str = "en") -> set[str]:
    """Characters of `text` the pack's font for `language` cannot draw.

    Format characters (Cf, e.g. the zero-width non-joiner Farsi needs) shape the text and
    have no glyph of their own, so they are not counted."""
    drawable = drawable_characters() if language == "en" else font_families.drawable(
        font_families.family_for(language))
    text = unicodedata.normalize("NFC", text)
    return {c for c in text if c not in drawable and c not in "\n\r\t"
            and unicodedata.category(c) not in ("Cc", "Cf")}


def describe(chars: set[str]) -> str:
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in sorted(chars))


# ---------------------------------------------------------------------------- the gates are live


def test_the_gates_can_fail():
    """Each check used below catches a plain example of what it is there to catch."""
    hard = ("Notwithstanding considerable interorganisational variability, comprehensive "
            "multidisciplinary assessment necessitates longitudinal therapeutic engagement.")
    assert readability(hard).reading_ease < MIN_READING_EASE
    assert find_stigma("He was a junkie before he got clean.")
    assert undrawable("Tick here \u2713 then go \u2192") == {"\u2713", "\u2192"}
    assert not undrawable("Plain 'quotes', \u00a3 signs & dashes - fine.")


# ---------------------------------------------------------------------------- plain language


def test_every_client_module_reads_easily(library):
    modules = client_modules(library)
    assert modules, "no client modules found in content/modules"
    hard = {}
    for module in modules:
        score = readability(module_prose(module))
        if score.reading_ease < MIN_READING_EASE:
            hard[module.id] = score.reading_ease
    assert not hard, f"reading ease under {MIN_READING_EASE:.0f}: {hard}"


def test_library_median_reading_ease_is_at_least_70(library):
    scores = [readability(module_prose(m)).reading_ease for m in client_modules(library)]
    assert statistics.median(scores) >= MIN_MEDIAN_READING_EASE


def test_every_client_paragraph_reads_easily(library):
    hard = []
    checked = 0
    for where, loc, text in client_paragraphs(library):
        score = readability(" ".join(text.split()))
        if score.words < MIN_WORDS_FOR_PARAGRAPH_SCORE:
            continue
        checked += 1
        if score.reading_ease < MIN_READING_EASE:
            hard.append(f"{where} {loc}: {score.reading_ease:.0f}")
    assert checked >= 20, "too few paragraphs scored: is the content there?"
    assert not hard, "paragraphs with reading ease under 60:\n" + "\n".join(hard)


def test_sentences_average_under_20_words(library):
    long_winded = {}
    for module in client_modules(library):
        score = readability(module_prose(module))
        if score.average_sentence_words >= MAX_AVERAGE_SENTENCE_WORDS:
            long_winded[module.id] = score.average_sentence_words
    assert not long_winded, f"sentences average 20 words or more: {long_winded}"


def test_no_stigmatising_language_anywhere(library):
    findings = [
        f"{where} {loc}: '{finding.matched}' ({finding.term_id})"
        for where, loc, text in stigma_checked_texts(library)
        for finding in find_stigma(text, library.terms)
    ]
    assert not findings, "stigmatising words found:\n" + "\n".join(findings)


def test_content_markdown_is_bold_only(library):
    """The guide allows **bold** only: no italics, and no stray markers printed as '*'."""
    bad = []
    for module in client_modules(library):
        for loc, text in module.client_text():
            spans = content_text(text)
            if any(span.italic for span in spans) or "*" in plain(spans):
                bad.append(f"{module.id} {loc}")
    assert not bad, "italic or unbalanced '**' in:\n" + "\n".join(bad)


# ---------------------------------------------------------------------------- coverage


def test_model_has_every_subtheme(library):
    assert set(library.subthemes) == SUBTHEME_IDS
    assert len([c for c in library.categories.values() if c.research]) == 4
    for sub in library.subthemes.values():
        assert len(sub.observations) >= 3, f"{sub.id} needs at least 3 observations"


@pytest.mark.parametrize("kind", [ModuleKind.PSYCHOEDUCATION, ModuleKind.STRATEGY])
def test_every_subtheme_has_a_module_of_kind(library, kind):
    covered = {s for m in client_modules(library) if m.kind == kind for s in m.subthemes}
    missing = sorted(set(library.subthemes) - covered)
    assert not missing, f"subthemes with no {kind.value} module: {missing}"


def test_module_files_are_named_after_their_id(library):
    misnamed = [
        f"{source.path.name} holds '{item.id}'"
        for item, source in library.sources()
        if isinstance(item, Module) and source.path.stem != item.id
    ]
    assert not misnamed, misnamed


# ---------------------------------------------------------------------------- review and trust


def test_every_module_has_author_sources_and_a_future_review(library):
    today = dt.date.today()
    problems = []
    for module in library.modules.values():
        if not module.author.strip():
            problems.append(f"{module.id}: no author")
        if not module.sources:
            problems.append(f"{module.id}: no sources")
        if module.last_reviewed > today:
            problems.append(f"{module.id}: last_reviewed is in the future")
        if module.next_review <= today:
            problems.append(f"{module.id}: review was due {module.next_review}")
        for ref in module.sources:
            if ref.checked > today:
                problems.append(f"{module.id}: source '{ref.title}' checked in the future")
    assert library.modules, "no modules loaded"
    assert not problems, "\n".join(problems)


def test_every_service_has_a_source_and_a_check_still_in_date(library):
    today = dt.date.today()
    problems = []
    for service in library.services.values():
        if not service.source.title.strip():
            problems.append(f"{service.id}: no source")
        if service.last_checked > today:
            problems.append(f"{service.id}: last_checked is in the future")
        if service.check_due <= today:
            problems.append(f"{service.id}: check was due {service.check_due}")
    assert library.services, "no services loaded"
    assert not problems, "\n".join(problems)


def test_other_reviewed_content_is_in_date(library):
    """Letters, training and any later kind that records a review date."""
    today = dt.date.today()
    overdue = [
        f"{source.path.name}: review was due {item.next_review}"
        for item, source in library.sources()
        if not isinstance(item, (Module, ServiceDirectoryFile))
        and getattr(item, "next_review", None) is not None
        and item.next_review <= today
    ]
    assert not overdue, overdue


# ---------------------------------------------------------------------------- printing


def test_every_character_in_the_content_has_a_glyph(content_dir):
    missing: dict[str, set[str]] = {}
    files = sorted(content_dir.rglob("*.yaml"))
    assert files
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        parts = path.relative_to(content_dir).parts
        language = parts[1] if parts[0] == "translations" and len(parts) > 2 else "en"
        chars = set().union(*(undrawable(text, language) for text in string_values(data)))
        if chars:
            missing[str(path.relative_to(content_dir))] = chars
    assert not missing, "characters the font cannot draw:\n" + "\n".join(
        f"{name}: {describe(chars)}" for name, chars in missing.items()
    )


# ---------------------------------------------------------------------------- the whole library


def test_validate_strict_passes(content_dir, capsys):
    code = main(["validate", "--strict", str(content_dir)])
    out = capsys.readouterr()
    assert code == 0, out.err + out.out
    assert out.out.startswith("OK: ")


# ---------------------------------------------------------------------------- fixed wording


def test_fixed_wording_reads_as_easily_as_a_module(library):
    """content/wording.yaml (cover, how-to-use, wallet card, labels) meets the module floor."""
    wording = library.wording
    prose = "\n".join(" ".join(text.split()) for _, text in wording.client_text())
    assert "You can skip any page." in prose and "Staying safer" in prose
    score = readability(prose)
    assert score.reading_ease >= MIN_READING_EASE, score
    assert score.average_sentence_words < 20, score
    assert not find_stigma(prose, library.terms)


# Any UK phone number a reader might dial: 999, 111, 116 xxx, or an 0-number.
_PHONE = re.compile(r"(?<![\d])(?:999|111|116 ?\d{3}|0\d{3,4}(?: ?\d{2,4}){1,3})(?![\d])")


def test_every_number_in_client_text_is_a_service_number(library):
    """A number written in a sentence ("call Samaritans on 116 123") must still be the phone
    of a service in content/resources/, so a changed number is caught wherever it is told."""
    phones = {s.phone.replace(" ", "") for s in library.services.values() if s.phone}
    items = [*client_modules(library), library.wording]
    strays = {}
    for item in items:
        for loc, text in item.client_text():
            for number in _PHONE.findall(text):
                if number.replace(" ", "") not in phones:
                    strays[(getattr(item, "id", "wording"), loc)] = number
    assert not strays, strays
    assert _PHONE.findall("Call 116 123 or 0800 83 85 87, or 999.") == [
        "116 123", "0800 83 85 87", "999"]


def test_help_page_and_wallet_card_numbers_are_written_only_in_the_directory(content_dir):
    """Crisis numbers live once: the help page and the wallet card name services instead."""
    help_page = (content_dir / "modules" / "help-right-now.yaml").read_text(encoding="utf-8")
    body = yaml.safe_load(help_page)["body"]
    contacts = [b["contact"] for b in body if "contact" in b]
    assert len(contacts) == 5
    for contact in contacts:
        assert not _PHONE.search(contact["heading"]), contact["heading"]
    wording = (content_dir / "wording.yaml").read_text(encoding="utf-8")
    for card_line in yaml.safe_load(wording)["wallet_card"]["contacts"]:
        assert set(card_line) <= {"service", "label", "note"}
        assert not _PHONE.search(card_line["label"] + " " + card_line.get("note", ""))
