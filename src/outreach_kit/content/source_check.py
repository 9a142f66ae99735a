"""Warnings from the sources policy (``content/sources.yaml``, see ``source_policy``).

- A client module whose sources are all secondary (news, blogs, copies, or any site not
  listed as primary) gets a warning: its facts need a primary source.
- A service whose source is on a listed secondary domain (a news report, an aggregator)
  gets a warning: a service's details come from the service itself or the NHS.
- A module with no ``review:`` block gets a warning (it counts as a draft until it has one).
"""

from __future__ import annotations

from ..errors import Problem
from . import schema
from .library import ContentLibrary
from .source_policy import SourcePolicyFile
from .yaml_source import YamlSource


def source_warnings(library: ContentLibrary) -> list[Problem]:
    policies = library.items_of(SourcePolicyFile)
    warnings: list[Problem] = []
    for item, source in library.sources():
        if isinstance(item, schema.Module):
            if item.review is None:
                line, _ = source.locate(("id",))
                warnings.append(Problem(
                    str(source.path), line, "review",
                    "no review state: add 'review:' with status (draft, team-reviewed or "
                    "clinically-reviewed), reviewer_role and date", "warning"))
            if policies and _rests_on_secondary(item, library, policies[0]):
                line, _ = source.locate(("sources",))
                names = ", ".join(policies[0].primary_names())
                warnings.append(Problem(
                    str(source.path), line, "sources",
                    f"every source of this page is secondary; its facts need a primary "
                    f"source ({names}; see content/sources.yaml), or take out what "
                    "cannot be confirmed", "warning"))
        elif isinstance(item, schema.ServiceDirectoryFile):
            warnings += _service_warnings(item, source, policies)
    return warnings


def _service_warnings(item: schema.ServiceDirectoryFile, source: YamlSource,
                      policies: list[SourcePolicyFile]) -> list[Problem]:
    warnings: list[Problem] = []
    shipped = item.directory.maintained_by is schema.Maintainer.CONTENT_TEAM
    for i, service in enumerate(item.services):
        if shipped and not service.example and service.source.url is None:
            line, _ = source.locate(("services", i, "source"))
            warnings.append(Problem(
                str(source.path), line, f"services[{i}].source",
                f"'{service.name}' has no web address for its source: a shipped directory "
                "cites the service's own site or a primary source", "warning"))
        if policies:
            kind = policies[0].kind_of(service.source, [service.web or ""])
            if kind is not None and not kind.primary:
                line, _ = source.locate(("services", i, "source", "url"))
                warnings.append(Problem(
                    str(source.path), line, f"services[{i}].source",
                    f"'{service.name}' rests on {kind.name.lower()}: cite the service's "
                    "own site or a primary source (content/sources.yaml)", "warning"))
    return warnings


def _rests_on_secondary(module: schema.Module, library: ContentLibrary,
                        policy: SourcePolicyFile) -> bool:
    if module.audience is not schema.Audience.CLIENT or not module.sources:
        return False
    own_sites = [library.services[ref].web or "" for loc, kind, ref in module.references()
                 if kind == "phone" and ref in library.services]
    return not any(policy.is_primary(s, own_sites) for s in module.sources)
