"""Organisation settings: name, address, logo and default print profile. Never client data.

Stored as ``organisation.yaml`` (and ``organisation-logo.png``) in the content folder, or in
the folder named by ``$OUTREACH_KIT_SETTINGS``. Written atomically after validation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)

from .atomic import write_bytes_atomic, write_text_atomic
from .content.loader import validate_source
from .content.messages import plain_message
from .content.paths import default_content_dir
from .content.yaml_source import parse_yaml_bytes, read_yaml
from .errors import ContentError, OutputError, Problem, SettingsError
from .formats import DEFAULT_PROFILE, PROFILES, unknown_profile_message

ENV_VAR = "OUTREACH_KIT_SETTINGS"
SETTINGS_FILE = "organisation.yaml"
LOGO_FILE = "organisation-logo.png"

MAX_LINE = 120
MAX_ADDRESS_LINES = 6

Line = Annotated[str, StringConstraints(strip_whitespace=True, max_length=MAX_LINE)]


class OrganisationSettings(BaseModel):
    # Its validator is built when first needed, not at import: a build with no settings
    # file checks none (load_settings), which saves about 2 ms of process time.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              defer_build=True)

    schema_version: Literal[1] = 1
    organisation: Line = ""
    address_lines: list[Line] = Field(default_factory=list, max_length=MAX_ADDRESS_LINES)
    phone: Line = ""
    signer_role: Line = ""
    default_area: Line = ""
    default_profiles: list[str] = Field(default_factory=lambda: [DEFAULT_PROFILE])
    has_logo: bool = False
    # May pages not yet clinically reviewed go into client packs? (review_policy.py)
    allow_unreviewed_modules: bool = True

    @field_validator("default_profiles")
    @classmethod
    def _known_profiles(cls, names: list[str]) -> list[str]:
        unknown = [n for n in names if n not in PROFILES]
        if unknown:
            raise ValueError(unknown_profile_message(unknown[0]))
        return names


def checked_settings(**fields: Any) -> tuple[OrganisationSettings | None, list[str]]:
    """Settings from what was typed, or None and one plain line per problem.

    Each line names the field and the limit, never the value typed.
    """
    try:
        return OrganisationSettings(**fields), []
    except ValidationError as exc:
        return None, [_readable(error) for error in exc.errors()]


# The Organisation page's labels: a person sees these, never the field names.
SETTINGS_LABELS = {
    "organisation": "Organisation name", "address_lines": "Address",
    "phone": "Phone number for clients", "signer_role": "Usual role of the person signing",
    "default_area": "Default area", "default_profiles": "Default print profile",
}


def _readable(error: Any) -> str:
    field = str(error["loc"][0]) if error["loc"] else ""
    reason = {
        "string_too_long": f"each line is at most {MAX_LINE} characters",
        "too_long": f"at most {MAX_ADDRESS_LINES} lines",
    }.get(error["type"]) or plain_message(error)
    return f"{SETTINGS_LABELS.get(field, 'Settings')}: {reason}"


def settings_dir() -> Path:
    return Path(os.environ[ENV_VAR]) if os.environ.get(ENV_VAR) else default_content_dir()


def settings_for_content(content_root: Path) -> OrganisationSettings:
    """The settings that go with a content folder: those in ``$OUTREACH_KIT_SETTINGS``,
    else the ones saved in that folder (as the app saves them)."""
    return load_settings(Path(os.environ[ENV_VAR]) if os.environ.get(ENV_VAR) else content_root)


def load_settings(folder: Path | None = None) -> OrganisationSettings:
    """The saved settings, or defaults when none are saved yet. Bad files raise ContentError."""
    path = (folder or settings_dir()) / SETTINGS_FILE
    if not path.exists():
        return OrganisationSettings.model_construct()  # the defaults: nothing to check
    source, problems = read_yaml(path)
    if source is not None:
        settings, problems = validate_source(source, OrganisationSettings)
        if settings is not None:
            return settings
    raise ContentError(problems)


def save_settings(settings: OrganisationSettings, folder: Path | None = None) -> Path:
    path = (folder or settings_dir()) / SETTINGS_FILE
    text = "# Organisation settings (no client information). Edited from the app.\n" + (
        yaml.safe_dump(settings.model_dump(mode="json"), sort_keys=False, allow_unicode=True)
    )
    source = parse_yaml_bytes(text.encode("utf-8"), path)
    checked, problems = validate_source(source, OrganisationSettings)
    if checked != settings:
        problems = problems or [Problem(str(path), None, "", "did not read back the same")]
        raise SettingsError("\n".join(str(p) for p in problems))
    write_text_atomic(path, text)  # OutputError naming the file if it cannot be written
    return path


def load_logo(folder: Path | None = None) -> bytes | None:
    path = (folder or settings_dir()) / LOGO_FILE
    return path.read_bytes() if path.is_file() else None


def save_logo(png_bytes: bytes, folder: Path | None = None) -> None:
    """Store a logo that has already been checked and re-encoded as PNG."""
    if not png_bytes.startswith(b"\x89PNG\r\n\x1a\n"):
        raise SettingsError("the logo must be checked and converted to PNG before saving")
    write_bytes_atomic((folder or settings_dir()) / LOGO_FILE, png_bytes)


def remove_logo(folder: Path | None = None) -> None:
    path = (folder or settings_dir()) / LOGO_FILE
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot remove {path} ({exc.strerror or type(exc).__name__})") from None
