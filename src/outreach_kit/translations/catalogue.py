"""The translator round trip: a PO catalogue out, translation files back in.

PO through ``polib`` (well kept, small, pure Python; every translation tool and service
reads PO, and a PO file stays readable in a text editor). Each English string is one entry:
``msgctxt`` is ``<file>:<path>`` (``safer-naloxone:body.3.bullets.0``, ``wording:cover.title``),
``msgid`` the English, ``msgstr`` the translation (filled in from a current translation, if
there is one). The header keeps the language and each file's English fingerprint at export
time, so an import made from old English is marked out of date by validation.

Import checks every entry (ids kept, ``{placeholders}`` kept, no HTML or extra links,
empty and very long translations flagged), writes each file atomically and then validates
it as ``outreach-kit validate`` would.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polib
import yaml

from ..atomic import write_text_atomic
from ..content.library import ContentLibrary
from ..errors import Problem
from .files import (
    MODULE_KEYS,
    WORDING,
    english_source,
    load_translations,
    merged,
    module_paths,
    translations_root,
)
from .fingerprint import module_fingerprint, wording_fingerprint
from .structure import KEPT_KEYS, placeholders

WORDING_ID = "wording"
_SKIPPED_WORDING = frozenset({"schema_version"})
_MARKUP = re.compile(r"<\s*[a-zA-Z/!?]|&[a-zA-Z#][a-zA-Z0-9]*;")
_LINK = re.compile(r"\]\(")
TOO_LONG = 3  # a translation more than this many times the English (plus 60) is flagged


def strings(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str, str]]:
    """(dotted path, English text) for every translatable string under ``value``."""
    if isinstance(value, str):
        yield ".".join(str(p) for p in path), value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in KEPT_KEYS and not (not path and key in _SKIPPED_WORDING):
                yield from strings(item, (*path, key))


def _module_english(path: Path) -> dict[str, Any]:
    data = english_source(path)
    return {key: data[key] for key in MODULE_KEYS if key in data}


def export_catalogue(library: ContentLibrary, language: str,
                     module_ids: list[str] | None = None) -> str:
    """A PO catalogue for ``language``: the modules named (all if None) and, when no module
    is named, the fixed words too."""
    paths = module_paths(library)
    found = load_translations(library, language)
    po = polib.POFile(wrapwidth=0)
    fingerprints: list[str] = []
    chosen = module_ids if module_ids is not None else sorted(paths)
    for module_id in chosen:
        english = _module_english(paths[module_id])
        fingerprints.append(f"{module_id}={module_fingerprint(english_source(paths[module_id]))}")
        done = found.usable(module_id)
        translated = done.module.model_dump(mode="json", exclude_none=True) if done else {}
        _add_entries(po, module_id, english, translated)
    if module_ids is None:
        english = english_source(library.root / WORDING)
        wording = english_source(translations_root(library) / language / WORDING) \
            if (translations_root(library) / language / WORDING).is_file() else {}
        fingerprints.append(f"{WORDING_ID}={wording_fingerprint(english, english)}")
        _add_entries(po, WORDING_ID, english, wording if found.wording else {})
    po.metadata = {"Project-Id-Version": "Outreach Kit content", "Language": language,
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit",
                   "X-Outreach-Kit-Fingerprints": " ".join(fingerprints)}
    return str(po)


def _add_entries(po: polib.POFile, file_id: str, english: dict[str, Any],
                 translated: dict[str, Any]) -> None:
    done = dict(strings(translated))
    for path, text in strings(english):
        po.append(polib.POEntry(msgctxt=f"{file_id}:{path}", msgid=text,
                                msgstr=done.get(path, "") if done.get(path) != text else ""))


def entry_problems(entry: polib.POEntry) -> list[str]:
    """What is wrong with one translated entry (empty list: it may be used)."""
    english, text = entry.msgid, entry.msgstr
    if not text.strip():
        return ["is not translated (empty)"]
    problems = []
    if placeholders(text) != placeholders(english):
        problems.append("must keep the English placeholders exactly")
    if len(_MARKUP.findall(text)) > len(_MARKUP.findall(english)):
        problems.append("has markup (HTML tags or entities) that the English does not have")
    if len(_LINK.findall(text)) != len(_LINK.findall(english)):
        problems.append("must have the same links as the English")
    if len(text) > TOO_LONG * len(english) + 60:
        problems.append("is much longer than the English; check it is one translation")
    return problems


def import_catalogue(library: ContentLibrary, po_path: Path, translator: str = "",
                     status: str = "draft") -> tuple[list[Path], list[Problem]]:
    """Write the translation files a PO catalogue holds; (files written, problems)."""
    po = polib.pofile(str(po_path))
    language = po.metadata.get("Language", "")
    if not language:
        return [], [Problem(str(po_path), None, "Language", "the catalogue names no language")]
    fingerprints = dict(item.split("=", 1) for item in
                        po.metadata.get("X-Outreach-Kit-Fingerprints", "").split() if "=" in item)
    by_file: dict[str, dict[str, str]] = {}
    exported: dict[str, dict[str, str]] = {}  # the English each entry was made from
    problems: list[Problem] = []
    for entry in po:
        file_id, _, path = (entry.msgctxt or "").partition(":")
        if file_id not in fingerprints:
            problems.append(Problem(str(po_path), entry.linenum, entry.msgctxt or "",
                                    "this entry's id was changed or added; keep the ids "
                                    "as exported"))
            continue
        exported.setdefault(file_id, {})[path] = entry.msgid
        if file_id == WORDING_ID and not entry.msgstr.strip():
            continue  # fixed words left out stay English
        found = entry_problems(entry)
        problems += [Problem(str(po_path), entry.linenum, entry.msgctxt or "", message)
                     for message in found]
        by_file.setdefault(file_id, {})[path] = entry.msgstr
    problems += _missing_entries(library, po_path, exported)
    if any(p.is_error for p in problems):
        return [], problems
    header = {"language": language, "translator": translator or po.metadata.get(
        "Last-Translator", "") or "Outreach Kit translator", "date": dt.date.today(),
        "status": status}
    written = []
    for file_id, texts in by_file.items():
        path = _write_file(library, language, file_id, texts, exported[file_id],
                           {**header, "source_fingerprint": fingerprints[file_id]})
        written.append(path)
    found_after = load_translations(library, language)
    problems += [p for p in found_after.problems if Path(p.path) in written]
    return written, problems


def _missing_entries(library: ContentLibrary, po_path: Path,
                     exported: dict[str, dict[str, str]]) -> list[Problem]:
    """A module's entries must all come back (one left out would print in English)."""
    paths = module_paths(library)
    problems = []
    for file_id, entries in exported.items():
        if file_id == WORDING_ID or file_id not in paths:
            continue
        wanted = {path for path, _ in strings(_module_english(paths[file_id]))}
        for path in sorted(wanted - set(entries)):
            problems.append(Problem(str(po_path), None, f"{file_id}:{path}",
                                    "this entry is missing from the catalogue; export "
                                    "the module again"))
    return problems


def _write_file(library: ContentLibrary, language: str, file_id: str, texts: dict[str, str],
                exported: dict[str, str], header: dict[str, Any]) -> Path:
    if file_id == WORDING_ID:
        english = english_source(library.root / WORDING)
        body = _only(english, texts)
        # The fingerprint of the English the translator saw (the catalogue's msgids), so a
        # change made to the English since the export marks this file out of date.
        header["source_fingerprint"] = wording_fingerprint(_as_exported(english, exported),
                                                           body)
    else:
        english = _module_english(module_paths(library)[file_id])
        body = merged(english, _only(english, texts))
    data = {"translation": header, **body}
    folder = translations_root(library) / language
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{file_id}.yaml"
    write_text_atomic(path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                           width=100))
    return path


def _only(english: Any, texts: dict[str, str], path: tuple[str | int, ...] = ()) -> Any:
    """The parts of ``english`` that ``texts`` translates, translated (same nesting);
    lists are kept whole (with English where an item is not translated)."""
    key = ".".join(str(p) for p in path)
    if isinstance(english, str):
        return texts.get(key)
    if isinstance(english, list):
        items = [_only(item, texts, (*path, i)) for i, item in enumerate(english)]
        if all(item is None for item in items):
            return None
        return [merged(e, i) if i is not None else e for e, i in zip(english, items,
                                                                     strict=True)]
    if isinstance(english, dict):
        out = {}
        for name, value in english.items():
            part = value if name in KEPT_KEYS else _only(value, texts, (*path, name))
            if part is not None and name not in KEPT_KEYS:
                out[name] = part
            elif name in KEPT_KEYS and path:
                out[name] = value
        return out or None
    return None


def _as_exported(english: Any, exported: dict[str, str], path: tuple[str | int, ...] = ()) -> Any:
    """``english`` with each string as the catalogue gave it (its msgid)."""
    if isinstance(english, str):
        return exported.get(".".join(str(p) for p in path), english)
    if isinstance(english, list):
        return [_as_exported(item, exported, (*path, i)) for i, item in enumerate(english)]
    if isinstance(english, dict):
        return {key: value if key in KEPT_KEYS else _as_exported(value, exported, (*path, key))
                for key, value in english.items()}
    return english
