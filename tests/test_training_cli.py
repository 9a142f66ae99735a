"""``outreach-kit training``: each format and audience, --list, and bad input."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pptx import Presentation
from pypdf import PdfReader

from outreach_kit.cli.main import main


@pytest.mark.parametrize("audience", ["facilitator", "participant"])
@pytest.mark.parametrize("fmt", ["pdf", "pptx"])
def test_cli_writes_each_format(tmp_path, content_dir, audience, fmt, capsys):
    out = tmp_path / "deep" / f"intro.{fmt}"
    code = main(["training", "intro-60", "--for", audience, "--format", fmt,
                 "-o", str(out), "--content", str(content_dir)])
    assert code == 0
    assert f"wrote {out}" in capsys.readouterr().out
    data = out.read_bytes()
    if fmt == "pdf":
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) >= 5
        role = "Facilitator guide" if audience == "facilitator" else "Participant handout"
        assert role in reader.metadata.title
    else:
        deck = Presentation(io.BytesIO(data))
        assert len(deck.slides) > 5
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temporary file left


def test_cli_large_print_profile(tmp_path, content_dir):
    out = tmp_path / "handout.pdf"
    code = main(["training", "attachment-90", "--for", "participant", "--profile",
                 "large-print", "-o", str(out), "--content", str(content_dir)])
    assert code == 0
    assert len(PdfReader(out).pages) > 5


def test_cli_lists_sessions(content_dir, capsys):
    assert main(["training", "--list", "--content", str(content_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["intro-60", "attachment-90",
                                                       "workshop-half-day"]


def test_cli_unknown_session_exits_1_naming_valid_ids(tmp_path, content_dir, capsys):
    out = tmp_path / "x.pdf"
    code = main(["training", "no-such", "-o", str(out), "--content", str(content_dir)])
    assert code == 1
    err = capsys.readouterr().err
    assert "no-such" in err and "intro-60" in err and "workshop-half-day" in err
    assert not out.exists()


def test_cli_needs_an_output_file_and_a_session(content_dir, capsys):
    assert main(["training", "intro-60", "--content", str(content_dir)]) == 2
    assert "-o" in capsys.readouterr().err
    assert main(["training", "--content", str(content_dir)]) == 2
    assert "--list" in capsys.readouterr().err


def test_cli_reports_broken_training_content_with_file_and_line(tmp_path, content_dir, capsys):
    root = tmp_path / "content"
    root.mkdir()
    for name in ("content.yaml", "model.yaml"):
        (root / name).write_text((content_dir / name).read_text())
    (root / "training").mkdir()
    source = (content_dir / "training" / "intro-60.yaml").read_text()
    (root / "training" / "intro-60.yaml").write_text(source.replace("minutes: 60", "minutes: 65"))
    code = main(["training", "--list", "--content", str(root)])
    assert code == 1
    err = capsys.readouterr().err
    line = source.splitlines().index("  minutes: 60") + 1
    assert f"intro-60.yaml:{line}: session.minutes: the segments add up to 60 minutes" in err


@pytest.mark.parametrize("first", ["outreach_kit.training.schema", "outreach_kit.training.guide",
                                   "outreach_kit.training.slides", "outreach_kit.content"])
def test_imports_have_no_cycle_whatever_comes_first(first):
    result = subprocess.run([sys.executable, "-c", f"import {first}; "
                             "import outreach_kit.cli.training"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-500:]


def test_the_format_comes_from_the_file_ending_when_not_given(tmp_path, content_dir):
    out = tmp_path / "slides.pptx"
    assert main(["training", "intro-60", "-o", str(out), "--content", str(content_dir)]) == 0
    assert len(Presentation(str(out)).slides) >= 3  # a real PPTX, not a PDF named .pptx
    pdf = tmp_path / "guide.pdf"
    assert main(["training", "intro-60", "-o", str(pdf), "--content", str(content_dir)]) == 0
    assert len(PdfReader(pdf).pages) >= 5


def test_training_write_failure_is_an_output_error(tmp_path, content_dir, capsys):
    (tmp_path / "taken").write_text("x")
    out = tmp_path / "taken" / "guide.pdf"
    assert main(["training", "intro-60", "-o", str(out), "--content", str(content_dir)]) == 1
    assert f"error: cannot write {out}" in capsys.readouterr().err
