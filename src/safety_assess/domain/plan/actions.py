"""The phased action plan: corrective actions with a phase, a cost range and a status, and their totals."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from safety_assess.domain.errors import SafetyAssessError


class PlanError(SafetyAssessError):
    """An action that cannot be planned as given (costs, dates, phase)."""


@dataclass(frozen=True)
class Phase:
    id: str
    name: str
    days: int
    """How long after the assessment actions of this phase are due, at the latest."""


DEFAULT_PHASES: tuple[Phase, ...] = (
    Phase("immediate", "Immediate (within 30 days)", 30),
    Phase("short_term", "Short term (this school year)", 365),
    Phase("long_term", "Long term (1 to 3 years)", 3 * 365),
)
"""The phases of a checklist that names none, as shipped."""

_DISTRICT_PHASES = [DEFAULT_PHASES]


def use_phases(names: dict[str, str], days: dict[str, int]) -> None:
    """The district's own names and deadlines for the default phases (settings); their ids never change, so
    actions already planned keep their phase."""
    _DISTRICT_PHASES[0] = tuple(
        Phase(p.id, (names.get(p.id) or "").strip() or p.name, days.get(p.id) or p.days) for p in DEFAULT_PHASES
    )


def default_phases() -> tuple[Phase, ...]:
    """The phases of a checklist that names none: the shipped ones, as the district renamed them."""
    return _DISTRICT_PHASES[0]


TEXT_MAX = 5_000
COST_MAX = 1_000_000_000


class Status(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DEFERRED = "deferred"


@dataclass(frozen=True)
class Action:
    """A corrective action of a finding. ``finding_key`` and ``layer`` come from the finding it belongs to."""

    finding_key: str
    description: str
    phase: str
    cost_low: float = 0.0
    cost_high: float = 0.0
    funding: str = ""
    owner: str = ""
    due: dt.date | None = None
    status: Status = Status.OPEN
    note: str = ""
    layer: str | None = None
    id: uuid.UUID | None = None
    finding_id: uuid.UUID | None = None
    position: int = 0
    status_changed_at: dt.datetime | None = None
    status_changed_by: str = ""
    revision: int = 1


def check_action(action: Action, assessed_on: dt.date, phases: Iterable[Phase] = DEFAULT_PHASES) -> Action:
    """The action if it can be planned; PlanError naming what is wrong otherwise."""
    if not action.description.strip():
        raise PlanError("an action needs a description")
    known = {p.id for p in phases}
    if action.phase not in known:
        raise PlanError(f"unknown phase '{action.phase}' (phases: {', '.join(sorted(known))})")
    for name, text in (
        ("description", action.description),
        ("funding source", action.funding),
        ("owner", action.owner),
        ("note", action.note),
    ):
        if len(text) > TEXT_MAX:
            raise PlanError(f"the {name} is {len(text):,} characters long; at most {TEXT_MAX:,} fit")
    if not (math.isfinite(action.cost_low) and math.isfinite(action.cost_high)):
        raise PlanError("costs must be numbers")
    if max(action.cost_low, action.cost_high) > COST_MAX:
        raise PlanError(f"a cost above {COST_MAX:,.0f} is not an estimate for one campus; check the figure")
    if action.cost_low < 0 or action.cost_high < 0:
        raise PlanError(f"costs cannot be negative (got {_amount(action.cost_low)} to {_amount(action.cost_high)})")
    if action.cost_low > action.cost_high:
        raise PlanError(f"the low cost {_amount(action.cost_low)} is above the high cost {_amount(action.cost_high)}")
    if action.due is not None and action.due < assessed_on:
        raise PlanError(f"due date {action.due.isoformat()} is before the assessment ({assessed_on.isoformat()})")
    return action


def _amount(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@dataclass(frozen=True)
class CostRange:
    low: float = 0.0
    high: float = 0.0

    def __add__(self, other: CostRange) -> CostRange:
        return CostRange(self.low + other.low, self.high + other.high)


def totals(actions: Iterable[Action], by: str) -> dict[str, CostRange]:
    """Estimated cost per phase (``by="phase"``) or per layer (``by="layer"``); deferred actions count too,
    done ones do not (they are spent, not planned)."""
    result: dict[str, CostRange] = defaultdict(CostRange)
    for action in actions:
        if action.status == Status.DONE:
            continue
        key = action.phase if by == "phase" else (action.layer or "unassigned")
        result[key] += CostRange(action.cost_low, action.cost_high)
    return dict(result)


COST_BAND_RANGES: dict[str, CostRange] = {
    "none": CostRange(0, 0),
    "low": CostRange(0, 1_000),
    "medium": CostRange(1_000, 10_000),
    "high": CostRange(10_000, 100_000),
    "very_high": CostRange(100_000, 500_000),
}
"""What an item's cost band prefills an action's estimate with (see docs/checklist-format.md, cost bands)."""


def phase_for_risk(value: int, phases: Sequence[Phase]) -> Phase:
    """The phase a new action starts in: the first for critical risks (15+), the second for high (10+), else
    the last; with fewer phases, the nearest one."""
    wanted = 0 if value >= 15 else 1 if value >= 10 else len(phases) - 1
    return phases[min(wanted, len(phases) - 1)]


def due_date(assessed_on: dt.date, phase: Phase) -> dt.date:
    return assessed_on + dt.timedelta(days=phase.days)


_COST = re.compile(r"^\s*\$?\s*(-?[\d,]*\.?\d+)\s*(?:(?:-|to)\s*\$?\s*(-?[\d,]*\.?\d+))?\s*$")


def parse_cost(text: str) -> tuple[float, float]:
    """'200-450', '$1,000 to 2,500' or '300' (low = high)."""
    match = _COST.match(text)
    if match is None:
        raise PlanError(f"cost '{text}' is not a number or a range such as 200-450")
    low = float(match.group(1).replace(",", ""))
    high = float(match.group(2).replace(",", "")) if match.group(2) else low
    return low, high
