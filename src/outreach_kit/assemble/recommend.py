"""From what a keyworker noticed to a short, ranked, balanced list of modules.

How it works (observations -> pages):

1. **By theme.** Each psychological observation belongs to one research subtheme; each
   touched subtheme gets a weight (how many observations point at it). For each touched
   subtheme, the client pages tagged with it are taken, best first, up to
   ``PER_SUBTHEME`` of each kind; of these the best few of each kind are kept
   (``MAX_PER_KIND``). Staying-safer pages are never taken by theme.
2. **Balance**: every research category touched gets at least one strategy, one connection
   and one hope module. When none of the chosen ones links to that category, the best
   module of that kind linked to any of the category's subthemes is added; failing that,
   any module of that kind (so a thin library still gives a balanced pack).
3. **By name.** The pages an observation names in its ``suggests`` (content/model.yaml),
   each with the reason written for it. This is how substance and situation observations
   (injects, just left prison...) reach the staying-safer pages.
4. **Short by default**: at most ``DEFAULT_LIMIT`` pages beyond those in every pack:
   every page named by a risk observation (the staying-safe plan), the first page named by
   each substance or situation tick, one page of each kind a pack needs (making sense,
   trying, connecting, hope), the best answer to each other tick, then the most relevant.
   ``limit=None`` gives them all ("show more").
5. **Safety floor**, always added last: every client module with a ``safety_floor``
   position in its content file, in that order (the pages about surviving an overdose,
   which fit everyone a pack is for: MODEL.md says the people this is for face a high risk
   of overdose), then the module marked ``role: help-right-now``. A floor page named by a
   ticked observation carries that observation's reason instead of "in every pack".

Ranking: score (``NAMED_WEIGHT`` for each ticked observation naming the page, plus the
weights of touched subthemes it answers, plus a little for each other touched category it
reaches), then kind (making sense before trying, before connecting and hope), then id. The
same input always gives the same list, and a module appears once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace

from ..content.library import ContentLibrary
from ..content.model_schema import ObservationKind, Suggestion
from ..content.schema import Audience, Module, ModuleKind
from ..content.suggestions import suggestable
from ..errors import RecipeError, did_you_mean

# Most linked modules of each kind kept in one pack (balance and the floor come on top).
# A pack is read by someone who may find reading hard: it stays short and can grow later.
MAX_PER_KIND: dict[ModuleKind, int] = {
    ModuleKind.PSYCHOEDUCATION: 3,
    ModuleKind.STRATEGY: 3,
    ModuleKind.WORKSHEET: 1,
    ModuleKind.CONNECTION: 2,
    ModuleKind.HOPE: 1,
    ModuleKind.STAYING_SAFER: 2,
}

PER_SUBTHEME: dict[ModuleKind, int] = {
    ModuleKind.PSYCHOEDUCATION: 1,
    ModuleKind.STRATEGY: 2,
    ModuleKind.WORKSHEET: 1,
    ModuleKind.CONNECTION: 1,
    ModuleKind.HOPE: 1,
    ModuleKind.STAYING_SAFER: 1,
}

KIND_ORDER: dict[ModuleKind, int] = {
    kind: rank
    for rank, kind in enumerate((
        ModuleKind.PSYCHOEDUCATION,
        ModuleKind.STRATEGY,
        ModuleKind.WORKSHEET,
        ModuleKind.CONNECTION,
        ModuleKind.HOPE,
        ModuleKind.STAYING_SAFER,
        ModuleKind.HELP_NOW,
    ))
}

BALANCED_KINDS = (ModuleKind.STRATEGY, ModuleKind.CONNECTION, ModuleKind.HOPE)

# A short list keeps one page of each of these kinds when it has any: something to make
# sense of it, something to try, a way to connect, and hope.
SHORT_LIST_KINDS = (ModuleKind.PSYCHOEDUCATION, *BALANCED_KINDS)

# Pages suggested beyond those in every pack, unless the caller asks for all of them: a
# pack is read by someone who may find reading hard.
DEFAULT_LIMIT = 6

# A page named for what was noticed outranks one found by theme from a single tick.
NAMED_WEIGHT = 2.0


@dataclass(frozen=True)
class Recommendation:
    module_id: str
    title: str
    kind: str
    reason: str  # for the keyworker: why this was picked, naming the theme
    subtheme_ids: tuple[str, ...]
    score: float
    reader_reason: str = ""  # the same, addressed to the reader (used as the section intro)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["subtheme_ids"] = list(self.subtheme_ids)
        return data


def unknown_observations(library: ContentLibrary, observation_ids: Iterable[str]) -> list[str]:
    return [obs for obs in observation_ids if obs not in library.observations]


def recommend(library: ContentLibrary, observation_ids: Sequence[str],
              limit: int | None = DEFAULT_LIMIT) -> list[Recommendation]:
    """Ranked, balanced modules for these observations, with the safety floor last.

    At most ``limit`` modules come before the floor (pages with a role, such as the
    grounding exercise that opens every pack, are not counted); ``None`` gives them all.
    """
    unknown = unknown_observations(library, observation_ids)
    if unknown:
        raise RecipeError(f"unknown observation '{unknown[0]}'"
                          + did_you_mean(unknown[0], library.observations, "observation"))
    ranking = _Ranking(library, list(dict.fromkeys(observation_ids)))
    chosen = _keep_best_of_each_kind(ranking.linked())
    ranking.balance(chosen)
    floor = safety_floor(library)
    named = ranking.named()
    floor_ids = {r.module_id for r in floor}
    # a page both named and linked by theme keeps the named reason (its score counts both)
    chosen.update((module_id, rec) for module_id, rec in named.items()
                  if module_id not in floor_ids)
    pinned = ranking.pinned()  # named by a risk observation: first, and never left out
    ranked = sorted(chosen.values(), key=lambda r: (r.module_id not in pinned, *_rank(r)))
    if limit is not None:
        ranked = _shorten(library, ranked, limit, pinned, ranking.answers())
    return ranked + [named.get(r.module_id, r) for r in floor if r.module_id not in chosen]


def _rank(rec: Recommendation) -> tuple[float, int, str]:
    return -rec.score, KIND_ORDER[ModuleKind(rec.kind)], rec.module_id


def _shorten(library: ContentLibrary, ranked: list[Recommendation], limit: int,
             pinned: set[str], answers: list[tuple[bool, list[str]]]) -> list[Recommendation]:
    """The ``limit`` most relevant, taken in this order until full: every pinned page; the
    first answer to each substance or situation tick (their safety pages); one page of each
    kind in ``SHORT_LIST_KINDS``; the first answer to each other tick; then by rank. Pages
    with a role (in every pack anyway) are kept and not counted."""
    in_every_pack = {r.module_id for r in ranked if library.modules[r.module_id].role}
    counted = {r.module_id: r for r in ranked if r.module_id not in in_every_pack}
    keep = [r for r in counted.values() if r.module_id in pinned]

    def add_first(candidates: Iterable[Recommendation]) -> None:
        first = next(iter(candidates), None)
        if first is not None and first not in keep and len(keep) < limit:
            keep.append(first)

    def answer_each(psychological: bool) -> None:
        for is_psychological, answer in answers:
            kept = {r.module_id for r in keep} | in_every_pack
            if is_psychological is psychological and not set(answer) & kept:
                add_first(counted[m] for m in answer if m in counted)

    answer_each(psychological=False)
    for kind in SHORT_LIST_KINDS:
        if not any(r.kind == kind for r in ranked if r.module_id in in_every_pack or r in keep):
            add_first(r for r in counted.values() if r.kind == kind)
    answer_each(psychological=True)
    keep += [r for r in counted.values() if r not in keep][:max(0, limit - len(keep))]
    return [r for r in ranked if r.module_id in in_every_pack or r in keep]


class _Ranking:
    """What was noticed, weighed: the subthemes and categories touched, and module scores."""

    def __init__(self, library: ContentLibrary, observations: list[str]) -> None:
        self.library = library
        self.observations = observations
        # the research subtheme of each psychological observation (others have no theme)
        themes = {obs: subtheme.id for obs in observations
                  if library.observations[obs].kind is ObservationKind.PSYCHOLOGICAL
                  and (subtheme := library.subtheme_of(obs)) is not None}
        self.weights = Counter(themes.values())
        self.first_obs: dict[str, str] = {}
        for obs, subtheme_id in themes.items():
            self.first_obs.setdefault(subtheme_id, obs)
        self.client_modules = [m for m in library.modules.values() if suggestable(m)]
        self.touched_categories = list(dict.fromkeys(
            library.category_of(s).id for s in self.weights))

    def score(self, module: Module) -> float:
        direct = sum(self.weights.get(s, 0) for s in module.subthemes)
        reached = {self.library.category_of(s).id for s in module.subthemes
                   if s in self.library.subthemes} & set(self.touched_categories)
        return float(direct) + 0.25 * len(reached)

    def named(self) -> dict[str, Recommendation]:
        """3. the pages ticked observations name, with the reason of the first to name each."""
        found: dict[str, Recommendation] = {}
        for obs_id in self.observations:
            observation = self.library.observations[obs_id]
            for suggestion in observation.suggests:
                module = self.library.modules[suggestion.module]
                if module.audience is not Audience.CLIENT:
                    continue
                earlier = found.get(module.id)
                if earlier is not None:
                    found[module.id] = replace(earlier, score=earlier.score + NAMED_WEIGHT)
                    continue
                found[module.id] = _named(self.library, module, obs_id, suggestion,
                                          NAMED_WEIGHT + self.score(module))
        return found

    def answers(self) -> list[tuple[bool, list[str]]]:
        """For each ticked observation: whether it is psychological, and the pages that
        answer it (those it names, in its order, then those of its theme, best first)."""
        answers = []
        for obs in self.observations:
            observation = self.library.observations[obs]
            named = [s.module for s in observation.suggests]
            subtheme = self.library.subtheme_of(obs)
            themed = []  # psychological observations only: they alone weigh on a theme
            if subtheme is not None and subtheme.id in self.weights:
                themed = [m.id for m in self.best_first(
                    m for m in self.client_modules if subtheme.id in m.subthemes)]
            psychological = observation.kind is ObservationKind.PSYCHOLOGICAL
            answers.append((psychological, named + themed))
        return answers

    def pinned(self) -> set[str]:
        """Pages named by an observation with a risk: never left out of a short list."""
        return {s.module for obs in self.observations
                if self.library.observations[obs].risk is not None
                for s in self.library.observations[obs].suggests}

    def best_first(self, modules: Iterable[Module]) -> list[Module]:
        return sorted(modules, key=lambda m: (-self.score(m), KIND_ORDER[m.kind], m.id))

    def linked(self) -> dict[str, Recommendation]:
        """1. modules linked to each touched subtheme, heaviest subtheme first."""
        chosen: dict[str, Recommendation] = {}
        weights, observations = self.weights, self.observations
        for subtheme_id in sorted(weights, key=lambda s: (-weights[s], observations.index(
                self.first_obs[s]))):
            linked = self.best_first(m for m in self.client_modules
                                     if subtheme_id in m.subthemes)
            for kind, limit in PER_SUBTHEME.items():
                of_kind = [m for m in linked if m.kind is kind]
                taken = sum(1 for m in of_kind if m.id in chosen)
                for module in of_kind:
                    if taken >= limit:
                        break
                    if module.id not in chosen:
                        chosen[module.id] = _linked(self.library, module, self.first_obs,
                                                    weights, self.score(module))
                        taken += 1
        return chosen

    def balance(self, chosen: dict[str, Recommendation]) -> None:
        """2. each touched research category gets a strategy, a connection and a hope page; first
        from modules linked to the category, then (second pass) any of that kind."""
        for general in (False, True):
            for category_id in self.touched_categories:
                category = self.library.categories[category_id]
                category_subthemes = {s.id for s in category.subthemes}
                for kind in BALANCED_KINDS:
                    if any(r.kind == kind and set(r.subtheme_ids) & category_subthemes
                           for r in chosen.values()):
                        continue
                    of_kind = [m for m in self.client_modules if m.kind is kind]
                    in_category = [m for m in of_kind
                                   if set(m.subthemes) & category_subthemes]
                    if general:
                        if in_category or any(r.kind == kind for r in chosen.values()):
                            continue  # one general pick serves every category lacking a link
                        candidates = of_kind
                    else:
                        candidates = in_category
                    pick = next((m for m in self.best_first(candidates)
                                 if m.id not in chosen), None)
                    if pick is not None:
                        chosen[pick.id] = _balance(self.library, pick, kind, category_id,
                                                   general)


def _keep_best_of_each_kind(chosen: dict[str, Recommendation]) -> dict[str, Recommendation]:
    """Keep a pack short enough to read: the best few of each kind."""
    ranked_linked = sorted(chosen.values(), key=lambda r: (
        -r.score, KIND_ORDER[ModuleKind(r.kind)], r.module_id))
    kept: list[Recommendation] = []
    for kind, limit in MAX_PER_KIND.items():
        kept += [r for r in ranked_linked if r.kind == kind][:limit]
    return {r.module_id: r for r in kept}


def safety_floor(library: ContentLibrary) -> list[Recommendation]:
    """The client modules with a ``safety_floor`` position, then the help-right-now page."""
    floor: list[Recommendation] = []
    help_now = library.help_now_module()
    marked = sorted(
        (m for m in library.modules.values() if m.safety_floor is not None
         and m.audience is Audience.CLIENT and m is not help_now),
        key=lambda m: (m.safety_floor or 0, m.id),
    )
    reasons = library.fixed_wording().reasons
    for module in marked:
        what = _lower_first(module.summary)
        floor.append(Recommendation(
            module.id, module.title, module.kind.value,
            f"Always included, to help them stay safer: {what}",
            tuple(module.subthemes), 0.0,
            reasons.safety_floor.format(what=what),
        ))
    if help_now is not None:
        floor.append(Recommendation(
            help_now.id, help_now.title, help_now.kind.value,
            "Always included: who to call if they need help right now",
            tuple(help_now.subthemes), 0.0,
            reasons.help_now,
        ))
    return floor


# ---------------------------------------------------------------------------- reasons


def _linked(library: ContentLibrary, module: Module, first_obs: dict[str, str],
            weights: Counter[str], score: float) -> Recommendation:
    # the subtheme with the most observations explains the pick
    subtheme_id = max((s for s in module.subthemes if s in weights),
                      key=lambda s: (weights[s], -list(weights).index(s)))
    observation = library.observations[first_obs[subtheme_id]]
    category = library.category_of(subtheme_id)
    what = _lower_first(module.summary)
    return Recommendation(
        module.id, module.title, module.kind.value,
        f"Because you noticed {_quoted_observation(observation.text)}: {what} ({category.name})",
        tuple(module.subthemes), score,
        # The reader sees why it is here in plain words; the research theme names are for
        # the keyworker only.
        library.fixed_wording().reasons.picked.format(what=what),
    )


def _named(library: ContentLibrary, module: Module, obs_id: str, suggestion: Suggestion,
           score: float) -> Recommendation:
    observation = library.observations[obs_id]
    category = library.category_of(library.group_of(obs_id).id)
    for_worker = _lower_first(suggestion.for_worker or suggestion.reason)
    return Recommendation(
        module.id, module.title, module.kind.value,
        f"Because you noticed {_quoted_observation(observation.text)}: {for_worker} "
        f"({category.name})",
        tuple(module.subthemes), score,
        library.fixed_wording().reasons.picked.format(what=suggestion.reason.rstrip(".")),
    )


def _balance(library: ContentLibrary, module: Module, kind: ModuleKind, category_id: str,
             general: bool) -> Recommendation:
    category = library.categories[category_id]
    what = _lower_first(module.summary)
    reasons = library.fixed_wording().reasons
    words = reasons.kind_words.of(kind.value)
    reader_reason = reasons.picked_as.format(kind=words, what=what)
    if general:  # nothing of this kind links to the category: say so, name no theme
        return Recommendation(
            module.id, module.title, module.kind.value,
            f"Added so {category.name} has {words} (none links to it yet): {what}",
            tuple(module.subthemes), 0.1, reader_reason,
        )
    return Recommendation(
        module.id, module.title, module.kind.value,
        f"Added so {category.name} has {words}: {what}",
        tuple(module.subthemes), 0.2, reader_reason,
    )


def _quoted_observation(text: str) -> str:
    return f"“{text.strip().rstrip('.')}”"


def _lower_first(text: str) -> str:
    """'A way to calm' -> 'a way to calm'; leaves 'I ...' and acronyms ('NHS 24') alone."""
    text = text.strip().rstrip(".")
    first = text.split(" ", 1)[0]
    if first and first[0].isupper() and first != "I" and (first[1:].islower() or len(first) == 1):
        return text[0].lower() + text[1:]
    return text
