"""The loaded content, indexed for lookups by id, subtheme and kind."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..errors import ContentError, Problem
from . import easy_read, model_schema, schema
from .wording import WordingFile
from .yaml_source import Loc, YamlSource, field_name

T = TypeVar("T")


@dataclass
class ContentLibrary:
    root: Path
    manifest: schema.ContentManifest | None = None
    model: model_schema.ModelFile | None = None
    terms: schema.TermsFile | None = None
    wording: WordingFile | None = None
    modules: dict[str, schema.Module] = field(default_factory=dict)
    services: dict[str, schema.Service] = field(default_factory=dict)
    directories: dict[str, schema.ServiceDirectoryFile] = field(default_factory=dict)
    categories: dict[str, model_schema.Category] = field(default_factory=dict)
    subthemes: dict[str, model_schema.Subtheme] = field(default_factory=dict)  # research themes
    # every group of observations: the research subthemes and the groups outside the model
    groups: dict[str, model_schema.Subtheme] = field(default_factory=dict)
    observations: dict[str, model_schema.Observation] = field(default_factory=dict)
    risk_prompts: dict[model_schema.Risk, model_schema.RiskPrompt] = field(default_factory=dict)
    pictures: dict[str, easy_read.Picture] = field(default_factory=dict)  # Easy Read pictures
    easy_read_avoid: easy_read.AvoidFile | None = None
    problems: list[Problem] = field(default_factory=list)
    loaded_kinds: set[str] = field(default_factory=set)  # names of the kinds read so far
    _sources: list[tuple[Any, YamlSource]] = field(default_factory=list, repr=False)
    _category_of: dict[str, str] = field(default_factory=dict, repr=False)
    _subtheme_of: dict[str, str] = field(default_factory=dict, repr=False)
    _module_with_role: dict[schema.ModuleRole, str] = field(default_factory=dict, repr=False)

    # ------------------------------------------------------------------ building
    def add(self, item: Any, source: YamlSource) -> list[Problem]:
        """Index one validated file. Returns problems such as duplicate ids."""
        # Over 60 lines on purpose: one branch per kind of file, each indexing its ids the
        # same way, reads more plainly in one place than spread over helpers.
        self._sources.append((item, source))
        problems: list[Problem] = []

        def clash(loc: Loc, what: str, ident: str, other: Path | str) -> None:
            line, _ = source.locate(loc)
            message = f"{what} id '{ident}' is also used in {other}"
            problems.append(Problem(str(source.path), line, field_name(loc), message))

        match item:
            case schema.ContentManifest():
                self.manifest = item
            case schema.TermsFile():
                self.terms = item
            case WordingFile():
                self.wording = item
            case model_schema.ModelFile():
                self.model = item
                self.risk_prompts = {prompt.risk: prompt for prompt in item.risk_prompts}
                for ci, category in enumerate(item.categories):
                    self.categories[category.id] = category
                    for si, sub in enumerate(category.subthemes):
                        loc = ("categories", ci, "subthemes", si, "id")
                        if sub.id in self.groups:  # the first one stays, as for modules
                            clash(loc, "subtheme", sub.id, "another category")
                            continue
                        self.groups[sub.id] = sub
                        if category.research:
                            self.subthemes[sub.id] = sub
                        self._category_of[sub.id] = category.id
                        for oi, obs in enumerate(sub.observations):
                            if obs.id in self.observations:
                                clash((*loc[:-1], "observations", oi, "id"), "observation",
                                      obs.id, "another subtheme")
                            self.observations[obs.id] = obs
                            self._subtheme_of[obs.id] = sub.id
            case schema.Module():
                if item.id in self.modules:
                    clash(("id",), "module", item.id, self.path_of(self.modules[item.id]))
                    return problems
                self.modules[item.id] = item
                if item.role is not None:
                    problems += self._claim_role(item, source)
            case easy_read.AvoidFile():
                self.easy_read_avoid = item
            case easy_read.PictureFile():
                for picture_id, picture in item.pictures.items():
                    if picture_id in self.pictures:  # the first file stays
                        clash(("pictures", picture_id), "picture", picture_id,
                              self.path_of(self.pictures[picture_id]))
                        continue
                    self.pictures[picture_id] = picture
            case schema.ServiceDirectoryFile():
                if item.directory.id in self.directories:  # the first file stays
                    clash(("directory", "id"), "directory", item.directory.id,
                          self.path_of(self.directories[item.directory.id]))
                    return problems
                self.directories[item.directory.id] = item
                for i, service in enumerate(item.services):
                    if service.id in self.services:
                        clash(("services", i, "id"), "service", service.id,
                              self.path_of(self.services[service.id]))
                        continue
                    self.services[service.id] = service
        return problems

    def _claim_role(self, module: schema.Module, source: YamlSource) -> list[Problem]:
        assert module.role is not None
        holder = self._module_with_role.setdefault(module.role, module.id)
        if holder == module.id:
            return []
        line, _ = source.locate(("role",))
        return [Problem(str(source.path), line, "role",
                        f"role '{module.role}' is already given to module '{holder}' "
                        f"in {self.path_of(self.modules[holder])}")]

    def sources(self) -> Iterator[tuple[Any, YamlSource]]:
        yield from self._sources

    def items_of(self, model: type[T]) -> list[T]:
        """Every loaded file of one kind (such as a registered letters or training kind)."""
        return [item for item, _ in self._sources if isinstance(item, model)]

    def path_of(self, item: Any) -> Path | str:
        """The file an item came from (for messages)."""
        for candidate, source in self._sources:
            if candidate is item or (
                isinstance(candidate, schema.ServiceDirectoryFile) and item in candidate.services
            ) or (isinstance(candidate, easy_read.PictureFile)
                  and any(p is item for p in candidate.pictures.values())):
                return source.path
        return "another file"

    # ------------------------------------------------------------------ lookups
    @property
    def content_version(self) -> str:
        return self.manifest.version if self.manifest else "unversioned"

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def module_with_role(self, role: schema.ModuleRole) -> schema.Module | None:
        module_id = self._module_with_role.get(role)
        return self.modules.get(module_id) if module_id is not None else None

    def help_now_module(self) -> schema.Module | None:
        """The module marked ``role: help-right-now``: the last page of every pack."""
        return self.module_with_role(schema.ModuleRole.HELP_RIGHT_NOW)

    def grounding_module(self) -> schema.Module | None:
        """The module marked ``role: grounding``: the exercise that opens every pack."""
        return self.module_with_role(schema.ModuleRole.GROUNDING)

    def fixed_wording(self) -> WordingFile:
        """``wording.yaml``, which every document's fixed words come from."""
        if self.wording is None:
            raise ContentError([Problem(str(self.root / "wording.yaml"), None, "",
                                        "required file is missing")])
        return self.wording

    def phone_of(self, service_id: str) -> str:
        """The phone number of a service named by a help page or the wallet card."""
        service = self.services.get(service_id)
        if service is None or not service.phone:
            raise ContentError([Problem(str(self.root / "resources"), None, "",
                                        f"no service '{service_id}' with a phone number")])
        return service.phone

    def category_of(self, subtheme_id: str) -> model_schema.Category:
        return self.categories[self._category_of[subtheme_id]]

    def subtheme_of(self, observation_id: str) -> model_schema.Subtheme | None:
        """The research subtheme an observation belongs to (None outside the model)."""
        return self.subthemes.get(self._subtheme_of[observation_id])

    def group_of(self, observation_id: str) -> model_schema.Subtheme:
        """The group an observation is listed under: its subtheme, or a group outside the
        research model (such as "What they use and how")."""
        return self.groups[self._subtheme_of[observation_id]]

    def editable_directories(self) -> list[schema.ServiceDirectoryFile]:
        """Directories kept locally (in the app's Local services page), in file order."""
        return [d for d in self.directories.values()
                if d.directory.maintained_by is schema.Maintainer.LOCAL]

    def default_areas(self) -> list[str]:
        """Areas chosen for a new pack: those of directories the content team maintains."""
        return list(dict.fromkeys(
            d.directory.area for d in self.directories.values()
            if d.directory.maintained_by is schema.Maintainer.CONTENT_TEAM))

    def services_in_area(self, area: str) -> list[schema.Service]:
        wanted = area.strip().casefold()
        return [s for s in self.services.values() if s.area.casefold() == wanted]

    @property
    def areas(self) -> list[str]:
        return sorted({s.area for s in self.services.values()})
