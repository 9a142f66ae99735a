"""The README's two set-up commands stay true: CI runs the test command verbatim."""

from __future__ import annotations

import re
import shlex
import subprocess
import tomllib
from pathlib import Path

from outreach_kit.cli.main import main
from outreach_kit.letters.recipe import LetterRecipe

ROOT = Path(__file__).resolve().parents[1]


def _shell_blocks(text: str) -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", text, flags=re.S)]


def test_ci_runs_the_readme_test_command_verbatim():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    test_command = _shell_blocks(readme)[1]
    assert "\n" not in test_command
    assert test_command in ci_lines
    assert "pytest" in test_command and "ruff check" in test_command
    assert "mypy" in test_command  # types checked on every run (configured in pyproject.toml)
    assert "install-system-deps" in test_command  # chromium for the browser test


def test_app_command_installs_and_starts_the_app():
    app_command = _shell_blocks((ROOT / "README.md").read_text(encoding="utf-8"))[0]
    assert app_command.startswith("python3 -m venv .venv && .venv/bin/pip install -e .")
    assert app_command.endswith("streamlit run app.py")


# ---------------------------------------------------------------------------- a newcomer


def _readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def _cli_block() -> list[str]:
    block = next(b for b in _shell_blocks(_readme()) if b.startswith("outreach-kit validate"))
    return [line.split("  #")[0].strip() for line in block.splitlines()]


def test_every_command_line_example_runs_from_a_fresh_checkout(tmp_path, monkeypatch, capsys):
    """The README's command-line block, as a newcomer types it: files that exist, outputs
    in out/ (sent to a temporary folder here), exit 0 (lint: 1, it finds the sample's words)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("OUTREACH_KIT_CONTENT", raising=False)
    for line in _cli_block():
        argv = shlex.split(line)
        assert argv[0] == "outreach-kit"
        args = [str(tmp_path / a) if a.startswith("out/") else a for a in argv[1:]]
        code = main(args)
        err = capsys.readouterr().err
        finds_words = args[0] == "lint" and "--easy-read" not in args
        assert code == (1 if finds_words else 0), (line, err)
        if "-o" in args:
            written = Path(args[args.index("-o") + 1])
            assert written.exists() and (written.is_file() or any(written.iterdir())), line


def test_examples_named_in_the_readmes_exist():
    named = set()
    for text in (_readme(), (ROOT / "examples" / "README.md").read_text(encoding="utf-8")):
        named |= set(re.findall(r"\bexamples/[\w./-]*\w/?", text))
    assert "examples/leaflet.txt" in named and "examples/batch/" in named
    missing = sorted(name for name in named if not (ROOT / name).exists())
    assert not missing


def test_the_readme_says_how_to_run_install_offline_and_find_content():
    readme = _readme()
    for words in (".venv/bin/outreach-kit", "source .venv/bin/activate", "Ctrl+C",
                  ".venv/bin/streamlit run app.py", "python3-venv", "Python 3.11 or later",
                  "pip download -d wheels", "pip install --no-index --find-links wheels -e .",
                  "--content", "OUTREACH_KIT_CONTENT", "src/outreach_kit/content/paths.py"):
        assert words in readme, words
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["requires-python"] == ">=3.11"


def test_outputs_the_readme_suggests_are_ignored_by_git():
    names = ["out/sam.pdf", "out/packs/a.pdf", "sam.pdf", "letter.docx", "slides.pptx",
             "wheels/x.whl"]
    result = subprocess.run(["git", "check-ignore", *names], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.stdout.split() == names
    kept = subprocess.run(["git", "check-ignore", "README.md", "examples/leaflet.txt"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert kept.stdout == ""


def test_licence_is_an_spdx_string_with_the_mit_text():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["project"]["license-files"] == ["LICENSE"]
    assert "setuptools>=77" in project["build-system"]["requires"]  # PEP 639 support
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n")
    assert "Outreach Kit contributors" in licence


def test_every_letter_recipe_field_is_documented():
    guide = (ROOT / "examples" / "README.md").read_text(encoding="utf-8")
    for name, field in LetterRecipe.model_fields.items():
        nested = getattr(field.annotation, "model_fields", None)
        names = [f"{name}.{sub}" for sub in nested] if nested else [name]
        for shown in names:
            assert f"`{shown}`" in guide, shown
