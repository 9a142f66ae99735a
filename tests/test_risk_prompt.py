"""The worker's prompt when a ticked observation carries a risk: shown to the worker (the
CLI's stderr), never printed in the client's pack; the staying-safe plan goes in the pack."""

from __future__ import annotations

import io
import json
import shutil

import pytest
import yaml
from pypdf import PdfReader
from support import ROOT, edit

from outreach_kit.assemble.recommend import recommend
from outreach_kit.assemble.risk import worker_prompts
from outreach_kit.cli.main import main
from outreach_kit.content.loader import load_library

RISK = "would-not-mind-not-waking"
RISK_KIND = "suicide"
CONTENT = ["--content", str(ROOT / "content")]


def squash(text: str) -> str:
    return " ".join(text.split())


def test_prompt_for_a_risk_observation(library):
    (prompt,) = worker_prompts(library, ["says-too-late", RISK, RISK])
    assert prompt.risk == "suicide" and prompt.observation_ids == (RISK,)
    words = " ".join(prompt.points).lower()
    for needed in ("ask them directly", "suicide", "procedure", "staying-safe plan"):
        assert needed in words
    numbers = dict(prompt.contacts)
    expected = {c.service: c.label for c in library.risk_prompts[RISK_KIND].contacts}
    assert {library.phone_of(s) for s in expected} == set(numbers.values())
    assert numbers["Samaritans, free, day or night"] == library.phone_of("samaritans")
    assert prompt.lines()[0] == prompt.title
    assert len(prompt.lines()) == 1 + len(prompt.points) + len(prompt.contacts)


def test_no_prompt_without_a_risk(library):
    others = [o for o, obs in library.observations.items() if obs.risk is None]
    assert worker_prompts(library, others) == []
    assert worker_prompts(library, []) == []


def test_every_risk_observation_has_a_prompt_and_brings_the_plan(library):
    risky = [o for o, obs in library.observations.items() if obs.risk is not None]
    assert RISK in risky
    for obs in risky:
        assert worker_prompts(library, [obs])
        recs = recommend(library, [obs])
        assert recs[0].module_id == "worksheet-staying-safe-plan"


def test_prompt_numbers_come_from_the_service_directory(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    edit(content / "resources" / "scotland-national.yaml", '"116 123"', '"116 999"')
    library = load_library(content)
    (prompt,) = worker_prompts(library, [RISK])
    assert ("Samaritans, free, day or night", "116 999") in prompt.contacts


def test_cli_recommend_prints_the_prompt_on_stderr_only(capsys):
    assert main(["recommend", "--observe", RISK, "--json", *CONTENT]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)  # stdout stays clean JSON
    assert data[0]["module_id"] == "worksheet-staying-safe-plan"
    assert "for you, not the pack: They may be thinking about suicide" in err
    assert "suicide" not in out
    assert main(["recommend", "--observe", "says-too-late", *CONTENT]) == 0
    assert capsys.readouterr().err == ""


def test_cli_recommend_all_lists_more(capsys):
    ticks = ["--observe", "says-too-late", "--observe", "avoids-family",
             "--observe", "hostel-full-of-drugs", "--observe", "injects"]
    assert main(["recommend", *ticks, "--json", *CONTENT]) == 0
    short = json.loads(capsys.readouterr().out)
    assert main(["recommend", *ticks, "--all", "--json", *CONTENT]) == 0
    full = json.loads(capsys.readouterr().out)
    assert len(full) > len(short)
    assert {r["module_id"] for r in short} < {r["module_id"] for r in full}
    assert main(["recommend", *ticks, *CONTENT]) == 0
    assert f"{len(full) - len(short)} more suggestion(s): add --all" in capsys.readouterr().out
    assert main(["recommend", *ticks, "--all", *CONTENT]) == 0
    assert "more suggestion" not in capsys.readouterr().out


@pytest.fixture
def risky_recipe(tmp_path):
    path = tmp_path / "risk.yaml"
    path.write_text(yaml.safe_dump({"schema_version": 1, "observations": [RISK, "uses-alone"]}),
                    encoding="utf-8")
    return path


def test_build_prints_the_prompt_and_the_pack_never_holds_it(tmp_path, risky_recipe, capsys,
                                                               library):
    out = tmp_path / "pack.pdf"
    assert main(["build", str(risky_recipe), "-o", str(out), *CONTENT]) == 0
    _, err = capsys.readouterr()
    (prompt,) = worker_prompts(library, [RISK])
    assert f"for you, not the pack: {prompt.title}" in err
    text = squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes()))
                          .pages))
    assert "My staying-safe plan" in text
    assert prompt.title not in text
    for point in prompt.points:
        assert squash(point)[:40] not in text
    assert "for you, not the pack" not in text
    md = tmp_path / "pack.md"
    assert main(["build", str(risky_recipe), "-o", str(md), *CONTENT]) == 0
    markdown = squash(md.read_text(encoding="utf-8"))
    assert prompt.title not in markdown and "My staying-safe plan" in markdown
