"""Local services: keep your area's directory current.

Each save re-reads the file under its lock and applies only this page's change
(``local_services.save_change``), so two workers saving at once never lose each other's
work. The service being edited is remembered as it was when its form opened: if someone
else changed it meanwhile, the save is refused with a plain message.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import streamlit as st

from ..content.library import ContentLibrary
from ..content.schema import Service, ServiceDirectoryFile
from ..errors import FormError, OutreachKitError
from ..local_services import (
    Change,
    add_own_service,
    asks_for_own_area,
    create_directory,
    load_directory,
    mark_checked,
    new_directory,
    overdue,
    own_directory,
    remove_service,
    save_change,
    service_from_form,
    tidy_folder,
    upsert_service,
)
from ..service_csv import (
    MAX_CSV_BYTES,
    MAX_CSV_ROWS,
    merge_services,
    services_from_csv,
    services_to_csv,
)
from ..service_problems import REQUIRED_IN_FORM
from ..settings import load_settings
from .common import get_library, show_error


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def render() -> None:
    st.title("Local services", anchor=False)
    st.caption("Services for your area, printed on packs. Check each one regularly: "
               "overdue checks are marked.")
    if flash := st.session_state.pop("services.flash", None):
        st.success(flash)
    library = get_library()
    folder = library.root / "resources"
    tidy_folder(folder)  # temporary files left by a save that was killed part-way
    editable = {d.directory.id: d.directory.name for d in library.editable_directories()}

    with (st.expander("Start a directory for a new area", expanded=not editable),
          st.form("new-directory")):
        _new_directory_form(library, folder)

    if not editable:
        st.info("There is no local directory yet. Start one above.")
        return
    chosen = st.selectbox("Directory", list(editable), format_func=lambda i: editable[i],
                          key="services.directory")
    path = folder / f"{chosen}.yaml"
    try:
        directory = load_directory(path)
    except OutreachKitError as error:
        show_error(error)
        return
    if directory.example_services():
        st.warning(library.fixed_wording().example_notice)

    today = dt.date.today()
    _overview(directory, today)

    names = {s.id: s.name for s in directory.services}
    edit_id = st.selectbox("Edit a service", ["", *list(names)],
                           format_func=lambda i: names.get(i, "New service"),
                           key="services.edit")
    current = next((s for s in directory.services if s.id == edit_id), None)
    seen = _as_first_seen(path, directory, edit_id)
    _service_form(library, path, seen, current, today)

    if current is not None:
        a, b = st.columns(2)
        if a.button("Mark as checked today", key="services.checked"):
            _save(path, seen, lambda d: mark_checked(d, current.id, today), "Marked as checked.")
        if b.button("Remove this service", key="services.remove"):
            _save(path, seen, lambda d: remove_service(d, current.id), "Removed.")

    _csv(path, directory, chosen)


def _new_directory_form(library: ContentLibrary, folder: Path) -> None:
    area = st.text_input("Area name (for example: Dundee)", key="svc.area")
    if st.form_submit_button("Create directory") and area.strip():
        directory_id = _slug(area) or "local"
        path = folder / f"{directory_id}.yaml"
        if path.exists() or directory_id in library.directories:
            st.error(f"There is already a directory called '{directory_id}'. Choose it "
                     "below to edit it, or give the new area another name.")
        else:
            try:
                create_directory(path, new_directory(directory_id, f"{area} services", area))
            except OutreachKitError as error:
                show_error(error)
                return
            _saved(f"Created a directory for {area}.")


def _overview(directory: ServiceDirectoryFile, today: dt.date) -> None:
    """The directory as a table, overdue checks marked."""
    late = {s.id for s in overdue(directory, today)}
    if late:
        st.warning(f"{len(late)} service(s) are due a check.", icon=":material/schedule:")
    rows = [{"Service": s.name, "Phone": s.phone or "", "Hours": s.hours,
             "Last checked": s.last_checked.isoformat(),
             "Check due": ("OVERDUE " if s.id in late else "") + s.check_due.isoformat()}
            for s in directory.services]
    if rows:
        # Narrow columns, the name first and widest, so a phone shows the name and more.
        narrow = {name: st.column_config.TextColumn(name, width="small")
                  for name in ("Phone", "Hours", "Last checked", "Check due")}
        st.dataframe(rows, hide_index=True, width="stretch", column_config={
            "Service": st.column_config.TextColumn("Service", width="medium"), **narrow})
    else:
        st.info("No services in this directory yet. Add one below or import a CSV file.")


def _csv(path: Path, directory: ServiceDirectoryFile, chosen: str) -> None:
    st.subheader("CSV", anchor=False)
    st.download_button("Export as CSV", services_to_csv(directory).encode("utf-8"),
                       file_name=f"{chosen}.csv", mime="text/csv", on_click="ignore")
    upload = st.file_uploader(
        f"Import services from CSV (adds new, updates same id; at most {MAX_CSV_ROWS:,} "
        f"rows and {MAX_CSV_BYTES // 1000} kB)", type=["csv"], key="services.csv")
    if upload is not None and st.button("Import", key="services.import"):
        upload.seek(0)  # read from the start again when Import is clicked twice
        try:
            services = services_from_csv(upload, upload.name)
        except OutreachKitError as error:
            show_error(error)
            return
        _save(path, directory, lambda d: merge_services(d, services),
              f"Imported {len(services)}.")


# (field, label, wide?) in the order of the form; required ones are marked in the label.
SERVICE_FIELDS = (
    ("name", "Name", True), ("description", "What it offers, in plain words", True),
    ("phone", "Phone", False), ("web", "Website (https://...)", False),
    ("hours", "Opening hours", False), ("cost", "Cost", False),
    ("for_whom", "Who it is for", False), ("address", "Address", False),
    ("categories", "Categories (comma separated, for example: drop-in, food)", True),
    ("source", "How you checked (for example: phoned the service)", True),
)


def _field_value(current: Service | None, field: str) -> str:
    if current is None:
        return "Free" if field == "cost" else ""
    value = getattr(current, field)
    if field == "categories":
        return ", ".join(value)
    if field == "source":
        return str(value.title)
    return str(value or "")


def _service_fields(current: Service | None, k: str) -> tuple[dict[str, str], dict[str, Any]]:
    """The form's boxes, each with an empty place under it for what is wrong with it."""
    typed: dict[str, str] = {}
    places: dict[str, Any] = {}
    left, right = st.columns(2)
    for i, (field, label, wide) in enumerate(SERVICE_FIELDS):
        where = st.container() if wide else (left if i % 2 == 0 else right)
        required = " (required)" if field in REQUIRED_IN_FORM else ""
        widget = st.text_area if field == "description" else st.text_input
        with where:
            typed[field] = widget(label + required, _field_value(current, field),
                                  key=f"{k}.{field}")
            places[field] = st.empty()
    return typed, places


def _service_form(library: ContentLibrary, path: Path, directory: ServiceDirectoryFile,
                  current: Service | None, today: dt.date) -> None:
    # Fields are keyed by the service being edited, so choosing another service loads it.
    k = f"svc.{current.id if current else 'new'}"
    with st.form(f"service.{k}"):
        st.markdown("**" + ("Edit service" if current else "Add a service") + "**")
        st.caption("Boxes marked (required) must be filled in.")
        summary = st.empty()
        typed, places = _service_fields(current, k)
        every = st.number_input("Check again every (days)", 7, 730,
                                current.check_every_days if current else 90,
                                key=f"{k}.every")
        own_area = _own_area_field(directory, current, k)
        if not st.form_submit_button("Save service", type="primary"):
            return
    new_id = _slug(typed["name"])
    if current is None and any(s.id == new_id for s in directory.services):
        st.error(f"There is already a service called '{typed['name']}' here. Choose it "
                 "under 'Edit a service' to change it.")
        return
    values: dict[str, Any] = typed | {
        "id": current.id if current else new_id, "area": directory.directory.area,
        "categories": [_slug(c) for c in typed["categories"].split(",") if _slug(c)]
        or ["general"],
        "source": {"title": typed["source"] or "Checked by staff", "checked": today},
        "last_checked": today, "check_every_days": int(every),
    }
    try:
        service = service_from_form(values)
        if own_area is None:
            _save(path, directory, lambda d: upsert_service(d, service), "Saved.")
        else:
            _save_in_own_area(library, path.parent, own_area, service)
    except FormError as error:
        _show_form_problems(error, summary, places)
    except OutreachKitError as error:
        show_error(error)


def _show_form_problems(error: FormError, summary: Any, places: dict[str, Any]) -> None:
    """A summary at the top of the form, and each problem under its own box."""
    labels = {field: label for field, label, _ in SERVICE_FIELDS}
    count = len(error.fields)
    summary.error(f"{count} thing{'s' if count > 1 else ''} to fix before saving: "
                  + ", ".join(labels.get(f, f) for f in error.fields) + ".",
                  icon=":material/error:")
    for field, message in error.fields.items():
        if field in places:
            places[field].error(f"{labels[field].split(' (')[0]}: {message}")


def _own_area_field(directory: ServiceDirectoryFile, current: Service | None,
                    k: str) -> str | None:
    """Where a new service goes when this directory holds the made-up examples: the worker's
    own area, so their service is never printed as example data. None: save it here."""
    if current is not None or not asks_for_own_area(directory):
        return None
    try:
        default = load_settings().default_area
    except OutreachKitError:
        default = ""
    st.info("This directory holds made-up examples. Your service is saved in your own "
            "area's directory instead, so it is never printed as example data.")
    area: str = st.text_input("Your area (required, for example: Dundee)", default,
                              key=f"{k}.own_area")
    return area


def _save_in_own_area(library: ContentLibrary, folder: Path, area: str,
                      service: Service) -> None:
    mine = own_directory(area, library.editable_directories())
    _save(folder / f"{mine.directory.id}.yaml", mine, lambda d: add_own_service(d, service),
          f"Saved in {mine.directory.name}. Choose it under Directory to see it.")


def _as_first_seen(path: Path, directory: ServiceDirectoryFile,
                   edit_id: str) -> ServiceDirectoryFile:
    """``directory`` with the service being edited as it was when its form opened.

    Every click reruns the page and reads the file again; without this, a change someone
    else saved while the form was open would look like what the worker had seen.
    """
    opened = (str(path), edit_id)
    first = st.session_state.get("services.opened")
    if first is None or first[0] != opened:
        first = (opened, next((s for s in directory.services if s.id == edit_id), None))
        st.session_state["services.opened"] = first
    service: Service | None = first[1]
    if service is None:
        return directory
    return upsert_service(directory, service)


def _save(path: Path, seen: ServiceDirectoryFile, change: Change, message: str) -> None:
    try:
        save_change(path, seen, change)
    except OutreachKitError as error:
        show_error(error)
        return
    _saved(message)


def _saved(message: str) -> None:
    st.session_state.pop("services.opened", None)  # the form shows what was saved
    for key in [k for k in st.session_state if str(k).startswith("svc.new.")]:
        del st.session_state[key]  # an empty form for the next new service
    st.session_state["services.flash"] = message  # shown after the rerun below
    st.rerun()
