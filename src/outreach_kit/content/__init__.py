"""Load and validate the YAML content into a ContentLibrary."""

from .library import ContentLibrary
from .loader import load_library, require_valid
from .paths import default_content_dir

__all__ = ["ContentLibrary", "default_content_dir", "load_library", "require_valid"]
