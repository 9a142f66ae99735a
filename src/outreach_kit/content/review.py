"""Clinical review state of a module (who last looked at it, in what role, and when).

Every module records its review state in a ``review:`` block. Nothing is ever shown or
printed as clinically reviewed unless a module's file says so; a module with no review
block counts as a draft.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    TEAM_REVIEWED = "team-reviewed"
    CLINICALLY_REVIEWED = "clinically-reviewed"

    @property
    def label(self) -> str:
        """In words for people: "Clinically reviewed"."""
        return _LABELS[self]


_LABELS = {
    ReviewStatus.DRAFT: "Draft",
    ReviewStatus.TEAM_REVIEWED: "Team-reviewed",
    ReviewStatus.CLINICALLY_REVIEWED: "Clinically reviewed",
}


class ReviewState(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              defer_build=True)

    status: ReviewStatus
    reviewer_role: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                    max_length=200)]
    date: dt.date

    def in_words(self) -> str:
        """"Team-reviewed by Outreach Kit content team, 26 November 2026"."""
        return f"{self.status.label} by {self.reviewer_role}, {self.date.day} {self.date:%B %Y}"
