"""The one table of document kinds, formats and print profiles, and who reads it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from outreach_kit.assemble.recipe import PrintChoice
from outreach_kit.cli.main import build_parser
from outreach_kit.errors import OptionError, UsageError
from outreach_kit.formats import (
    FORMATS,
    KINDS,
    PROFILES,
    PrintOptions,
    check_format,
    format_for,
    formats_for,
    training_kind,
)
from outreach_kit.outputs import DOCUMENT_RENDERERS, TRAINING_RENDERERS, render_training
from outreach_kit.settings import OrganisationSettings

SRC = Path(__file__).resolve().parents[1] / "src" / "outreach_kit"


def test_every_kind_names_known_formats_and_every_format_has_a_renderer():
    for kind in KINDS.values():
        assert set(kind.formats) <= set(FORMATS)
    made = set(DOCUMENT_RENDERERS) | set(TRAINING_RENDERERS)
    used = {fmt for kind in KINDS.values() for fmt in kind.formats}
    assert used <= made
    for kind in ("training-facilitator", "training-participant"):
        assert set(formats_for(kind)) <= set(TRAINING_RENDERERS)


def test_format_from_the_file_ending_or_the_option():
    assert format_for(Path("x.HTM")) == "html"
    assert format_for(Path("x.markdown")) == "md"
    assert format_for(Path("x.pdf"), "docx") == "docx"
    with pytest.raises(OptionError, match=r"end the file name with \.pdf, \.docx, \.md or "
                                          r"\.txt, or use --format"):
        format_for(Path("x.pptx"), allowed=formats_for("letter"))
    with pytest.raises(OptionError, match="unknown format 'pptx'; choose from pdf, html"):
        check_format("pptx", formats_for("pack"))


def test_profiles_are_checked_in_one_place():
    assert PrintOptions.from_names([" Large-Print ", "a5-booklet"]).names == [
        "a5-booklet", "large-print"]
    with pytest.raises(OptionError, match="unknown print profile 'poster'; choose from "
                                          + ", ".join(PROFILES)):
        PrintOptions.from_names(["poster"])
    for make in (lambda: PrintChoice(profiles=["poster"]),
                 lambda: OrganisationSettings(default_profiles=["poster"])):
        with pytest.raises(ValueError, match="unknown print profile 'poster'; choose from"):
            make()
    with pytest.raises(ValueError, match="a pack cannot be made as 'txt'"):
        PrintChoice(formats=["txt"])


def test_training_audiences_come_from_the_table(library):
    assert training_kind("participant").formats == ("pdf", "pptx")
    with pytest.raises(OptionError, match="unknown audience 'everyone'"):
        render_training(library, "intro-60", "everyone", "pdf")
    with pytest.raises(OptionError, match="unknown format 'docx'"):
        render_training(library, "intro-60", "participant", "docx")


def _format_choices(command: str) -> tuple[str, ...]:
    parser = build_parser([command])
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    return tuple(next(a for a in sub._actions if a.dest in ("format", "fmt")).choices)


def test_cli_choices_are_the_tables():
    assert _format_choices("build") == formats_for("pack")
    assert _format_choices("build-batch") == formats_for("pack")
    assert _format_choices("letter") == formats_for("letter")
    assert _format_choices("training") == ("pdf", "pptx")


def test_the_table_is_a_low_layer_and_core_never_raises_usage_errors():
    imported = {node.module for node in ast.walk(ast.parse((SRC / "formats.py").read_text()))
                if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "collections.abc", "dataclasses", "enum", "functools",
                        "pathlib", "errors"}
    for path in SRC.rglob("*.py"):
        if path.parent.name != "cli" and path.name != "errors.py":
            assert "UsageError" not in path.read_text(), path
    assert not issubclass(OptionError, UsageError)
    recipe = (SRC / "assemble" / "recipe.py").read_text()
    assert "render" not in {n.module.split(".")[0] for n in ast.walk(ast.parse(recipe))
                            if isinstance(n, ast.ImportFrom) and n.module}
