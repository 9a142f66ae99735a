"""Small translations for tests, written into a copy of the content folder.

Every piece of English text of a module becomes the same fixture sentence (so its words are
known), with the structure, ids and numbers kept; the header carries the real fingerprint.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from outreach_kit.translations.fingerprint import module_fingerprint
from outreach_kit.translations.structure import KEPT_KEYS

CONTENT = Path(__file__).resolve().parents[1] / "content"


def copy_content(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root, ignore=shutil.ignore_patterns("translations"))
    return root


def replaced(value: Any, sentence: str) -> Any:
    if isinstance(value, str):
        return sentence
    if isinstance(value, list):
        return [replaced(v, sentence) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in KEPT_KEYS else replaced(v, sentence)) for k, v in value.items()}
    return value


def write_module_translation(root: Path, language: str, module_id: str, sentence: str,
                             status: str = "draft", title: str = "") -> Path:
    english = yaml.safe_load((root / "modules" / f"{module_id}.yaml").read_text("utf-8"))
    data = {
        "translation": {"language": language, "translator": "Test fixture",
                        "date": "2026-11-29", "status": status,
                        "source_fingerprint": module_fingerprint(english)},
        "title": title or sentence,
        "summary": sentence,
        "body": replaced(english["body"], sentence),
    }
    folder = root / "translations" / language
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{module_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return path
