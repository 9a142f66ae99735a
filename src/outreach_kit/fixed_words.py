"""Fixed words renderers print around a pack's content (``page_words`` in
``content/wording.yaml``): cover labels, time needed, content notes, service-card labels and
footer lines. The defaults are the English words, for documents built without the wording
file (letters, training); packs copy the content folder's words, translated or not."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FixedWords:
    cover_service: str = "Service"
    cover_keyworker: str = "Keyworker"
    cover_worker: str = "Your worker"
    cover_from: str = "From"
    cover_contact: str = "Contact"
    cover_date: str = "Date"
    about_minutes: str = "About {minutes} minutes."
    about_one_minute: str = "About 1 minute."
    time_needed: str = "Time needed: about {minutes} minutes"
    time_needed_one: str = "Time needed: about 1 minute"
    content_note: str = "Content note"
    before_you_read: str = "Before you read"
    can_skip_page: str = "You can skip this page."
    content_version: str = "Content version {version}"
    next_review_due: str = "Next review due {date}"
    details_checked: str = "Details checked {date}"
    last_checked: str = "Last checked {date}"
    cost: str = "Cost"
    who_it_is_for: str = "Who it is for"
    for_whom: str = "For"
    skip_to_pack: str = "Skip to the pack"
    when_things_get_hard: str = "When things get hard"
    not_medical_advice: str = (
        "This pack does not replace advice from a doctor, nurse or pharmacist.")

    def about(self, minutes: int) -> str:
        """The PDF's time line: "About 5 minutes."."""
        return self.about_one_minute if minutes == 1 else self.about_minutes.format(
            minutes=minutes)

    def time_needed_text(self, minutes: int, singular: bool = True) -> str:
        """"Time needed: about 5 minutes" (no full stop)."""
        if singular and minutes == 1:
            return self.time_needed_one
        return self.time_needed.format(minutes=minutes)


# Which {names} each word must use; the others use none.
PLACEHOLDERS: dict[str, set[str]] = {
    "about_minutes": {"minutes"}, "time_needed": {"minutes"},
    "content_version": {"version"}, "next_review_due": {"date"},
    "details_checked": {"date"}, "last_checked": {"date"},
}
