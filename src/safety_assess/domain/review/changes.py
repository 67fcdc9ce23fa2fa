"""What changed in a plan since the board adopted it: the adopted (frozen) actions compared with today's.

An action is *added* when it is in today's plan and was not adopted, *removed* when it was adopted and is no longer
in the plan (its finding resolved, or the action itself deleted), and *changed* when one of its content fields
(description, phase, low and high cost, funding, owner, due date) differs; each changed field gives the adopted and
the current value.

Status is not the plan's content: an action started or done since the adoption is *progress*, kept apart in
``progressed`` and never counted as a change. For the same reason the plan's cost compared here is the planned
cost of all its actions, done ones included (``actions.totals`` leaves done ones out, so marking an action done
would look like a cheaper plan).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from safety_assess.domain.plan.actions import Action, CostRange, Status

CONTENT_FIELDS = ("description", "phase", "cost_low", "cost_high", "funding", "owner", "due")
"""The fields an adoption freezes and a change is told by (status is progress, not content)."""

FIELD_NAMES = {
    "description": "description",
    "phase": "phase",
    "cost_low": "low cost",
    "cost_high": "high cost",
    "funding": "funding",
    "owner": "owner",
    "due": "due date",
}

Value = str | float | dt.date | None


@dataclass(frozen=True)
class FieldChange:
    field: str
    """One of CONTENT_FIELDS."""
    was: Value
    now: Value


@dataclass(frozen=True)
class ChangedAction:
    action: Action
    """As it is now."""
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RemovedAction:
    action: Action
    """As adopted."""
    finding_resolved: bool
    """Its finding is no longer in the plan (the deficiency was fixed or withdrawn), rather than the action deleted."""


@dataclass(frozen=True)
class Progress:
    action_id: uuid.UUID
    was: Status
    now: Status


@dataclass(frozen=True)
class PlanChanges:
    added: tuple[Action, ...] = ()
    removed: tuple[RemovedAction, ...] = ()
    changed: tuple[ChangedAction, ...] = ()
    progressed: tuple[Progress, ...] = ()
    """Status moves since the adoption (not changes of the plan)."""
    cost_adopted: CostRange = field(default_factory=CostRange)
    cost_now: CostRange = field(default_factory=CostRange)
    phase_costs: dict[str, tuple[CostRange, CostRange]] = field(default_factory=dict)
    """Per phase id: (adopted, now), phases of either in the adopted plan's order then the new ones."""

    @property
    def unchanged(self) -> bool:
        return not (self.added or self.removed or self.changed)

    @property
    def count(self) -> int:
        """Actions added, removed or changed."""
        return len(self.added) + len(self.removed) + len(self.changed)

    def of(self, action_id: uuid.UUID | None) -> ChangedAction | Action | None:
        """What changed on a current action: the action itself when it was added, its changes, or None."""
        for action in self.added:
            if action.id == action_id:
                return action
        return next((c for c in self.changed if c.action.id == action_id), None)


@dataclass(frozen=True)
class SinceAdopted:
    """The plan's changes since the board's last adopting decision, on ``adopted_on``."""

    adopted_on: dt.date
    changes: PlanChanges


def compare(adopted: Iterable[Action], current: Iterable[Action], finding_keys: Iterable[str]) -> PlanChanges:
    """Today's actions (``current``, of the plan's findings ``finding_keys``) against the adopted ones."""
    before = {a.id: a for a in adopted}
    now = {a.id: a for a in current}
    keys = set(finding_keys)
    changed = []
    for key, action in now.items():
        fields = field_changes(before[key], action) if key in before else ()
        if fields:
            changed.append(ChangedAction(action, fields))
    return PlanChanges(
        added=tuple(a for key, a in now.items() if key not in before),
        removed=tuple(RemovedAction(a, a.finding_key not in keys) for key, a in before.items() if key not in now),
        changed=tuple(changed),
        progressed=tuple(
            Progress(key, before[key].status, a.status)
            for key, a in now.items()
            if key is not None and key in before and before[key].status != a.status
        ),
        cost_adopted=planned_cost(before.values()),
        cost_now=planned_cost(now.values()),
        phase_costs=_phase_costs(list(before.values()), list(now.values())),
    )


def field_changes(was: Action, now: Action) -> tuple[FieldChange, ...]:
    return tuple(
        FieldChange(name, getattr(was, name), getattr(now, name))
        for name in CONTENT_FIELDS
        if getattr(was, name) != getattr(now, name)
    )


def planned_cost(actions: Iterable[Action]) -> CostRange:
    """The planned cost of all the actions, whatever their status."""
    total = CostRange()
    for action in actions:
        total += CostRange(action.cost_low, action.cost_high)
    return total


def _phase_costs(before: list[Action], now: list[Action]) -> dict[str, tuple[CostRange, CostRange]]:
    phases = list(dict.fromkeys([a.phase for a in before] + [a.phase for a in now]))
    return {
        phase: (planned_cost(a for a in before if a.phase == phase), planned_cost(a for a in now if a.phase == phase))
        for phase in phases
    }


def adopted_actions(entries: Iterable[Any]) -> list[Action]:
    """The frozen actions as the adoption stored them (plain JSON values) as Actions; an entry that cannot be read
    as one (it came in a bundle from a later version, say) is left out rather than failing the whole comparison."""
    actions = []
    for entry in entries:
        try:
            actions.append(_adopted_action(entry))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return actions


def _adopted_action(entry: Mapping[str, Any]) -> Action:
    due = entry.get("due")
    finding_id = entry.get("finding_id")
    return Action(
        finding_key=str(entry.get("finding_key", "")),
        description=str(entry.get("description", "")),
        phase=str(entry.get("phase", "")),
        cost_low=float(entry.get("cost_low") or 0),
        cost_high=float(entry.get("cost_high") or 0),
        funding=str(entry.get("funding") or ""),
        owner=str(entry.get("owner") or ""),
        due=dt.date.fromisoformat(due) if due else None,
        status=Status(entry.get("status") or Status.OPEN.value),
        id=uuid.UUID(str(entry["id"])),
        finding_id=uuid.UUID(str(finding_id)) if finding_id else None,
    )
