"""Where the content folder is when none is given."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "OUTREACH_KIT_CONTENT"
PROJECT_ROOT = Path(__file__).resolve().parents[3]


def default_content_dir() -> Path:
    """``$OUTREACH_KIT_CONTENT``, else ``./content``, else the checkout's ``content/``."""
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    here = Path.cwd() / "content"
    if (here / "model.yaml").exists():
        return here
    return PROJECT_ROOT / "content"


def default_templates_dir() -> Path:
    return PROJECT_ROOT / "templates"
