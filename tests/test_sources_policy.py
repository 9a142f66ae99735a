"""The sources policy (content/sources.yaml): primary vs secondary, URLs and print_only."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from support import ROOT, edit

from outreach_kit.cli.main import main
from outreach_kit.content import load_library
from outreach_kit.content.reference import Reference
from outreach_kit.content.source_policy import SourcePolicyFile

MODULE = "modules/take-a-break.yaml"
MINIMAL_SOURCE = '[{title: "Test source", checked: 2026-11-01, print_only: true}]'


def _policy(content) -> None:
    shutil.copy(ROOT / "content" / "sources.yaml", content / "sources.yaml")


def _sources(content, entries: str) -> None:
    edit(content / MODULE, f"sources: {MINIMAL_SOURCE}", f"sources: {entries}")


def _validate(capsys, content, *flags: str) -> tuple[int, str]:
    code = main(["validate", str(content), *flags])
    out, err = capsys.readouterr()
    return code, out + err


def test_a_module_resting_only_on_secondary_sources_warns_and_fails_strict(content, capsys):
    _policy(content)
    _sources(content, '[{title: "Drug news", url: "https://www.glasgowworld.com/news/x", '
                      'checked: 2026-11-01}, {title: "A blog", '
                      'url: "https://someone.blogspot.com/p", checked: 2026-11-01}]')
    code, text = _validate(capsys, content)
    assert code == 0
    assert f"{MODULE}:10: sources: every source of this page is secondary" in text
    assert "(warning)" in text
    code, text = _validate(capsys, content, "--strict")
    assert code == 1 and "FAILED" in text


def test_one_primary_source_is_enough(content, capsys):
    _policy(content)
    _sources(content, '[{title: "Drug news", url: "https://www.glasgowworld.com/news/x", '
                      'checked: 2026-11-01}, {title: "Drugs", '
                      'url: "https://www.nhsinform.scot/healthy-living/drugs", '
                      'checked: 2026-11-01}]')
    code, text = _validate(capsys, content, "--strict")
    assert code == 0, text


def test_a_source_without_url_or_print_only_is_an_error(content, capsys):
    _sources(content, '[{title: "Test source", checked: 2026-11-01}]')
    code, text = _validate(capsys, content)
    assert code == 1
    assert f"{MODULE}:10: sources[0]: url is missing: give the source's web address" in text
    assert "print_only: true" in text
    # the module is left out; nothing else in the message names pydantic
    assert "validation error" not in text.lower()


def test_print_only_with_a_url_is_an_error(content, capsys):
    _sources(content, '[{title: "Book", url: "https://example.org/b", checked: 2026-11-01, '
                      'print_only: true}]')
    code, text = _validate(capsys, content)
    assert code == 1 and "print_only is only for a source with no web address" in text


def test_an_http_address_is_refused(content, capsys):
    _sources(content, '[{title: "Old page", url: "http://example.org/p", checked: 2026-11-01}]')
    code, _ = _validate(capsys, content)
    assert code == 1


def _ref(url: str | None) -> Reference:
    return Reference(title="t", url=url, checked=dt.date(2026, 11, 29), print_only=url is None)


@pytest.fixture(scope="module")
def policy() -> SourcePolicyFile:
    return load_library(ROOT / "content", ["sources"]).items_of(SourcePolicyFile)[0]


@pytest.mark.parametrize(("url", "primary"), [
    ("https://www.nhsinform.scot/x", True),
    ("https://services.nhslothian.scot/rightcare", True),  # a subdomain counts
    ("https://www.publichealthscotland.scot/news", True),
    ("https://www.gov.scot/publications/x", True),
    ("https://www.medicines.org.uk/emc/product/3054/pil", True),
    ("https://www.sdf.org.uk/x", True),
    ("https://www.sfad.org.uk/", True),
    ("https://issuu.com/nhs-24/docs/guide", False),  # a copy, even of an NHS document
    ("https://manuals.online/mundipharma/nyxoid", False),
    ("https://en.pressbee.net/show1.html", False),
    ("https://notnhsinform.scot/x", False),  # only the domain itself or its subdomains
    ("https://www.waverleycare.org/x", False),  # not listed: secondary
])
def test_primary_is_decided_by_domain(policy, url, primary):
    assert policy.is_primary(_ref(url)) is primary


def test_a_services_own_site_is_primary_for_it(policy):
    source = _ref("https://www.samaritans.org/how-we-can-help/contact-samaritan/")
    assert not policy.is_primary(source)
    assert policy.is_primary(source, own_sites=["https://www.samaritans.org"])


def test_print_only_research_is_primary(policy):
    assert policy.is_primary(_ref(None))


def test_shipped_content_has_a_url_or_print_only_for_every_source():
    library = load_library(ROOT / "content")
    assert not library.errors, library.errors
    weak = ("glasgowworld", "scotsman.com", "issuu", "pressbee", "manuals.online",
            "onpointnyc", "mindheal", "berstedgreensurgery", "drscottarthur",
            "conventiondundeeandangus", "SHARE-Magazine")
    for path in (ROOT / "content").rglob("*.yaml"):
        if path.name == "sources.yaml":  # the policy names them as secondary
            continue
        text = path.read_text(encoding="utf-8")
        for name in weak:
            assert name not in text, (path, name)
