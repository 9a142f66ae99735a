"""``outreach-kit lint --easy-read [FILES...]``: the Easy Read rules.

With no files: every client module's ``easy_read:`` items in the content folder, and the
picture catalogue (every picture id exists, each icon is installed). With module YAML
files: those modules' items, against the content folder's pictures. With text files (or
``-``): each line as Easy Read text. Sentences of at most 15 words, 1 to 3 sentences an
item, no word from ``content/language/easy-read-avoid.yaml``, numbers as digits.
Prints ``file:line: field: message``; exit 1 when anything is found, 2 for a missing file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..content.kinds import PACK_KINDS
from ..content.library import ContentLibrary
from ..content.loader import load_file
from ..content.schema import Module
from ..content.yaml_source import field_name
from ..errors import Problem, UsageError
from ..language.easy_read import check_text, easy_read_findings, easy_read_problems
from .common import load_content

STDIN = "-"


def _library_problems(library: ContentLibrary) -> list[Problem]:
    pictures = str(library.root / "pictures")
    loaded = [p for p in library.problems
              if p.path.startswith(pictures) or p.field.startswith("easy_read")
              or p.path.endswith("easy-read-avoid.yaml")]
    return loaded + easy_read_problems(library)


def _module_problems(path: Path, library: ContentLibrary) -> list[Problem]:
    module, problems, source = load_file(path, Module)
    if module is None or source is None:
        return problems
    if module.easy_read is None:
        return [Problem(str(path), None, "easy_read", "this module has no Easy Read text")]
    for loc, kind, ref in module.easy_read.references():
        if kind == "picture" and ref not in library.pictures:
            line, _ = source.locate(loc)
            problems.append(Problem(str(path), line, field_name(loc),
                                    f"unknown picture '{ref}'"))
    for index, finding in easy_read_findings(module.easy_read, library.easy_read_avoid):
        loc = ("easy_read", "items", index, "text")
        line, _ = source.locate(loc)
        problems.append(Problem(str(path), line, field_name(loc), finding.message, "warning"))
    return problems


def _text_problems(shown: str, text: str, library: ContentLibrary) -> list[Problem]:
    return [Problem(shown, number, "", finding.message, "warning")
            for number, line in enumerate(text.splitlines(), start=1) if line.strip()
            for finding in check_text(line, library.easy_read_avoid, max_sentences=None)]


def _read_text(name: str) -> str:
    if name == STDIN:
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        raise UsageError(f"{name}: file not found")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{name}: cannot be read as UTF-8 text ({type(exc).__name__})") from None


def run_easy_read(args: argparse.Namespace) -> int:
    for name in args.files:
        if name != STDIN and not Path(name).exists():
            raise UsageError(f"{name}: file not found")
    # "language" holds the words to avoid, which a pack does not load
    library = load_content(args.content, PACK_KINDS | {"language"}, warn=False)
    if not args.files:
        problems = _library_problems(library)
    else:
        problems = []
        for name in args.files:
            if name != STDIN and Path(name).suffix.lower() in (".yaml", ".yml"):
                problems += _module_problems(Path(name), library)
            else:
                shown = "<stdin>" if name == STDIN else name
                problems += _text_problems(shown, _read_text(name), library)
    found = [p for p in problems if p.severity != "note"]
    for problem in problems:
        print(problem)
    print(f"Easy Read: {len(found)} problem(s)" if found else "Easy Read: OK",
          file=sys.stderr)
    return 1 if found else 0
