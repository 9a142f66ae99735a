"""``outreach-kit lint [FILES...|-] [--json]`` on plain text files and standard input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from outreach_kit.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
SMALL_TERMS = FIXTURES / "minimal" / "language" / "terms.yaml"


def lint(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_findings_are_listed_with_line_column_and_suggestions(tmp_path, capsys):
    letter = write(tmp_path, "letter.txt",
                   "Dear friend,\n\nI know you\u2019ve been clean for a month.\n"
                   "You are not an addict.\n")
    code, out, err = lint(capsys, str(letter))
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    assert lines[:2] == [
        f'{letter}:3:8: clean-of-a-person: "you\u2019ve been clean" -> try: '
        "not using at the moment / has stopped using",
        f'{letter}:4:16: addict: "addict" -> try: person who uses drugs / '
        "person with a drug dependence",
    ]
    assert lines[2].startswith(f"{letter}: reading ease ")
    assert "15 words in 3 sentences, average 5.0, longest 8" in lines[2]
    assert len(lines) == 3


def test_clean_text_exits_0_with_a_readability_summary(tmp_path, capsys):
    note = write(tmp_path, "note.txt",
                 "Use clean equipment.\nChildhood abuse is never your fault.\n")
    code, out, _ = lint(capsys, str(note))
    assert code == 0
    (line,) = out.splitlines()
    assert line.startswith(f"{note}: reading ease ")
    assert "9 words in 2 sentences, average 4.5, longest 6" in line


def test_standard_input_is_read_with_a_dash(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"He was a junkie.\n")))
    code, out, _ = lint(capsys, "-")
    assert code == 1
    assert out.splitlines()[0] == ('<stdin>:1:10: junkie: "junkie" -> try: '
                                   "person who uses drugs / person with a drug dependence")


def test_json_gives_one_object_per_file(tmp_path, capsys):
    good = write(tmp_path, "good.txt", "You can come back any time.")
    bad = write(tmp_path, "bad.txt", "Drug abuse.")
    code, out, _ = lint(capsys, "--json", str(good), str(bad))
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["file"] == str(good) and first["findings"] == []
    assert first["readability"]["words"] == 6
    assert second["findings"] == [{
        "term_id": "drug-abuse", "matched": "Drug abuse", "line": 1, "column": 1,
        "prefer": ["drug use", "harmful drug use"],
        "why": second["findings"][0]["why"],
    }]
    assert set(second["readability"]) == {"reading_ease", "grade", "words", "sentences",
                                          "average_sentence_words", "longest_sentence_words"}


@pytest.mark.parametrize(("name", "content", "message"), [
    ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file, not text"),
    ("latin1.txt", "fine line\nco\u00fbt \u00a35\n".encode("latin-1"),
     "line 2 is not UTF-8 text; save the file as UTF-8"),
    ("folder", "dir", "is a folder, not a text file"),
])
def test_unreadable_input_is_one_clear_line_and_exit_1(tmp_path, capsys, name, content,
                                                        message):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    fine = write(tmp_path, "fine.txt", "All good here.")
    code, out, err = lint(capsys, str(path), str(fine))
    assert code == 1
    assert err.splitlines() == [f"{path}: {message}"]
    assert "Traceback" not in err
    assert out.startswith(f"{fine}: reading ease")  # the other file is still checked


def test_a_missing_file_is_exit_2_and_the_others_are_still_checked(tmp_path, capsys):
    fine = write(tmp_path, "fine.txt", "All good here.")
    code, out, err = lint(capsys, str(tmp_path / "missing.txt"), str(fine))
    assert code == 2  # a file named on the command line that is not there, like every command
    assert err.splitlines() == [f"{tmp_path / 'missing.txt'}: file not found"]
    assert out.startswith(f"{fine}: reading ease")


def test_unreadable_input_in_json_mode(tmp_path, capsys):
    code, out, _ = lint(capsys, "--json", str(tmp_path / "nope.txt"))
    assert code == 2
    assert json.loads(out) == {"file": str(tmp_path / "nope.txt"), "error": "file not found"}


def test_a_different_terms_file_can_be_given(tmp_path, capsys):
    text = write(tmp_path, "t.txt", "A junkie and some addicts.")
    code, out, _ = lint(capsys, "--terms", str(SMALL_TERMS), str(text))
    assert code == 1
    assert [line.split(": ")[1] for line in out.splitlines()[:-1]] == ["addict"]


def test_no_files_and_a_terminal_for_input_is_a_usage_error(monkeypatch, capsys):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    code, _, err = lint(capsys)
    assert code == 2
    assert err.strip() == "error: give one or more text files, or '-' to read standard input"


def test_no_files_reads_piped_input(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Take it slowly.\n")))
    code, out, _ = lint(capsys)
    assert code == 0
    assert out.startswith("<stdin>: reading ease ")
