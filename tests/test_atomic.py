"""Atomic writes: never half a file, the old permissions kept, failures as OutputError."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from outreach_kit import atomic
from outreach_kit.atomic import write_bytes_atomic, write_text_atomic
from outreach_kit.errors import OutputError, OutreachKitError


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_private_and_a_replaced_file_keeps_its_mode(tmp_path: Path):
    new = tmp_path / "new.txt"
    write_text_atomic(new, "hello")
    assert new.read_text() == "hello"
    assert mode_of(new) == 0o600
    shared = tmp_path / "shared.txt"
    shared.write_text("old")
    shared.chmod(0o644)
    write_bytes_atomic(shared, b"new")
    assert shared.read_bytes() == b"new"
    assert mode_of(shared) == 0o644


def test_the_folder_is_synced_after_the_rename(tmp_path: Path, monkeypatch):
    synced: list[int] = []
    real_fsync = os.fsync
    folder_fds: set[int] = set()
    real_open = os.open

    def spy_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if Path(path) == tmp_path:
            folder_fds.add(fd)
        return fd

    def spy_fsync(fd):
        synced.append(fd)
        return real_fsync(fd)

    monkeypatch.setattr(atomic.os, "open", spy_open)
    monkeypatch.setattr(atomic.os, "fsync", spy_fsync)
    write_bytes_atomic(tmp_path / "a.txt", b"x")
    assert folder_fds and folder_fds & set(synced)


@pytest.mark.parametrize("case", ["parent-is-a-file", "target-is-a-folder", "disk-full"])
def test_write_failures_are_output_errors_naming_the_file(tmp_path: Path, monkeypatch, case):
    if case == "parent-is-a-file":
        (tmp_path / "file").write_text("x")
        target = tmp_path / "file" / "out.pdf"
    elif case == "target-is-a-folder":
        target = tmp_path / "out.pdf"
        target.mkdir()
    else:
        target = tmp_path / "out.pdf"

        def full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(OutputError) as info:
        write_bytes_atomic(target, b"data")
    assert isinstance(info.value, OutreachKitError) and info.value.exit_code == 1
    assert str(target) in str(info.value)
    assert not [p for p in tmp_path.rglob("*.tmp")]
