"""Letters in every export (PDF, DOCX, Markdown, plain text) and the ``letter`` command.

PDF is read back with pypdf, DOCX with python-docx, Markdown through markdown-it-py with
raw HTML on (so any unescaped tag would show). Hostile text goes through every field.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from markdown_it import MarkdownIt
from PIL import Image

from outreach_kit.cli.main import main
from outreach_kit.letters.build import build_letterhead, letter_document
from outreach_kit.letters.compose import compose_letter
from outreach_kit.letters.library import letter_library
from outreach_kit.letters.make import make_letter
from outreach_kit.letters.recipe import LetterRecipe
from outreach_kit.letters.schema import LetterType
from outreach_kit.outputs import render_document as export_letter
from outreach_kit.render.fonts import drawable_text
from outreach_kit.render.markdown import markdown_reading
from outreach_kit.render.plaintext import render_plaintext
from outreach_kit.render.presentation import clean_text as docx_clean  # every format

TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
MD = MarkdownIt("commonmark", {"html": True})
FOOTER = re.compile(r"Page \d+ of \d+[^\n]*")

EDITED_OPENING = ("Thank you for Tuesday. You said the bus stop was “the only quiet place” & "
                  "I have thought about that <b>a lot</b> since, {name}.")
EDITED_DOOR = "Come in any weekday from 10 — ask for me at the desk (no need to book)."


def squash(text: str) -> str:
    return "".join(text.split())


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(FOOTER.sub("", page.extract_text()) for page in reader.pages)


def docx_text(data: bytes) -> str:
    word = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in word.paragraphs)


def md_text(data: bytes) -> str:
    from html import unescape

    html = MD.render(data.decode("utf-8"))
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.fixture(scope="module")
def letters(library):
    return letter_library(library)


def full_recipe(letter_type: str, **changes) -> LetterRecipe:
    data = {
        "letter_type": letter_type,
        "subthemes": ["connecting"],
        "person": {"name": "Sam", "their_words": "I'm tired of being tired",
                   "strengths": ["you are kind to animals"], "what_matters": "your gran",
                   "next_step": "meet for a coffee", "new_worker": "Jo"},
        "letterhead": {"organisation": "The Hub", "address_lines": ["1 Main Street"]},
        "signer": {"name": "Alex", "role": "Keyworker"},
        "edited": {"opening": EDITED_OPENING, "open_door": EDITED_DOOR},
    }
    data.update(changes)
    return LetterRecipe.model_validate(data)


# ---------------------------------------------------------------------------- exports


@pytest.mark.parametrize("letter_type", list(LetterType))
def test_edited_paragraphs_survive_every_export_unchanged(letters, letter_type):
    letter = compose_letter(letters, full_recipe(letter_type), TODAY)
    document = letter_document(letter, build_letterhead(full_recipe(letter_type).letterhead))
    outputs = {
        "pdf": pdf_text(export_letter(document, "pdf")),
        "docx": docx_text(export_letter(document, "docx")),
        "md": md_text(export_letter(document, "md")),
        "txt": export_letter(document, "txt").decode("utf-8"),
    }
    for fmt, text in outputs.items():
        for edited in (EDITED_OPENING, EDITED_DOOR):
            if fmt in ("docx", "txt"):
                assert edited in text.splitlines(), fmt  # a whole paragraph, exactly
            else:
                assert squash(edited) in squash(text), fmt  # PDF and HTML wrap lines
        for paragraph in letter.paragraphs:
            assert squash(paragraph.text) in squash(text), (fmt, paragraph.slot)
        assert "Dear Sam," in text
        assert squash("I'm tired of being tired") in squash(text.replace("’", "'"))
        assert "The Hub" in text


def test_pdf_export_with_a_logo_and_metadata(letters):
    out = io.BytesIO()
    Image.new("RGB", (300, 100), (20, 90, 160)).save(out, "PNG")
    recipe = full_recipe("after-conversation")
    letter = compose_letter(letters, recipe, TODAY)
    document = letter_document(letter, build_letterhead(recipe.letterhead, out.getvalue()))
    reader = pypdf.PdfReader(io.BytesIO(export_letter(document, "pdf")))
    assert reader.metadata.title == "Letter"
    assert reader.metadata.subject == "After a conversation"
    assert "Sam" not in (reader.metadata.title or "")  # no client name in the metadata
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1
    word = docx.Document(io.BytesIO(export_letter(document, "docx")))
    assert len(word.inline_shapes) == 1
    assert word.core_properties.subject == "After a conversation"


def test_docx_letter_uses_normal_style_throughout(letters):
    recipe = full_recipe("hand-over")
    letter = compose_letter(letters, recipe, TODAY)
    data = export_letter(letter_document(letter, build_letterhead(recipe.letterhead)), "docx")
    word = docx.Document(io.BytesIO(data))
    styles = {p.style.name for p in word.paragraphs}
    assert styles == {"Normal"}
    assert word.styles["Normal"].font.size.pt >= 12


def test_plain_text_letter_reads_in_order(letters):
    recipe = full_recipe("reaching-out")
    letter = compose_letter(letters, recipe, TODAY)
    text = render_plaintext(letter_document(letter, build_letterhead(recipe.letterhead)))
    order = ["The Hub", "1 Main Street", "26 November 2026", "Dear Sam,", EDITED_OPENING,
             EDITED_DOOR, letter.sign_off, "Alex", "Keyworker"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_make_letter_with_an_organisation_template(library):
    made = make_letter(library, full_recipe("after-conversation"), TODAY,
                       template_path=ROOT / "templates" / "letters" / "short-note.j2")
    texts = [p.text for p in made.letter.paragraphs]
    assert texts[0] == EDITED_OPENING  # the template used paragraphs.opening
    assert "You said: “I'm tired of being tired”" in texts
    assert made.checks.paragraphs[0].slot == "template"
    assert made.document.kind == "letter"


# ---------------------------------------------------------------------------- hostile text

NASTY = [
    "<b>", "</b>", "&", "&amp;", "</para>", "<para>", "<img src='/etc/passwd'/>",
    "<script>alert(1)</script>", "\x00", "\x07", "\x1b[31m", "\u200f", "\u202e", "\u2066",
    "😀", "👩🏽‍🚒", "{{ 7*7 }}", "{name}", "{0.__class__}", "{% raw %}", "*", "_", "[", "]",
    "#", "`", "|", "\\", "1.", "- ", "> ", "<!--", "\ufeff", "ﬁ", "→", "مرحبا", "Zoë", "\t",
]
piece = st.one_of(st.sampled_from(NASTY), st.text(max_size=10))
short_value = st.lists(piece, min_size=1, max_size=10).map("".join)
long_value = st.lists(piece, min_size=1, max_size=5).map(
    lambda parts: ("".join(parts) + " x") * 5000).map(lambda s: s[:5000])
free_text = st.one_of(short_value, short_value, short_value, long_value).filter(
    lambda s: s.strip())
FIELDS = ("name", "their_words", "what_matters", "next_step", "new_worker")


@st.composite
def hostile_recipes(draw):
    values = {field: draw(free_text) for field in FIELDS}
    return LetterRecipe.model_validate({
        "letter_type": draw(st.sampled_from(list(LetterType))),
        "subthemes": ["connecting"],
        "person": {**values, "strengths": draw(st.lists(free_text, min_size=1, max_size=2))},
        "letterhead": {"organisation": draw(free_text), "address_lines": [draw(free_text)]},
        "signer": {"name": draw(free_text), "role": draw(free_text)},
        "edited": {"opening": draw(free_text), "sign_off": draw(free_text)},
    })


def plain_copy(recipe: LetterRecipe) -> LetterRecipe:
    """The same choices with every typed value replaced by a plain word."""
    data = recipe.model_dump()
    for field in FIELDS:
        data["person"][field] = "Plain"
    data["person"]["strengths"] = ["Plain"] * len(recipe.person.strengths)
    data["letterhead"] = {"organisation": "Plain", "address_lines": ["Plain"]}
    data["signer"] = {"name": "Plain", "role": "Plain"}
    data["edited"] = {"opening": "Plain", "sign_off": "Plain"}
    return LetterRecipe.model_validate(data)


def printed_values(recipe: LetterRecipe, letter) -> list[str]:
    """Everything typed that the letter shows (via its paragraphs or directly)."""
    head, signer = recipe.letterhead, recipe.signer
    return [letter.greeting, *(p.text for p in letter.paragraphs), letter.sign_off,
            head.organisation, *head.address_lines, signer.name, signer.role]


class Tags:
    def __init__(self, html: str):
        self.tags = re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)


SETTINGS = settings(max_examples=20, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def build(letters, recipe):
    letter = compose_letter(letters, recipe, TODAY)
    return letter, letter_document(letter, build_letterhead(recipe.letterhead))


@SETTINGS
@given(recipe=hostile_recipes())
def test_hostile_text_through_plain_text_and_docx(library, recipe):
    letters = letter_library(library)
    letter, document = build(letters, recipe)
    assert recipe.edited["opening"].strip() == letter.paragraphs[0].text
    txt = export_letter(document, "txt").decode("utf-8")
    words_docx = squash(docx_text(export_letter(document, "docx")))
    for value in printed_values(recipe, letter):
        assert squash(docx_clean(value)) in words_docx
        assert squash(docx_clean(value)) in squash(txt)  # one cleaning rule for both
    assert "\x1b" not in txt and "\x00" not in txt


@SETTINGS
@given(recipe=hostile_recipes())
def test_hostile_text_is_never_markdown_markup(library, recipe):
    letters = letter_library(library)
    _, document = build(letters, recipe)
    _, baseline = build(letters, plain_copy(recipe))
    html = MD.render(export_letter(document, "md").decode("utf-8"))
    assert Tags(html).tags == Tags(MD.render(export_letter(baseline, "md").decode())).tags
    letter = compose_letter(letters, recipe, TODAY)
    words = squash(md_text(export_letter(document, "md")))
    for value in [letter.greeting, *(p.text for p in letter.paragraphs), letter.sign_off]:
        assert squash(markdown_reading(value)) in words


@SETTINGS
@given(recipe=hostile_recipes())
def test_hostile_text_through_pdf(library, recipe):
    letters = letter_library(library)
    letter, document = build(letters, recipe)
    words = squash(pdf_text(export_letter(document, "pdf")))
    for value in printed_values(recipe, letter):
        assert squash(drawable_text(value)) in words


# ---------------------------------------------------------------------------- the command


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".md", ".txt"])
def test_cli_writes_each_format_and_prints_checks_and_consent(tmp_path, capsys, suffix):
    out = tmp_path / f"letter{suffix}"
    code = main(["letter", str(EXAMPLES / "letter-after-conversation.yaml"), "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert out.stat().st_size > 0
    assert "consent: Only send this letter if the person has agreed" in captured.err
    assert "check: No wording problems found." in captured.err
    assert "Sam" not in captured.err  # no client details on the terminal
    if suffix == ".pdf":
        assert "Dear Sam," in pdf_text(out.read_bytes())
    if suffix == ".docx":
        assert "Dear Sam," in docx_text(out.read_bytes())
    if suffix in (".md", ".txt"):
        assert "Dear Sam," in out.read_text()
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary files left


def test_cli_prints_the_written_together_guidance(tmp_path, capsys):
    code = main(["letter", str(EXAMPLES / "letter-written-together.yaml"),
                 "-o", str(tmp_path / "l.txt")])
    err = capsys.readouterr().err
    assert code == 0
    assert "guidance: For people who dissociate" in err
    assert "Do not set it as homework." in err


def test_cli_with_template(tmp_path, capsys):
    out = tmp_path / "l.txt"
    code = main(["letter", str(EXAMPLES / "letter-reaching-out.yaml"), "-o", str(out),
                 "--template", str(ROOT / "templates" / "letters" / "short-note.j2")])
    assert code == 0, capsys.readouterr().err
    assert "will be here when you are ready." in out.read_text()


def test_cli_refuses_a_hostile_template_in_one_line(tmp_path, capsys):
    out = tmp_path / "l.txt"
    code = main(["letter", str(EXAMPLES / "letter-reaching-out.yaml"), "-o", str(out),
                 "--template", str(Path(__file__).parent / "fixtures" / "letters" /
                                   "hostile.j2")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: ") and err.count("\n") == 1
    assert not out.exists()


def test_cli_recipe_error_is_one_line_with_file_and_line(tmp_path, capsys):
    recipe = tmp_path / "bad.yaml"
    recipe.write_text("schema_version: 1\nletter_type: after-conversation\nsigner:\n  nme: A\n")
    code = main(["letter", str(recipe), "-o", str(tmp_path / "l.pdf")])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert f"{recipe}:4: signer.nme: unknown field" in err


def test_cli_bad_logo_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "logo.png").write_bytes(b"GIF89a not really")
    recipe = tmp_path / "r.yaml"
    recipe.write_text("schema_version: 1\nletter_type: hand-over\nletterhead:\n"
                      "  logo: logo.png\n")
    code = main(["letter", str(recipe), "-o", str(tmp_path / "l.pdf")])
    err = capsys.readouterr().err
    assert code == 1
    assert "logo.png: the logo must be a PNG or JPEG image" in err
    assert not (tmp_path / "l.pdf").exists()


def test_cli_usage_errors(tmp_path, capsys):
    assert main(["letter", str(EXAMPLES / "letter-hand-over.yaml"),
                 "-o", str(tmp_path / "l.rtf")]) == 2
    assert "end the file name with .pdf, .docx, .md or .txt" in capsys.readouterr().err
    assert main(["letter", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "l.pdf")]) == 2
    assert "recipe file not found" in capsys.readouterr().err


# ---------------------------------------------------------------------------- in a pack


def test_a_letter_inside_a_pack_reaches_every_pack_format(library):
    from outreach_kit.assemble import Recipe, build_pack
    from outreach_kit.document import SectionKind
    from outreach_kit.letters.make import make_pack_letter
    from outreach_kit.render.html import render_html

    section = make_pack_letter(library, {
        "letter_type": "after-conversation", "person": {"name": "Sam"},
        "edited": {"opening": EDITED_OPENING}, "signer": {"name": "Alex"}}, TODAY).section
    pack = build_pack(library, Recipe(person_name="Sam"), TODAY, letter_section=section)
    assert [s.kind for s in pack.sections].count(SectionKind.LETTER) == 1
    for fmt in ("pdf", "docx", "md", "txt"):
        text = {"pdf": pdf_text, "docx": docx_text, "md": md_text,
                "txt": bytes.decode}[fmt](export_letter(pack, fmt))
        assert squash(EDITED_OPENING) in squash(text), fmt
    assert "the only quiet place" in render_html(pack)


def test_pack_letter_data_errors_name_the_field(library):
    from outreach_kit.errors import RecipeError
    from outreach_kit.letters.make import make_pack_letter

    with pytest.raises(RecipeError, match=r"letter: check person\.nmae"):
        make_pack_letter(library, {"letter_type": "hand-over", "person": {"nmae": "x"}},
                            TODAY)


def test_cli_a_recipe_that_is_not_a_regular_file_says_so(tmp_path, capsys):
    for not_a_file in (tmp_path, Path("/dev/null")):
        if not not_a_file.exists():
            continue
        assert main(["letter", str(not_a_file), "-o", str(tmp_path / "l.md")]) == 1
        err = capsys.readouterr().err
        assert f"{not_a_file}: is not a file" in err
        assert "not found" not in err


def test_cli_letter_write_failure_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "letter.md"
    assert main(["letter", str(EXAMPLES / "letter-hand-over.yaml"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"error: cannot write {out}" in err
    assert "internal error" not in err
