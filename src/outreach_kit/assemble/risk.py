"""The keyworker's prompt when a ticked observation carries a risk (such as suicide).

For the worker only: the app shows it beside the suggestions and the CLI prints it on
stderr. It is never part of a client's pack. The words live in ``content/model.yaml``
(``risk_prompts``); each number is read from the service named there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..content.library import ContentLibrary


@dataclass(frozen=True)
class WorkerPrompt:
    risk: str
    title: str
    points: tuple[str, ...]
    contacts: tuple[tuple[str, str], ...]  # (label, phone number)
    observation_ids: tuple[str, ...]  # the ticked observations that raised it

    def lines(self) -> list[str]:
        """Plain text, one line each: the title, then each point and number as a bullet."""
        return [self.title, *(f"- {point}" for point in self.points),
                *(f"- {label}: {number}" for label, number in self.contacts)]


def worker_prompts(library: ContentLibrary,
                   observation_ids: Sequence[str]) -> list[WorkerPrompt]:
    """One prompt for each risk the ticked observations carry, in ``risk_prompts`` order
    (none when nothing ticked carries a risk). Unknown ids are ignored here: ``recommend``
    reports them."""
    raised: dict[str, list[str]] = {}
    for obs_id in dict.fromkeys(observation_ids):
        observation = library.observations.get(obs_id)
        if observation is not None and observation.risk is not None:
            raised.setdefault(observation.risk.value, []).append(obs_id)
    return [
        WorkerPrompt(
            risk=prompt.risk.value,
            title=prompt.title,
            points=tuple(" ".join(point.split()) for point in prompt.points),
            contacts=tuple((c.label, library.phone_of(c.service)) for c in prompt.contacts),
            observation_ids=tuple(raised[prompt.risk.value]),
        )
        for prompt in library.risk_prompts.values() if prompt.risk.value in raised
    ]

