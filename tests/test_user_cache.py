"""What the command line keeps between runs: the checked content library and what was
worked out from the content's own text, never anything about a person."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT, edit

from outreach_kit import derived_cache, user_cache
from outreach_kit.content import load_library
from outreach_kit.content.cached import _program_files, library_key, load_library_cached
from outreach_kit.content.kinds import PACK_KINDS
from outreach_kit.document import content_text
from outreach_kit.render.qr import qr_modules


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(user_cache.ENV_VAR, str(folder))
    return folder


def test_a_kept_library_is_the_library_read_from_the_files(cache):
    first = load_library_cached(ROOT / "content", PACK_KINDS)
    assert (cache / "content-library.pickle").is_file()
    again = load_library_cached(ROOT / "content", PACK_KINDS)
    assert again is not first
    assert again == first == load_library(ROOT / "content", PACK_KINDS)


def test_a_changed_content_file_is_read_again(cache, content):
    before = load_library_cached(content)
    module = next(iter(before.modules.values()))
    edit(Path(before.path_of(module)), module.title, "A title changed since the last run")
    after = load_library_cached(content)
    assert after.modules[module.id].title == "A title changed since the last run"


def test_installing_or_removing_a_package_reads_the_folder_again(cache, content, tmp_path,
                                                                 monkeypatch):
    """What a library holds depends on installed packages (an Easy Read picture is checked
    against the installed icons), so a changed site-packages folder is a new key."""
    site = tmp_path / "site-packages"
    site.mkdir()
    monkeypatch.setattr("site.getsitepackages", lambda: [str(site)])
    before = library_key(content, None)
    (site / "newly_installed").mkdir()
    os.utime(site, ns=(1, 1))  # a fixed time, so the test does not rely on clock resolution
    assert library_key(content, None) not in (None, before)


def test_a_changed_program_module_reads_the_folder_again(cache, content, tmp_path,
                                                         monkeypatch):
    program = tmp_path / "program"
    (program / "render" / "__pycache__").mkdir(parents=True)
    (program / "render" / "pdf.py").write_text("a = 1\n")
    monkeypatch.setattr("outreach_kit.content.cached._PACKAGE", program)
    before = library_key(content, None)
    (program / "render" / "__pycache__" / "pdf.cpython-311.pyc").write_bytes(b"compiled")
    assert library_key(content, None) == before  # a compiled copy is not the program
    (program / "render" / "pdf.py").write_text("a = 22\n")
    changed = library_key(content, None)
    assert changed not in (None, before)
    (program / "new.py").write_text("")
    assert library_key(content, None) not in (None, before, changed)


def test_the_program_files_are_those_rglob_finds():
    package = ROOT / "src" / "outreach_kit"
    found = [name for name, _ in _program_files(str(package))]
    assert found == sorted(str(p.relative_to(package)) for p in package.rglob("*.py"))


def test_a_damaged_or_foreign_entry_is_not_used(cache, content):
    load_library_cached(content)
    entry = cache / "content-library.pickle"
    data = entry.read_bytes()
    entry.write_bytes(data[:-10] + b"0123456789")  # the checksum no longer matches
    key = library_key(content, None)
    assert key is not None
    assert user_cache.read_entry("content-library.pickle", key) is None
    assert load_library_cached(content) == load_library(content)
    entry.chmod(0o666)  # anyone could have written it: never unpickled
    assert user_cache.read_entry("content-library.pickle", key) is None


def test_nothing_is_kept_when_the_cache_is_off(tmp_path, monkeypatch, content):
    monkeypatch.setenv(user_cache.ENV_VAR, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load_library_cached(content)
    assert user_cache.cache_folder() is None
    assert not (tmp_path / "xdg").exists()


def test_only_the_contents_own_text_is_kept(cache):
    library = load_library_cached(ROOT / "content", PACK_KINDS)
    derived_cache.restore(library_key(ROOT / "content", PACK_KINDS))
    own = ("In Scotland, naloxone is **free**. You can get it from drug services and from "
           "pharmacies.")
    content_text(own)
    content_text("For Zebedee Quillfeather, **today**")  # made for one pack: never kept
    web = next(s.web for s in library.services.values() if s.web)
    qr_modules(web)
    qr_modules("https://example.org/zebedee-quillfeather")
    derived_cache.keep(library)
    kept = (cache / "content-derived.pickle").read_bytes()
    assert b"Zebedee" not in kept and b"zebedee" not in kept
    key = library_key(ROOT / "content", PACK_KINDS)
    assert key is not None
    payload = user_cache.read_entry("content-derived.pickle", key)
    assert payload is not None
    texts, codes = pickle.loads(payload)
    assert texts[own] == content_text(own)
    assert codes[web] == qr_modules(web)


def test_a_build_from_kept_results_is_the_same_pdf(tmp_path):
    """Three runs of the program: nothing kept yet, then everything kept, then off."""
    env = dict(os.environ, **{user_cache.ENV_VAR: str(tmp_path / "cache")})
    pdfs = []
    for run, setting in enumerate((None, None, "off")):
        if setting:
            env[user_cache.ENV_VAR] = setting
        out = tmp_path / f"pack-{run}.pdf"
        subprocess.run([sys.executable, "-m", "outreach_kit.cli.main", "build",
                        str(ROOT / "examples" / "reference-pack.yaml"), "-o", str(out)],
                       check=True, capture_output=True, env=env, cwd=ROOT, timeout=120)
        pdfs.append(out.read_bytes())
    assert pdfs[0] == pdfs[1] == pdfs[2]
    kept = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert kept == ["content-derived.pickle", "content-library.pickle"]


def test_the_cache_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv(user_cache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache.cache_folder() == tmp_path / "xdg" / "outreach-kit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache.cache_folder() == tmp_path / "home" / ".cache" / "outreach-kit"
