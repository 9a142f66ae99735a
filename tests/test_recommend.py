"""Recommendations: ranked, balanced per category, safety floor always, stable."""

from __future__ import annotations

import json
import random

import pytest
from support import PACK_CONTENT

from outreach_kit.assemble.recommend import Recommendation, recommend, safety_floor
from outreach_kit.cli.main import main
from outreach_kit.content.schema import Audience, ModuleKind
from outreach_kit.errors import RecipeError


def ids(recs: list[Recommendation]) -> list[str]:
    return [r.module_id for r in recs]


def assert_balanced(library, observation_ids, recs):
    """Each touched category: a strategy, a connection and a hope module, linked to it when
    the library has one of that kind linked to it, else at least one of that kind."""
    # research categories only: observations outside the model have no theme to balance
    categories = {library.category_of(sub.id).id for o in observation_ids
                  if (sub := library.subtheme_of(o)) is not None
                  and library.observations[o].kind == "psychological"}
    chosen = [library.modules[r.module_id] for r in recs]
    for category_id in categories:
        subs = {s.id for s in library.categories[category_id].subthemes}
        for kind in (ModuleKind.STRATEGY, ModuleKind.CONNECTION, ModuleKind.HOPE):
            exists_linked = any(m.kind is kind and set(m.subthemes) & subs
                                and m.audience is Audience.CLIENT
                                for m in library.modules.values())
            linked = [m for m in chosen if m.kind is kind and set(m.subthemes) & subs]
            if exists_linked:
                assert linked, (category_id, kind)
            elif any(m.kind is kind for m in library.modules.values()):
                assert any(m.kind is kind for m in chosen), (category_id, kind)


def assert_safety_floor(library, recs):
    got = ids(recs)
    help_now = library.help_now_module()
    if help_now is not None:
        assert got[-1] == help_now.id
    for module in library.modules.values():
        if module.safety_floor is not None:
            assert module.id in got, module.id


# ---------------------------------------------------------------------------- fixture


def test_ranked_list_for_fixture(fixture_library):
    recs = recommend(fixture_library, ["uses-to-switch-off", "too-late", "blames-self"],
                     limit=None)
    assert ids(recs) == [
        "making-sense-blocking-out", "making-sense-stuck",
        "strategy-grounding-5-4-3-2-1", "strategy-kind-self-talk", "strategy-paced-breathing",
        "worksheet-my-week", "hope-without-pressure",
        "connection-finding-belonging",
        "safer-overdose-signs", "safer-naloxone", "safer-mixing-drugs",
        "safer-tolerance-after-a-break", "help-right-now",
    ]
    scores = [r.score for r in recs if r.score > 0]
    assert scores == sorted(scores, reverse=True)


def test_reason_names_what_was_noticed_and_the_theme(fixture_library):
    recs = {r.module_id: r for r in recommend(fixture_library, ["uses-to-switch-off"])}
    grounding = recs["strategy-grounding-5-4-3-2-1"]
    assert grounding.reason == (
        "Because you noticed “They use to switch off”: a way to calm your body when feelings "
        "get big (Drugs as a self-regulator)")
    assert grounding.reader_reason == (
        "Picked for you: a way to calm your body when feelings get big")
    assert grounding.subtheme_ids == ("blocking-out", "predictability-safety")
    assert grounding.kind == "strategy" and grounding.title == "Grounding with your senses"


def test_balance_adds_linked_then_general_modules(fixture_library):
    recs = {r.module_id: r for r in recommend(fixture_library, ["everyone-uses"])}
    # drug-community: a connection module links to normalisation; no hope module links
    belonging = recs["connection-finding-belonging"]
    assert belonging.reason.startswith("Added so Being part of a drug community has a way to "
                                       "connect with people")
    hope = [r for r in recs.values() if r.kind == "hope"]
    assert len(hope) == 1 and "none links to it yet" in hope[0].reason
    assert "(" not in hope[0].reader_reason  # a general pick names no theme to the reader


def test_short_list_by_default_keeps_the_most_relevant(fixture_library):
    observed = ["uses-to-switch-off", "too-late", "blames-self"]
    full = recommend(fixture_library, observed, limit=None)
    short = recommend(fixture_library, observed)
    floor = ids(safety_floor(fixture_library))
    # the grounding page opens every pack anyway: listed, not counted
    counted = [r for r in ids(short) if r not in floor and r != "strategy-grounding-5-4-3-2-1"]
    assert len(counted) == 6
    assert ids(short) == [r for r in ids(full) if r in ids(short)]  # same order
    assert ids(short)[-len(floor):] == floor
    assert "worksheet-my-week" not in ids(short)  # the least relevant left out
    assert {"psychoeducation", "strategy", "connection", "hope"} <= {r.kind for r in short}
    tiny = [r for r in ids(recommend(fixture_library, observed, limit=2))
            if r not in floor and r != "strategy-grounding-5-4-3-2-1"]
    assert len(tiny) == 2


def test_balance_holds_for_every_single_observation(fixture_library):
    for obs in fixture_library.observations:
        recs = recommend(fixture_library, [obs], limit=None)
        assert_balanced(fixture_library, [obs], recs)
        assert_safety_floor(fixture_library, recs)


def test_safety_floor_with_no_observations(fixture_library):
    recs = recommend(fixture_library, [])
    assert ids(recs) == ["safer-overdose-signs", "safer-naloxone", "safer-mixing-drugs",
                         "safer-tolerance-after-a-break", "help-right-now"]
    assert recs == safety_floor(fixture_library)
    assert all(r.score == 0 for r in recs)


def test_staying_safer_page_comes_by_name_never_by_theme(fixture_library):
    recs = {r.module_id: r for r in recommend(fixture_library, ["injects"])}
    assert recs["safer-injecting-care"].reader_reason == (
        "Picked for you: ways to look after your veins")
    assert recs["safer-injecting-care"].reason == (
        "Because you noticed “They inject”: ways to look after your veins "
        "(What they use, and what is going on now)")
    for obs in fixture_library.observations:
        if obs != "injects":
            assert "safer-injecting-care" not in ids(recommend(fixture_library, [obs],
                                                               limit=None)), obs


def test_worker_modules_are_never_recommended(fixture_library):
    recs = recommend(fixture_library, ["uses-to-switch-off", "cannot-stop-thinking"])
    assert "worker-notes-attachment" not in ids(recs)


def test_no_duplicates_and_stable_order(fixture_library):
    observations = list(fixture_library.observations)
    first = recommend(fixture_library, observations)
    assert len(ids(first)) == len(set(ids(first)))
    assert recommend(fixture_library, observations) == first
    doubled = recommend(fixture_library, observations + observations)
    assert doubled == first


def test_unknown_observation_is_named(fixture_library):
    with pytest.raises(RecipeError, match="unknown observation 'not-a-thing'"):
        recommend(fixture_library, ["too-late", "not-a-thing"])


def test_to_dict_is_json_ready(fixture_library):
    data = recommend(fixture_library, ["too-late"])[0].to_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {"module_id", "title", "kind", "reason", "subtheme_ids", "score",
                         "reader_reason"}


# ---------------------------------------------------------------------------- real content


def test_real_content_balance_and_floor(library):
    observations = sorted(library.observations)
    assert observations, "the real model has observations"
    rng = random.Random(4)
    samples = [[o] for o in observations] + [rng.sample(observations, 3) for _ in range(20)]
    for sample in samples:
        recs = recommend(library, sample, limit=None)
        assert len(ids(recs)) == len(set(ids(recs)))
        assert all(library.modules[r.module_id].audience is Audience.CLIENT for r in recs)
        assert all("\n" not in r.reason and r.reason for r in recs)
        assert_balanced(library, sample, recs)
        assert_safety_floor(library, recs)


def test_real_content_reasons_name_the_theme(library):
    obs = sorted(library.observations)[0]
    category = library.category_of(library.subtheme_of(obs).id)
    linked = [r for r in recommend(library, [obs]) if r.reason.startswith("Because")]
    assert linked
    assert all(r.reason.endswith(f"({category.name})") for r in linked)


# ---------------------------------------------------------------------------- CLI


def test_cli_recommend_json(capsys):
    code = main(["recommend", "--content", str(PACK_CONTENT), "--observe", "too-late",
                 "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["module_id"] == "making-sense-stuck"
    assert data[-1]["module_id"] == "help-right-now"


def test_cli_recommend_text(capsys):
    assert main(["recommend", "--content", str(PACK_CONTENT),
                 "--observe", "blames-self"]) == 0
    out = capsys.readouterr().out
    assert " 1. Kind self-talk [strategy-kind-self-talk, strategy]" in out
    assert "Because you noticed “They blame themselves for everything”" in out


def test_cli_recommend_unknown_id_exits_1(capsys):
    code = main(["recommend", "--content", str(PACK_CONTENT), "--observe", "too-late",
                 "--observe", "made-up"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip() == ("error: unknown observation 'made-up' "
                           "(every id: outreach-kit recommend --list-observations)")


def test_cli_lists_observations(capsys):
    assert main(["recommend", "--content", str(PACK_CONTENT), "--list-observations"]) == 0
    out = capsys.readouterr().out
    assert "too-late\tThey feel it is too late to change (Stuck in the here and now)" in out


def test_cli_recommend_needs_an_observation(capsys):
    assert main(["recommend", "--content", str(PACK_CONTENT)]) == 2
    assert "--observe" in capsys.readouterr().err
