"""App forms speak plainly: required boxes are marked, each problem shows under its box
and a summary at the top; no field name, type name or pattern ever shows."""

from __future__ import annotations

import pytest

from .conftest import no_exceptions, page_app

pytestmark = pytest.mark.usefixtures("private_content")

CODE_WORDS = ("String should", "Input should", "pattern", "for_whom", "field required",
              "this field is required")


def _new_local_directory(at):
    at.text_input(key="svc.area").input("Harbour")
    next(b for b in at.button if b.label == "Create directory").click().run()
    at.selectbox(key="services.directory").set_value("harbour").run()


def test_an_empty_service_form_says_what_to_fix_at_each_box_and_at_the_top():
    at = page_app("page_services").run()
    _new_local_directory(at)
    labels = [t.label for t in at.text_input if t.key and t.key.startswith("svc.new.")]
    assert "Name (required)" in labels and "Who it is for (required)" in labels
    assert "Phone" in labels, "optional boxes are not marked"
    at.text_input(key="svc.new.web").input("www.example.org")
    next(b for b in at.button if b.label == "Save service").click().run()
    no_exceptions(at)
    shown = [e.value for e in at.error]
    assert shown[0].startswith("5 things to fix before saving: Name, What it offers")
    assert "Website (https://...)" in shown[0]
    assert any(m.startswith("Website: give the whole address, starting with https://")
               for m in shown)
    assert any(m.startswith("Who it is for: ") for m in shown)
    for message in shown:
        for word in CODE_WORDS:
            assert word not in message, (word, message)
