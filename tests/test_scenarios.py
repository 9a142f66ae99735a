"""Realistic scenarios: what a keyworker might tick for one person, and what a sensible pack
(the default, short choice build_pack makes) must and must not hold."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from outreach_kit.assemble.pack import build_pack
from outreach_kit.assemble.recipe import Recipe
from outreach_kit.assemble.recommend import recommend


@dataclass(frozen=True)
class Scenario:
    who: str
    ticks: tuple[str, ...]
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    named_reason: tuple[str, ...] = ()  # floor pages that must say why, not "in every pack"


SCENARIOS = [
    Scenario("out of prison last week, injects, often on his own",
             ("just-left-prison", "injects", "uses-alone"),
             must=("safer-leaving-prison", "safer-injecting-and-wounds",
                   "safer-not-using-alone", "safer-blood-borne-virus-testing"),
             must_not=("understand-self-stigma", "worksheet-staying-safe-plan"),
             named_reason=("safer-naloxone", "safer-overdose-what-to-do")),
    Scenario("in a hostel where drugs are everywhere, smokes heroin",
             ("hostel-full-of-drugs", "offered-drugs-daily", "nowhere-stable-to-stay",
              "smokes-or-snorts"),
             must=("understand-accessibility", "strategy-people-places-and-times",
                   "connect-money-food-and-housing", "safer-drug-alerts-and-checking"),
             must_not=("safer-injecting-and-wounds", "connect-trying-again-with-a-worker")),
    Scenario("ashamed: stays away from her kids, calls herself names, ashamed of shoplifting",
             ("avoids-family", "calls-self-names", "ashamed-how-they-pay"),
             must=("connect-family-and-children", "connect-kinder-words-for-yourself"),
             must_not=("safer-injecting-and-wounds", "safer-blood-borne-virus-testing",
                       "safer-not-using-alone", "safer-tolerance-after-a-break")),
    Scenario("says he would not mind not waking up, that it is too late, uses alone",
             ("would-not-mind-not-waking", "says-too-late", "uses-alone"),
             must=("worksheet-staying-safe-plan", "safer-not-using-alone",
                   "hope-when-life-feels-stuck"),
             must_not=("safer-blood-borne-virus-testing", "safer-tolerance-after-a-break")),
    Scenario("his brother died of an overdose last month; using more since",
             ("someone-close-died", "use-grew-after-loss", "overdose-recently"),
             must=("strategy-when-memories-hit", "understand-relational-trauma",
                   "understand-losing-someone-to-drugs", "safer-after-an-overdose"),
             must_not=("safer-blood-borne-virus-testing", "worksheet-staying-safe-plan"),
             named_reason=("safer-overdose-what-to-do",)),
    Scenario("old back injury, street Valium and pregabalin, drinks every day",
             ("mentions-injury-or-pain", "started-with-painkillers",
              "takes-street-benzos-or-gabapentinoids", "drinks-most-days"),
             must=("understand-physical-pain", "strategy-easing-pain",
                   "safer-street-benzos", "safer-alcohol"),
             must_not=("safer-injecting-and-wounds", "connect-family-and-children"),
             named_reason=("safer-mixing-substances",)),
    Scenario("might be pregnant, feels judged at the hospital, misses appointments",
             ("pregnant-or-might-be", "feels-judged-by-services", "misses-appointments"),
             must=("connect-feeling-judged", "connect-family-and-children"),
             must_not=("safer-injecting-and-wounds", "worksheet-staying-safe-plan",
                       "safer-tolerance-after-a-break"),
             named_reason=("safer-mixing-substances",)),
    Scenario("sells sex, smokes crack, puts herself down first",
             ("sex-work", "uses-crack-or-cocaine", "puts-self-down-first"),
             must=("safer-sex-work", "connect-feeling-judged", "safer-crack-and-cocaine"),
             must_not=("safer-tolerance-after-a-break", "safer-injecting-and-wounds")),
    Scenario("keeps coming back to one worker, talks about his kids, asks about a group",
             ("trusts-one-worker", "talks-about-children", "asks-about-groups"),
             must=("connect-family-and-children", "understand-connecting"),
             must_not=("connect-trying-again-with-a-worker", "safer-injecting-and-wounds",
                       "safer-not-using-alone", "safer-blood-borne-virus-testing")),
    Scenario("out of detox two days ago, plans to cut down then drops it",
             ("just-left-rehab-or-detox", "plans-change-then-drops-it",
              "only-sees-people-who-use"),
             must=("safer-tolerance-after-a-break", "safer-not-using-alone"),
             must_not=("worksheet-staying-safe-plan", "safer-blood-borne-virus-testing")),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.who[:40])
def test_scenario_pack_holds_what_fits_and_nothing_that_does_not(library, scenario):
    recs = {r.module_id: r for r in recommend(library, list(scenario.ticks))}
    pack = build_pack(library, Recipe(observations=list(scenario.ticks)), dt.date(2026, 11, 29))
    in_pack = {s.id for s in pack.sections}
    assert set(recs) <= in_pack  # the pack holds exactly what was suggested, and the rest
    assert set(scenario.must) <= in_pack, sorted(set(scenario.must) - in_pack)
    assert not set(scenario.must_not) & in_pack, sorted(set(scenario.must_not) & in_pack)
    for module_id in scenario.named_reason:
        assert not recs[module_id].reader_reason.startswith("In every pack"), module_id
    # the safety floor is always there
    assert {"safer-overdose-what-to-do", "safer-naloxone", "safer-mixing-substances",
            "help-right-now"} <= in_pack


def test_the_short_pack_is_what_the_app_suggests(library):
    # build_pack's default choice is recommend()'s default list, plus the grounding page
    for scenario in SCENARIOS:
        recipe = Recipe(observations=list(scenario.ticks))
        pack = build_pack(library, recipe, dt.date(2026, 11, 29))
        modules = {s.id for s in pack.sections if s.id in library.modules}
        grounding = library.grounding_module()
        assert grounding is not None
        expected = {r.module_id for r in recommend(library, list(scenario.ticks))}
        assert modules == expected | {grounding.id}
