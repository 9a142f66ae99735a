"""Outreach Kit: printable self-help packs, therapeutic letters and training sessions.

The pipeline is load -> validate -> assemble -> render:

- ``outreach_kit.content``  loads and validates the YAML in ``content/`` into a ContentLibrary;
- ``outreach_kit.language`` checks wording (stigmatising terms, readability);
- ``outreach_kit.assemble`` turns a recipe into one ``document.Document``;
- ``outreach_kit.render``   turns that document into PDF, HTML, Markdown or DOCX.
"""

__version__ = "0.1.0"

# Letters and training build on the content layer, so the content loader cannot import
# them; each registers its kind of content file when its schema is imported
# (``content.kinds.register_kind``). This is the one place that imports them: Python runs
# this file before any module of the package, so no content folder is loaded without them.
from .letters import schema as _letters_schema  # noqa: F401
from .training import schema as _training_schema  # noqa: F401

