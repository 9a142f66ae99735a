"""The fixed words of every pack (cover, how-to-use page, wallet card).

Kept in one place so they can be read, checked for reading ease and reviewed together.
Numbers are from ../shared/CONTENT_GUIDE.md "Facts we may print" (checked 2026-11-26).
"""

from __future__ import annotations

NEUTRAL_TITLE = "Your pack"
COVER_SUBTITLE = "Ideas to read, try and keep. You choose what to read."

HOW_TO_USE_TITLE = "How to use this pack: you choose what to read"
HOW_TO_USE_LEAD = "This pack is yours. You choose what to read, and when."
HOW_TO_USE_POINTS = (
    "You can skip any page.",
    "There is no right order and no test.",
    "A short grounding exercise comes first. It takes about five minutes, "
    "if you want to try it.",
    "Some pages have space to write. Write as much or as little as you like.",
    "If a page brings up hard feelings, stop. You can come back later, "
    "or talk it over with someone you trust.",
)
HOW_TO_USE_HELP_TITLE = "If you need help right now"
HOW_TO_USE_HELP = (
    "Turn to the page called Help right now near the end. "
    "In an emergency, call 999."
)

CONTENTS_TITLE = "Contents"
SERVICES_TITLE = "People and places that can help"
SERVICES_LEAD = "You can contact any of these yourself. Your worker can help if you want."
EXAMPLE_NOTICE = "Example data: replace with your area's services before printing."
EXAMPLE_CARD_NOTE = "Example only: not a real service."

WALLET_SECTION_TITLE = "Your wallet card"
WALLET_SECTION_LEAD = "Cut out this card and keep it in your wallet or phone case."
WALLET_CARD_TITLE = "Numbers to keep"
WALLET_CONTACTS = (
    ("Emergency", "999", "police, ambulance, fire"),
    ("NHS 24", "111", "free, day or night"),
    ("Samaritans", "116 123", "free, any time"),
)
WALLET_DEFAULT_STEPS = (
    "Breathe out slowly, longer than you breathe in.",
    "Name five things you can see.",
    "Call or text someone you trust.",
)

# Used only when the library has no help-right-now module (a partial content folder).
HELP_NOW_FALLBACK_TITLE = "Help right now"
HELP_NOW_FALLBACK_LEAD = "If you or someone with you is in danger, call 999 now."
HELP_NOW_FALLBACK_CONTACTS = (
    ("Emergency", "999", "if someone is not breathing or will not wake up"),
    ("NHS 24", "111", "free, day or night"),
    ("Samaritans", "116 123", "free, any time, to talk about anything"),
    ("Breathing Space", "0800 83 85 87", "weekday evenings, and all day at weekends"),
    ("Scottish Families Affected by Alcohol and Drugs", "08080 10 10 11", ""),
)

META_TITLE = "Outreach Kit pack"
META_AUTHOR = "Outreach Kit"
META_SUBJECT = "A self-help pack: ways to cope, connect and stay safer"
