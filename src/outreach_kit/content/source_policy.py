"""The sources policy (``content/sources.yaml``): which sources count as primary.

A source is *primary* when its web address is on a domain listed under a primary kind
(NHS inform, NHS boards, Public Health Scotland, gov.scot, the official medicines site,
Scottish Drugs Forum, Scottish Families), when it is print-only published research, or when
it is a service's own web site cited for that service. Everything else is secondary; the
secondary kinds name the usual ones (news, blogs, aggregators, copies) so a report can say
what a source is. ``validate`` warns when a client module has sources and none is primary.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from pydantic import Field, field_validator

from .schema import Id, Reference, ShortText, Strict, Text, VersionedFile

Domain = ShortText


class SourceKind(Strict):
    id: Id
    name: ShortText
    primary: bool
    domains: list[Domain] = Field(default_factory=list)
    # Print-only sources (books, papers, theses) belong to this kind.
    print_only: bool = False
    why: Text | None = None

    @field_validator("domains")
    @classmethod
    def _bare_domains(cls, domains: list[str]) -> list[str]:
        for domain in domains:
            if "/" in domain or " " in domain or domain.startswith("."):
                raise ValueError(f"'{domain}' is not a bare domain name such as nhsinform.scot")
        return [d.lower() for d in domains]


class SourcePolicyFile(VersionedFile):
    """``content/sources.yaml``."""

    kinds: list[SourceKind] = Field(min_length=1)

    def kind_of(self, source: Reference, own_sites: Iterable[str] = ()) -> SourceKind | None:
        """The kind a source belongs to; None for a web source on no listed domain (which
        counts as secondary). ``own_sites`` are the web addresses of the services the
        citing text is about: a service's own site is primary for that service."""
        if source.url is None:
            return next((k for k in self.kinds if k.print_only), None)
        host = _host(source.url)
        for kind in self.kinds:
            if any(_on_domain(host, domain) for domain in kind.domains):
                return kind
        if any(_host(site) == host for site in own_sites):
            return OWN_SITE
        return None

    def is_primary(self, source: Reference, own_sites: Iterable[str] = ()) -> bool:
        kind = self.kind_of(source, own_sites)
        return kind is not None and kind.primary

    def primary_names(self) -> Iterator[str]:
        return (k.name for k in self.kinds if k.primary)


# Made without validation (its values are fixed and valid): validating here built
# SourceKind's validator at every import (about 2 ms of process time), and was the first
# validator a build made, which imported pydantic's plugin loader (cli/pydantic_plugins.py).
OWN_SITE = SourceKind.model_construct(
    id="own-site", name="a service's own web site, for that service", primary=True)


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _on_domain(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)
