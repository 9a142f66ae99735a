"""``outreach-kit lint [FILES...|-] [--json]``: stigma terms and readability in plain text.

Prints ``file:line:col: term: "matched" -> try: a / b`` for each finding and a readability
summary per file. Exit 2 when a file named is not there (like every command), else 1 when
any file has a finding or cannot be read, 0 otherwise. The other files are still checked.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from ..errors import UsageError
from ..language import find_stigma, load_terms, readability, unwrap_lines
from ..language.reading_ease import Readability
from ..language.stigma import StigmaFinding
from .common import add_content_option, input_file

STDIN = "-"
MAX_BYTES = 5_000_000


class _Unreadable(Exception):
    """A file that cannot be checked; the message is one plain line."""


class _Missing(_Unreadable):
    """A file named on the command line that does not exist."""


def configure(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Check UTF-8 text files (or standard input, '-') for words that label "
        "people who use drugs, and score how easy they are to read. "
        "Exit 1 if anything is found.")
    parser.add_argument("files", nargs="*", metavar="FILE",
                        help="text files to check; '-' or nothing reads standard input")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per file instead of text")
    parser.add_argument("--terms", type=Path, metavar="TERMS_YAML",
                        help="terms file (default: content/language/terms.yaml)")
    parser.add_argument("--easy-read", action="store_true",
                        help="check the Easy Read rules instead: the content folder's Easy "
                             "Read text and pictures (no FILE), module YAML files, or text")
    add_content_option(parser)
    parser.set_defaults(func=run)


def _read(name: str) -> str:
    try:
        raw = sys.stdin.buffer.read(MAX_BYTES + 1) if name == STDIN else _read_file(Path(name))
    except OSError as exc:
        raise _Unreadable(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(raw) > MAX_BYTES:
        raise _Unreadable(f"is too large to check (the limit is {MAX_BYTES // 1_000_000} MB)")
    if b"\x00" in raw:
        raise _Unreadable("looks like a binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Unreadable(f"line {line} is not UTF-8 text; save the file as UTF-8") from None


def _read_file(path: Path) -> bytes:
    if not path.exists():
        raise _Missing("file not found")
    if path.is_dir():
        raise _Unreadable("is a folder, not a text file")
    with path.open("rb") as handle:
        return handle.read(MAX_BYTES + 1)


def _finding_line(shown: str, finding: StigmaFinding) -> str:
    options = " / ".join(finding.prefer)
    return (f'{shown}:{finding.line}:{finding.column}: {finding.term_id}: '
            f'"{finding.matched}" -> try: {options}')


def _summary_line(shown: str, score: Readability) -> str:
    return (f"{shown}: reading ease {score.reading_ease:.0f} (grade {score.grade:.1f}); "
            f"{score.words} words in {score.sentences} sentences, "
            f"average {score.average_sentence_words:.1f}, longest {score.longest_sentence_words}")


def run(args: argparse.Namespace) -> int:
    if args.easy_read:
        from .lint_easy_read import run_easy_read

        return run_easy_read(args)
    if not args.files and sys.stdin.isatty():
        raise UsageError("give one or more text files, or '-' to read standard input")
    if args.terms is not None:
        input_file(args.terms, "terms file")
    terms = load_terms(args.terms)
    failed = missing = False
    for name in args.files or [STDIN]:
        shown = "<stdin>" if name == STDIN else name
        try:
            text = _read(name)
        except _Unreadable as exc:
            failed = True
            missing = missing or isinstance(exc, _Missing)
            if args.json:
                print(json.dumps({"file": shown, "error": str(exc)}))
            else:
                print(f"{shown}: {exc}", file=sys.stderr)
            continue
        findings = find_stigma(text, terms)
        score = readability(unwrap_lines(text))
        failed = failed or bool(findings)
        if args.json:
            print(json.dumps({"file": shown, "findings": [asdict(f) for f in findings],
                              "readability": asdict(score)}, ensure_ascii=False))
        else:
            for finding in findings:
                print(_finding_line(shown, finding))
            print(_summary_line(shown, score))
    return 2 if missing else 1 if failed else 0
