"""Download buttons for finished files. They never rerun the app (on_click="ignore")."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from ..formats import FORMATS
from .common import guarded_file

FileData = bytes | Callable[[], bytes]


def export_buttons(files: dict[str, FileData], stem: str, disabled: bool = False) -> None:
    """One download button per format. A callable is rendered only when its button is
    clicked, so the formats nobody asks for cost nothing."""
    columns = st.columns(len(files))
    for column, (fmt, data) in zip(columns, files.items(), strict=True):
        kind = FORMATS[fmt]
        made = guarded_file(data) if callable(data) else data
        column.download_button(f"Download {kind.label}", made, file_name=f"{stem}{kind.suffix}",
                               mime=kind.mime, on_click="ignore", key=f"download.{stem}.{fmt}",
                               type="primary" if fmt == "pdf" else "secondary",
                               disabled=disabled)
