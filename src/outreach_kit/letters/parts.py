"""The parts of a letter and the kinds of letter: names a letter recipe is checked against.

Kept apart from the letter library's schema (:mod:`.schema`, which re-exports them) so that
a pack recipe, which may hold a letter recipe, is checked without importing that schema and
the stigma terms and claims it needs: about 9 ms of every command-line ``build``
(``python -X importtime``), most of which never include a letter.
"""

from __future__ import annotations

from enum import StrEnum


class LetterSlot(StrEnum):
    """The parts of a letter, in the order they usually come."""

    OPENING = "opening"
    WHAT_I_HEARD = "what_i_heard"
    MAKING_SENSE = "making_sense"
    STRENGTHS = "strengths"
    FEELING_JUDGED = "feeling_judged"
    WHAT_MATTERS = "what_matters"
    NEXT_STEP = "next_step"
    OPEN_DOOR = "open_door"
    SIGN_OFF = "sign_off"


class LetterType(StrEnum):
    AFTER_CONVERSATION = "after-conversation"
    REACHING_OUT = "reaching-out"
    WRITTEN_TOGETHER = "written-together"
    HAND_OVER = "hand-over"
