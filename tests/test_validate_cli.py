"""``outreach-kit validate [DIR] [--strict]``: exit codes and the lines it prints."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import edit

from outreach_kit.cli.main import main

FIXTURES = Path(__file__).parent / "fixtures"
MODULE = "modules/take-a-break.yaml"
SERVICES = "resources/test-area.yaml"
PARAGRAPH = "Some days your head will not stop. That is hard. You can try one small thing."
HARD_READING = (
    "Notwithstanding considerable organisational complexity, comprehensive interdisciplinary "
    "evaluation necessitates systematic documentation of individualised therapeutic "
    "interventions, particularly regarding pharmacological considerations."
)
PROBLEM_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<field>[^:]*: )?(?P<message>.+)$")



def validate(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_content_exits_0(content, capsys):
    code, out, err = validate(capsys, str(content), "--strict")
    assert code == 0
    assert out.strip() == "OK: 1 modules, 1 services: 0 errors, 0 warnings, 0 notes"
    assert err == ""


def test_broken_content_lists_every_error_and_exits_1(content, capsys):
    for case in ("boolean-trap", "dangling-reference", "empty-file", "list-not-mapping"):
        shutil.copytree(FIXTURES / "broken" / case, content, dirs_exist_ok=True)
    code, out, err = validate(capsys, str(content))
    assert code == 1
    assert out.startswith("FAILED:") and "4 errors" in out
    lines = err.splitlines()
    assert "Traceback" not in err
    assert lines == [
        f"{content}/modules/a-list.yaml:3: expected a set of 'key: value' lines at the top, "
        "found a list",
        f"{content}/modules/empty.yaml: file is empty",
        f"{content}/{MODULE}:8: subthemes[1]: unknown subtheme 'no-such-theme'",
        f"{content}/{SERVICES}:14: services[0].cost: 'no' is read as a yes/no value here, "
        "not as text; write it in quotes: \"no\"",
    ]


def test_missing_folder_is_one_line_and_exit_2(tmp_path, capsys):
    code, _, err = validate(capsys, str(tmp_path / "nowhere"))
    assert code == 2  # a file or folder named on the command line that is not there
    assert err.strip() == f"error: {tmp_path / 'nowhere'}: content folder not found"


WARNINGS = {
    "review-due": (MODULE, "last_reviewed: 2026-11-01\nnext_review: 2029-11-01",
                   "last_reviewed: 2017-11-01\nnext_review: 2020-11-01",
                   "next_review", "review was due on 01 November 2020"),
    "service-check-overdue": (SERVICES, "last_checked: 2026-11-01\n    check_every_days: 730",
                              "last_checked: 2020-01-01\n    check_every_days: 30",
                              "services[0].last_checked", "'Test drop-in' was due a check"),
    "stigma": (MODULE, "That is hard.", "That is hard for addicts.", "body[1].paragraph",
               '"addicts" (addict): try "person who uses drugs"'),
    "reading-ease": (MODULE, PARAGRAPH, HARD_READING, "", "reading ease is"),
    "undrawable-character": (MODULE, "That is hard.", "That is hard \u2713.",
                             "body[1].paragraph", "the print font has no '\u2713' (CHECK MARK)"),
}


@pytest.mark.parametrize("kind", sorted(WARNINGS))
def test_strict_fails_on_each_kind_of_warning(content, capsys, kind):
    file, old, new, field, words = WARNINGS[kind]
    edit(content / file, old, new)
    if kind == "reading-ease":
        edit(content / MODULE, '  - steps:\n      - "Sit down for a minute."',
             f'  - steps:\n      - "{HARD_READING}"')
    code, out, err = validate(capsys, str(content))
    assert code == 0, err
    assert "0 errors, 1 warnings" in out
    match = PROBLEM_LINE.match(err.strip())
    assert match, err
    assert match["path"] == f"{content}/{file}"
    assert (match["field"] or "").removesuffix(": ") == field
    assert words in match["message"] and match["message"].endswith("(warning)")

    code, out, _ = validate(capsys, str(content), "--strict")
    assert code == 1
    assert out.startswith("FAILED:")


def test_example_services_are_noted_but_pass_strict(content, capsys):
    # The flag belongs to each made-up entry, not to the directory (issue 11).
    edit(content / SERVICES, "  - id: test-drop-in\n",
         "  - id: test-drop-in\n    example: true\n")
    code, out, err = validate(capsys, str(content), "--strict")
    assert code == 0, err
    assert "0 errors, 0 warnings, 1 notes" in out
    assert err.strip().endswith("services[0].example: example data: replace with your area's "
                                "services before printing (note)")


def test_console_script_runs_in_a_fresh_process(content):
    shutil.copytree(FIXTURES / "broken" / "wrong-type", content, dirs_exist_ok=True)
    script = Path(sys.executable).with_name("outreach-kit")
    result = subprocess.run([str(script), "validate", str(content)], capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"{content}/{MODULE}:8: time_needed_minutes: "
                                     "expected a whole number here, written in digits")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", ["binary-file", "non-utf8", "empty-file", "list-not-mapping",
                                  "ten-megabytes"])
def test_bad_input_is_one_clear_line_and_exit_1(content, capsys, case):
    if case == "ten-megabytes":
        (content / "modules" / "huge.yaml").write_bytes(b"text: " + b"x" * 10_000_000)
    else:
        shutil.copytree(FIXTURES / "broken" / case, content, dirs_exist_ok=True)
    code, out, err = validate(capsys, str(content))
    assert code == 1
    (line,) = err.splitlines()
    assert line.startswith(f"{content}/") and "Traceback" not in err
    assert len(line) < 200
    assert out.startswith("FAILED:")
