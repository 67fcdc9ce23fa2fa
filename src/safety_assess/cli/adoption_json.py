"""The changes since the board adopted the plan, as ``review show`` prints them (JSON and a short summary)."""

from __future__ import annotations

from typing import Any

from safety_assess.domain.plan.actions import Action, CostRange
from safety_assess.domain.review.change_text import PhaseName, change_text, counts_text, summary_text
from safety_assess.domain.review.changes import SinceAdopted


def since_json(since: SinceAdopted | None) -> dict[str, Any] | None:
    """None when the board never adopted the plan."""
    if since is None:
        return None
    changes = since.changes
    return {
        "adopted_on": since.adopted_on,
        "added": [_action(a) for a in changes.added],
        "removed": [{**_action(r.action), "finding_resolved": r.finding_resolved} for r in changes.removed],
        "changed": [
            {
                "id": c.action.id,
                "description": c.action.description,
                "fields": [{"field": f.field, "was": f.was, "now": f.now} for f in c.fields],
            }
            for c in changes.changed
        ],
        "progressed": [{"id": p.action_id, "was": p.was.value, "now": p.now.value} for p in changes.progressed],
        "cost": {"adopted": _cost(changes.cost_adopted), "now": _cost(changes.cost_now)},
        "phases": {
            phase: {"adopted": _cost(was), "now": _cost(now)} for phase, (was, now) in changes.phase_costs.items()
        },
    }


def _action(action: Action) -> dict[str, Any]:
    return {
        "id": action.id,
        "description": action.description,
        "finding_key": action.finding_key,
        "phase": action.phase,
        "cost_low": action.cost_low,
        "cost_high": action.cost_high,
    }


def _cost(total: CostRange) -> dict[str, float]:
    return {"low": total.low, "high": total.high}


def since_lines(since: SinceAdopted | None, phase_name: PhaseName) -> list[str]:
    """A few lines for people: the summary, what was added or removed, each changed field as was → now."""
    if since is None:
        return []
    changes = since.changes
    lines = [f"{summary_text(since)} ({counts_text(since)})"]
    lines += [f"  added: {a.description}" for a in changes.added]
    for removed in changes.removed:
        why = ", its finding resolved" if removed.finding_resolved else ""
        lines.append(f"  removed: {removed.action.description}{why}")
    for changed in changes.changed:
        fields = "; ".join(change_text(f, phase_name) for f in changed.fields)
        lines.append(f"  changed: {changed.action.description}: {fields}")
    return lines
