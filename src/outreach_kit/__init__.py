"""Outreach Kit: printable self-help packs, therapeutic letters and training sessions.

The pipeline is load -> validate -> assemble -> render:

- ``outreach_kit.content``  loads and validates the YAML in ``content/`` into a ContentLibrary;
- ``outreach_kit.language`` checks wording (stigmatising terms, readability);
- ``outreach_kit.assemble`` turns a recipe into one ``document.Document``;
- ``outreach_kit.render``   turns that document into PDF, HTML, Markdown or DOCX.
"""

__version__ = "0.1.0"

# Kinds of content file defined above the content layer (letters and training build on it,
# so the loader must not import them itself). Each module here calls
# ``content.kinds.register_kind`` when imported; the loader imports this list before it
# reads a folder. A new kind of content is one more module name here.
CONTENT_KIND_MODULES = ("outreach_kit.letters.schema", "outreach_kit.training.schema")

# Before anything here imports ReportLab or PyYAML: skips about 45 ms of their start-up
# work that this program never uses (see import_hooks).
from . import import_hooks  # noqa: E402

import_hooks.install()
