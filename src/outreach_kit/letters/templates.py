"""Organisation letter templates: Jinja2 text, rendered only inside a sandboxed process.

An organisation can write its own letter body (``templates/letters/*.j2`` or uploaded text)
using the fields in :data:`TEMPLATE_FIELDS`. User-editable templates can be hostile, so:

- it is never parsed or compiled in this process (Jinja2 folds constants while compiling,
  so even analysing ``{{ 'a' * 10**9 }}`` could use a gigabyte here);
- it renders in a separate Python process (``_template_worker.py``) using Jinja2's
  ImmutableSandboxedEnvironment with StrictUndefined and autoescape off (the output is plain
  text that becomes user text in the document), with memory, CPU, output and time limits;
- too large, a syntax error, ``include``/``import``/``extends``, or a field that does not
  exist is a TemplateError naming the problem.

Field values are passed as data: ``{{ ... }}`` inside a value is never evaluated.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..errors import TemplateError
from .compose import ComposedLetter
from .recipe import LetterRecipe
from .schema import LetterSlot

MAX_TEMPLATE_BYTES = 20_000
MAX_OUTPUT_CHARS = 50_000
TIME_LIMIT_SECONDS = 5.0
_WORKER = Path(__file__).with_name("_template_worker.py")

# What a template may use, and what each holds.
TEMPLATE_FIELDS: dict[str, str] = {
    "name": "the person's name",
    "their_words": "the person's own words, exactly as they said them",
    "strengths": "a list of strengths (use {{ strengths | join(', ') }})",
    "what_matters": "what matters to the person",
    "next_step": "a small next step",
    "new_worker": "the next worker's name (hand-over letters)",
    "worker_name": "the name of the person signing the letter",
    "worker_role": "their role",
    "organisation": "the organisation's name",
    "date": "today's date, e.g. 26 November 2026",
    "letter_type": "the kind of letter, e.g. After a conversation",
    "paragraphs": "the suggested or edited paragraph for each part, e.g. "
                  "{{ paragraphs.opening }} (empty when left out)",
}
TEMPLATE_GLOBALS = {"range", "namespace"}
# The worker's own limits (fixed codes) -> what to tell the template's author.
_LIMITS = {
    "power": "a power in the template is too large",
    "repeat": "the template repeats text too many times",
    "number": "a number in the template is too large",
    "long": "the template builds text that is too long",
}


def check_size(source: str) -> None:
    size = len(source.encode("utf-8", "surrogatepass"))
    if size > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"the letter template is too large ({size:,} bytes; the limit is "
                            f"{MAX_TEMPLATE_BYTES:,})")


def _where(result: Mapping[str, Any]) -> str:
    line = result.get("line")
    return f"letter template line {line}" if isinstance(line, int) else "the letter template"


def _safe_message(result: Mapping[str, Any]) -> str:
    """Fixed wording for an undefined or unsafe use, from the worker's kind, line and name.

    Jinja2's own message is never used: it quotes the value that was looked up, and that can
    be a client's name or words. The worker only sends back a name written in the template.
    """
    name = result.get("name")
    named = f" '{name}'" if isinstance(name, str) and name else ""
    if result.get("kind") == "security":
        return (f"{_where(result)}: the template tried something that is not allowed"
                f"{f' (using{named})' if named else ''}")
    thing = f"the field or attribute{named}" if named else "a field, attribute or item"
    return (f"{_where(result)}: {thing} does not exist; known placeholders: "
            f"{', '.join(TEMPLATE_FIELDS)}")


def render_letter_template(
    source: str,
    context: Mapping[str, Any],
    time_limit: float = TIME_LIMIT_SECONDS,
) -> str:
    """Render an organisation template with ``context`` (see TEMPLATE_FIELDS) to plain text."""
    check_size(source)
    request = {
        "template": source,
        "context": dict(context),
        "allowed": sorted(TEMPLATE_FIELDS.keys() | TEMPLATE_GLOBALS),
        "max_output": MAX_OUTPUT_CHARS,
        "cpu_seconds": max(1, int(time_limit) + 1),
    }
    # A fresh interpreter in isolated mode (-I) with an empty environment: nothing from this
    # process (variables, open files, loaded secrets) is reachable from the template.
    env = {k: v for k, v in os.environ.items() if k in ("SYSTEMROOT",)}  # Windows needs it
    try:
        completed = subprocess.run(
            [sys.executable, "-I", "-X", "utf8", str(_WORKER)],
            input=json.dumps(request).encode("utf-8", "surrogatepass"),
            capture_output=True, timeout=time_limit, env=env, check=False,
        )
    except subprocess.TimeoutExpired:
        raise TemplateError(f"the letter template took too long (over {time_limit:g} "
                            "seconds); look for loops inside loops") from None
    try:
        result = json.loads(completed.stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        # Killed by its CPU or memory limit, or it crashed: the template asked for too much.
        raise TemplateError("the letter template could not be rendered (it needed too much "
                            "time or memory)") from None
    if result.get("ok"):
        return str(result["text"])
    kind, message = result.get("kind"), str(result.get("message", ""))
    if kind == "unknown":
        raise TemplateError(f"the letter template uses an unknown placeholder '{message}'; "
                            f"known placeholders: {', '.join(TEMPLATE_FIELDS)}")
    if kind == "forbidden":
        raise TemplateError(f"letter template line {result.get('line')}: templates cannot "
                            "include, import or extend other files")
    if kind in ("undefined", "security"):
        raise TemplateError(_safe_message(result))
    if kind == "limit":
        raise TemplateError(f"{_where(result)}: "
                            f"{_LIMITS.get(message, 'the template asked for too much')}")
    if kind == "too_long":
        raise TemplateError(f"the letter template made more than {MAX_OUTPUT_CHARS:,} "
                            "characters of text")
    if kind == "memory":
        raise TemplateError("the letter template needed too much memory")
    if kind == "syntax":
        raise TemplateError(f"letter template line {result.get('line')}: {message}")
    raise TemplateError(f"the letter template failed ({message or 'unknown error'})")


def read_template_file(path: Path | str) -> str:
    """A template file's text; TemplateError when missing, not a file, too large or not UTF-8.

    Reads at most one byte over the limit, so a device or a growing file cannot fill memory,
    and refuses anything that is not a regular file (a FIFO would block the read forever).
    """
    path = Path(path)
    try:
        if not path.is_file():
            if not path.exists():
                raise TemplateError(f"{path}: template file not found")
            raise TemplateError(f"{path}: the letter template is not a file")
        with path.open("rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"{path}: the letter template is too large (the limit is "
                                f"{MAX_TEMPLATE_BYTES:,} bytes)")
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise TemplateError(f"{path}: template file not found") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: the template is not UTF-8 text") from None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror})") from None


def list_letter_templates(folder: Path | str) -> dict[str, Path]:
    """Template name (file stem) -> path, for every ``*.j2`` file in ``folder``."""
    folder = Path(folder)
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.j2")) if not p.name.startswith(".")}


def template_context(recipe: LetterRecipe, letter: ComposedLetter) -> dict[str, Any]:
    """The values a template sees (see TEMPLATE_FIELDS). Plain strings and lists only."""
    person = recipe.person
    paragraphs = {slot.value: "" for slot in LetterSlot}
    for paragraph in letter.paragraphs:
        paragraphs[paragraph.slot] = paragraph.text
    paragraphs[LetterSlot.SIGN_OFF.value] = letter.sign_off
    return {
        "name": person.name,
        "their_words": person.their_words,
        "strengths": list(person.strengths),
        "what_matters": person.what_matters,
        "next_step": person.next_step,
        "new_worker": person.new_worker,
        "worker_name": recipe.signer.name,
        "worker_role": recipe.signer.role,
        "organisation": recipe.letterhead.organisation,
        "date": letter.date_text,
        "letter_type": letter.type_name,
        "paragraphs": paragraphs,
    }
