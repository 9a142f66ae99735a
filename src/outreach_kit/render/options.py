"""Print options for the renderers: built from profile names in the ``formats`` table.

``PrintOptions`` lives with the profile table (``outreach_kit.formats``) so the recipe and
settings layers can check and build it without importing the renderers.
"""

from __future__ import annotations

from ..formats import PROFILES, PageFormat, PrintOptions

__all__ = ["PROFILES", "PageFormat", "PrintOptions"]
