"""Suggestions follow from what was noticed (issue 11): the invariants, as data, on the real
content, and what a sensible pack holds for people a keyworker might meet."""

from __future__ import annotations

import random
import shutil

import pytest
from support import ROOT, edit

from outreach_kit.assemble.recommend import DEFAULT_LIMIT, recommend, safety_floor
from outreach_kit.content.loader import load_library
from outreach_kit.content.model_schema import ObservationKind
from outreach_kit.content.schema import Audience, ModuleKind
from outreach_kit.content.suggestions import always_included, suggested_modules

STAYING_SAFER = ModuleKind.STAYING_SAFER

# Observation -> page pairs that must never be suggested together, whatever else is ticked.
NEVER_TOGETHER = [
    ("avoids-family", "safer-injecting-and-wounds"),
    ("avoids-family", "safer-not-using-alone"),
    ("calls-self-names", "safer-blood-borne-virus-testing"),
    ("says-too-late", "safer-blood-borne-virus-testing"),
    ("would-not-mind-not-waking", "safer-blood-borne-virus-testing"),
    ("would-not-mind-not-waking", "safer-tolerance-after-a-break"),
    ("trusts-one-worker", "connect-trying-again-with-a-worker"),
    ("talks-about-children", "connect-trying-again-with-a-worker"),
    ("mentions-injury-or-pain", "safer-injecting-and-wounds"),
    ("proud-of-loyalty", "safer-naloxone"),  # naloxone is in every pack, never "because loyal"
    ("smokes-or-snorts", "safer-injecting-and-wounds"),
    ("just-left-hospital", "safer-blood-borne-virus-testing"),
]

# Situations the issue lists, each with an observation of its own.
NEW_OBSERVATIONS = {
    "just-left-prison": "safer-tolerance-after-a-break",
    "just-left-hospital": "safer-tolerance-after-a-break",
    "just-left-rehab-or-detox": "safer-tolerance-after-a-break",
    "injects": "safer-injecting-and-wounds",
    "smokes-or-snorts": "safer-drug-alerts-and-checking",
    "uses-alone": "safer-not-using-alone",
    "overdose-recently": "safer-overdose-what-to-do",
    "someone-close-died": "understand-relational-trauma",
    "ashamed-how-they-pay": "connect-kinder-words-for-yourself",
    "uses-crack-or-cocaine": "safer-drug-alerts-and-checking",
    "drinks-most-days": "safer-mixing-substances",
    "takes-street-benzos-or-gabapentinoids": "safer-mixing-substances",
    "pregnant-or-might-be": "safer-mixing-substances",
    "sex-work": "safer-blood-borne-virus-testing",
    "nowhere-stable-to-stay": "strategy-getting-through-the-night",
}


def ids(recs):
    return [r.module_id for r in recs]


def floor_ids(library):
    return set(ids(safety_floor(library)))


def counted(library, recs):
    """Pages beyond the floor and beyond pages placed in every pack (grounding)."""
    return [r for r in ids(recs) if r not in floor_ids(library)
            and library.modules[r].role is None]


def psychological(library):
    return sorted(o for o, obs in library.observations.items()
                  if obs.kind is ObservationKind.PSYCHOLOGICAL)


# ---------------------------------------------------------------------------- invariants


def test_every_observation_suggests_a_page(library):
    empty = [o for o in library.observations if not suggested_modules(library, o)]
    assert not empty


def test_every_client_page_is_reached_or_always_there_or_optional(library):
    reached = {m for o in library.observations for m in suggested_modules(library, o)}
    lost = [m.id for m in library.modules.values() if m.audience is Audience.CLIENT
            and m.id not in reached and not always_included(m) and not m.optional]
    assert not lost


def test_a_psychological_observation_never_brings_a_staying_safer_page(library):
    floor = floor_ids(library)
    for obs in psychological(library):
        for rec in recommend(library, [obs], limit=None):
            if rec.kind == STAYING_SAFER:
                assert rec.module_id in floor, (obs, rec.module_id)
                assert rec.reader_reason.startswith("In every pack"), (obs, rec.module_id)


def test_staying_safer_pages_come_from_substance_situation_or_the_floor(library):
    rng = random.Random(11)
    everything = sorted(library.observations)
    samples = [[o] for o in everything] + [rng.sample(everything, 3) for _ in range(40)]
    floor = floor_ids(library)
    for sample in samples:
        kinds = {library.observations[o].kind for o in sample}
        for rec in recommend(library, sample, limit=None):
            if rec.kind != STAYING_SAFER or rec.module_id in floor:
                continue
            namers = [o for o in sample if rec.module_id in
                      {s.module for s in library.observations[o].suggests}]
            assert namers, (sample, rec.module_id)
            assert kinds - {ObservationKind.PSYCHOLOGICAL}, (sample, rec.module_id)
            assert all(library.observations[o].kind is not ObservationKind.PSYCHOLOGICAL
                       for o in namers)


@pytest.mark.parametrize(("observation", "module"), NEVER_TOGETHER)
def test_never_suggested_together(library, observation, module):
    assert module in library.modules and observation in library.observations
    assert module not in suggested_modules(library, observation)
    for rec in recommend(library, [observation], limit=None):
        if rec.module_id == module:  # only as a page in every pack, saying so
            assert rec.reader_reason.startswith("In every pack")


def test_feeling_judged_page_comes_first_for_feeling_judged(library):
    recs = recommend(library, ["feels-judged-by-services"])
    assert recs[0].module_id == "connect-feeling-judged"
    assert recs[0].reader_reason == (
        "Picked for you: what to do when a service makes you feel looked down on.")


@pytest.mark.parametrize(("observation", "module"), sorted(NEW_OBSERVATIONS.items()))
def test_each_new_situation_has_an_observation_wired_to_its_nearest_page(
        library, observation, module):
    obs = library.observations[observation]
    assert obs.kind is not ObservationKind.PSYCHOLOGICAL or observation == "ashamed-how-they-pay"
    assert library.subtheme_of(observation) is None  # outside the research model
    assert module in ids(recommend(library, [observation]))
    assert len(obs.text.split()) <= 14  # everyday words, short enough to tick


def test_a_note_for_the_worker_replaces_the_reason_for_the_worker_only(library):
    noted = {o: s for o, obs in library.observations.items() for s in obs.suggests
             if s.for_worker}
    assert {"pregnant-or-might-be", "domestic-abuse"} <= set(noted)
    recs = recommend(library, ["pregnant-or-might-be"])
    page = next(r for r in recs if r.module_id == "safer-pregnancy-and-contraception")
    assert "help them reach a midwife or gp soon" in page.reason.lower()
    assert "help them reach" not in page.reader_reason.lower()  # the reader gets their own


def test_research_themes_stay_the_research_themes(library):
    # the new groups are not themes: letters and training never offer them
    assert len(library.subthemes) == 13
    assert {"how-they-use", "times-of-higher-risk", "life-right-now"} <= set(library.groups)
    assert not {"how-they-use", "times-of-higher-risk", "life-right-now"} & set(
        library.subthemes)


# ---------------------------------------------------------------------------- fewer


def test_at_most_six_beyond_the_floor_by_default_and_all_on_request(library):
    rng = random.Random(5)
    everything = sorted(library.observations)
    for _ in range(30):
        sample = rng.sample(everything, 4)
        short, full = recommend(library, sample), recommend(library, sample, limit=None)
        assert len(counted(library, short)) <= DEFAULT_LIMIT
        assert set(ids(short)) <= set(ids(full))
        assert ids(short) == [r for r in ids(full) if r in ids(short)]
        assert floor_ids(library) <= set(ids(short))
        kinds = [k for k in ("psychoeducation", "strategy", "connection", "hope")
                 if any(r.kind == k for r in full)]
        situations = [o for o in sample
                      if library.observations[o].kind is not ObservationKind.PSYCHOLOGICAL]
        # a short pack keeps one of each kind, once each substance or situation tick has its
        # page (that comes first: see recommend._shorten), whenever there is room for both
        if len(situations) + len(kinds) <= DEFAULT_LIMIT:
            for kind in kinds:
                assert any(r.kind == kind for r in short), (sample, kind)
        # every substance or situation tick keeps a page it names
        for obs in sample:
            if library.observations[obs].kind is not ObservationKind.PSYCHOLOGICAL:
                named = {s.module for s in library.observations[obs].suggests}
                assert named & set(ids(short)), (sample, obs)
    many = recommend(library, everything[:12], limit=None)
    assert len(counted(library, many)) > DEFAULT_LIMIT


# ---------------------------------------------------------------------------- validate


@pytest.fixture
def content(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def test_validate_rejects_a_psychological_observation_naming_a_staying_safer_page(content):
    edit(content / "model.yaml",
         '                reason: "what to do when a service makes you feel looked down on"\n'
         '          - id: misses-appointments',
         '                reason: "what to do when a service makes you feel looked down on"\n'
         '              - module: safer-injecting-and-wounds\n'
         '                reason: "ways to look after your veins"\n'
         '          - id: misses-appointments')
    errors = load_library(content).errors
    assert len(errors) == 1
    assert "may not suggest the staying-safer page 'safer-injecting-and-wounds'" in (
        errors[0].message)
    assert errors[0].field.endswith("suggests[1].module")


def test_validate_warns_about_unreached_pages_and_theme_tags_on_safety_pages(content):
    edit(content / "modules" / "safer-not-using-alone.yaml",
         "subthemes: []", "subthemes: [disconnection]")
    problems = load_library(content).problems
    messages = [p.message for p in problems if p.severity == "warning"]
    assert any("a staying-safer page is not suggested by theme" in m for m in messages)
    edit(content / "modules" / "strategy-easing-pain.yaml",
         "subthemes: [physical-pain]", "subthemes: []")
    messages = [p.message for p in load_library(content).problems]
    assert any("no observation suggests 'strategy-easing-pain'" in m for m in messages)


def test_reasons_are_written_for_the_reader(library):
    """Each reason completes "Picked for you: ...": plain, short, and naming no research
    theme (those words are for the worker)."""
    theme_words = {s.name.casefold() for s in library.groups.values()} | {
        c.name.casefold() for c in library.categories.values()}
    reasons = [(o, s.reason) for o, obs in library.observations.items() for s in obs.suggests]
    assert len(reasons) >= 30
    for obs, reason in reasons:
        assert reason[0].islower() and not reason.endswith("."), (obs, reason)
        assert len(reason.split()) <= 16, (obs, reason)
        assert not any(words in reason.casefold() for words in theme_words), (obs, reason)
        assert "noticed" not in reason and "no page" not in reason, (obs, reason)
