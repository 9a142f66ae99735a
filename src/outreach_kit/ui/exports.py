"""Download buttons for finished files. They never rerun the app (on_click="ignore")."""

from __future__ import annotations

import streamlit as st

from ..outputs import FORMATS, render_pack_files

__all__ = ["export_buttons", "render_all"]

render_all = render_pack_files


def export_buttons(files: dict[str, bytes], stem: str) -> None:
    columns = st.columns(len(files))
    for column, (fmt, data) in zip(columns, files.items(), strict=True):
        label, mime, suffix = FORMATS[fmt]
        column.download_button(f"Download {label}", data, file_name=f"{stem}{suffix}",
                               mime=mime, on_click="ignore", key=f"download.{stem}.{fmt}",
                               type="primary" if fmt == "pdf" else "secondary")
