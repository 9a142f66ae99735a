"""Easy Read content: the easy_read schema, the picture catalogue, the words to avoid, and
the checks run by `validate` and `outreach-kit lint --easy-read`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from support import ROOT, edit

from outreach_kit.cli.main import main
from outreach_kit.content import load_library
from outreach_kit.content.easy_read import icon_path
from outreach_kit.content.schema import Audience
from outreach_kit.language.easy_read import check_text, easy_read_problems, sentences
from outreach_kit.validate import validate_library

CONTENT = ROOT / "content"
MODULE = "modules/take-a-break.yaml"
EASY_READ = """easy_read:
  review: draft
  items:
    - text: "You can take a break. Sit down for 1 minute."
      picture: clock
    - text: "Breathe out slowly."
      picture: heart
"""
PICTURES = """pictures:
  clock:
    icon: solid/clock
    alt: "Clock"
  heart:
    icon: solid/heart
    alt: "Heart"
"""


@pytest.fixture
def easy_content(content: Path) -> Path:
    """The minimal content folder with Easy Read text, two pictures and the words to avoid."""
    avoid = "language/easy-read-avoid.yaml"
    (content / avoid).write_bytes((CONTENT / avoid).read_bytes())
    (content / "pictures" / "mine.yaml").write_text(PICTURES, encoding="utf-8")
    module = (content / MODULE).read_text(encoding="utf-8")
    without = module[:module.index("easy_read:")]  # the fixture's own short block
    (content / MODULE).write_text(without + EASY_READ.lstrip("\n"), encoding="utf-8")
    return content


def lint(capsys, *args: str) -> tuple[int, str]:
    code = main(["lint", "--easy-read", *args])
    return code, capsys.readouterr().out


def test_easy_read_text_and_pictures_load_and_pass(easy_content, capsys):
    library = load_library(easy_content)
    assert not library.errors, library.errors
    module = library.modules["take-a-break"]
    assert module.easy_read is not None
    assert [i.picture for i in module.easy_read.items] == ["clock", "heart"]
    assert library.pictures["clock"].alt == "Clock"
    assert easy_read_problems(library) == []
    assert lint(capsys, "--content", str(easy_content)) == (0, "")


def test_a_picture_id_in_two_files_names_both_files(easy_content):
    (easy_content / "pictures" / "other.yaml").write_text(
        "pictures:\n  heart:\n    icon: solid/heart-pulse\n    alt: \"Heart beating\"\n",
        encoding="utf-8")
    problems = [str(p) for p in load_library(easy_content).errors]
    assert len(problems) == 1
    assert "other.yaml:2: pictures.heart: picture id 'heart' is also used in" in problems[0]
    assert problems[0].endswith("mine.yaml")


def test_unknown_picture_and_missing_icon_are_errors_with_file_and_line(easy_content):
    edit(easy_content / MODULE, "picture: heart", "picture: hart")
    edit(easy_content / "pictures" / "mine.yaml", "solid/clock", "solid/no-such-icon")
    problems = {(Path(p.path).name, p.line, p.field): p.message
                for p in load_library(easy_content).errors}
    assert problems[("take-a-break.yaml", 30, "easy_read.items[1].picture")] == (
        "unknown picture 'hart'")
    icon = problems[("mine.yaml", 3, "pictures.clock.icon")]
    assert "there is no icon 'solid/no-such-icon'" in icon


def test_each_item_has_exactly_one_picture(easy_content):
    edit(easy_content / MODULE, "      picture: heart\n", "")
    problems = [str(p) for p in load_library(easy_content).errors]
    assert any("easy_read.items[1].picture: this field is required" in p for p in problems)
    edit(easy_content / MODULE, "      picture: clock\n",
         "      picture: clock\n      pictures: [heart]\n")
    assert any("items[0].pictures: unknown field" in str(p)
               for p in load_library(easy_content).errors)


def test_long_sentences_avoided_words_and_number_words_are_warnings(easy_content, capsys):
    edit(easy_content / MODULE, "Breathe out slowly.",
         "We are all in the same boat so breathe out slowly and count to ten while you "
         "sit down somewhere.")
    library = load_library(easy_content)
    found = [(p.line, p.field, p.severity, p.message) for p in validate_library(library)
             if p.field.startswith("easy_read")]
    assert found == [
        (29, "easy_read.items[1].text", "warning", "\"in the same boat\" (idiom): "
         "try say exactly what you mean"),
        (29, "easy_read.items[1].text", "warning", "\"ten\": write numbers as digits"),
        (29, "easy_read.items[1].text", "warning",
         "sentence of 20 words (at most 15): \"We are all in the same ...\""),
    ]
    assert main(["validate", str(easy_content), "--strict"]) == 1
    code, out = lint(capsys, "--content", str(easy_content))
    assert code == 1
    assert out.count("easy_read.items[1].text") == 3


def test_sentence_rules():
    assert sentences("One. Two words! Three? e.g. stays, and 9.30am too.") == [
        "One.", "Two words!", "Three?", "e.g. stays, and 9.30am too."]
    assert check_text("Naloxone is a medicine. It is free.", None) == []
    assert len(check_text("Sit. Stand. Walk. Rest.", None)) == 1  # at most 3 sentences
    fifteen = " ".join(["word"] * 15) + "."
    assert check_text(fifteen, None) == []
    assert len(check_text("a " + fifteen, None)) == 1


def test_lint_checks_text_files_and_module_files(easy_content, tmp_path, capsys, monkeypatch):
    text = tmp_path / "leaflet.txt"
    text.write_text("Naloxone is a medicine.\nYou can administer it to someone.\n",
                    encoding="utf-8")
    code, out = lint(capsys, "--content", str(easy_content), str(text))
    assert code == 1
    assert out.strip() == f"{text}:2: \"administer\" (jargon): try give (warning)"
    code, out = lint(capsys, "--content", str(easy_content), str(easy_content / MODULE))
    assert (code, out) == (0, "")
    monkeypatch.setattr("sys.stdin", io.StringIO("It is two minutes.\n"))
    code, out = lint(capsys, "--content", str(easy_content), "-")
    assert code == 1 and "\"two\": write numbers as digits" in out
    assert main(["lint", "--easy-read", str(tmp_path / "missing.txt")]) == 2


def test_a_client_module_without_easy_read_text_is_a_warning(content, capsys):
    module = (content / MODULE).read_text(encoding="utf-8")
    (content / MODULE).write_text(module[:module.index("easy_read:")], encoding="utf-8")
    library = load_library(content)
    listed = easy_read_problems(library)
    assert [(p.field, p.severity) for p in listed] == [("easy_read", "warning")]
    assert main(["validate", str(content)]) == 0
    assert main(["validate", str(content), "--strict"]) == 1


def test_shipped_easy_read_text_passes_and_uses_only_installed_pictures(library):
    """Every client module in the real content has Easy Read text that passes every check."""
    assert not [p for p in library.errors if "picture" in p.field or "easy_read" in p.field]
    assert easy_read_problems(library) == []
    for picture in library.pictures.values():
        assert icon_path(picture.icon) is not None
    core = {"phone", "medicine", "person", "home", "warning", "heart", "talk", "clock",
            "calendar", "ambulance", "pharmacy", "money", "food", "bed", "water", "hand-help",
            "question"}
    assert core <= set(library.pictures)
    help_now = library.help_now_module()
    assert help_now is not None and help_now.easy_read is not None
    assert {i.service for i in help_now.easy_read.items if i.service} == {
        block.contact.service for block in help_now.body if hasattr(block, "contact")}
    clients = [m for m in library.modules.values() if m.audience is Audience.CLIENT]
    assert len(clients) >= 60
    assert [m.id for m in clients if m.easy_read is None] == []
