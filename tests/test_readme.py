"""The README's two set-up commands stay true: CI runs the test command verbatim."""

from __future__ import annotations

import re
from pathlib import Path

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
