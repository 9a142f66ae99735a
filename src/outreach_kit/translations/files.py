"""Read a language's translations and check them against the English content.

``load_translations(library, "pl")`` reads ``content/translations/pl/``: each module file
and ``wording.yaml``. A file is *usable* when its header is whole, it has the English
module's shape (:mod:`.structure`) and it validates as a module; it is *current* when its
``source_fingerprint`` still matches the English. Problems carry file, line and field;
an out-of-date translation is a warning (the pack falls back to English for it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from ..content import schema
from ..content.library import ContentLibrary
from ..content.wording import WordingFile
from ..content.yaml_source import YamlSource, field_name, read_yaml
from ..errors import Problem
from .fingerprint import module_fingerprint, wording_fingerprint
from .structure import Loc, same_shape, subset_shape

FOLDER = "translations"
WORDING = "wording.yaml"
MODULE_KEYS = ("title", "summary", "body")


class Status(StrEnum):
    DRAFT = "draft"
    TRANSLATED = "translated"
    CHECKED = "checked"  # checked by a second translator


class TranslationHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    translator: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                 max_length=200)]
    date: dt.date
    status: Status
    source_fingerprint: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


@dataclass(frozen=True)
class ModuleTranslation:
    header: TranslationHeader
    module: schema.Module  # the English module with its words translated
    current: bool  # False: the English changed since (the pack uses the English)
    source: YamlSource  # the translation file (lines for messages)


@dataclass
class LanguageTranslations:
    language: str
    modules: dict[str, ModuleTranslation] = field(default_factory=dict)
    wording: WordingFile | None = None
    wording_header: TranslationHeader | None = None
    wording_current: bool = False
    wording_source: YamlSource | None = None
    problems: list[Problem] = field(default_factory=list)

    def usable(self, module_id: str) -> ModuleTranslation | None:
        found = self.modules.get(module_id)
        return found if found is not None and found.current else None


def translations_root(library: ContentLibrary) -> Path:
    return library.root / FOLDER


def available_languages(library: ContentLibrary) -> list[str]:
    """Language codes with at least one translation file, sorted."""
    root = translations_root(library)
    if not root.is_dir():
        return []
    return sorted(d.name for d in root.iterdir()
                  if d.is_dir() and not d.name.startswith(".") and any(d.glob("*.yaml")))


def language_choices(library: ContentLibrary) -> dict[str, str]:
    """Code -> name of every language a pack can be made in (English first), for the app."""
    from ..languages import language_name  # Babel's names: only the app needs them

    return {"en": "English"} | {code: language_name(code)
                                for code in available_languages(library)}


def english_source(path: Path) -> dict[str, Any]:
    """An English content file as ``yaml.safe_load`` reads it (what fingerprints use)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def module_paths(library: ContentLibrary) -> dict[str, Path]:
    """Module id -> the English file it came from."""
    return {item.id: source.path for item, source in library.sources()
            if isinstance(item, schema.Module)}


def load_translations(library: ContentLibrary, language: str) -> LanguageTranslations:
    found = LanguageTranslations(language)
    folder = translations_root(library) / language
    if not folder.is_dir():
        return found
    english_paths = module_paths(library)
    for path in sorted(folder.glob("*.yaml")):
        if path.name.startswith("."):
            continue
        source, problems = read_yaml(path)
        found.problems += problems
        if source is None:
            continue
        if path.name == WORDING:
            _read_wording(library, source, found)
        elif path.stem in english_paths:
            _read_module(english_paths[path.stem], source, found)
        else:
            found.problems.append(Problem(str(path), 1, "", f"there is no English module "
                                          f"'{path.stem}' (name the file after a module id)"))
    return found


def _header(source: YamlSource, language: str,
            problems: list[Problem]) -> TranslationHeader | None:
    data = source.data if isinstance(source.data, dict) else {}
    try:
        header = TranslationHeader.model_validate(data.get("translation"))
    except ValidationError as exc:
        for err in exc.errors():
            loc: Loc = ("translation", *err["loc"])
            problems.append(_problem(source, loc, _plain(err)))
        return None
    if header.language != language:
        problems.append(_problem(source, ("translation", "language"),
                                 f"says '{header.language}' but the file is in the "
                                 f"'{language}' folder"))
        return None
    return header


def _plain(err: Any) -> str:
    kind = str(err.get("type", ""))
    if kind == "missing":
        return "is missing"
    if kind.startswith("enum"):
        return "must be one of: " + ", ".join(s.value for s in Status)
    if kind.startswith("string_pattern"):
        return "is not in the expected form (see content/translations/README.md)"
    if kind.startswith("date"):
        return "must be a date like 2026-11-29"
    return "is not valid here (see content/translations/README.md)"


def _problem(source: YamlSource, loc: Loc, message: str, severity: str = "error") -> Problem:
    line, _ = source.locate(loc)
    return Problem(str(source.path), line, field_name(loc), message, severity)


def _read_module(english_path: Path, source: YamlSource, found: LanguageTranslations) -> None:
    problems: list[Problem] = []
    header = _header(source, found.language, problems)
    english = english_source(english_path)
    data = source.data if isinstance(source.data, dict) else {}
    extra = sorted(set(data) - {"translation", *MODULE_KEYS})
    if extra:
        problems.append(_problem(source, (extra[0],), "a module translation has only "
                                 "translation, title, summary and body"))
    wanted = {key: english.get(key) for key in MODULE_KEYS}
    given = {key: data.get(key) for key in MODULE_KEYS}
    problems += [_problem(source, loc, message) for loc, message in same_shape(wanted, given)]
    module = None
    if not problems:
        try:
            module = schema.Module.model_validate({**english, **given})
        except ValidationError as exc:
            problems += [_problem(source, tuple(e["loc"]), _plain(e)) for e in exc.errors()]
    found.problems += problems
    if header is None or module is None:
        return
    current = header.source_fingerprint == module_fingerprint(english)
    if not current:
        found.problems.append(_problem(
            source, ("translation", "source_fingerprint"),
            "out of date: the English module has changed since this was translated; the "
            "pack prints the English page until it is updated", "warning"))
    found.modules[module.id] = ModuleTranslation(header, module, current, source)


def _read_wording(library: ContentLibrary, source: YamlSource,
                  found: LanguageTranslations) -> None:
    problems: list[Problem] = []
    header = _header(source, found.language, problems)
    english = english_source(library.root / WORDING)
    data = {k: v for k, v in source.data.items() if k != "translation"} if isinstance(
        source.data, dict) else {}
    problems += [_problem(source, loc, message) for loc, message in subset_shape(english, data)]
    wording = None
    if not problems:
        try:
            wording = WordingFile.model_validate(merged(english, data))
        except ValidationError as exc:
            problems += [_problem(source, tuple(e["loc"]), _plain(e)) for e in exc.errors()]
    found.problems += problems
    if header is None or wording is None:
        return
    found.wording_header = header
    found.wording_source = source
    found.wording_current = header.source_fingerprint == wording_fingerprint(english, data)
    if found.wording_current:
        found.wording = wording
    else:
        found.problems.append(_problem(
            source, ("translation", "source_fingerprint"),
            "out of date: the English wording has changed since this was translated; "
            "packs print the English words until it is updated", "warning"))


def merged(english: Any, translated: Any) -> Any:
    """The English with every translated value put in its place."""
    if isinstance(english, dict) and isinstance(translated, dict):
        return {key: merged(value, translated[key]) if key in translated else value
                for key, value in english.items()}
    if isinstance(english, list) and isinstance(translated, list) and (
            len(english) == len(translated)):
        return [merged(e, t) for e, t in zip(english, translated, strict=True)]
    return translated


def all_translations(library: ContentLibrary) -> list[LanguageTranslations]:
    """Every language's translations, read and checked (for ``outreach-kit validate``)."""
    return [load_translations(library, language) for language in available_languages(library)]


def translated_text(found: LanguageTranslations) -> Iterator[tuple[YamlSource, Loc, str]]:
    """(file, location, text) for every translated piece of client text."""
    for translation in found.modules.values():
        for loc, text in translation.module.client_text():
            if loc and loc[0] in MODULE_KEYS:
                yield translation.source, loc, text
    wording_data = found.wording_source.data if found.wording_source else None
    if found.wording is not None and found.wording_source is not None:
        for loc, text in found.wording.client_text():
            if _has_path(wording_data, loc):
                yield found.wording_source, loc, text


def _has_path(data: Any, loc: Loc) -> bool:
    """Does the translation file itself give a value at ``loc`` (not the English)?"""
    for part in loc:
        if isinstance(data, dict) and part in data:
            data = data[part]
            continue
        if not (isinstance(data, list) and isinstance(part, int) and part < len(data)):
            return False
        data = data[part]
    return True
