"""Languages a document can be made in: names, writing direction, script and dates.

A language is a BCP 47 tag (``pl``, ``ar``, ``en-GB``). What is known about it comes from
Babel's copy of the Unicode CLDR data (shipped inside the package: nothing is fetched), so a
new language needs no code here: only translations in ``content/translations/<tag>/``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import OptionError

if TYPE_CHECKING:
    from babel import Locale

ENGLISH = "en"


def is_english(language: str) -> bool:
    return language.split("-")[0].lower() == ENGLISH


@lru_cache(maxsize=64)
def _locale(language: str) -> Locale:
    # Imported here: Babel's import costs about 60 ms of CPU (measured with -X importtime),
    # and a pack in English never needs it.
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        raise OptionError(f"'{language}' is not a language code Outreach Kit knows "
                          "(use a BCP 47 code such as pl, ro, uk, ar, ur or fa)") from None


def check_language(language: str) -> str:
    """``language`` if it names a known language; raise OptionError otherwise."""
    if not is_english(language):  # English needs no look-up (and no Babel import)
        _locale(language)
    return language


def is_right_to_left(language: str) -> bool:
    return _locale(language).character_order == "right-to-left"


def text_direction(language: str) -> str:
    """``rtl`` or ``ltr``, as HTML's ``dir`` attribute takes it."""
    return "rtl" if is_right_to_left(language) else "ltr"


# The script of English (en-GB: a document's default) and of each language with
# translations in content/, as Babel's CLDR data gives it (tests/test_cli_start_up.py
# checks they agree): asking Babel imports it and loads its data, about 10 ms of process
# time that a pack in English (or one of these) need not pay. Any other tag asks Babel.
_USUAL_SCRIPT = {"en": "Latn", "en-gb": "Latn", "pl": "Latn", "ro": "Latn", "uk": "Cyrl",
                 "ar": "Arab", "fa": "Arab", "ur": "Arab"}


def script_of(language: str) -> str:
    """The ISO 15924 script the language is usually written in (``Latn``, ``Cyrl``, ``Arab``)."""
    known = _USUAL_SCRIPT.get(language.lower())
    if known is not None:
        return known
    return _script_from_cldr(language)


def _script_from_cldr(language: str) -> str:
    locale = _locale(language)
    if locale.script:
        return locale.script
    from babel.core import get_global

    full = str(get_global("likely_subtags").get(locale.language, ""))
    parts = full.split("_")
    return parts[1] if len(parts) > 2 else "Latn"


def language_name(language: str) -> str:
    """The language's own name, then its English name: "polski (Polish)"."""
    locale = _locale(language)
    own = locale.get_display_name(locale) or language
    english = locale.get_display_name("en") or language
    return own if own == english else f"{own} ({english})"


def date_in(language: str, day: dt.date) -> str:
    """A date as readers of ``language`` write it: "29 listopada 2026"; UK order in English."""
    if is_english(language):
        return f"{day.day} {day:%B %Y}"
    from babel.dates import format_date

    return format_date(day, format="long", locale=_locale(language))
