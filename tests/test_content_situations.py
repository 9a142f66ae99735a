"""The pages for what a person uses and what is going on in their life (issue 12): each
observation about a substance or a situation names a page written for it, with a reason the
reader sees; no worker note still says a page is missing; the staying-safe plan has every
part a safety plan needs and comes with the suicide risk prompt; the national directory
carries the services these pages point to."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from outreach_kit.assemble.recommend import recommend
from outreach_kit.assemble.risk import worker_prompts
from outreach_kit.content.model_schema import ObservationKind
from outreach_kit.content.schema import ContactBlock, HeadingBlock, Module, WorksheetBlock

# observation id -> the page written for it (named first in its `suggests`)
ANSWERED = {
    "uses-crack-or-cocaine": "safer-crack-and-cocaine",
    "drinks-most-days": "safer-alcohol",
    "takes-street-benzos-or-gabapentinoids": "safer-street-benzos",
    "uses-heroin-or-street-opioids": "safer-nitazenes-xylazine-medetomidine",
    "uses-cannabis-or-spice": "safer-cannabis-and-spice",
    "has-slow-healing-wounds": "safer-injecting-and-wounds",
    "injects-in-public-in-glasgow": "safer-the-thistle-glasgow",
    "just-left-prison": "safer-leaving-prison",
    "just-left-hospital": "safer-leaving-hospital",
    "overdose-recently": "safer-after-an-overdose",
    "someone-close-died": "understand-losing-someone-to-drugs",
    "use-grew-after-loss": "understand-losing-someone-to-drugs",
    "pregnant-or-might-be": "safer-pregnancy-and-contraception",
    "sex-work": "safer-sex-work",
    "nowhere-stable-to-stay": "connect-money-food-and-housing",
    "money-or-food-worries": "connect-money-food-and-housing",
    "domestic-abuse": "connect-domestic-abuse",
    "tooth-pain": "safer-teeth",
}
NEW_OBSERVATIONS = {
    "uses-heroin-or-street-opioids", "uses-cannabis-or-spice", "has-slow-healing-wounds",
    "injects-in-public-in-glasgow", "money-or-food-worries", "domestic-abuse", "tooth-pain",
}
NEW_SERVICES = {
    "shout", "the-thistle", "rape-crisis-scotland", "cruse-scotland",
    "distress-brief-intervention", "trussell-food-banks", "emergency-dental-nhs-24",
    "advice-direct-scotland", "national-ugly-mugs",
}


def test_the_lists_here_name_real_observations_and_pages(library):
    assert set(ANSWERED) >= NEW_OBSERVATIONS
    assert set(ANSWERED) <= set(library.observations)
    assert set(ANSWERED.values()) <= set(library.modules)


@pytest.mark.parametrize("observation_id", sorted(ANSWERED))
def test_each_observation_names_its_own_page_first_with_a_reason(library, observation_id):
    observation = library.observations[observation_id]
    if observation_id in NEW_OBSERVATIONS:
        assert observation.kind is not ObservationKind.PSYCHOLOGICAL
    first, *_ = observation.suggests
    assert first.module == ANSWERED[observation_id]
    for suggestion in observation.suggests:
        assert suggestion.module in library.modules
        assert len(suggestion.reason.split()) >= 5, suggestion.reason
    # the page is in the short list the worker sees for this observation alone
    assert ANSWERED[observation_id] in [r.module_id for r in recommend(library, [observation_id])]


def test_no_worker_note_still_says_a_page_is_missing(library):
    notes = [(obs_id, s.for_worker) for obs_id, obs in library.observations.items()
             for s in obs.suggests if s.for_worker]
    missing = [(o, n) for o, n in notes if re.search(r"no page\b|closest", n, re.I)]
    assert not missing, missing


def _plan(library) -> Module:
    return library.modules["worksheet-staying-safe-plan"]


def test_staying_safe_plan_has_every_part_of_a_safety_plan(library):
    """Warning signs, things that help, people, places, professionals and numbers, and
    making the space safer (Stanley and Brown's safety plan), each with space to write."""
    plan = _plan(library)
    sections: list[str] = []
    for block in plan.body:
        if isinstance(block, HeadingBlock):
            sections.append(block.heading.lower())
        elif isinstance(block, WorksheetBlock) and sections:
            sections[-1] += " " + block.worksheet.prompt.lower()
    written = [s for s in sections if "?" in s]
    needs = {
        "warning signs": r"\bsigns?\b",
        "things that help": r"\bhelped\b|\bthings i can do\b",
        "people": r"\bpeople\b|\bwho\b",
        "places": r"\bplaces?\b|\bwhere\b",
        "professionals": r"\bworker\b.*\bgp\b|\bdrug service\b",
        "making the space safer": r"\bsafer\b",
    }
    for part, pattern in needs.items():
        assert any(re.search(pattern, s) for s in written), f"no write-in part for {part}"
    numbers = [b.contact.service for b in plan.body if isinstance(b, ContactBlock)]
    assert len(numbers) >= 2 and all(library.phone_of(s) for s in numbers)
    assert "emergency-999" in numbers


def test_suicide_risk_prompt_adds_the_plan_to_the_pack(library):
    risky = [o for o, obs in library.observations.items() if obs.risk == "suicide"]
    assert risky
    for observation_id in risky:
        (prompt,) = worker_prompts(library, [observation_id])
        assert any("staying-safe plan" in point.lower() for point in prompt.points)
        recs = [r.module_id for r in recommend(library, [observation_id, "injects"])]
        assert recs[0] == "worksheet-staying-safe-plan"


def test_national_directory_has_the_services_the_new_pages_point_to(library):
    national = [s for s in library.services.values() if s.id in NEW_SERVICES]
    assert {s.id for s in national} == NEW_SERVICES
    for service in national:
        assert service.source.url and service.source.url.startswith("https://")
        assert service.source.checked == dt.date(2026, 11, 29)
    scotland_file = library.root / "resources" / "scotland-national.yaml"
    count = scotland_file.read_text(encoding="utf-8").count("\n  - id: ")
    assert count >= 30


def test_text_only_numbers_in_pages_match_the_service_entry(library):
    """Shout has a text number, not a phone: pages that tell it must tell the one in the
    directory (a phone number is checked by the content quality gates)."""
    shout = library.services["shout"].text
    assert shout
    told = [(m.id, text) for m in library.modules.values()
            for _, text in m.client_text() if "the word Shout" in text]
    assert told
    for module_id, text in told:
        assert re.findall(r"\b\d{5}\b", text) == [shout], (module_id, text)
