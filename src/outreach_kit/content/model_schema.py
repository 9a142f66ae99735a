"""The schema of ``content/model.yaml``: the research model's categories and subthemes, the
observations a keyworker may tick (with the pages each names), and the worker's prompt for
each risk an observation may carry."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum

from pydantic import Field, field_validator

from .schema import Id, Loc, Reference, ShortText, Strict, Text, VersionedFile


class ObservationKind(StrEnum):
    """What an observation is about; it decides which pages it may suggest."""

    PSYCHOLOGICAL = "psychological"  # how the person feels and copes (the research model)
    SUBSTANCE = "substance"  # what they use, and how
    SITUATION = "situation"  # what is happening in their life now


class Risk(StrEnum):
    SUICIDE = "suicide"


class Suggestion(Strict):
    """One page an observation suggests, with the line printed under its title in the pack
    (for the reader: plain words, no theme names)."""

    module: Id
    reason: ShortText  # completes wording.yaml's reasons.picked, like a module summary
    # For the keyworker only, in place of the reason: say so when no page fits well yet.
    for_worker: ShortText | None = None


class Observation(Strict):
    """Something a keyworker may notice, in everyday words, and the pages it suggests
    beyond those linked to its subtheme."""

    id: Id
    text: ShortText
    kind: ObservationKind = ObservationKind.PSYCHOLOGICAL
    risk: Risk | None = None  # ticking it shows the worker the prompt for this risk
    suggests: list[Suggestion] = Field(default_factory=list)

    @field_validator("suggests")
    @classmethod
    def _each_module_once(cls, suggests: list[Suggestion]) -> list[Suggestion]:
        modules = [s.module for s in suggests]
        if twice := sorted({m for m in modules if modules.count(m) > 1}):
            raise ValueError(f"module '{twice[0]}' is suggested twice")
        return suggests


class Subtheme(Strict):
    id: Id
    name: ShortText
    description: Text
    observations: list[Observation] = Field(min_length=1)


class Category(Strict):
    id: Id
    number: int = Field(ge=1, le=9)
    name: ShortText  # the research name
    # How the app names the theme for a keyworker; the research name is then shown as a hint.
    everyday_name: ShortText | None = None
    description: Text
    subthemes: list[Subtheme] = Field(min_length=1)
    # false: a group of observations outside the research model (what the person uses,
    # what is going on now). Its groups are not themes: no page is tagged with them, and
    # letters and training do not offer them.
    research: bool = True


class RiskContact(Strict):
    """A number for the worker's prompt, read from the service entry named here."""

    service: Id
    label: ShortText


class RiskPrompt(Strict):
    """What the worker sees (never the reader) when an observation with this risk is ticked."""

    risk: Risk
    title: ShortText
    points: list[Text] = Field(min_length=1)
    contacts: list[RiskContact] = Field(default_factory=list)


class ModelFile(VersionedFile):
    """``content/model.yaml``: the research model's categories, subthemes, observations,
    and the worker's prompt for each risk an observation may carry."""

    title: ShortText
    source: Reference
    categories: list[Category] = Field(min_length=1)
    risk_prompts: list[RiskPrompt] = Field(default_factory=list)

    def observation_locations(self) -> Iterator[tuple[Loc, Observation]]:
        for ci, category in enumerate(self.categories):
            for si, subtheme in enumerate(category.subthemes):
                for oi, observation in enumerate(subtheme.observations):
                    yield ("categories", ci, "subthemes", si, "observations", oi), observation

    def client_text(self) -> Iterator[tuple[Loc, str]]:
        """The reasons a reader sees under a suggested page's title."""
        for loc, observation in self.observation_locations():
            for i, suggestion in enumerate(observation.suggests):
                yield (*loc, "suggests", i, "reason"), suggestion.reason

    def references(self) -> Iterator[tuple[Loc, str, str]]:
        for loc, observation in self.observation_locations():
            for i, suggestion in enumerate(observation.suggests):
                yield (*loc, "suggests", i, "module"), "module", suggestion.module
        for i, prompt in enumerate(self.risk_prompts):
            for j, contact in enumerate(prompt.contacts):
                yield ("risk_prompts", i, "contacts", j, "service"), "phone", contact.service
