"""What changed in the plan since the board adopted it, as the plan window shows it: a mark per action in the
actions table (its changed fields in the tooltip), a line below the selected action, and a line above the totals
whose tooltip lists the removed actions (they cannot be rows) and the cost per phase."""

from __future__ import annotations

from safety_assess.domain.display import cost
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.review.change_text import PhaseName, change_text, counts_text, summary_text
from safety_assess.domain.review.changes import FIELD_NAMES, ChangedAction, SinceAdopted

COLUMN_TITLE = "Since\nadopted"


def mark(since: SinceAdopted | None, action: Action) -> str:
    """'New', 'Changed: phase, high cost', or nothing."""
    found = None if since is None else since.changes.of(action.id)
    if found is None:
        return ""
    if isinstance(found, ChangedAction):
        return "Changed: " + ", ".join(FIELD_NAMES.get(f.field, f.field) for f in found.fields)
    return "New"


def mark_tip(since: SinceAdopted | None, action: Action, phase_name: PhaseName) -> str:
    """Each changed field as was → now, or that the action was added since; empty when it is as adopted."""
    found = None if since is None else since.changes.of(action.id)
    if since is None or found is None:
        return ""
    if isinstance(found, ChangedAction):
        return "\n".join(change_text(f, phase_name) for f in found.fields)
    return f"Added since the board adopted the plan on {since.adopted_on.isoformat()}"


def detail(since: SinceAdopted | None, action: Action | None, phase_name: PhaseName) -> str:
    """The selected action's changes since the adoption, for the area below the table."""
    if since is None or action is None:
        return ""
    tip = mark_tip(since, action, phase_name)
    if not tip or not isinstance(since.changes.of(action.id), ChangedAction):
        return tip
    return f"Since the board adopted the plan on {since.adopted_on.isoformat()}: " + "; ".join(tip.split("\n"))


def line(since: SinceAdopted | None) -> str:
    """'Adopted 2026-12-01 · 2 actions changed since, cost was … now …'; empty when the plan was never adopted."""
    return "" if since is None else summary_text(since)


def line_tip(since: SinceAdopted | None, phase_name: PhaseName) -> str:
    """What the line sums up: counts, the removed actions, and the planned cost per phase adopted and now."""
    if since is None:
        return ""
    changes = since.changes
    lines = [f"Since the board adopted the plan on {since.adopted_on.isoformat()}: {counts_text(since)}."]
    if changes.removed:
        lines.append("Removed:")
        for removed in changes.removed:
            why = " (its finding resolved)" if removed.finding_resolved else ""
            lines.append(f"  • {removed.action.description}{why}")
    lines.append("Planned cost (all actions, done ones included), adopted → now:")
    for phase, (was, now) in changes.phase_costs.items():
        lines.append(f"  {phase_name(phase)}: {cost(was)} → {cost(now)}")
    if changes.progressed:
        lines.append(f"{len(changes.progressed)} status change(s) since: progress, not a change of the plan.")
    return "\n".join(lines)
