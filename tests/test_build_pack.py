"""build_pack: pure, complete, safety floor always, the name only on the cover."""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import io
import os
from pathlib import Path

import pytest

from outreach_kit import document as doc
from outreach_kit.assemble import Recipe, RecipeProblems, build_pack
from outreach_kit.errors import ContentError

# The fixture's modules marked role: grounding and role: help-right-now.
GROUNDING_ID = "strategy-grounding-5-4-3-2-1"
HELP_NOW_ID = "help-right-now"

TODAY = dt.date(2026, 11, 26)
NAME = "Samwise Zebedee"



def full_recipe(**changes) -> Recipe:
    values = dict(
        person_name=NAME, keyworker_name="Alex", service_name="Harbour Drop-in",
        service_contact="0131 496 0123",
        observations=["uses-to-switch-off", "too-late", "hard-past"],
        services={"areas": ["Scotland"], "ids": ["example-drop-in"]},
        wallet_steps=["Walk to the shop", "Ring my sister"],
    )
    values.update(changes)
    return Recipe(**values)


def all_strings(value, seen=None):
    """Every string reachable inside a dataclass tree."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from all_strings(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from all_strings(item)


# ---------------------------------------------------------------------------- structure


def test_pack_order_and_fixed_pages(fixture_library):
    pack = build_pack(fixture_library, full_recipe(), TODAY)
    assert pack.kind == "pack"
    kinds = [s.kind for s in pack.sections]
    section_ids = [s.id for s in pack.sections]
    assert section_ids[:3] == ["how-to-use", "contents", GROUNDING_ID]
    assert kinds[-3:] == [doc.SectionKind.SERVICES, doc.SectionKind.HELP_NOW,
                          doc.SectionKind.WALLET_CARD]
    assert section_ids.count(GROUNDING_ID) == 1
    assert len(section_ids) == len(set(section_ids))
    how_to = pack.section("how-to-use")
    assert how_to.title == "How to use this pack: you choose what to read"
    words = " ".join(all_strings(how_to))
    assert "You can skip any page." in words and "grounding" in words
    assert not pack.section("contents").in_contents


def test_modules_follow_in_reading_order(fixture_library):
    pack = build_pack(fixture_library, full_recipe(), TODAY)
    modules = [s for s in pack.sections if s.kind is doc.SectionKind.MODULE]
    kinds = [fixture_library.modules[s.id].kind.value for s in modules[1:]]
    order = ["psychoeducation", "strategy", "worksheet", "connection", "hope", "staying-safer"]
    assert kinds == sorted(kinds, key=order.index)
    assert {"safer-overdose-signs", "safer-naloxone"} <= {s.id for s in modules}


def test_cover_with_name_and_details(fixture_library):
    cover = build_pack(fixture_library, full_recipe(), TODAY).cover
    assert cover == doc.Cover(title=f"For {NAME}", subtitle=fixture_library.wording.cover.subtitle,
                              service="Harbour Drop-in", keyworker="Alex",
                              contact="0131 496 0123", date_text="26 November 2026")


def test_neutral_cover_without_personal_details(fixture_library):
    pack = build_pack(fixture_library, Recipe(observations=["too-late"]), TODAY)
    assert pack.cover.title == "Your pack"
    assert (pack.cover.service, pack.cover.keyworker, pack.cover.contact) == ("", "", "")
    assert pack.meta.author == "Outreach Kit"


def test_name_appears_only_on_the_cover(fixture_library):
    pack = build_pack(fixture_library, full_recipe(), TODAY)
    assert NAME in pack.cover.title
    for section in pack.sections:
        assert not any(NAME in s for s in all_strings(section)), section.id
    assert not any(NAME in s for s in all_strings(pack.meta))
    assert not any(NAME in s for s in pack.notices)


def test_metadata(fixture_library):
    meta = build_pack(fixture_library, full_recipe(), TODAY).meta
    assert meta.title == "Outreach Kit pack"
    assert meta.author == "Harbour Drop-in"
    assert meta.language == "en-GB"
    assert meta.content_version == "2026.11"
    assert meta.subject and "Harbour" not in meta.subject
    # making-sense-stuck is the oldest review and the earliest next review in the fixture
    assert meta.last_reviewed == dt.date(2025, 6, 1)
    assert meta.next_review == dt.date(2028, 3, 1)


def test_module_section_carries_reason_time_warning_and_review(fixture_library):
    pack = build_pack(fixture_library, full_recipe(), TODAY)
    section = pack.section("making-sense-relational-trauma")
    assert doc.plain(section.intro) == "Picked for you: why hurt from others can stay with you"
    assert section.time_needed_minutes == 5
    assert section.content_warning == "This page talks about abuse and loss."
    assert section.last_reviewed == dt.date(2026, 1, 10)
    assert section.next_review == dt.date(2029, 1, 10)


def test_body_blocks_are_converted(fixture_library):
    pack = build_pack(fixture_library, full_recipe(modules=["worksheet-my-week",
                                                            "strategy-riding-out-an-urge",
                                                            "making-sense-blocking-out"]), TODAY)
    write_in = pack.section("worksheet-my-week").blocks[0]
    assert isinstance(write_in, doc.WriteIn)
    assert doc.plain(write_in.prompt) == "One thing I could do this week"
    assert write_in.lines == 4
    assert [doc.plain(c) for c in write_in.choices] == ["See a friend", "Go for a walk"]
    callout = pack.section("strategy-riding-out-an-urge").blocks[1]
    assert callout.tone is doc.Tone.TIP and doc.plain(callout.title) == "Try this"
    paragraph = pack.section("making-sense-blocking-out").blocks[0]
    assert doc.Span("switch off", bold=True) in paragraph.text


def test_services_section_with_cards_and_example_notice(fixture_library):
    pack = build_pack(fixture_library, full_recipe(), TODAY)
    services = pack.section("services")
    cards = [b for b in services.blocks if isinstance(b, doc.ServiceCard)]
    assert [c.name for c in cards] == ["Emergency services (999)", "NHS 24 (111)", "Samaritans",
                                       "Breathing Space", "Example Drop-in"]
    assert [c.example for c in cards] == [False, False, False, False, True]
    assert cards[2].web == "https://www.samaritans.org/"
    # One QR code per web address, drawn inside the card, not a second block beside it.
    assert not [b for b in services.blocks if isinstance(b, doc.QRLink)]
    assert pack.notices == ("Example data: replace with your area's services before printing.",)
    assert pack.notices == (fixture_library.wording.example_notice,)


def test_no_example_notice_without_example_services(fixture_library):
    pack = build_pack(fixture_library, full_recipe(services={"ids": ["samaritans"]}), TODAY)
    assert pack.notices == ()
    no_services = build_pack(fixture_library, full_recipe(services={}), TODAY)
    assert doc.SectionKind.SERVICES not in [s.kind for s in no_services.sections]


def test_help_now_is_always_present_even_when_modules_are_chosen(fixture_library):
    pack = build_pack(fixture_library, full_recipe(modules=["hope-without-pressure"]), TODAY)
    assert pack.section(HELP_NOW_ID).kind is doc.SectionKind.HELP_NOW
    section_ids = [s.id for s in pack.sections]
    assert section_ids[3] == "hope-without-pressure"  # the chosen order is kept
    assert {"safer-overdose-signs", "safer-naloxone"} <= set(section_ids)
    assert section_ids.count(HELP_NOW_ID) == 1


def test_help_now_listed_in_recipe_is_not_repeated(fixture_library):
    pack = build_pack(fixture_library, full_recipe(modules=[HELP_NOW_ID, "hope-who-you-are"]),
                      TODAY)
    ids = [s.id for s in pack.sections]
    assert ids.count(HELP_NOW_ID) == 1
    assert pack.sections[-2].id == HELP_NOW_ID


def test_a_pack_needs_the_help_now_page(fixture_library):
    partial = dataclasses.replace(fixture_library, modules={
        k: v for k, v in fixture_library.modules.items() if k != HELP_NOW_ID})
    with pytest.raises(ContentError) as caught:
        build_pack(partial, Recipe(), TODAY)
    assert "no module has 'role: help-right-now'" in str(caught.value)


def test_a_pack_needs_the_fixed_wording(fixture_library):
    with pytest.raises(ContentError) as caught:
        build_pack(dataclasses.replace(fixture_library, wording=None), Recipe(), TODAY)
    assert "wording.yaml" in str(caught.value)


def test_help_page_and_wallet_card_read_numbers_from_the_service_directory(library):
    pack = build_pack(library, Recipe(), TODAY)
    help_now = pack.section(library.help_now_module().id)
    emergency = help_now.blocks[0]
    assert isinstance(emergency, doc.Callout) and emergency.tone is doc.Tone.SAFETY
    assert doc.plain(emergency.title) == "999: Emergency. Free, any time."
    headings = [doc.plain(b.text) for b in help_now.blocks if isinstance(b, doc.Heading)]
    assert headings[:2] == ["111: NHS 24. Free, day or night.",
                            "116 123: Samaritans. Free, day or night."]
    # One number changed in the directory changes the help page and the wallet card.
    samaritans = library.services["samaritans"]
    changed = dataclasses.replace(library, services={
        **library.services, "samaritans": samaritans.model_copy(update={"phone": "116 999"})})
    pack = build_pack(changed, Recipe(), TODAY)
    headings = [doc.plain(b.text) for b in pack.section("help-right-now").blocks
                if isinstance(b, doc.Heading)]
    assert "116 999: Samaritans. Free, day or night." in headings
    card = next(b for b in pack.sections[-1].blocks if isinstance(b, doc.WalletCard))
    assert [c.number for c in card.contacts] == ["999", "111", "116 999"]


def test_every_builder_fills_labels_from_the_wording(fixture_library):
    labels = build_pack(fixture_library, Recipe(), TODAY).labels
    assert labels.callout(doc.Tone.SAFETY) == "Staying safer"
    assert labels.callout(doc.Tone.TIP) == "Tip"
    assert labels.example_service == fixture_library.wording.example_notice


def test_wallet_card_with_personal_steps(fixture_library):
    pack = build_pack(fixture_library, full_recipe(), TODAY)
    wallet = pack.sections[-1]
    card = next(b for b in wallet.blocks if isinstance(b, doc.WalletCard))
    assert [c.number for c in card.contacts] == ["999", "111", "116 123"]
    assert card.steps == ("Walk to the shop", "Ring my sister")


def test_wallet_card_gentle_defaults(fixture_library):
    pack = build_pack(fixture_library, full_recipe(wallet_steps=[]), TODAY)
    card = next(b for b in pack.sections[-1].blocks if isinstance(b, doc.WalletCard))
    assert card.steps == tuple(fixture_library.wording.wallet_card.default_steps)
    assert card.steps[0] == "Breathe out slowly, longer than you breathe in."
    assert len(card.steps) == 3


def test_letter_section_hook(fixture_library):
    letter = doc.Section("letter", "A letter for you", doc.SectionKind.LETTER)
    pack = build_pack(fixture_library, full_recipe(), TODAY, letter_section=letter)
    assert [s.id for s in pack.sections][3] == "letter"
    assert pack.section("letter") is letter


def test_unknown_ids_raise_recipe_problems(fixture_library):
    with pytest.raises(RecipeProblems, match=r"modules\[0\]: unknown module 'nope-nope'"):
        build_pack(fixture_library, Recipe(modules=["nope-nope"]), TODAY)


# ---------------------------------------------------------------------------- purity


def test_build_pack_is_pure(fixture_library, monkeypatch):
    recipe = full_recipe()
    before = recipe.model_dump()
    first = build_pack(fixture_library, recipe, TODAY)

    def no_io(*args, **kwargs):
        raise AssertionError("build_pack touched a file")

    monkeypatch.setattr(builtins, "open", no_io)
    monkeypatch.setattr(io, "open", no_io)
    monkeypatch.setattr(os, "open", no_io)
    monkeypatch.setattr(Path, "open", no_io)
    second = build_pack(fixture_library, recipe, TODAY)
    monkeypatch.undo()
    assert first == second
    assert recipe.model_dump() == before
    other_day = build_pack(fixture_library, recipe, dt.date(2027, 1, 2))
    assert other_day.cover.date_text == "2 January 2027"
    assert other_day.sections == first.sections


# ---------------------------------------------------------------------------- real content


def test_every_real_pack_has_the_safety_floor(library):
    observations = sorted(library.observations)
    for start in range(0, len(observations), 5):
        pack = build_pack(library, Recipe(observations=observations[start:start + 5]), TODAY)
        kinds = [s.kind for s in pack.sections]
        assert kinds.count(doc.SectionKind.HELP_NOW) == 1
        assert kinds[-1] is doc.SectionKind.WALLET_CARD
        ids = [s.id for s in pack.sections]
        assert len(ids) == len(set(ids))
        assert any("overdose" in i for i in ids), ids


def test_reader_never_sees_the_research_theme_names(library):
    pack = build_pack(library, Recipe(observations=sorted(library.observations)[:8]), TODAY)
    names = [c.name for c in library.categories.values()]
    intros = [doc.plain(s.intro) for s in pack.sections if s.intro]
    assert intros, "module sections carry an intro"
    assert not [i for i in intros for name in names if name in i]
