"""Saves to a shared service directory file: none lost, none half-written, none clobbered.

Issue 14: two app sessions each saved 25 services at once and 7 vanished; a killed save left
a temporary file behind for good.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from outreach_kit import file_lock
from outreach_kit.errors import SettingsError
from outreach_kit.file_lock import FileBusyError, locked
from outreach_kit.local_services import (
    load_directory,
    mark_checked,
    new_directory,
    remove_service,
    save_change,
    service_from_form,
    tidy_folder,
    upsert_service,
)

TODAY = dt.date(2026, 11, 26)
SRC = Path(__file__).resolve().parents[1] / "src"

# A child process: save services into one file, each through save_change.
CHILD = textwrap.dedent("""
    import datetime as dt, os, sys, time
    from pathlib import Path
    from outreach_kit.local_services import (load_directory, new_directory, save_change,
                                             service_from_form, upsert_service)

    path, prefix, count, go = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    slow_disk = float(sys.argv[5])  # seconds each fsync takes: the write stays open longer
    day = dt.date(2026, 11, 26)
    real_fsync = os.fsync
    os.fsync = lambda fd: (time.sleep(slow_disk), real_fsync(fd))[1]
    while not go.exists():
        time.sleep(0.005)
    for i in range(count):
        service = service_from_form({
            "id": f"{prefix}-{i}", "name": f"Service {prefix} {i}", "description": "Tea.",
            "area": "Town", "categories": ["drop-in"], "phone": "0131 496 0000",
            "hours": "Mondays", "cost": "Free", "for_whom": "Anyone",
            "source": {"title": "Phoned", "checked": day}, "last_checked": day})
        seen = load_directory(path) if path.exists() else new_directory("area", "Area", "Town")
        save_change(path, seen, lambda d, s=service: upsert_service(d, s))
""")


def _service(service_id: str, **overrides):
    values = {
        "id": service_id, "name": service_id.replace("-", " ").title(),
        "description": "A warm place to sit.", "area": "Town", "categories": ["drop-in"],
        "phone": "0131 496 0000", "hours": "Mondays", "cost": "Free", "for_whom": "Anyone",
        "source": {"title": "Phoned", "checked": TODAY}, "last_checked": TODAY,
    }
    return service_from_form(values | overrides)


def _child(path: Path, prefix: str, count: int, go: Path,
           slow_disk: float = 0.0) -> subprocess.Popen[bytes]:
    env = os.environ | {"PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-c", CHILD, str(path), prefix, str(count),
                             str(go), str(slow_disk)], env=env, stderr=subprocess.PIPE)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


def test_two_processes_saving_25_services_each_keep_all_50(tmp_path: Path):
    path, go = tmp_path / "area.yaml", tmp_path / "go"
    children = [_child(path, prefix, 25, go) for prefix in ("a", "b")]
    go.touch()  # both start saving at the same moment
    for child in children:
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0, err.decode()
    ids = {s.id for s in load_directory(path).services}
    assert ids == {f"{p}-{i}" for p in "ab" for i in range(25)}
    assert _leftovers(tmp_path) == []


def test_two_sessions_in_one_process_keep_all_their_services(tmp_path: Path):
    # App sessions are threads of one Streamlit process.
    path = tmp_path / "area.yaml"
    errors: list[BaseException] = []

    def session(prefix: str) -> None:
        try:
            for i in range(25):
                seen = (load_directory(path) if path.exists()
                        else new_directory("area", "Area", "Town"))
                service = _service(f"{prefix}-{i}")
                save_change(path, seen, lambda d, s=service: upsert_service(d, s))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(p,)) for p in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    assert len(load_directory(path).services) == 50


def _saved(path: Path, *services) -> None:
    directory = new_directory("area", "Area", "Town")
    for service in services:
        directory = upsert_service(directory, service)
    save_change(path, directory, lambda d: directory)


def test_a_service_someone_else_changed_is_not_overwritten(tmp_path: Path):
    path = tmp_path / "area.yaml"
    _saved(path, _service("food-bank"), _service("drop-in"))
    mine = load_directory(path)  # this session opens the directory
    theirs = load_directory(path)
    save_change(path, theirs, lambda d: upsert_service(d, _service("food-bank", hours="Tue")))
    before = path.read_bytes()
    with pytest.raises(SettingsError) as info:
        save_change(path, mine, lambda d: upsert_service(d, _service("food-bank", cost="£1")))
    assert str(info.value) == ("Someone else changed 'Food Bank' since you opened it. Nothing "
                               "was saved: open it again to see their change.")
    assert path.read_bytes() == before
    tomorrow = TODAY + dt.timedelta(days=1)
    with pytest.raises(SettingsError, match=r"^Someone else changed 'Food Bank'"):
        save_change(path, mine, lambda d: mark_checked(d, "food-bank", tomorrow))
    # A change to another service keeps theirs.
    save_change(path, mine, lambda d: upsert_service(d, _service("drop-in", hours="Wed")))
    saved = {s.id: s for s in load_directory(path).services}
    assert (saved["food-bank"].hours, saved["drop-in"].hours) == ("Tue", "Wed")


def test_a_service_someone_else_removed_or_added_is_reported(tmp_path: Path):
    path = tmp_path / "area.yaml"
    _saved(path, _service("food-bank"))
    mine = load_directory(path)
    save_change(path, load_directory(path), lambda d: remove_service(d, "food-bank"))
    with pytest.raises(SettingsError, match=r"^Someone else removed 'Food Bank' since you"):
        save_change(path, mine, lambda d: remove_service(d, "food-bank"))
    with pytest.raises(SettingsError, match=r"^Someone else removed 'Food Bank' since you"):
        save_change(path, mine, lambda d: upsert_service(d, _service("food-bank", cost="£1")))
    save_change(path, load_directory(path), lambda d: upsert_service(d, _service("night-bus")))
    with pytest.raises(SettingsError, match=r"^Someone else added 'Night Bus' since you opened"):
        save_change(path, mine, lambda d: upsert_service(d, _service("night-bus", cost="£2")))
    assert [s.cost for s in load_directory(path).services] == ["Free"]


def test_the_same_change_made_by_both_is_no_conflict(tmp_path: Path):
    path = tmp_path / "area.yaml"
    _saved(path, _service("food-bank", last_checked=TODAY - dt.timedelta(days=9)))
    mine, theirs = load_directory(path), load_directory(path)
    save_change(path, theirs, lambda d: mark_checked(d, "food-bank", TODAY))
    save_change(path, mine, lambda d: mark_checked(d, "food-bank", TODAY))
    assert load_directory(path).services[0].last_checked == TODAY


def test_a_lock_that_stays_taken_gives_a_plain_message(tmp_path: Path, monkeypatch):
    path = tmp_path / "area.yaml"
    _saved(path, _service("food-bank"))
    before = path.read_bytes()
    monkeypatch.setattr(file_lock, "LOCK_TIMEOUT_SECONDS", 0.2)
    with locked(path), pytest.raises(FileBusyError) as info:
        save_change(path, load_directory(path), lambda d: remove_service(d, "food-bank"))
    assert str(info.value) == ("area.yaml is being saved by someone else and was still busy "
                               "after 0.2 seconds. Nothing was saved: try again in a moment.")
    assert path.read_bytes() == before


def test_leftover_temporary_files_go_on_the_next_save_and_when_the_page_opens(tmp_path: Path):
    path = tmp_path / "area.yaml"
    _saved(path, _service("food-bank"))
    left = [tmp_path / ".area.yaml.k1ll3d00.tmp", tmp_path / ".other.yaml.a1b2c3d4.tmp"]
    keep = tmp_path / ".area.yaml.b.yaml.a1b2c3d4.tmp"  # another file's, not area.yaml's
    for leftover in [*left, keep]:
        leftover.write_text("half a file")
    save_change(path, load_directory(path), lambda d: upsert_service(d, _service("drop-in")))
    assert _leftovers(tmp_path) == sorted([left[1].name, keep.name])
    with locked(tmp_path / "other.yaml"):  # a save of other.yaml is in progress: keep its own
        tidy_folder(tmp_path)
    assert _leftovers(tmp_path) == [left[1].name]
    tidy_folder(tmp_path)
    assert _leftovers(tmp_path) == []


def _kill_mid_write(child: subprocess.Popen[bytes], folder: Path) -> None:
    """SIGKILL ``child`` as soon as a save of its has a temporary file open."""
    deadline = time.monotonic() + 10
    while not _leftovers(folder) and time.monotonic() < deadline:
        time.sleep(0.002)
    child.send_signal(signal.SIGKILL)


def test_killing_saves_at_random_moments_never_breaks_the_file(tmp_path: Path):
    path, go = tmp_path / "area.yaml", tmp_path / "go"
    # Enough services that each save takes a while, so kills land in every part of it.
    _saved(path, *(_service(f"old-{i}") for i in range(150)))
    go.touch()
    chance = random.Random(14)
    left_behind = 0
    for round_number in range(6):
        # A slow disk keeps each write open for 0.2 s: every other round is killed in it.
        child = _child(path, f"r{round_number}", 1000, go, slow_disk=0.2)
        if round_number % 2:
            _kill_mid_write(child, tmp_path)
        else:
            time.sleep(0.5 + chance.random() * 0.8)  # past start-up, somewhere in the saves
            child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        directory = load_directory(path)  # always a whole, valid file
        assert {f"old-{i}" for i in range(150)} <= {s.id for s in directory.services}
        left_behind += bool(_leftovers(tmp_path))
        started = time.monotonic()
        save_change(path, directory, lambda d: upsert_service(d, _service("after-kill")))
        assert time.monotonic() - started < 5  # the dead process's lock went with it
        assert _leftovers(tmp_path) == []
    assert left_behind >= 3  # the rounds killed mid-write did leave a temporary file
