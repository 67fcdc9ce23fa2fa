"""The district's action plan: every action of every campus's latest assessment, filtered, with totals."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from safety_assess.domain.district.figures import ActionLine
from safety_assess.domain.district.overview import CampusLine
from safety_assess.domain.plan.actions import CostRange, Status
from safety_assess.domain.records import Campus


@dataclass(frozen=True)
class DistrictAction:
    campus: Campus
    assessment_id: uuid.UUID
    line: ActionLine


@dataclass(frozen=True)
class ActionFilter:
    """Empty fields match everything."""

    phase: str = ""
    layer: str = ""
    status: str = ""
    campus: str = ""
    """A campus code."""

    def matches(self, action: DistrictAction) -> bool:
        line = action.line
        return (
            (not self.phase or line.phase == self.phase)
            and (not self.layer or line.layer == self.layer)
            and (not self.status or line.status == self.status)
            and (not self.campus or action.campus.code.casefold() == self.campus.casefold())
        )


def latest_ids(lines: Iterable[CampusLine]) -> list[uuid.UUID]:
    return [line.latest.summary.id for line in lines if line.latest is not None]


def district_actions(
    lines: Iterable[CampusLine], actions: Mapping[uuid.UUID, Sequence[ActionLine]]
) -> list[DistrictAction]:
    """Every action of each campus's latest assessment (``actions``: by assessment id), highest risk first."""
    found = [
        DistrictAction(line.campus, line.latest.summary.id, action)
        for line in lines
        if line.latest is not None
        for action in actions.get(line.latest.summary.id, ())
    ]
    return sorted(found, key=lambda a: (-a.line.risk, a.campus.name.casefold(), a.line.phase, a.line.description))


def cost_totals(actions: Sequence[DistrictAction], by: str) -> dict[str, CostRange]:
    """Estimated cost of the actions not done, per phase (``by="phase"``) or layer (``by="layer"``)."""
    result: dict[str, CostRange] = {}
    for action in actions:
        if action.line.status == Status.DONE:
            continue
        key = action.line.phase if by == "phase" else (action.line.layer or "unassigned")
        result[key] = result.get(key, CostRange()) + CostRange(action.line.cost_low, action.line.cost_high)
    return result
