"""The fingerprint of the English a translation was made from.

Computed identically by anyone writing translations (the agreed format): a module's
fingerprint covers its title, summary and body; a wording file's covers the English wording
restricted to exactly the keys the translation has (lists compared whole).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any


def fingerprint(english: object) -> str:
    data = json.dumps(english, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def module_fingerprint(module: dict[str, Any]) -> str:
    """``module``: the English module file as ``yaml.safe_load`` reads it."""
    return fingerprint({"title": module["title"], "summary": module.get("summary"),
                        "body": module["body"]})


def restrict(english: Any, translated: Any) -> Any:
    """The English restricted to the key paths of ``translated`` (lists kept whole)."""
    if isinstance(english, dict) and isinstance(translated, dict):
        return {key: restrict(english[key], value) for key, value in translated.items()
                if key in english and key != "translation"}
    return english


def wording_fingerprint(english: dict[str, Any], translated: dict[str, Any]) -> str:
    return fingerprint(restrict(english, translated))
