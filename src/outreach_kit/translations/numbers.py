"""Numbers written in groups stay in order in right-to-left text.

In a right-to-left line the Unicode bidi algorithm lays the groups of a number such as
"0131 496 0123" out right to left ("0123 496 0131"), so a reader would dial the wrong
number. For a pack in a right-to-left language every grouped number in the text is put in
a left-to-right isolate (U+2066 ... U+2069), which browsers and Word honour and which prints
nothing; the PDF renderer drops these marks and keeps numbers whole itself
(``render.bidi``, with the same ``GROUPED_NUMBER``).
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .. import document as doc

GROUPED_NUMBER = re.compile(r"\+?\d+(?:[ \-]\d+)+")
LRI, PDI = "\u2066", "\u2069"


def isolated(text: str) -> str:
    return GROUPED_NUMBER.sub(lambda match: f"{LRI}{match.group(0)}{PDI}", text)


def _fixed(value: Any) -> Any:
    if isinstance(value, doc.Span):
        return dataclasses.replace(value, text=isolated(value.text))
    if isinstance(value, doc.ContactLine):
        return dataclasses.replace(value, number=isolated(value.number))
    if isinstance(value, tuple):
        return tuple(_fixed(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _fixed(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


def isolate_numbers(document: doc.Document) -> doc.Document:
    """The document with every grouped number in its sections isolated left to right."""
    return dataclasses.replace(document, sections=_fixed(document.sections))
