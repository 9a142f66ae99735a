"""Where a fact comes from: a source's title, publisher, web address and when it was checked.

Every source has an https web address, or says ``print_only: true`` (a book, paper or
thesis with no web copy), so a missing address is never an oversight. Which sources count
as primary is the sources policy (``content/sources.yaml``, see ``source_policy``).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
WebLink = Annotated[str, StringConstraints(pattern=r"^https://[^\s<>\"']+$", max_length=500)]


class Reference(BaseModel):
    """Something outside the project that a fact rests on, and when it was last checked."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              defer_build=True)

    title: ShortText
    url: WebLink | None = None
    publisher: ShortText | None = None
    checked: dt.date
    print_only: bool = False

    @model_validator(mode="after")
    def _url_or_print_only(self) -> Reference:
        if self.url is None and not self.print_only:
            raise ValueError("url is missing: give the source's web address (https://...), "
                             "or write 'print_only: true' for a source with no web copy")
        if self.url is not None and self.print_only:
            raise ValueError("print_only is only for a source with no web address; remove "
                             "one of them")
        return self
