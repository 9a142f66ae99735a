"""Render one organisation letter template in a separate, limited Python process.

Run as ``python -I _template_worker.py`` by :mod:`outreach_kit.letters.templates`, with the
request (template text, field values, limits) as JSON on stdin and the result as JSON on
stdout. It imports only the standard library and Jinja2, so it starts in about 0.1 s.

Jinja2's sandbox stops a template reaching Python internals, files or the environment, but
not from using all the memory or time it likes: this process runs with a memory and CPU
limit and the parent kills it after a timeout. Error messages name only the error type or
Jinja2's own words about the template, never the field values.
"""

from __future__ import annotations

import json
import sys

MEMORY_LIMIT_BYTES = 512 * 1024 * 1024
MAX_INT_BITS = 4096


def _limit_resources(cpu_seconds: int) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows; the parent's timeout still holds
        return
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))


def _environment(max_output: int):  # type: ignore[no-untyped-def]
    from jinja2 import StrictUndefined
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class LimitedSandbox(ImmutableSandboxedEnvironment):
        # Intercepting these operators also stops Jinja2 folding `'a' * 10**9` at compile
        # time, so every use goes through call_binop below.
        intercepted_binops = frozenset({"*", "**", "+"})

        def call_binop(self, context, operator, left, right):  # type: ignore[no-untyped-def]
            if operator == "**":
                if isinstance(right, int) and abs(right) > 64:
                    raise SecurityError("a power in the template is too large")
                result = left**right
            elif operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, str | list | tuple) and isinstance(times, int) and (
                            len(seq) * times > max_output):
                        raise SecurityError("the template repeats text too many times")
                result = left * right
            else:
                result = left + right
            if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
                raise SecurityError("a number in the template is too large")
            if isinstance(result, str | list | tuple) and len(result) > max_output:
                raise SecurityError("the template builds text that is too long")
            return result

    env = LimitedSandbox(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    # Only the globals a letter needs: no lipsum (huge text), cycler, joiner or dict.
    env.globals = {"range": env.globals["range"], "namespace": env.globals["namespace"]}
    return env


def _static_problem(env, source: str, allowed: set[str]) -> dict | None:  # type: ignore[no-untyped-def]
    """Include/import/extends, or a name that is not a known field: a problem to report.

    Done here, not in the parent, because Jinja2 folds constants while it analyses a
    template, and a constant such as ``'a'|center(10**9)`` must only ever meet these limits.
    """
    from jinja2 import meta, nodes

    tree = env.parse(source)
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        return {"ok": False, "kind": "forbidden", "message": "", "line": node.lineno}
    unknown = sorted(meta.find_undeclared_variables(tree) - allowed)
    unknown += [n.name for n in tree.find_all(nodes.Name) if n.name == "self"][:1]
    if unknown:
        return {"ok": False, "kind": "unknown", "message": unknown[0]}
    return None


def render(request: dict) -> dict:
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    max_output = int(request["max_output"])
    env = _environment(max_output)
    try:
        problem = _static_problem(env, request["template"], set(request["allowed"]))
        if problem is not None:
            return problem
        template = env.from_string(request["template"])
        pieces: list[str] = []
        size = 0
        for chunk in template.generate(**request["context"]):
            size += len(chunk)
            if size > max_output:
                return {"ok": False, "kind": "too_long", "message": ""}
            pieces.append(chunk)
        return {"ok": True, "text": "".join(pieces)}
    except UndefinedError as exc:
        return {"ok": False, "kind": "undefined", "message": str(exc)[:200]}
    except SecurityError as exc:
        return {"ok": False, "kind": "security", "message": str(exc)[:200]}
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
