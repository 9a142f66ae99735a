"""Two libraries loaded without start-up work this program never uses.

When imported, two modules compile a regular expression whose character ranges run to the
top of Unicode, and Python compiles such a pattern slowly:

- ``reportlab.platypus.paragraph`` compiles ``uri_pat`` (about 35 ms, a tenth of a whole
  ``outreach-kit build``), used only to split a long web address where ReportLab
  hyphenates, which our styles never ask for. It also imports pyphen (about 5 ms) for that
  same hyphenation by language;
- ``yaml.reader`` compiles ``NON_PRINTABLE`` (about 7 ms), used only by PyYAML's
  pure-Python reader; we parse with libyaml (``content/yaml_source.py``).

:func:`install` adds an import hook. While one of these modules runs its top level,
``re.compile`` hands back a :class:`DeferredPattern` for that one pattern (the same
pattern, compiled the first time anything uses it), and ReportLab finds no pyphen (it then
never hyphenates by language, which no style of ours sets: ``hyphenationLang`` is empty).
Every other pattern and module is untouched. ``re`` has no lazy compile, and neither
library offers a switch, hence the hook; if a new version changes a pattern, the hook
leaves it alone and the module loads as before (``tests/test_import_hooks.py`` notices).
"""

from __future__ import annotations

import importlib.machinery
import re
import sys
from _thread import get_ident
from collections.abc import Sequence
from types import ModuleType
from typing import Any

PARAGRAPH = "reportlab.platypus.paragraph"
YAML_READER = "yaml.reader"

# The module whose top level compiles a costly pattern -> a piece of text marking it.
COSTLY_PATTERNS = {
    PARAGRAPH: "[a-z\xa1-\uffff0-9]",
    YAML_READER: "\U00010000-\U0010ffff",
}
# The module -> optional imports it tries and copes without.
SKIPPED_IMPORTS = {PARAGRAPH: ("pyphen",)}

_REAL_COMPILE = re.compile


class DeferredPattern:
    """A regular expression compiled on first use; then it acts as the compiled one."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: str, flags: int) -> None:
        self._pattern, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = _REAL_COMPILE(self._pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # match, search, pattern, flags ...
        return getattr(self.compiled(), name)


def _compile_deferring(pattern: Any, flags: int = 0) -> Any:
    marker = COSTLY_PATTERNS.get(sys._getframe(1).f_globals.get("__name__", ""))
    if marker is not None and isinstance(pattern, str) and marker in pattern:
        return DeferredPattern(pattern, flags)
    return _REAL_COMPILE(pattern, flags)


# The hook's classes follow importlib's protocols without subclassing importlib.abc:
# importing that (with importlib.resources) would cost more than it saves, about 20 ms.
class _Finder:
    """Hands out the hooked modules' loaders, and refuses the imports they skip.

    It stays in ``sys.meta_path`` once installed (one set lookup an import): taking it out,
    or putting another finder in, while another thread walks that list could make that
    thread skip a finder."""

    def __init__(self) -> None:
        self.waiting = set(COSTLY_PATTERNS)
        self.refusing: dict[int, Sequence[str]] = {}  # thread -> names it may not import

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname in self.refusing.get(get_ident(), ()):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        if fullname not in self.waiting:
            return None
        self.waiting.discard(fullname)
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            hooked = _Loader(spec.loader, self, SKIPPED_IMPORTS.get(fullname, ()))
            spec.loader = hooked  # type: ignore[assignment]  # duck-typed, as said above
        return spec


class _Loader:
    def __init__(self, loader: Any, finder: _Finder, skipped: Sequence[str]) -> None:
        self._loader, self._finder, self._skipped = loader, finder, skipped

    def __getattr__(self, name: str) -> Any:  # get_source, get_data ...: the real loader's
        return getattr(self._loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)  # type: ignore[no-any-return]

    def exec_module(self, module: ModuleType) -> None:
        # Only in this thread: an app thread importing pyphen meanwhile gets it as usual.
        thread = get_ident()
        before = self._finder.refusing.get(thread, ())
        self._finder.refusing[thread] = (*before, *self._skipped)
        re.compile = _compile_deferring  # only while this module's top level runs
        try:
            self._loader.exec_module(module)
        finally:
            re.compile = _REAL_COMPILE
            if before:
                self._finder.refusing[thread] = before
            else:
                del self._finder.refusing[thread]


def install() -> None:
    """Load those modules this way whenever they are first imported (once per process;
    modules loaded already are left as they are)."""
    if any(isinstance(finder, _Finder) for finder in sys.meta_path):
        return
    finder = _Finder()
    finder.waiting -= set(sys.modules)
    if finder.waiting:
        sys.meta_path.insert(0, finder)
