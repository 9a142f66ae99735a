"""Render one organisation letter template in a separate, limited Python process.

Run as ``python -I _template_worker.py`` by :mod:`outreach_kit.letters.templates`, with the
request (template text, field values, limits) as JSON on stdin and the result as JSON on
stdout. It imports only the standard library and Jinja2, so it starts in about 0.1 s.

Jinja2's sandbox stops a template reaching Python internals, files or the environment, but
not from using all the memory or time it likes: this process runs with a memory and CPU
limit and the parent kills it after a timeout. Errors are reported as a kind, the template
line and at most one name written literally in the template: Jinja2's messages about
undefined values and unsafe access are never passed on, because they quote field values
(``'dict object' has no attribute "Aoife"``).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment

MEMORY_LIMIT_BYTES = 512 * 1024 * 1024
MAX_INT_BITS = 4096
TEMPLATE_FILENAME = "<template>"  # Jinja2's name for frames of a template made from a string


def _limit_resources(cpu_seconds: int) -> None:
    try:
        import resource  # here, not at the top: Windows has no such module
    except ImportError:  # pragma: no cover - not on Windows; the parent's timeout still holds
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def _environment(max_output: int) -> tuple[ImmutableSandboxedEnvironment, type[SecurityError]]:
    class LimitError(SecurityError):
        """One of this worker's own limits: the message is a fixed code, never a value."""

    class LimitedSandbox(ImmutableSandboxedEnvironment):
        # Intercepting these operators also stops Jinja2 folding `'a' * 10**9` at compile
        # time, so every use goes through call_binop below.
        intercepted_binops = frozenset({"*", "**", "+"})

        def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
            if operator == "**":
                if isinstance(right, int) and abs(right) > 64:
                    raise LimitError("power")
                result = left**right
            elif operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(times, int) and (
                            len(seq) * times > max_output):
                        raise LimitError("repeat")
                result = left * right
            else:
                result = left + right
            if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
                raise LimitError("number")
            if isinstance(result, str | list | tuple) and len(result) > max_output:
                raise LimitError("long")
            return result

    env = LimitedSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    # Only the globals a letter needs: no lipsum (huge text), cycler, joiner or dict.
    env.globals = {"range": env.globals["range"], "namespace": env.globals["namespace"]}
    return env, LimitError


def _static_problem(env: ImmutableSandboxedEnvironment, tree: nodes.Template,
                    allowed: set[str]) -> dict[str, Any] | None:
    """Include/import/extends, or a name that is not a known field: a problem to report.

    Done here, not in the parent, because Jinja2 folds constants while it analyses a
    template, and a constant such as ``'a'|center(10**9)`` must only ever meet these limits.
    """
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        return {"ok": False, "kind": "forbidden", "message": "", "line": node.lineno}
    unknown = sorted(meta.find_undeclared_variables(tree) - allowed)
    unknown += [n.name for n in tree.find_all(nodes.Name) if n.name == "self"][:1]
    if unknown:
        return {"ok": False, "kind": "unknown", "message": unknown[0]}
    return None


def _template_line(exc: BaseException) -> int | None:
    """The template line being rendered when ``exc`` was raised (Jinja2 rewrites tracebacks)."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILENAME:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _literal_name(tree: nodes.Template, line: int | None, message: str) -> str | None:
    """A name written in the template on ``line`` that Jinja2's ``message`` is about.

    Only names from the parsed template (a variable, an attribute, a quoted key) can come
    back, compared whole and in Jinja2's quoting, so a field value never does.
    """
    names: list[str] = []
    for node in tree.find_all((nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Filter)):
        if line is not None and node.lineno != line:
            continue
        if isinstance(node, nodes.Name):
            names.append(node.name)
        elif isinstance(node, nodes.Getattr):
            names.append(node.attr)
        else:  # x['key'] or x|attr('key'): only a key written as a quoted constant
            key: nodes.Node | None = None
            if isinstance(node, nodes.Getitem):
                key = node.arg
            elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
                key = node.args[0]
            if isinstance(key, nodes.Const) and isinstance(key.value, str):
                names.append(key.value)
    for name in names:
        if f"attribute {name!r}" in message or message.startswith(f"{name!r} is undefined"):
            return name
    return None


def _failure(kind: str, exc: BaseException, tree: nodes.Template | None) -> dict[str, Any]:
    """An undefined or unsafe use: kind, line and a literal name; never Jinja2's message."""
    line = _template_line(exc)
    name = _literal_name(tree, line, str(exc)) if tree is not None else None
    return {"ok": False, "kind": kind, "line": line, "name": name}


def render(request: dict[str, Any]) -> dict[str, Any]:
    max_output = int(request["max_output"])
    env, limit_error = _environment(max_output)
    tree = None
    try:
        tree = env.parse(request["template"])
        problem = _static_problem(env, tree, set(request["allowed"]))
        if problem is not None:
            return problem
        template = env.from_string(tree)
        pieces: list[str] = []
        size = 0
        for chunk in template.generate(**request["context"]):
            size += len(chunk)
            if size > max_output:
                return {"ok": False, "kind": "too_long", "message": ""}
            pieces.append(chunk)
        return {"ok": True, "text": "".join(pieces)}
    except UndefinedError as exc:
        return _failure("undefined", exc, tree)
    except limit_error as exc:
        return {"ok": False, "kind": "limit", "message": str(exc), "line": _template_line(exc)}
    except SecurityError as exc:
        return _failure("security", exc, tree)
    except TemplateSyntaxError as exc:
        return {"ok": False, "kind": "syntax", "message": (exc.message or "")[:200],
                "line": exc.lineno}
    except MemoryError:
        return {"ok": False, "kind": "memory", "message": ""}
    except RecursionError:
        return {"ok": False, "kind": "error", "message": "RecursionError"}
    except Exception as exc:  # the text of other errors could hold field values
        return {"ok": False, "kind": "error", "message": type(exc).__name__}


def main() -> None:
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    _limit_resources(int(request.get("cpu_seconds", 5)))
    result = render(request)
    sys.stdout.buffer.write(json.dumps(result).encode("utf-8"))


if __name__ == "__main__":
    main()
