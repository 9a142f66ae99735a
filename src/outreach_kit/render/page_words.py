"""The review line every format prints, in the document's own words and language.

"Last reviewed {date}" comes from ``Labels.last_reviewed`` (``page_words`` in
``content/wording.yaml``, translated like any fixed words) and the date is written as
readers of the document's language write it; so does "Next review due {date}".
"""

from __future__ import annotations

import datetime as dt

from .. import document as d


def review_parts(document: d.Document, last: dt.date | None,
                 nxt: dt.date | None) -> list[str]:
    parts = []
    if last:
        day = d.date_text(document.meta.language or "en-GB", last)
        parts.append(document.labels.last_reviewed.format(date=day))
    if nxt:
        day = d.date_text(document.meta.language or "en-GB", nxt)
        parts.append(document.labels.words.next_review_due.format(date=day))
    return parts
