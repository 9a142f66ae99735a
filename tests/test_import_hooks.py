"""ReportLab and PyYAML loaded through the import hook: the costly patterns are deferred and
still match as compiled ones do, nothing else changes (figures in bench/bench_cli.py)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import threading

import pytest
import yaml
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle

from outreach_kit import import_hooks
from outreach_kit.import_hooks import PARAGRAPH, YAML_READER, DeferredPattern
from outreach_kit.render.options import PROFILES, PrintOptions
from outreach_kit.render.pdf_styles import styles_for


def _fresh(code: str) -> object:
    """The ``answer`` that ``code`` sets, run in a fresh interpreter."""
    program = code + "\nprint(repr(answer))"
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            timeout=120, check=True)
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_a_fresh_process_loads_both_modules_with_the_patterns_deferred():
    found = _fresh("""
import re, sys
import outreach_kit.render.pdf, outreach_kit.content
import reportlab.platypus.paragraph as paragraph, yaml.reader as reader
answer = (type(paragraph.uri_pat).__name__, type(reader.Reader.NON_PRINTABLE).__name__,
 type(paragraph._hy_letters_pat).__name__, paragraph.pyphen is None,
 re.compile.__module__, [(type(finder).__name__, finder.waiting, finder.refusing)
                         for finder in sys.meta_path
                         if type(finder).__module__ == 'outreach_kit.import_hooks'])
""")
    # only the costly pattern is deferred; the module's others are compiled as usual;
    # re.compile is the real one again; the hook waits for nothing and refuses nothing
    assert found == ("DeferredPattern", "DeferredPattern", "Pattern", True, "re",
                     [("_Finder", set(), {})])


def test_pyphen_is_refused_to_reportlab_only_and_can_be_imported_after():
    assert _fresh("""
import outreach_kit.render.pdf
import pyphen
answer = pyphen.Pyphen(lang='en_GB').inserted('hyphenation')
""") == "hy-phen-a-tion"


def test_a_module_loaded_before_the_hook_is_left_as_it_was():
    assert _fresh("""
import reportlab.platypus.paragraph as paragraph
import outreach_kit.render.pdf
answer = type(paragraph.uri_pat).__name__, paragraph.pyphen is None
""") == ("Pattern", False)


URIS = ["https://www.nhs.uk/conditions/naloxone/", "www.example.org/a/b?c=d#e",
        "http://192.168.0.1:8080/x", "ftp://[::1]/", "mailto:someone@example.org",
        "not a web address", "https://例え.jp/パス", "http://localhost", "", "://",
        "https://a-.com", "HTTPS://WWW.NHS.UK/ÉÈ"]


@pytest.mark.parametrize("module", [PARAGRAPH, YAML_READER])
def test_a_deferred_pattern_answers_as_the_compiled_one(module):
    pattern, flags = _costly_pattern(module)
    deferred, compiled = DeferredPattern(pattern, flags), re.compile(pattern, flags)
    for text in [*URIS, "tab\there", "bell\x07", "ok \U0001F600", "\ufffe"]:
        for method in ("match", "search", "fullmatch"):
            got, want = getattr(deferred, method)(text), getattr(compiled, method)(text)
            assert (got and got.span(), got and got.groups()) == \
                   (want and want.span(), want and want.groups()), (module, text, method)
    assert (deferred.pattern, deferred.flags) == (compiled.pattern, compiled.flags)
    assert deferred.compiled() is deferred.compiled()  # compiled once


def _costly_pattern(module: str) -> tuple[str, int]:
    """The costly pattern as the library itself defines it (read from its module)."""
    loaded = sys.modules.get(module) or __import__(module, fromlist=["_"])
    value = (loaded.uri_pat if module == PARAGRAPH else loaded.Reader.NON_PRINTABLE)
    real = value.compiled() if isinstance(value, DeferredPattern) else value
    assert import_hooks.COSTLY_PATTERNS[module] in real.pattern  # the marker still finds it
    return real.pattern, real.flags


def test_only_the_marked_pattern_of_a_hooked_module_is_deferred():
    run = "made = (compile(costly), compile('[a-z]+'), compile(costly.replace(marker, 'x')))"
    for module, marker in import_hooks.COSTLY_PATTERNS.items():
        scope = {"__name__": module, "compile": import_hooks._compile_deferring,
                 "costly": f"({marker})+", "marker": marker}
        exec(run, scope)
        assert [type(made).__name__ for made in scope["made"]] == \
               ["DeferredPattern", "Pattern", "Pattern"]
    elsewhere = {"__name__": "somewhere.else", "compile": import_hooks._compile_deferring,
                 "costly": "([a-z\xa1-\uffff0-9])+", "marker": ""}
    exec("made = (compile(costly),)", elsewhere)
    assert isinstance(elsewhere["made"][0], re.Pattern)


def test_pure_python_yaml_still_refuses_control_characters():
    with pytest.raises(yaml.reader.ReaderError):
        yaml.load("text: \x07", Loader=yaml.SafeLoader)
    assert yaml.load("text: ok", Loader=yaml.SafeLoader) == {"text": "ok"}


def test_the_refusal_holds_only_in_the_importing_thread():
    finder = import_hooks._Finder()
    finder.refusing[threading.get_ident()] = ("not_loaded_module",)
    with pytest.raises(ModuleNotFoundError):
        finder.find_spec("not_loaded_module", None)
    assert finder.find_spec("other_module", None) is None
    answers: list[object] = []
    other = threading.Thread(target=lambda: answers.append(
        finder.find_spec("not_loaded_module", None)))
    other.start()
    other.join()
    assert answers == [None]


def test_installing_twice_adds_one_finder():
    assert _fresh("""
import sys
from outreach_kit import import_hooks
import_hooks.install()
answer = sum(isinstance(finder, import_hooks._Finder) for finder in sys.meta_path)
""") == 1


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_no_style_asks_reportlab_to_hyphenate_so_skipping_pyphen_changes_nothing(profile):
    styles = styles_for(PrintOptions.from_names([profile]))
    paragraph_styles = [value for value in vars(styles).values()
                        if isinstance(value, ParagraphStyle)]
    assert paragraph_styles
    assert not rl_config.hyphenationLang
    assert not any(getattr(style, "hyphenationLang", "") for style in paragraph_styles)
    assert not any(getattr(style, "embeddedHyphenation", 0) for style in paragraph_styles)
