"""Outreach Kit: printable self-help packs, therapeutic letters and training sessions.

The pipeline is load -> validate -> assemble -> render:

- ``outreach_kit.content``  loads and validates the YAML in ``content/`` into a ContentLibrary;
- ``outreach_kit.language`` checks wording (stigmatising terms, readability);
- ``outreach_kit.assemble`` turns a recipe into one ``document.Document``;
- ``outreach_kit.render``   turns that document into PDF, HTML, Markdown or DOCX.
"""

__version__ = "0.1.0"
