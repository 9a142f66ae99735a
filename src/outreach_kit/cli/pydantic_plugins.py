"""The command line uses no pydantic plugins, so it does not look for them.

Before it builds its first validator, pydantic imports ``pydantic.plugin._loader`` to ask
for plugins (observability hooks). That module imports ``importlib.metadata`` at its top,
which pulls in ``email``, ``zipfile``, ``csv`` and ``socket``: about 12 ms of a build's
process time, on top of all it imports anyway (``python -c "import importlib.metadata"``
alone costs 66 ms against 16 ms for ``python -c pass``); then it reads every installed
package's metadata (about 7 ms here, more in a large environment).
``PYDANTIC_DISABLE_PLUGINS`` is pydantic's own switch for the second part only; nothing
public skips the import.

:func:`skip_plugin_lookup` sets that switch (a value the user set is kept) and, while it
says "no plugins", stands a small module in for the loader. The stand-in answers
``get_plugins()`` exactly as pydantic's loader does under the switch (no plugins), reading
the switch at each call; anything else asked of it (or ``get_plugins`` once the switch no
longer says "none") is handed to pydantic's own loader, imported then. So a newer pydantic
that asks the loader for more still works, only without the saving;
``tests/test_cli_start_up.py`` checks that pydantic still asks for ``get_plugins``.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from collections.abc import Iterable
from typing import Any

SWITCH = "PYDANTIC_DISABLE_PLUGINS"
LOADER = "pydantic.plugin._loader"
_NONE = ("__all__", "1", "true")  # the values pydantic's loader reads as "no plugins"


def _real_loader() -> types.ModuleType:
    if isinstance(sys.modules.get(LOADER), _StandIn):
        del sys.modules[LOADER]
    return importlib.import_module(LOADER)


class _StandIn(types.ModuleType):
    def get_plugins(self) -> Iterable[Any]:
        if os.environ.get(SWITCH) in _NONE:
            return ()
        return _real_loader().get_plugins()  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # the import system asks for __path__, __spec__...
            raise AttributeError(name)
        return getattr(_real_loader(), name)


def skip_plugin_lookup() -> None:
    """No plugin lookup (nor its imports) in this process, unless the user asked for one."""
    os.environ.setdefault(SWITCH, "__all__")
    if os.environ[SWITCH] in _NONE and LOADER not in sys.modules:
        sys.modules[LOADER] = _StandIn(LOADER)
