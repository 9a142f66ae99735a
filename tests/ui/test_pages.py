"""Every page renders with AppTest, and the main flows work without a browser."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from .conftest import ROOT, go, no_exceptions, page_app, router_app

pytestmark = pytest.mark.usefixtures("private_content")

SWITCH_OFF = "w.obs.only-way-to-switch-off"


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _snapshot(*folders: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for folder in folders for p in folder.rglob("*") if p.is_file()}


def _pack_pdf(at) -> bytes:
    """The PDF the pack page made for the choices on screen (made again on each change)."""
    return at.session_state["pack.made"][1].pdf


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("page_pack", "Make a pack"),
        ("page_letter", "Write a letter"),
        ("page_training", "Training"),
        ("page_library", "Content library"),
        ("page_services", "Local services"),
        ("page_organisation", "Organisation"),
    ],
)
def test_every_page_renders(page: str, title: str):
    at = page_app(page).run()
    no_exceptions(at)
    assert at.title[0].value == title


def test_letter_page_checks_and_exports():
    at = page_app("page_letter").run()
    no_exceptions(at)
    at.text_input(key="w.person_name").input("Sam")
    at.text_area(key="w.letter.their_words").input("I just need a break from it all")
    at.text_input(key="w.letter.signer").input("Alex")
    at.run()
    no_exceptions(at)
    assert any("Reading ease" in c.value for c in at.caption)
    buttons = [b for b in at.get("download_button") if b.key.startswith("download.letter.")]
    assert len(buttons) == 4 and all(b.proto.disabled for b in buttons), \
        "no export before the consent box is ticked"
    at.checkbox(key="w.letter.consent").check().run()
    no_exceptions(at)
    buttons = [b for b in at.get("download_button") if b.key.startswith("download.letter.")]
    assert not any(b.proto.disabled for b in buttons), "then one click per file"
    assert "I just need a break from it all" in _letter_text(at)


def test_letter_is_composed_once_per_change(monkeypatch: pytest.MonkeyPatch):
    from outreach_kit.ui import page_letter

    calls: list[int] = []
    real = page_letter.make_letter

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(page_letter, "make_letter", counted)
    at = page_app("page_letter").run()
    assert len(calls) == 1, "the first draft, once"
    at.text_area(key="w.letter.their_words").input("I need a break").run()
    assert len(calls) == 2, "their words changed: composed and checked once"
    at.checkbox(key="w.letter.consent").check().run()
    assert len(calls) == 2, "nothing the letter is made from changed"
    box = next(t for t in at.text_area if t.key.startswith("w.letter.text."))
    box.input(box.value + " Take care.").run()
    no_exceptions(at)
    assert len(calls) == 3, "an edited paragraph: composed once more"
    assert any("Take care." in repr(m.document) for m in at.session_state["letter.made"].values())


def test_correcting_their_words_changes_the_letter():
    at = page_app("page_letter").run()
    at.text_input(key="w.person_name").input("Sam")
    at.text_area(key="w.letter.their_words").input("I need a break").run()
    at.text_area(key="w.letter.their_words").input("I need a rest").run()
    at.checkbox(key="w.letter.consent").check().run()
    text = _letter_text(at)
    assert "I need a rest" in text and "I need a break" not in text


def _letter_text(at) -> str:
    """The letter's text file as its download button makes it (AppTest cannot click)."""
    from outreach_kit.outputs import render_document

    made = list(at.session_state["letter.made"].values())[-1]
    return render_document(made.document, "txt").decode("utf-8")


def _make_letter_text(at) -> str:
    at.checkbox(key="w.letter.consent").check().run()
    no_exceptions(at)
    return _letter_text(at)


def test_letter_keeps_every_strength_and_what_matters_whatever_the_themes():
    at = page_app("page_letter").run()
    at.multiselect(key="w.letter.subthemes").set_value(
        ["blocking-out", "disconnection", "stuck-here-and-now"]).run()
    at.text_area(key="w.letter.strengths").input("Looks out for his pal Danny").run()
    at.text_input(key="w.letter.what_matters").input("His wee girl").run()
    no_exceptions(at)
    assert not [w for w in at.warning if "not in the letter" in w.value]
    text = _make_letter_text(at)
    assert "Looks out for his pal Danny" in text and "His wee girl" in text


def test_claim_paragraphs_are_offered_only_once_ticked():
    def offered(at) -> str:
        return " ".join(" ".join(map(str, box.options)) for box in at.selectbox
                        if box.key and box.key.startswith("w.letter.choice."))

    at = page_app("page_letter").run()
    at.multiselect(key="w.letter.subthemes").set_value(["self-stigma"]).run()
    assert "blame yourself" not in offered(at)
    at.checkbox(key="w.letter.said.blames-self").check().run()
    no_exceptions(at)
    assert "blame yourself" in offered(at)


def test_a_strength_taken_out_of_the_letter_is_noted_beside_its_field():
    at = page_app("page_letter").run()
    at.text_area(key="w.letter.strengths").input("Looks out for his pal Danny").run()
    box = next(t for t in at.text_area
               if t.key.startswith("w.letter.text.") and "Danny" in t.value)
    box.input("I noticed some real strengths in you.").run()
    no_exceptions(at)
    notes = [w.value for w in at.warning if "not in the letter" in w.value]
    assert notes and "Danny" not in " ".join(notes), notes


def test_letter_goes_into_the_pack_only_when_chosen_and_while_consented():
    at = go(router_app(), "page_letter")
    at.text_input(key="w.person_name").input("Sam")
    at.text_area(key="w.letter.their_words").input("I look after my dog").run()
    at.checkbox(key="w.letter.consent").check().run()
    at.button(key="letter.to_pack").click().run()
    go(at, "page_pack")
    include = at.checkbox(key="w.include_letter")
    assert include.value is False and "for Sam" in include.label
    assert "I look after my dog" not in _pdf_text(_pack_pdf(at))
    at.checkbox(key="w.include_letter").check().run()
    assert "I look after my dog" in _pdf_text(_pack_pdf(at))
    # Consent withdrawn: the letter leaves the pack.
    go(at, "page_letter")
    at.checkbox(key="w.letter.consent").uncheck().run()
    go(at, "page_pack")
    assert "letter.for_pack" not in at.session_state
    assert not [c for c in at.checkbox if c.key == "w.include_letter"]


def test_training_page_makes_a_handout():
    at = page_app("page_training").run()
    at.radio(key="training.audience").set_value("participant").run()
    no_exceptions(at)
    (button,) = at.get("download_button")
    assert "participant, PDF" in button.proto.label, "one click: no 'Make it' first"
    at.radio(key="training.audience").set_value("facilitator").run()
    (button,) = at.get("download_button")
    assert "facilitator, PDF" in button.proto.label


def test_local_services_add_edit_and_protect(private_content: Path):
    at = page_app("page_services").run()
    no_exceptions(at)
    at.text_input(key="svc.area").input("Harbour")
    _button(at, "Create directory").click().run()
    no_exceptions(at)
    path = private_content / "resources" / "harbour.yaml"
    assert path.is_file()
    at.selectbox(key="services.directory").set_value("harbour").run()
    at.text_input(key="svc.new.name").input("Harbour Food Bank")
    at.text_area(key="svc.new.description").input("Food parcels and a hot meal.")
    at.text_input(key="svc.new.phone").input("0131 496 0999")
    at.text_input(key="svc.new.hours").input("Tuesday 12 to 3")
    at.text_input(key="svc.new.for_whom").input("Anyone")
    _button(at, "Save service").click().run()
    no_exceptions(at)
    assert not at.error, [e.value for e in at.error]
    assert "Harbour Food Bank" in path.read_text(encoding="utf-8")
    assert any(s.value == "Saved." for s in at.success)
    # Choosing a service loads its details into the form.
    at.selectbox(key="services.edit").set_value("harbour-food-bank").run()
    assert at.text_input(key="svc.harbour-food-bank.name").value == "Harbour Food Bank"
    at.text_input(key="svc.harbour-food-bank.hours").input("Tuesday 12 to 4")
    _button(at, "Save service").click().run()
    assert "Tuesday 12 to 4" in path.read_text(encoding="utf-8")
    # An existing directory is never replaced by "Create directory".
    before = (private_content / "resources" / "example-local.yaml").read_bytes()
    at.text_input(key="svc.area").input("Example local")
    _button(at, "Create directory").click().run()
    assert any("already a directory" in e.value for e in at.error)
    assert (private_content / "resources" / "example-local.yaml").read_bytes() == before


def test_a_service_added_beside_the_examples_goes_to_the_workers_own_area(
        private_content: Path):
    at = page_app("page_services").run()
    at.selectbox(key="services.directory").set_value("example-local").run()
    assert any("Example data" in w.value for w in at.warning)
    at.text_input(key="svc.new.name").input("Harbour Drop-in")
    at.text_area(key="svc.new.description").input("Tea, a chat and a warm room.")
    at.text_input(key="svc.new.phone").input("0131 496 0123")
    at.text_input(key="svc.new.hours").input("Monday 10 to 2")
    at.text_input(key="svc.new.for_whom").input("Anyone")
    _button(at, "Save service").click().run()
    assert any("own area" in e.value for e in at.error), "the area is required"
    at.text_input(key="svc.new.own_area").input("Harbour")
    _button(at, "Save service").click().run()
    no_exceptions(at)
    own = private_content / "resources" / "local-harbour.yaml"
    assert "Harbour Drop-in" in own.read_text(encoding="utf-8")
    example = (private_content / "resources" / "example-local.yaml").read_text("utf-8")
    assert "Harbour Drop-in" not in example

    pack = page_app("page_pack").run()
    pack.button(key="services.clear").click().run()
    pack.selectbox(key="w.add_area").set_value("Harbour")
    pack.button(key="services.add_area").click().run()
    no_exceptions(pack)
    assert not any("Example data" in w.value for w in pack.warning)
    text = _pdf_text(_pack_pdf(pack))
    assert "Harbour Drop-in" in text and "Example data" not in text


def test_a_risk_tick_prompts_the_worker_and_never_reaches_the_pack():
    at = page_app("page_pack").run()
    at.checkbox(key="w.obs.would-not-mind-not-waking").check().run()
    no_exceptions(at)
    prompts = [e.value for e in at.warning if "for you, not the pack" in e.value]
    assert prompts and "116 123" in prompts[0]
    title = prompts[0].split("**")[1]
    assert title not in _pdf_text(_pack_pdf(at))


def test_six_suggestions_by_default_and_every_one_on_request():
    at = page_app("page_pack").run()
    for obs in ("only-way-to-switch-off", "avoids-family", "says-too-late",
                "family-used-too", "mentions-injury-or-pain"):
        at.checkbox(key=f"w.obs.{obs}").check()
    at.run()
    short = list(at.multiselect(key="w.modules").value)
    assert len(short) <= 10
    at.toggle(key="w.modules.all").set_value(True).run()
    no_exceptions(at)
    everything = list(at.multiselect(key="w.modules").value)
    assert set(short) < set(everything)


def test_app_and_cli_show_the_same_suggestions_and_reasons(capsys):
    import json

    from outreach_kit.cli.main import main

    ticks = ("only-way-to-switch-off", "feels-judged-by-services", "uses-alone")
    at = page_app("page_pack").run()
    for obs in ticks:
        at.checkbox(key=f"w.obs.{obs}").check()
    at.run()
    shown = [m.value for m in at.markdown if m.value.startswith("- **")]
    assert len(shown) >= 4
    assert main(["recommend", "--json", *(a for o in ticks for a in ("--observe", o))]) == 0
    cli = json.loads(capsys.readouterr().out)
    assert shown == [f"- **{r['title']}**: {r['reason']}" for r in cli]


@pytest.mark.parametrize("page", ["page_pack", "page_letter"])
def test_the_browser_is_told_not_to_remember_anything_typed_about_a_person(page: str):
    at = page_app(page).run()
    boxes = [box for box in at.text_input if box.key and box.key.startswith("w.")]
    assert len(boxes) >= 4
    assert {box.key: box.proto.autocomplete for box in boxes} == {
        box.key: "off" for box in boxes}


def test_organisation_settings_saved(tmp_path: Path):
    at = page_app("page_organisation").run()
    at.text_input(key="org.name").input("Harbour Drop-in")
    _button(at, "Save settings").click().run()
    no_exceptions(at)
    saved = (tmp_path / "settings" / "organisation.yaml").read_text(encoding="utf-8")
    assert "Harbour Drop-in" in saved
    # The pack page then offers the organisation as the service.
    pack = page_app("page_pack").run()
    assert pack.text_input(key="w.service_name").value == "Harbour Drop-in"


def test_organisation_bad_details_save_nothing(tmp_path: Path):
    at = page_app("page_organisation").run()
    at.text_area(key="org.address").input("\n".join(f"line {i}" for i in range(9)))
    _button(at, "Save settings").click().run()
    no_exceptions(at)
    shown = " ".join(e.value for e in at.error)
    assert "Nothing was saved. Please fix:" in shown and "- Address: at most" in shown
    assert "address_lines" not in shown
    assert not (tmp_path / "settings" / "organisation.yaml").exists()


def test_streamlit_config_protects_privacy():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["server"]["maxUploadSize"] <= 5
    assert config["server"]["address"] == "localhost"  # not reachable from the network


def test_loading_a_saved_recipe_replaces_the_choices():
    recipe = (ROOT / "examples" / "no-personal-details.yaml").read_bytes()
    wanted = yaml.safe_load(recipe)
    at = page_app("page_pack").run()
    at.checkbox(key="w.obs.calls-self-names").check().run()  # ticked before: must go
    at.get("file_uploader")[0].upload("recipe.yaml", recipe, "application/x-yaml").run()
    at.button(key="recipe.load").click().run()
    no_exceptions(at)
    assert any(s.value.startswith("Saved choices loaded.") for s in at.success)
    ticked = sorted(c.key.removeprefix("w.obs.") for c in at.checkbox
                    if c.key and c.key.startswith("w.obs.") and c.value)
    assert ticked == sorted(wanted["observations"])
    if wanted.get("modules"):
        assert at.multiselect(key="w.modules").value == wanted["modules"]
    assert at.text_input(key="w.person_name").value == ""


def test_a_broken_recipe_upload_is_one_clear_error():
    at = page_app("page_pack").run()
    at.get("file_uploader")[0].upload("recipe.yaml", b"observations: [no-such-thing]\n",
                                      "application/x-yaml").run()
    at.button(key="recipe.load").click().run()
    no_exceptions(at)
    assert any("recipe.yaml:1: observations[0]: unknown observation 'no-such-thing'"
               in e.value for e in at.error)


def test_a_kept_choice_that_has_gone_is_dropped_not_an_error():
    at = go(router_app(), "page_pack")
    at.session_state["kept.w.service_ids"] = ["samaritans", "no-such-service"]
    at.session_state["kept.w.modules"] = ["no-such-module", "understand-blocking-out"]
    go(at, "page_library")
    go(at, "page_pack")
    no_exceptions(at)
    assert at.multiselect(key="w.service_ids").value == ["samaritans"]


def test_a_page_bug_shows_plain_words_and_never_logs_what_was_typed(capfd):
    from streamlit.testing.v1 import AppTest

    script = (
        "from outreach_kit.ui.common import run_guarded\n"
        "def page():\n"
        "    typed = ''.join(['Mor', 'ven said: my secret'])  # a value, as typed text is\n"
        "    raise KeyError(typed)\n"
        "run_guarded(page)\n"
    )
    at = AppTest.from_string(script, default_timeout=30).run()
    no_exceptions(at)
    assert any("Something went wrong on this page" in e.value and "KeyError" in e.value
               for e in at.error)
    out, err = capfd.readouterr()
    assert "KeyError" in err and "Morven" not in err + out
    assert all("Morven" not in e.value for e in at.error)


def test_a_download_bug_is_plain_words_and_never_logs_what_was_typed(capfd):
    """Streamlit calls a download button's callable outside the page, and logs and shows
    what it raises with its message: the guard withholds the message."""
    from outreach_kit.errors import OutreachKitError, RecipeError, RenderError
    from outreach_kit.ui.common import guarded_file

    def broken() -> bytes:
        raise KeyError("".join(["Mor", "ven said: my secret"]))

    with pytest.raises(RenderError) as raised:
        guarded_file(broken)()
    assert "KeyError" in str(raised.value) and "Morven" not in str(raised.value)
    assert raised.value.__suppress_context__, "the original is not shown with it"
    out, err = capfd.readouterr()
    assert "KeyError" in err and "Morven" not in err + out

    def refused() -> bytes:
        raise RecipeError("choose at least one page")

    with pytest.raises(OutreachKitError, match="choose at least one page"):
        guarded_file(refused)()
    assert guarded_file(lambda: b"%PDF")() == b"%PDF"


def test_the_guard_lets_streamlit_reruns_through():
    from streamlit.testing.v1 import AppTest

    script = (
        "import streamlit as st\n"
        "from outreach_kit.ui.common import run_guarded\n"
        "def page():\n"
        "    st.session_state['runs'] = st.session_state.get('runs', 0) + 1\n"
        "    if st.session_state['runs'] == 1:\n"
        "        st.rerun()\n"
        "    st.write('done')\n"
        "run_guarded(page)\n"
    )
    at = AppTest.from_string(script, default_timeout=30).run()
    no_exceptions(at)
    assert at.session_state["runs"] == 2 and not at.error


def test_local_services_refuses_to_overwrite_a_change_saved_by_someone_else(
        private_content: Path):
    # issue 14: the page said "Saved." and silently overwrote the other session's change.
    from outreach_kit.local_services import load_directory, save_change, upsert_service

    at = page_app("page_services").run()
    at.text_input(key="svc.area").input("Harbour")
    _button(at, "Create directory").click().run()
    at.selectbox(key="services.directory").set_value("harbour").run()
    for name, value in (("name", "Harbour Food Bank"), ("phone", "0131 496 0999"),
                        ("hours", "Tuesday 12 to 3"), ("for_whom", "Anyone")):
        at.text_input(key=f"svc.new.{name}").input(value)
    at.text_area(key="svc.new.description").input("Food parcels and a hot meal.")
    _button(at, "Save service").click().run()
    at.selectbox(key="services.edit").set_value("harbour-food-bank").run()  # opened here
    path = private_content / "resources" / "harbour.yaml"
    theirs = load_directory(path)  # another worker changes the hours meanwhile
    changed = theirs.services[0].model_copy(update={"hours": "Friday 9 to 1"})
    save_change(path, theirs, lambda d: upsert_service(d, changed))

    at.text_input(key="svc.harbour-food-bank.cost").input("50p")
    _button(at, "Save service").click().run()
    no_exceptions(at)
    assert [e.value for e in at.error] == [
        "Someone else changed 'Harbour Food Bank' since you opened it. Nothing was saved: "
        "open it again to see their change."]
    assert not at.success
    saved = load_directory(path).services[0]
    assert (saved.hours, saved.cost) == ("Friday 9 to 1", "Free")
    # Opening it again shows their change, and then a save keeps both.
    at.selectbox(key="services.edit").set_value("").run()
    at.selectbox(key="services.edit").set_value("harbour-food-bank").run()
    assert at.text_input(key="svc.harbour-food-bank.hours").value == "Friday 9 to 1"
    at.text_input(key="svc.harbour-food-bank.cost").input("50p")
    _button(at, "Save service").click().run()
    assert not at.error, [e.value for e in at.error]
    saved = load_directory(path).services[0]
    assert (saved.hours, saved.cost) == ("Friday 9 to 1", "50p")


def test_local_services_page_removes_temporary_files_left_by_a_killed_save(
        private_content: Path):
    leftover = private_content / "resources" / ".example-local.yaml.k1ll3d00.tmp"
    leftover.write_text("half a file", encoding="utf-8")
    at = page_app("page_services").run()
    no_exceptions(at)
    assert not leftover.exists()
