"""Every recipe, letter and content error in plain words, one problem per line, with "did you
mean" for unknown ids; syntax errors at the line where the problem starts; and one exit code
(2) for a file or folder named on the command line that is not there (issue 14)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, Field, StringConstraints, ValidationError
from support import MINIMAL_CONTENT, PACK_CONTENT, ROOT

from outreach_kit.cli.main import main
from outreach_kit.content import load_library
from outreach_kit.content.messages import plain_message
from outreach_kit.content.schema import Id, ModuleKind, WebLink

CONTENT = ["--content", str(PACK_CONTENT)]
EXAMPLES = ROOT / "examples"
# Wording that comes from pydantic or PyYAML, not from us.
LIBRARY_WORDING = ("should match pattern", "Input should", "String should", "Field required",
                   "Extra inputs", "validation error", "pydantic", "while scanning",
                   "while parsing", "unexpected end of stream", "could not find expected",
                   "did not find expected", "type=", "^[a-z")


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def build_error(tmp_path: Path, capsys, text: str) -> str:
    recipe = tmp_path / "r.yaml"
    recipe.write_text(text, encoding="utf-8")
    code, err = run(capsys, "build", str(recipe), "-o", str(tmp_path / "p.pdf"), *CONTENT)
    assert code == 1
    assert not any(words in err for words in LIBRARY_WORDING), err
    return err


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("schema_version: 1\nobservations:\n  - Too-Late\n", 3,
     "observations[0]: an id is written in small letters, digits and hyphens, like "
     "'uses-more-when-stressed'; write 'too-late'"),
    ("schema_version: 1\nobservations:\n- too-late\n  - blames-self\n", 3,
     "observations[0]: two list items ran together: start each '- ' item on its own line"),
    ("schema_version: 1\nservice_name: \"Harbour\nobservations:\n  - too-late\n", 2,
     "YAML syntax error: a quote opened on this line is never closed"),
    ("schema_version: 1\nobservations: [too-late,\n  blames-self\nmodules: []\n", 2,
     "YAML syntax error: a list opened with '[' on this line is not closed with ']'"),
    ("schema_version: 1\nobservations:\n  - too-late\n - blames-self\n", 4,
     "YAML syntax error: this line is not lined up with the lines above it"),
    ("schema_version: 1\nservice_name: Harbour: Drop-in\n", 2,
     "YAML syntax error: a second ': ' on this line; put text that contains ': ' in quotes"),
    ("schema_version: 2\n", 1, "schema_version: must be 1"),
    ("schema_version: 1\nwallet_steps: [a, b, c, d]\n", 2, "wallet_steps: too many items: at "
     "most 3"),
    ("schema_version: 1\nprint: {profiles: [huge]}\n", 2, "print.profiles: unknown print "
     "profile 'huge'"),
])
def test_recipe_mistakes_in_plain_words_at_the_right_line(tmp_path, capsys, text, line,
                                                          expected):
    err = build_error(tmp_path, capsys, text)
    assert err.startswith(f"error: {tmp_path / 'r.yaml'}:{line}: {expected}"), err
    assert err.count("\n") == 1


@pytest.mark.parametrize(("field", "wrong", "right", "command"), [
    ("observations", "blames-sef", "blames-self", "recommend --list-observations"),
    ("modules", "hope-without-presure", "hope-without-pressure", "recommend --list-modules"),
    ("services: {ids: [samaritns]}\nx", "", "samaritans", "recommend --list-services"),
])
def test_unknown_ids_say_did_you_mean_and_how_to_list_them(tmp_path, capsys, field, wrong,
                                                           right, command):
    text = (f"schema_version: 1\n{field}: [{wrong}]\n" if wrong else
            "schema_version: 1\nservices: {ids: [samaritns]}\n")
    err = build_error(tmp_path, capsys, text)
    assert f"did you mean '{right}'? (every id: outreach-kit {command})" in err


def test_the_listing_commands_name_every_id(capsys):
    library = load_library(PACK_CONTENT)
    assert main(["recommend", "--list-modules", *CONTENT]) == 0
    ids = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert ids == sorted(library.modules)
    assert main(["recommend", "--list-services", *CONTENT]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == sorted(library.services)
    assert "samaritans\t" in "\n".join(lines)


def test_a_content_file_with_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(MINIMAL_CONTENT, root)
    module = next((root / "modules").glob("*.yaml"))
    lines = module.read_text(encoding="utf-8").splitlines()
    title = next(i for i, text in enumerate(lines) if text.startswith("title:"))
    lines[title] = 'title: "Take a break'
    module.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = [p for p in load_library(root).problems if p.path == str(module)]
    assert [(p.line, p.message) for p in problems] == [
        (title + 1, "YAML syntax error: a quote opened on this line is never closed; add "
                    "the closing quote (\" or ')")]


def test_an_unknown_reference_in_content_says_did_you_mean(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(MINIMAL_CONTENT, root)
    module = next((root / "modules").glob("*.yaml"))
    text = module.read_text(encoding="utf-8")
    found = re.search(r"^subthemes: \[([a-z-]+)", text, flags=re.M)
    assert found is not None
    subtheme = found.group(1)
    module.write_text(text.replace(found.group(0), f"subthemes: [{subtheme[:-1]}", 1),
                      encoding="utf-8")
    messages = [p.message for p in load_library(root).problems]
    assert f"unknown subtheme '{subtheme[:-1]}'; did you mean '{subtheme}'?" in messages


# ---------------------------------------------------------------------------- letters


def test_letter_given_a_pack_recipe_is_one_line(tmp_path, capsys):
    recipe = EXAMPLES / "minimal.yaml"
    code, err = run(capsys, "letter", str(recipe), "-o", str(tmp_path / "l.pdf"))
    assert code == 1
    assert err == (f"error: {recipe}: this is not a letter recipe (it has no letter_type:); "
                   f"for a pack recipe use: outreach-kit build {recipe} -o pack.pdf\n")


def test_build_given_a_letter_recipe_is_one_line(tmp_path, capsys):
    recipe = EXAMPLES / "letter-hand-over.yaml"
    code, err = run(capsys, "build", str(recipe), "-o", str(tmp_path / "p.pdf"))
    assert code == 1
    assert err == (f"error: {recipe}: this is a letter recipe (it has letter_type:); make it "
                   f"with: outreach-kit letter {recipe} -o letter.pdf\n")


def test_letter_recipe_problems_are_one_per_line_in_plain_words(tmp_path, capsys):
    recipe = tmp_path / "l.yaml"
    recipe.write_text("schema_version: 1\nletter_type: thank-you\nsubthemes: [Self-Stigma]\n"
                      "person:\n  nmae: Sam\n", encoding="utf-8")
    code, err = run(capsys, "letter", str(recipe), "-o", str(tmp_path / "l.pdf"))
    assert code == 1
    lines = err.splitlines()
    assert lines[0].startswith(f"error: {recipe}:2: letter_type: must be one of "
                               "'after-conversation'")
    assert lines[1] == (f"{recipe}:3: subthemes[0]: an id is written in small letters, "
                        "digits and hyphens, like 'uses-more-when-stressed'; write "
                        "'self-stigma'")
    assert lines[2] == (f"{recipe}:5: person.nmae: unknown field (check the spelling; see "
                        "examples/README.md)")
    assert len(lines) == 3 and all(line.count(str(recipe)) == 1 for line in lines)
    assert not any(words in err for words in LIBRARY_WORDING)


# ---------------------------------------------------------------------------- exit codes


def test_a_missing_input_is_exit_2_for_every_command(tmp_path, capsys, monkeypatch):
    gone = tmp_path / "gone"
    out = str(tmp_path / "out.pdf")
    letter = str(EXAMPLES / "letter-hand-over.yaml")
    cases = [
        (["build", f"{gone}.yaml", "-o", out], "recipe file not found"),
        (["letter", f"{gone}.yaml", "-o", out], "recipe file not found"),
        (["letter", letter, "-o", out, "--template", f"{gone}.j2"], "template file not found"),
        (["build-batch", str(gone), "-o", str(tmp_path / "packs")], "folder not found"),
        (["lint", f"{gone}.txt"], "file not found"),
        (["lint", "--terms", f"{gone}.yaml", "-"], "terms file not found"),
        (["validate", str(gone)], "content folder not found"),
        (["recommend", "--list-observations", "--content", str(gone)],
         "content folder not found"),
        (["training", "--list", "--content", str(gone)], "content folder not found"),
        (["build", letter, "-o", out, "--content", str(gone)], "content folder not found"),
    ]
    for argv, words in cases:
        code, err = run(capsys, *argv)
        assert (code, words in err) == (2, True), (argv, err)
    monkeypatch.setenv("OUTREACH_KIT_CONTENT", str(gone))
    code, err = run(capsys, "validate")
    assert code == 2
    assert err == f"error: {gone}: content folder not found (set by OUTREACH_KIT_CONTENT)\n"


def test_an_unknown_letter_subtheme_names_the_file_and_says_did_you_mean(tmp_path, capsys):
    recipe = tmp_path / "l.yaml"
    recipe.write_text("schema_version: 1\nletter_type: hand-over\nsubthemes: [self-stigm]\n",
                      encoding="utf-8")
    code, err = run(capsys, "letter", str(recipe), "-o", str(tmp_path / "l.md"))
    assert code == 1
    assert err == (f"error: {recipe}: subthemes: unknown subtheme 'self-stigm'; did you mean "
                   "'self-stigma'?\n")


class _Every(BaseModel):
    """One field for each kind of constraint the schemas use."""

    id: Id = "an-id"
    link: WebLink = "https://example.org"
    short: Annotated[str, StringConstraints(min_length=1, max_length=5)] = "x"
    items: list[int] = Field(default_factory=list, max_length=2)
    number: int = Field(default=1, ge=1, le=9)
    kind: ModuleKind = ModuleKind.STRATEGY
    version: Literal[1] = 1
    ratio: float = 0.5


@pytest.mark.parametrize(("data", "expected"), [
    ({"id": "Has Spaces"}, "an id is written in small letters, digits and hyphens"),
    ({"link": "http://x.org"}, "a web address must start with https://"),
    ({"short": ""}, "this is empty; fill it in or remove the line"),
    ({"short": "too long"}, "too long: at most 5 characters"),
    ({"items": [1, 2, 3]}, "too many items: at most 2"),
    ({"number": 0}, "must be 1 or more"),
    ({"number": 10}, "must be 9 or less"),
    ({"kind": "strateegy"}, "must be one of 'psychoeducation', 'strategy',"),
    ({"version": 2}, "must be 1"),
    ({"ratio": "half"}, "expected a number here, written in digits"),
])
def test_each_kind_of_schema_error_is_in_plain_words(data, expected):
    with pytest.raises(ValidationError) as caught:
        _Every.model_validate(data)
    [error] = caught.value.errors()
    message = plain_message(dict(error))
    assert message.startswith(expected) or expected in message, message
    assert not any(words in message for words in LIBRARY_WORDING)
