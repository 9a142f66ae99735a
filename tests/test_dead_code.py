"""No dead code: vulture finds nothing unused in src/ and app.py (config in pyproject.toml).

Anything it cannot see being used is listed, with its reason, in .ci/vulture-allowlist.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_vulture_finds_no_dead_code():
    result = subprocess.run([sys.executable, "-m", "vulture"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, "vulture found unused code:\n" + result.stdout + result.stderr


def test_vulture_would_find_dead_code(tmp_path):
    """The check is live: an unused function in a scanned file is reported."""
    dead = tmp_path / "dead.py"
    dead.write_text("def never_called():\n    return 1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "vulture", str(dead), "--min-confidence",
                             "60"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "never_called" in result.stdout
