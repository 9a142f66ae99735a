"""Impose A5 pages two-up on A4 landscape sheets for a saddle-stitched booklet.

Print the result double-sided (flip on the short edge), fold the stack in half and
staple on the fold. The A5 page count is padded with blank pages to a multiple of 4.
Sheet sides, in print order, hold pages (left, right): n,1 / 2,n-1 / n-2,3 / 4,n-3 ...
"""

from __future__ import annotations

from io import BytesIO

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    TextStringObject,
)
from reportlab.lib.pagesizes import A4, landscape

from ..errors import RenderError

SHEET_WIDTH, SHEET_HEIGHT = landscape(A4)


def padded_page_count(page_count: int) -> int:
    """The page count rounded up to a multiple of 4 (at least 4)."""
    return max(4, -(-page_count // 4) * 4)


def booklet_order(page_count: int) -> list[tuple[int, int]]:
    """(left, right) page numbers, counting from 1, for each sheet side in print order.

    ``page_count`` must be a positive multiple of 4 (pad first: :func:`padded_page_count`).
    """
    if page_count < 4 or page_count % 4:
        raise ValueError("a booklet needs a page count that is a positive multiple of 4")
    sides = []
    for side in range(page_count // 2):
        low, high = side + 1, page_count - side
        sides.append((high, low) if side % 2 == 0 else (low, high))
    return sides


def impose_booklet(a5_pdf: bytes) -> bytes:
    """Two-up A4 landscape sheets from A5 pages, keeping metadata, language and bookmarks.

    Each A5 page becomes a form XObject placed on its half of a sheet, which is much
    faster than merging content streams. Link annotations are not carried over: the
    booklet is for printing.
    """
    try:
        reader = PdfReader(BytesIO(a5_pdf))
        pages = list(reader.pages)
    except Exception as error:  # pypdf raises several types for a broken file
        raise RenderError("The booklet could not be laid out: the page file is damaged.") \
            from error
    if not pages:
        raise RenderError("The booklet could not be laid out: it has no pages.")
    writer = PdfWriter()
    forms = [_page_as_form(page, writer) for page in pages]
    sheet_of_page: dict[int, int] = {}
    for sheet_index, (left, right) in enumerate(booklet_order(padded_page_count(len(pages)))):
        sheet = writer.add_blank_page(SHEET_WIDTH, SHEET_HEIGHT)
        xobjects = DictionaryObject()
        operators = []
        for slot, number in enumerate((left, right)):
            if number > len(pages):
                continue  # a blank padding page
            form, width, height = forms[number - 1]
            name = f"/Page{number}"
            xobjects[NameObject(name)] = form
            x = round(slot * SHEET_WIDTH / 2 + (SHEET_WIDTH / 2 - width) / 2, 3) or 0.0
            y = round((SHEET_HEIGHT - height) / 2, 3) or 0.0
            operators.append(f"q 1 0 0 1 {x:.3f} {y:.3f} cm {name} Do Q")
            sheet_of_page[number - 1] = sheet_index
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): xobjects})
        content = DecodedStreamObject()
        content.set_data("\n".join(operators).encode("ascii"))
        sheet[NameObject("/Contents")] = writer._add_object(content.flate_encode())
    _copy_document_info(reader, writer)
    _copy_outline(reader, writer, sheet_of_page)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_as_form(page: PageObject, writer: PdfWriter) -> tuple[IndirectObject, float, float]:
    """The page's content as a form XObject in ``writer``, with its width and height."""
    box = page.mediabox
    contents = page.get_contents()
    data = contents.get_data() if contents is not None else b""
    form = DecodedStreamObject()
    form.set_data(data)
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(v) for v in
                                         (box.left, box.bottom, box.right, box.top)),
    })
    resources = page.get("/Resources")
    if resources is not None:
        form[NameObject("/Resources")] = resources.get_object().clone(writer)
    reference = writer._add_object(form.flate_encode())
    return reference, float(box.width), float(box.height)


def _copy_document_info(reader: PdfReader, writer: PdfWriter) -> None:
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items()})
    root = reader.root_object
    if "/Lang" in root:
        writer.root_object[NameObject("/Lang")] = TextStringObject(str(root["/Lang"]))
    preferences = root.get("/ViewerPreferences")
    if preferences is not None:
        created = writer.create_viewer_preferences()
        if preferences.get_object().get("/DisplayDocTitle"):
            # What ``display_doctitle = True`` does (mypy sees that attribute as a property).
            created[NameObject("/DisplayDocTitle")] = BooleanObject(True)


def _copy_outline(reader: PdfReader, writer: PdfWriter, sheet_of_page: dict[int, int]) -> None:
    for item in reader.outline:
        if isinstance(item, list):
            continue  # sections are one level deep
        page_index = reader.get_destination_page_number(item)
        if page_index in sheet_of_page:
            writer.add_outline_item(title=str(item.title), page_number=sheet_of_page[page_index])

