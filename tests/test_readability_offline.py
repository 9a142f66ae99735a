"""Readability must work with no network and no NLTK data, and must never try to download.

textstat 0.7.13 calls ``nltk.download('cmudict')`` when NLTK has no copy of the CMU
dictionary. The checks run in fresh interpreters, so nothing imported or cached earlier in
the test session can hide a download; a control run shows the trap really catches one.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# Run before anything else is imported: no network, no NLTK data, downloads recorded + refused.
BLOCK_NETWORK_AND_DOWNLOADS = """
import json, os, socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append("network")
    raise OSError("network is switched off in this test")
class NoSocket(socket.socket):  # a class, because ssl subclasses socket.socket on import
    def __init__(self, *args, **kwargs):
        refuse()
socket.socket = NoSocket
socket.create_connection = refuse
import nltk
nltk.data.path[:] = [os.environ["NLTK_DATA"]]
def no_download(*args, **kwargs):
    attempts.append("nltk.download")
    raise RuntimeError("nltk.download was called")
nltk.download = no_download
"""

SCORE_WITH_OUTREACH_KIT = """
from outreach_kit.language import readability
from outreach_kit.language.reading_ease import _syllable_dictionary
score = readability("Your worker can help you find a place to stay.\\n- Call a friend")
print(json.dumps({"attempts": attempts, "score": score.__dict__,
                  "readability_syllables": sum(phone[-1].isdigit() for phone in
                                               _syllable_dictionary()["readability"][0])}))
"""

# Control: textstat as shipped, in the same sealed-off interpreter, does try to download.
SCORE_WITH_PLAIN_TEXTSTAT = """
import textstat
try:
    textstat.syllable_count("hello there")
except Exception as exc:
    print(json.dumps({"attempts": attempts, "error": type(exc).__name__}))
else:
    print(json.dumps({"attempts": attempts, "error": None}))
"""


def run_sealed(code: str, tmp_path: Path) -> dict:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = {**os.environ, "NLTK_DATA": str(empty), "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_readability_in_a_fresh_process_with_no_network_never_downloads(tmp_path):
    report = run_sealed(BLOCK_NETWORK_AND_DOWNLOADS + SCORE_WITH_OUTREACH_KIT, tmp_path)
    assert report["attempts"] == []
    score = report["score"]
    assert (score["words"], score["sentences"], score["longest_sentence_words"]) == (13, 2, 10)
    assert score["reading_ease"] > 70
    # syllables come from the CMU dictionary (re-a-da-bil-i-ty: 5 vowel sounds)
    assert report["readability_syllables"] == 5


def test_the_sealed_process_would_catch_a_download(tmp_path):
    report = run_sealed(BLOCK_NETWORK_AND_DOWNLOADS + SCORE_WITH_PLAIN_TEXTSTAT, tmp_path)
    assert report["attempts"] == ["nltk.download"]
    assert report["error"] == "RuntimeError"


def test_readability_in_process_with_network_and_downloads_refused(monkeypatch, tmp_path):
    import nltk

    from outreach_kit.language import readability, reading_ease as module

    def refuse(*args, **kwargs):
        raise AssertionError("tried to reach the network or download")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse()

    monkeypatch.setattr(socket, "socket", NoSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setenv("NLTK_DATA", str(tmp_path))
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    module._syllable_dictionary.cache_clear()  # force the dictionary to load again
    score = readability("You can come back any time. The door is open.")
    assert (score.words, score.sentences) == (10, 2)
    assert score.reading_ease > 90


@pytest.mark.parametrize("word, syllables", [("overdose", 3), ("tea", 1), ("readability", 5)])
def test_syllables_come_from_the_packaged_dictionary(word, syllables):
    from outreach_kit.language.reading_ease import _syllable_dictionary

    phones = _syllable_dictionary()[word][0]
    assert sum(p[-1].isdigit() for p in phones) == syllables
    assert word in _syllable_dictionary() and "zzzqx" not in _syllable_dictionary()
