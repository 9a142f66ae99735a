"""The memo behind content_text and qr_modules: made once, bounded, readable and fillable."""

from __future__ import annotations

from outreach_kit.bounded_memo import BoundedMemo


def test_each_key_is_made_once_until_the_limit_empties_it():
    made: list[str] = []
    memo = BoundedMemo(lambda key: made.append(key) or key.upper(), limit=2)
    assert memo("a") == memo("a") == "A"
    assert made == ["a"]
    memo("b")
    memo("c")  # the third key: the memo was full, so it starts again
    assert memo.results() == {"c": "C"}
    memo("a")
    assert made == ["a", "b", "c", "a"]


def test_results_handed_back_by_an_earlier_run_are_used():
    memo = BoundedMemo(lambda key: "made now", limit=8)
    memo.add({"kept": "from before"})
    assert memo("kept") == "from before"
    assert memo.results() == {"kept": "from before"}
