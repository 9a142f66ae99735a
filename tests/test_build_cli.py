"""``outreach-kit build`` and ``build-batch``: formats, atomic writes, clear errors."""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import PACK_CONTENT

from outreach_kit.cli.main import main

CONTENT = ["--content", str(PACK_CONTENT)]

RECIPE = """\
schema_version: 1
person_name: Sam
service_name: Harbour Drop-in
observations: [uses-to-switch-off, too-late]
services: {areas: [Scotland]}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def recipe(tmp_path) -> Path:
    return write(tmp_path, "sam.yaml", RECIPE)


def test_build_pdf(tmp_path, recipe, capsys):
    out = tmp_path / "out" / "pack.pdf"
    assert main(["build", str(recipe), "-o", str(out), *CONTENT]) == 0
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert len(reader.pages) >= 10
    assert "For Sam" in reader.pages[0].extract_text()
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Help right now" in text and "Numbers to keep" in text
    assert reader.metadata.title == "Outreach Kit pack"
    assert reader.metadata.author == "Harbour Drop-in"
    assert "Sam" not in (reader.metadata.subject or "")
    assert f"wrote {out}" in capsys.readouterr().out


def test_build_html_and_markdown_from_the_suffix(tmp_path, recipe):
    html = tmp_path / "pack.html"
    md = tmp_path / "pack.md"
    assert main(["build", str(recipe), "-o", str(html), *CONTENT]) == 0
    assert main(["build", str(recipe), "-o", str(md), *CONTENT]) == 0
    assert html.read_text().startswith("<!doctype html>")
    assert "<h1>For Sam</h1>" in html.read_text()
    assert md.read_text().startswith("# For Sam\n")


def test_format_option_wins_over_suffix(tmp_path, recipe):
    out = tmp_path / "pack.txt"
    assert main(["build", str(recipe), "-o", str(out), "--format", "md", *CONTENT]) == 0
    assert out.read_text().startswith("# For Sam")


def test_unknown_suffix_is_a_usage_error(tmp_path, recipe, capsys):
    assert main(["build", str(recipe), "-o", str(tmp_path / "pack.doc"), *CONTENT]) == 2
    assert "cannot tell the format from 'pack.doc'" in capsys.readouterr().err


def test_profiles_from_the_command_line_and_the_recipe(tmp_path, recipe):
    out = tmp_path / "large.html"
    assert main(["build", str(recipe), "-o", str(out), "--profile", "large-print",
                 "--profile", "greyscale", *CONTENT]) == 0
    assert '<body class="profile-large-print profile-greyscale">' in out.read_text()
    dyslexia = write(tmp_path, "d.yaml", RECIPE + "print: {profiles: [dyslexia]}\n")
    assert main(["build", str(dyslexia), "-o", str(out), *CONTENT]) == 0
    assert '<body class="profile-dyslexia">' in out.read_text()


def test_unknown_profile_is_a_usage_error(tmp_path, recipe, capsys):
    code = main(["build", str(recipe), "-o", str(tmp_path / "x.pdf"), "--profile", "tiny",
                 *CONTENT])
    assert code == 2 and "unknown print profile 'tiny'" in capsys.readouterr().err


def test_bad_recipe_is_one_clear_line_and_exit_1(tmp_path, capsys):
    bad = write(tmp_path, "bad.yaml", "schema_version: 1\nobservations: [too-late, made-up]\n")
    out = tmp_path / "pack.pdf"
    assert main(["build", str(bad), "-o", str(out), *CONTENT]) == 1
    err = capsys.readouterr().err
    assert err == (f"error: {bad}:2: observations[1]: unknown observation 'made-up' "
                   "(every id: outreach-kit recommend --list-observations)\n")
    assert "Traceback" not in err
    assert not out.exists()


def test_missing_and_non_mapping_recipes(tmp_path, capsys):
    missing = tmp_path / "missing.yaml"
    assert main(["build", str(missing), "-o", str(tmp_path / "a.pdf"), *CONTENT]) == 2
    assert capsys.readouterr().err == f"error: {missing}: recipe file not found\n"
    listy = write(tmp_path, "list.yaml", "- a\n- b\n")
    assert main(["build", str(listy), "-o", str(tmp_path / "a.pdf"), *CONTENT]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {listy}:1: a recipe must be a set of 'key: value' lines")
    assert err.count("\n") == 1


def test_failed_build_keeps_the_old_file_and_leaves_no_temp_files(tmp_path, recipe):
    out = tmp_path / "pack.md"
    out.write_text("old pack")
    out.chmod(0o644)
    bad = write(tmp_path, "bad.yaml", "schema_version: 1\nmodules: [nope-nope]\n")
    assert main(["build", str(bad), "-o", str(out), *CONTENT]) == 1
    assert out.read_text() == "old pack"
    assert main(["build", str(recipe), "-o", str(out), *CONTENT]) == 0
    assert out.read_text().startswith("# For Sam")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "pack.md", "sam.yaml"]
    assert (out.stat().st_mode & 0o777) == 0o644  # a replaced file keeps its permissions
    new = tmp_path / "new" / "pack.md"
    assert main(["build", str(recipe), "-o", str(new), *CONTENT]) == 0
    assert (new.stat().st_mode & 0o077) == 0  # a new one is readable only by its maker


# ---------------------------------------------------------------------------- batch


def test_build_batch_reports_a_broken_recipe_and_builds_the_rest(tmp_path, capsys):
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    write(recipes, "one.yaml", RECIPE)
    write(recipes, "two.yaml", RECIPE.replace("Sam", "Jo"))
    write(recipes, "three.yaml", RECIPE + "print: {formats: [html, md]}\n")
    broken = write(recipes, "broken.yaml", "schema_version: 1\nmodules: [not-a-module]\n")
    out = tmp_path / "packs"
    code = main(["build-batch", str(recipes), "-o", str(out), "--jobs", "2", *CONTENT])
    captured = capsys.readouterr()
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "one.pdf", "three.html", "three.md", "two.pdf"]
    assert "For Jo" in PdfReader(out / "two.pdf").pages[0].extract_text()
    assert (f"error: {broken}:2: modules[0]: unknown module 'not-a-module'"
            in captured.err)
    assert "Traceback" not in captured.err
    assert "built 3 of 4 recipes" in captured.out
    assert "Building" not in captured.err  # no progress bar when stderr is not a terminal


def test_build_batch_draws_the_progress_bar_on_a_terminal(tmp_path, capsys, monkeypatch):
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    write(recipes, "one.yaml", RECIPE)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["build-batch", str(recipes), "-o", str(tmp_path / "packs"), "--format", "md",
                 *CONTENT]) == 0
    assert "Building" in capsys.readouterr().err


def test_build_batch_all_good_with_format(tmp_path, capsys):
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    for n in range(3):
        write(recipes, f"r{n}.yaml", RECIPE)
    out = tmp_path / "packs"
    assert main(["build-batch", str(recipes), "-o", str(out), "--format", "md",
                 "--jobs", "1", *CONTENT]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["r0.md", "r1.md", "r2.md"]


def test_build_batch_empty_or_missing_folder(tmp_path, capsys):
    assert main(["build-batch", str(tmp_path / "none"), "-o", str(tmp_path / "o"),
                 *CONTENT]) == 2
    assert "folder not found" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["build-batch", str(tmp_path / "empty"), "-o", str(tmp_path / "o"),
                 *CONTENT]) == 2
    assert "no recipe files" in capsys.readouterr().err


# ---------------------------------------------------------------------------- start-up


def test_cli_start_up_does_not_import_heavy_modules():
    code = ("import sys; from outreach_kit.cli.main import build_parser; build_parser(); "
            "print(sorted(m for m in ('reportlab', 'streamlit', 'jinja2', 'nh3', 'tqdm') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("argv", "loaded", "not_loaded"), [
    ([], [], ["outreach_kit.cli.build", "outreach_kit.content", "pydantic"]),
    (["build"], ["outreach_kit.cli.build"], ["outreach_kit.cli.letter", "reportlab", "tqdm"]),
    (["build-batch"], ["outreach_kit.cli.batch"], ["outreach_kit.cli.training"]),
])
def test_only_the_command_that_runs_is_imported(argv, loaded, not_loaded):
    code = ("import sys; from outreach_kit.cli.main import build_parser; "
            f"build_parser({argv!r}); print(sorted(sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    modules = set(ast.literal_eval(result.stdout))
    assert set(loaded) <= modules
    assert not set(not_loaded) & modules


def test_reference_pack_with_real_content_is_16_pages_or_more(tmp_path):
    reference = Path(__file__).resolve().parents[1] / "examples" / "reference-pack.yaml"
    out = tmp_path / "reference.pdf"
    assert main(["build", str(reference), "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) >= 16
    assert "For Sam" in reader.pages[0].extract_text()
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Help right now" in titles and "Your wallet card" in titles


LETTER_RECIPE = """\
schema_version: 1
person_name: Sam
observations: [only-way-to-switch-off]
letter:
  letter_type: after-conversation
  person:
    name: Sam
    their_words: "I keep my head down and get through it"
  signer: {name: Alex, role: Keyworker}
"""


def test_a_letter_in_the_recipe_goes_into_the_pack(tmp_path):
    recipe = write(tmp_path, "with-letter.yaml", LETTER_RECIPE)
    out = tmp_path / "pack.pdf"
    assert main(["build", str(recipe), "-o", str(out)]) == 0
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "I keep my head down and get through it" in text
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "A letter for you" in titles


def test_a_broken_letter_in_the_recipe_names_file_line_and_field(tmp_path, capsys):
    recipe = write(tmp_path, "bad-letter.yaml",
                   LETTER_RECIPE.replace("after-conversation", "a-poem"))
    assert main(["build", str(recipe), "-o", str(tmp_path / "pack.pdf")]) == 1
    err = capsys.readouterr().err
    assert f"{recipe}:5: letter.letter_type:" in err
    assert "Traceback" not in err and not (tmp_path / "pack.pdf").exists()


def test_a_pack_letter_prints_the_same_notes_as_the_letter_command(tmp_path, capsys):
    recipe = write(tmp_path, "with-letter.yaml", LETTER_RECIPE)
    assert main(["build", str(recipe), "-o", str(tmp_path / "pack.md")]) == 0
    err = capsys.readouterr().err
    assert "consent: Only send this letter if the person has agreed" in err
    assert "\ncheck: " in err and "\nguidance: " in "\n" + err
    assert "I keep my head down" not in err  # no letter text in the notes
    letter = write(tmp_path, "letter.yaml", LETTER_RECIPE.split("letter:\n", 1)[1]
                   .replace("\n  ", "\n").lstrip())
    assert main(["letter", str(letter), "-o", str(tmp_path / "letter.md")]) == 0
    letter_err = capsys.readouterr().err
    notes = [line for line in err.splitlines() if line.split(":")[0] in
             ("guidance", "check", "note", "consent")]
    assert notes and notes == letter_err.splitlines()


def test_build_write_failure_is_a_clear_error_not_an_internal_one(tmp_path, recipe, capsys):
    (tmp_path / "taken").write_text("a file, not a folder")
    out = tmp_path / "taken" / "pack.md"
    assert main(["build", str(recipe), "-o", str(out), *CONTENT]) == 1
    err = capsys.readouterr().err
    assert f"error: cannot write {out}" in err
    assert "internal error" not in err


def test_build_batch_refuses_two_recipes_with_the_same_name(tmp_path, capsys):
    recipes = tmp_path / "recipes"
    recipes.mkdir()
    first = write(recipes, "sam.yaml", RECIPE)
    second = write(recipes, "sam.yml", RECIPE)
    out = tmp_path / "packs"
    assert main(["build-batch", str(recipes), "-o", str(out), *CONTENT]) == 2
    err = capsys.readouterr().err
    assert str(first) in err and str(second) in err
    assert not out.exists()


def test_build_batch_reads_each_recipe_once(tmp_path, monkeypatch, capsys):
    from outreach_kit.assemble import recipe as recipe_module

    recipes = tmp_path / "recipes"
    recipes.mkdir()
    write(recipes, "one.yaml", RECIPE + "print: {formats: [md]}\n")
    write(recipes, "two.yaml", RECIPE)
    reads: list[str] = []
    real_read = recipe_module.read_yaml

    def counting_read(path, *args, **kwargs):
        reads.append(Path(path).name)
        return real_read(path, *args, **kwargs)

    monkeypatch.setattr(recipe_module, "read_yaml", counting_read)
    assert main(["build-batch", str(recipes), "-o", str(tmp_path / "packs"), "--jobs", "1",
                 *CONTENT]) == 0
    assert sorted(reads) == ["one.yaml", "two.yaml"]
    assert sorted(p.name for p in (tmp_path / "packs").iterdir()) == ["one.md", "two.pdf"]


def test_build_batch_output_folder_that_cannot_be_made_is_one_line(tmp_path, capsys):
    folder = tmp_path / "recipes"
    folder.mkdir()
    write(folder, "sam.yaml", RECIPE)
    blocker = write(tmp_path, "not-a-folder", "x")
    code = main(["build-batch", str(folder), "-o", str(blocker / "out"), *CONTENT])
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: cannot make the folder {blocker / 'out'}")
    assert "internal error" not in err


# ---------------------------------------------------------------------------- batch letters

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_build_batch_makes_letter_recipes_as_the_letter_command_does(tmp_path, capsys):
    folder = tmp_path / "recipes"
    folder.mkdir()
    for name in ("minimal.yaml", "letter-hand-over.yaml", "letter-reaching-out.yaml"):
        (folder / name).write_bytes((EXAMPLES / name).read_bytes())
    out = tmp_path / "out"
    assert main(["build-batch", str(folder), "-o", str(out), "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert "unknown field" not in captured.err and "error" not in captured.err
    assert "built 3 of 3 recipes" in captured.out
    assert sorted(p.name for p in out.iterdir()) == [
        "letter-hand-over.md", "letter-reaching-out.md", "minimal.md"]
    for name in ("letter-hand-over", "letter-reaching-out"):
        single = tmp_path / f"{name}.md"
        assert main(["letter", str(folder / f"{name}.yaml"), "-o", str(single)]) == 0
        assert (out / f"{name}.md").read_bytes() == single.read_bytes()


def test_build_batch_skips_a_letter_in_a_format_letters_lack_in_one_line(tmp_path, capsys):
    folder = tmp_path / "recipes"
    folder.mkdir()
    letter = folder / "letter.yaml"
    letter.write_bytes((EXAMPLES / "letter-hand-over.yaml").read_bytes())
    (folder / "pack.yaml").write_bytes((EXAMPLES / "minimal.yaml").read_bytes())
    out = tmp_path / "out"
    assert main(["build-batch", str(folder), "-o", str(out), "--format", "html"]) == 1
    captured = capsys.readouterr()
    assert captured.err == (f"error: {letter}: skipped: this is a letter recipe, and a letter "
                            "cannot be made as html (choose pdf, docx, md, txt)\n")
    assert [p.name for p in out.iterdir()] == ["pack.html"]
    assert "built 1 of 2 recipes" in captured.out
