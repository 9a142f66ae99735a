"""Outputs never clobber what they should not (issue 14): a folder, device, pipe or read-only
file is never replaced (read-only: only with --force), and ``-o -`` writes to standard output.

Devices are tested through the path check only, which never writes: the tests run as root,
where a wrong answer for ``-o /dev/null`` would replace the system's /dev/null.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import PACK_CONTENT, ROOT

from outreach_kit.atomic import not_a_file_reason, write_bytes_atomic
from outreach_kit.cli.main import main
from outreach_kit.cli.output import check_output
from outreach_kit.errors import OutputError, UsageError

CONTENT = ["--content", str(PACK_CONTENT)]
LETTER = ROOT / "examples" / "letter-hand-over.yaml"
RECIPE = "schema_version: 1\nperson_name: Sam\nobservations: [too-late]\n"


@pytest.fixture()
def recipe(tmp_path: Path) -> Path:
    path = tmp_path / "sam.yaml"
    path.write_text(RECIPE, encoding="utf-8")
    return path


def build(recipe: Path, *args: str) -> int:
    return main(["build", str(recipe), *args, *CONTENT])


def one_error_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("error: ") and "internal error" not in err
    return err.strip()


# ---------------------------------------------------------------------------- not a file


def test_the_path_check_calls_dev_null_a_device_without_touching_it():
    before = os.stat("/dev/null")
    assert not_a_file_reason(Path("/dev/null")) == "is a device"
    with pytest.raises(UsageError, match=r"^/dev/null: is a device; give the name of a file"):
        check_output(Path("/dev/null"), "pdf", force=True)  # not even --force replaces it
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_a_fifo_given_as_the_output_is_refused_and_left_alone(tmp_path, recipe, capsys):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    assert build(recipe, "-o", str(fifo)) == 2
    assert one_error_line(capsys) == f"error: {fifo}: is a pipe (FIFO); give the name of a " \
                                     "file to write"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.pdf", "sam.yaml"]  # no temp


def test_a_folder_given_as_the_output_is_refused(tmp_path, recipe, capsys):
    folder = tmp_path / "pack.pdf"
    folder.mkdir()
    assert build(recipe, "-o", str(folder)) == 2
    assert one_error_line(capsys) == f"error: {folder}: is a folder; give the name of a file " \
                                     "to write"
    assert folder.is_dir() and not any(folder.iterdir())


def test_a_link_to_a_pipe_is_judged_by_what_it_points_to(tmp_path, recipe, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "pack.md"
    link.symlink_to(fifo)
    assert build(recipe, "-o", str(link)) == 2
    assert "is a pipe (FIFO)" in one_error_line(capsys)
    assert link.is_symlink()


def test_the_atomic_writer_itself_never_replaces_a_pipe(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match=r"cannot write .*pipe \(it is a pipe \(FIFO\), not"):
        write_bytes_atomic(fifo, b"data")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_letter_and_training_refuse_a_pipe_too(tmp_path, capsys):
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    assert main(["letter", str(LETTER), "-o", str(fifo)]) == 2
    assert "is a pipe (FIFO)" in one_error_line(capsys)
    assert main(["training", "intro-60", "-o", str(fifo)]) == 2
    assert "is a pipe (FIFO)" in one_error_line(capsys)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


# ---------------------------------------------------------------------------- read-only


def test_a_read_only_file_is_kept_unless_force_is_given(tmp_path, recipe, capsys):
    out = tmp_path / "pack.md"
    out.write_text("the old pack")
    out.chmod(0o444)
    assert build(recipe, "-o", str(out)) == 2
    assert one_error_line(capsys) == (f"error: {out}: the file is read-only; add --force to "
                                      "replace it")
    assert out.read_text() == "the old pack"
    assert build(recipe, "-o", str(out), "--force") == 0
    assert out.read_text().startswith("# For Sam")
    assert stat.S_IMODE(out.stat().st_mode) == 0o444  # still read-only afterwards


def test_letter_and_training_refuse_a_read_only_file(tmp_path, capsys):
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"old")
    out.chmod(0o400)
    assert main(["letter", str(LETTER), "-o", str(out)]) == 2
    assert "read-only; add --force" in one_error_line(capsys)
    assert main(["training", "intro-60", "-o", str(out)]) == 2
    assert "read-only; add --force" in one_error_line(capsys)
    assert out.read_bytes() == b"old"


def test_build_batch_keeps_a_read_only_file_and_builds_the_rest(tmp_path, recipe, capsys):
    folder = tmp_path / "recipes"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.yaml").write_text(RECIPE, encoding="utf-8")
    out = tmp_path / "packs"
    out.mkdir()
    (out / "a.md").write_text("keep me")
    (out / "a.md").chmod(0o444)
    args = ["build-batch", str(folder), "-o", str(out), "--format", "md", "--jobs", "1",
            *CONTENT]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert f"{out / 'a.md'}: the file is read-only; add --force" in captured.err
    assert (out / "a.md").read_text() == "keep me"
    assert (out / "b.md").read_text().startswith("# For Sam")
    assert main([*args, "--force"]) == 0
    assert (out / "a.md").read_text().startswith("# For Sam")


# ---------------------------------------------------------------------------- -o -


def test_dash_writes_text_to_standard_output(tmp_path, recipe, capsysbinary):
    assert build(recipe, "-o", "-", "--format", "md") == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(b"# For Sam\n")
    assert b"wrote" not in captured.out
    assert not Path("-").exists()


def test_dash_writes_a_pdf_to_a_pipe(recipe, capsysbinary, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert build(recipe, "-o", "-", "--format", "pdf") == 0
    data = capsysbinary.readouterr().out
    assert "For Sam" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_dash_refuses_binary_output_on_a_terminal(recipe, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert build(recipe, "-o", "-", "--format", "pdf") == 2
    assert one_error_line(capsys) == ("error: a PDF file cannot be shown on the terminal; "
                                      "send it to a file ('> file.pdf') or use -o FILE")
    assert main(["letter", str(LETTER), "-o", "-", "--format", "docx"]) == 2
    assert "Word (DOCX) file cannot be shown on the terminal" in one_error_line(capsys)


def test_dash_needs_a_format(recipe, capsys):
    assert build(recipe, "-o", "-") == 2
    assert one_error_line(capsys) == ("error: to write to standard output (-o -), say which "
                                      "format with --format")


def test_a_letter_goes_to_standard_output_with_its_notes_on_stderr(capsysbinary):
    assert main(["letter", str(LETTER), "-o", "-", "--format", "txt"]) == 0
    captured = capsysbinary.readouterr()
    assert b"consent:" not in captured.out and b"consent:" in captured.err
    assert captured.out.strip() and b"wrote" not in captured.out
