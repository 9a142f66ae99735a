"""Which pages each observation may suggest, and the checks that keep suggestions sensible.

An observation suggests pages two ways:

- **by theme**: a psychological observation belongs to a subtheme of the research model,
  and the client pages tagged with that subtheme answer it (never a staying-safer page:
  feeling ashamed is no reason to read about veins);
- **by name**: its ``suggests`` list names pages, each with the reason the reader sees.
  This is how substance and situation observations reach the staying-safer pages.

The checks (run by the loader, so ``validate`` reports them):

- error: a psychological observation names a staying-safer page;
- error: an observation carries a risk that has no worker prompt in ``risk_prompts``;
- warning: an observation suggests nothing;
- warning: a client page no observation reaches, unless it is in every pack (safety floor,
  a role) or marked ``optional``;
- warning: a staying-safer page tagged with subthemes (the tags are not used to suggest it).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import Problem
from . import schema
from .library import ContentLibrary
from .model_schema import ObservationKind
from .yaml_source import Loc, field_name


def themed_modules(library: ContentLibrary, observation_id: str) -> list[schema.Module]:
    """Client pages that answer a psychological observation through its subtheme."""
    observation = library.observations[observation_id]
    if observation.kind is not ObservationKind.PSYCHOLOGICAL:
        return []
    subtheme = library.subtheme_of(observation_id)
    if subtheme is None:  # a group outside the research model: no page is tagged with it
        return []
    return [m for m in library.modules.values()
            if subtheme.id in m.subthemes and suggestable(m)]


def suggestable(module: schema.Module) -> bool:
    """A page suggestions may name by theme: for the client, not hand-picked only, not
    staying-safer (those come by name from substance and situation observations)."""
    return (module.audience is schema.Audience.CLIENT and not module.optional
            and module.kind is not schema.ModuleKind.STAYING_SAFER)


def suggested_modules(library: ContentLibrary, observation_id: str) -> list[str]:
    """Every page an observation suggests, named ones first."""
    named = [s.module for s in library.observations[observation_id].suggests
             if s.module in library.modules]
    themed = [m.id for m in themed_modules(library, observation_id)]
    return list(dict.fromkeys(named + themed))


def always_included(module: schema.Module) -> bool:
    return module.safety_floor is not None or module.role is not None


def suggestion_problems(library: ContentLibrary, complete: bool = True) -> list[Problem]:
    """The checks above. With ``complete`` false (some file could not be read), only the
    errors: what a broken file leaves unreached is not worth a warning of its own."""
    problems = list(_observation_problems(library))
    if not complete:
        return [p for p in problems if p.is_error]
    reached = {m for obs in library.observations for m in suggested_modules(library, obs)}
    for module in library.modules.values():
        if module.audience is not schema.Audience.CLIENT:
            continue
        if module.kind is schema.ModuleKind.STAYING_SAFER and module.subthemes:
            problems.append(_problem(
                library, module, ("subthemes",),
                "a staying-safer page is not suggested by theme; name it in the 'suggests' "
                "of substance or situation observations in model.yaml instead", "warning"))
        if module.id not in reached and not always_included(module) and not module.optional:
            problems.append(_problem(
                library, module, ("id",),
                f"no observation suggests '{module.id}'; link it from model.yaml, or mark it "
                "'optional: true' if it is only ever chosen by hand", "warning"))
    return problems


def _observation_problems(library: ContentLibrary) -> Iterator[Problem]:
    model = library.model
    if model is None:
        return
    for loc, observation in model.observation_locations():
        if library.observations.get(observation.id) is not observation:
            continue  # a duplicate id, reported by the library
        if observation.risk is not None and observation.risk not in library.risk_prompts:
            yield _problem(library, model, (*loc, "risk"),
                           f"no risk_prompts entry for risk '{observation.risk}'; the worker "
                           "would see no prompt", "error")
        if observation.kind is ObservationKind.PSYCHOLOGICAL:
            for i, suggestion in enumerate(observation.suggests):
                module = library.modules.get(suggestion.module)
                if module is not None and module.kind is schema.ModuleKind.STAYING_SAFER:
                    yield _problem(
                        library, model, (*loc, "suggests", i, "module"),
                        f"a psychological observation may not suggest the staying-safer page "
                        f"'{module.id}'; staying-safer pages follow from substance or "
                        "situation observations, or are in every pack", "error")
        if not suggested_modules(library, observation.id):
            yield _problem(library, model, (*loc, "id"),
                           f"observation '{observation.id}' suggests no page", "warning")


def _problem(library: ContentLibrary, item: object, loc: Loc, message: str,
             severity: str) -> Problem:
    for candidate, source in library.sources():
        if candidate is item:
            line, _ = source.locate(loc)
            return Problem(str(source.path), line, field_name(loc), message, severity)
    return Problem(str(library.path_of(item)), None, field_name(loc), message, severity)
