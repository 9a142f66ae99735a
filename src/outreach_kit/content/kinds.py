"""Which files the loader reads, and the model each one is validated against.

The kinds defined here are the content layer's own. Layers built on top of it (letters,
training) register theirs with :func:`register_kind` when their schema module is imported.
Those modules are named in one place, ``outreach_kit.CONTENT_KIND_MODULES`` (the top-level
package, above every layer), and :func:`file_kinds` imports them by name before the first
folder is loaded: this package never names a layer above it.

A command that needs only some kinds names them (``load_library(root, kinds=PACK_KINDS)``);
when every kind it names is the content layer's own, the layers' schema modules are not
even imported.
"""

from __future__ import annotations

import importlib
from collections.abc import Collection
from dataclasses import dataclass

from pydantic import BaseModel

from .. import CONTENT_KIND_MODULES
from . import easy_read, model_schema, schema, source_policy
from .wording import WordingFile


@dataclass(frozen=True)
class FileKind:
    folder: str  # "" for a single file at the root
    pattern: str
    model: type[BaseModel]
    required: bool = False

    @property
    def where(self) -> str:
        return f"{self.folder}/{self.pattern}" if self.folder else self.pattern

    @property
    def name(self) -> str:
        """What a command calls this kind: its folder, or its file name without ``.yaml``."""
        return self.folder or self.pattern.removesuffix(".yaml")


_KINDS: list[FileKind] = [
    FileKind("", "content.yaml", schema.ContentManifest, required=True),
    FileKind("", "model.yaml", model_schema.ModelFile, required=True),
    FileKind("", "wording.yaml", WordingFile, required=True),
    FileKind("language", "terms.yaml", schema.TermsFile, required=True),
    FileKind("language", "easy-read-avoid.yaml", easy_read.AvoidFile),
    FileKind("pictures", "*.yaml", easy_read.PictureFile),
    FileKind("modules", "*.yaml", schema.Module),
    FileKind("resources", "*.yaml", schema.ServiceDirectoryFile),
    FileKind("", "sources.yaml", source_policy.SourcePolicyFile),
]
_OWN_KINDS = len(_KINDS)


# What a pack is made from. Loading only these for `build` skips the letters and training
# files and their schemas: 57 ms of the 100 ms a full load takes (process_time, in-process),
# and the stigma terms (12 ms: 87 patterns compiled to check them), which only a pack with
# a letter needs (letters.make loads them with the letters).
PACK_KINDS = frozenset({"content", "model", "wording", "modules", "resources", "pictures"})


def register_kind(kind: FileKind) -> None:
    """Read files matching ``kind`` with its model from now on (once, however often called)."""
    if kind not in _KINDS:
        _KINDS.append(kind)


def file_kinds(names: Collection[str] | None = None) -> tuple[FileKind, ...]:
    """Every kind (or those named), the content layer's own first, then in the order they
    were registered."""
    own = {kind.name for kind in _KINDS[:_OWN_KINDS]}
    if names is not None and set(names) <= own:
        return tuple(kind for kind in _KINDS if kind.name in names)
    for module in CONTENT_KIND_MODULES:
        # Imported when content is first loaded rather than with the package: a process that
        # never reads content (``outreach-kit --help``) then skips them; imported with the
        # package they cost 0.23 s of start-up, pydantic included (python -X importtime).
        importlib.import_module(module)  # cached by Python after the first call
    return tuple(kind for kind in _KINDS if names is None or kind.name in names)
