"""What a command-line build loads at start-up, and the shortcuts that keep it light give
the same answers as the slow way (figures in bench/bench_cli.py, not here)."""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from outreach_kit import languages
from outreach_kit.cli import pydantic_plugins
from outreach_kit.content.source_policy import OWN_SITE, SourceKind

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "examples" / "reference-pack.yaml"


def _at_exit(tmp_path: Path, argv: list[str], what: str, **env: str) -> object:
    """``what`` (a Python expression) when the program run with ``argv`` ends."""
    code = ("import sys, atexit, gc, os\n"
            f"def report(): print(repr({what}))\n"
            "atexit.register(report)\n"
            # `build` ends with os._exit, which runs no atexit handler
            "_exit = os._exit\n"
            "def end(code):\n"
            "    atexit.unregister(report); report(); sys.stdout.flush(); _exit(code)\n"
            "os._exit = end\n"
            "from outreach_kit.cli.main import main\n"
            f"sys.argv = ['outreach-kit', *{argv!r}]\n"
            "sys.exit(main())\n")
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    environment.update(OUTREACH_KIT_CACHE=str(tmp_path / "cache"), **env)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True, env=environment)
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def _modules_after_build(tmp_path: Path, **env: str) -> set[str]:
    """Every module a `build` of the reference pack loaded, in a fresh process."""
    argv = ["build", str(REFERENCE), "-o", str(tmp_path / "pack.pdf")]
    modules = _at_exit(tmp_path, argv, "sorted(sys.modules)", **env)
    assert isinstance(modules, list)
    return set(modules)


def test_build_leaves_its_garbage_to_the_end_of_the_process_and_others_collect(tmp_path):
    argv = ["build", str(REFERENCE), "-o", str(tmp_path / "pack.pdf")]
    assert _at_exit(tmp_path, argv, "gc.isenabled()") is False
    assert (tmp_path / "pack.pdf").stat().st_size > 0
    assert _at_exit(tmp_path, ["lint", str(REFERENCE)], "gc.isenabled()") is True


def test_an_english_standard_pack_skips_what_it_does_not_use(tmp_path):
    first = _modules_after_build(tmp_path)  # fills the cache, as a user's first build does
    assert (tmp_path / "pack.pdf").stat().st_size > 0
    unused = {"importlib.metadata",  # pydantic's plugin lookup (cli/pydantic_plugins.py)
              "babel",  # a language's script (languages.script_of)
              "pyphen",  # ReportLab's hyphenation by language (import_hooks)
              "outreach_kit.render.pictures", "reportlab.graphics",  # Easy Read pictures
              "outreach_kit.letters.schema", "outreach_kit.language"}  # no letter in it
    assert not unused & first
    argv = ["build", str(REFERENCE), "-o", str(tmp_path / "pack.pdf")]
    encoder_loaded = "sys.modules['outreach_kit.render.qr']._load_encoder.cache_info().currsize"
    assert _at_exit(tmp_path, argv, encoder_loaded) == 0  # every QR code was kept
    tmp_path.joinpath("cache").rename(tmp_path / "old")
    assert _at_exit(tmp_path, argv, encoder_loaded) == 1  # nothing kept: codes are made


def test_a_user_who_asks_for_pydantic_plugins_gets_pydantics_own_loader(tmp_path):
    modules = _modules_after_build(tmp_path, PYDANTIC_DISABLE_PLUGINS="some-plugin")
    assert "importlib.metadata" in modules


def test_the_plugin_stand_in_answers_as_pydantics_loader_does(monkeypatch):
    stand_in = pydantic_plugins._StandIn(pydantic_plugins.LOADER)
    monkeypatch.setenv(pydantic_plugins.SWITCH, "__all__")
    assert list(stand_in.get_plugins()) == []
    monkeypatch.setenv(pydantic_plugins.SWITCH, "1")
    assert list(stand_in.get_plugins()) == []
    monkeypatch.setenv(pydantic_plugins.SWITCH, "some-plugin")  # no such plugin installed
    from pydantic.plugin import _loader

    assert list(stand_in.get_plugins()) == list(_loader.get_plugins())
    # Anything else is pydantic's own.
    assert stand_in.PYDANTIC_ENTRY_POINT_GROUP == _loader.PYDANTIC_ENTRY_POINT_GROUP
    with pytest.raises(AttributeError):
        stand_in.__path__  # noqa: B018 (the import system asks; it must not load anything)


def test_pydantic_still_asks_its_loader_only_for_get_plugins():
    """The stand-in saves time only while pydantic asks for nothing else at validator
    build; if a new pydantic asks for more, this fails (it would still work, more slowly)."""
    from pydantic.plugin import _schema_validator

    source = inspect.getsource(_schema_validator)
    assert "from ._loader import get_plugins\n" in source
    assert source.count("_loader") == 1


def test_a_model_built_under_the_stand_in_validates(tmp_path):
    code = ("import sys\n"
            "from outreach_kit.cli.pydantic_plugins import skip_plugin_lookup\n"
            "skip_plugin_lookup()\n"
            "from pydantic import BaseModel\n"
            "class M(BaseModel):\n    n: int\n"
            "print(M(n='3').n, 'importlib.metadata' in sys.modules)")
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, check=True, env=environment)
    assert result.stdout.split() == ["3", "False"]


def test_own_site_is_the_same_as_a_validated_source_kind():
    validated = SourceKind.model_validate(
        {"id": "own-site", "name": "a service's own web site, for that service",
         "primary": True})
    assert validated == OWN_SITE
    assert isinstance(OWN_SITE, BaseModel)
    assert OWN_SITE.model_dump() == validated.model_dump()


@pytest.mark.parametrize("language", sorted(languages._USUAL_SCRIPT))
def test_the_usual_scripts_agree_with_babel(language):
    assert languages.script_of(language) == languages._script_from_cldr(language)


def test_every_translated_language_knows_its_script_without_babel():
    translated = {p.name for p in (ROOT / "content" / "translations").iterdir() if p.is_dir()}
    assert translated <= set(languages._USUAL_SCRIPT)


@pytest.mark.parametrize(("language", "script"), [("sr-Latn", "Latn"), ("sr", "Cyrl"),
                                                  ("el", "Grek"), ("pl-PL", "Latn")])
def test_other_languages_still_ask_babel(language, script):
    assert languages.script_of(language) == script


def _program(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "OUTREACH_KIT_CACHE": str(tmp_path / "cache")}
    return subprocess.run([sys.executable, "-m", "outreach_kit.cli.main", *argv],
                          capture_output=True, timeout=120, env=environment)


def test_build_ends_at_once_with_its_output_and_messages_complete(tmp_path):
    to_file = _program(tmp_path, "build", str(REFERENCE), "-o", str(tmp_path / "a.pdf"))
    assert to_file.returncode == 0
    assert to_file.stdout.decode().strip() == f"wrote {tmp_path / 'a.pdf'}"
    to_stdout = _program(tmp_path, "build", str(REFERENCE), "-o", "-", "--format", "pdf")
    assert to_stdout.returncode == 0
    assert to_stdout.stdout == (tmp_path / "a.pdf").read_bytes()  # every byte flushed
    missing = _program(tmp_path, "build", str(tmp_path / "none.yaml"), "-o",
                       str(tmp_path / "b.pdf"))
    assert missing.returncode == 2
    assert b"recipe file not found" in missing.stderr
