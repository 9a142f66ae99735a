"""A bounded memo for pure functions of text, whose results an earlier run can hand back.

Used for parsed content Markdown (:func:`.document.content_text`) and QR codes
(:func:`.render.qr.qr_modules`); :mod:`.derived_cache` keeps what they made between
command-line runs. Not ``functools.lru_cache``: that cannot be read out or filled in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Generic, TypeVar

Result = TypeVar("Result")


class BoundedMemo(Generic[Result]):
    def __init__(self, make: Callable[[str], Result], limit: int) -> None:
        self._make = make
        self._limit = limit
        self._results: dict[str, Result] = {}

    def __call__(self, key: str) -> Result:
        found = self._results.get(key)
        if found is None:
            found = self._make(key)
            if len(self._results) >= self._limit:  # a long-running app meets new text forever
                self._results.clear()
            self._results[key] = found
        return found

    def results(self) -> dict[str, Result]:
        """Everything made (or added) in this process, by key."""
        return dict(self._results)

    def add(self, results: Mapping[str, Result]) -> None:
        """Results made by an earlier run."""
        self._results.update(results)
