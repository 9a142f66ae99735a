"""Plain words for what is wrong with a service typed in a form or read from a CSV row.

The schema's own messages are written for programmers ("String should match pattern ...");
a worker sees these instead. Each names what to write, never the value typed.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .content.yaml_source import field_name

_HOW_TO_WRITE = {
    "id": "use lower-case letters, digits and hyphens, for example harbour-food-bank",
    "categories": "use lower-case letters, digits and hyphens, for example drop-in",
    "phone": "write the number in digits (spaces allowed), for example 0131 496 0000",
    "web": "give the whole address, starting with https://",
    "url": "give the whole address, starting with https://",
    "email": "give an email address such as name@example.org",
}


def _last_name(loc: tuple[Any, ...]) -> str:
    return next((str(part) for part in reversed(loc) if isinstance(part, str)), "")


def plain_message(err: Any) -> str:
    """One of pydantic's errors (``ValidationError.errors()`` item) in plain words."""
    kind: str = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return "fill this in"
    if kind == "string_too_long":
        return f"is too long: at most {ctx['max_length']:,} characters"
    if kind == "string_too_short":
        return "is empty" if ctx.get("min_length") == 1 else (
            f"is too short: at least {ctx['min_length']} characters")
    if kind == "too_short":
        return "give at least one" if ctx["min_length"] == 1 else (
            f"give at least {ctx['min_length']}")
    if kind == "too_long":
        return f"give at most {ctx['max_length']}"
    if kind == "string_pattern_mismatch":
        return _HOW_TO_WRITE.get(_last_name(tuple(err["loc"])), "is not written the way it needs")
    if kind.startswith(("date", "datetime")):
        return "write the date as YYYY-MM-DD, for example 2026-11-26"
    if kind.startswith("int"):
        return "write a whole number, in digits"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind.startswith("bool"):
        return "write true or false"
    if kind == "extra_forbidden":
        return "is not something a service has"
    if kind == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    return "is not valid here"


def plain_problems(exc: ValidationError) -> list[tuple[str, str]]:
    """(field, message) for each error, in order, without repeats."""
    found = ((field_name(tuple(err["loc"])), plain_message(err)) for err in exc.errors())
    return list(dict.fromkeys(found))


# The service form's labels (the app shows these, never the field names).
FORM_LABELS = {
    "id": "Name", "name": "Name", "description": "What it offers",
    "phone": "Phone", "web": "Website", "hours": "Opening hours", "cost": "Cost",
    "for_whom": "Who it is for", "address": "Address", "categories": "Categories",
    "source": "How you checked", "check_every_days": "Check again every (days)",
}
REQUIRED_IN_FORM = ("name", "description", "hours", "cost", "for_whom")


def form_problems(exc: ValidationError) -> dict[str, str]:
    """What is wrong, by form field (its first, top-level name), in plain words."""
    found: dict[str, str] = {}
    for err in exc.errors():
        loc = tuple(err["loc"])
        field = "name" if loc[:1] == ("id",) else str(loc[0]) if loc else "name"
        if field in FORM_LABELS:
            found.setdefault(field, plain_message(err))
    return found
