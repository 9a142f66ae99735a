"""A letter (or any document) in one of the letter export formats, as bytes."""

from __future__ import annotations

from ..document import Document
from ..errors import UsageError
from ..render.options import PrintOptions

EXPORT_FORMATS = {"pdf": "application/pdf",
                  "docx": "application/vnd.openxmlformats-officedocument."
                          "wordprocessingml.document",
                  "md": "text/markdown", "txt": "text/plain"}


def export_letter(document: Document, fmt: str, options: PrintOptions | None = None) -> bytes:
    options = options or PrintOptions()
    if fmt == "pdf":
        from ..render.pdf import render_pdf

        return render_pdf(document, options)
    if fmt == "docx":
        from ..render.docx import render_docx

        return render_docx(document, options)
    if fmt == "md":
        from ..render.markdown import render_markdown

        return render_markdown(document).encode("utf-8")
    if fmt == "txt":
        from ..render.plaintext import render_plaintext

        return render_plaintext(document).encode("utf-8")
    raise UsageError(f"unknown letter format '{fmt}'; choose from {', '.join(EXPORT_FORMATS)}")
