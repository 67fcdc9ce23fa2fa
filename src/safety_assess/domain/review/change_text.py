"""How the changes since the plan's adoption read, the same on screen, in the report and on the command line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from safety_assess.domain.display import cost, counted, money
from safety_assess.domain.review.changes import FIELD_NAMES, FieldChange, SinceAdopted, Value

PhaseName = Callable[[str], str]


def value_text(name: str, value: Value, phase_name: PhaseName) -> str:
    """A field's value: an amount, a date, a phase's name, or the text ('none' when empty)."""
    if value is None or value == "":
        return "none"
    if name in ("cost_low", "cost_high") and isinstance(value, int | float):
        return money(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return phase_name(str(value)) if name == "phase" else str(value)


def change_text(change: FieldChange, phase_name: PhaseName) -> str:
    """'phase: Immediate → Short term', 'high cost: $2,000 → $3,500'."""
    was = value_text(change.field, change.was, phase_name)
    now = value_text(change.field, change.now, phase_name)
    return f"{FIELD_NAMES.get(change.field, change.field)}: {was} → {now}"


def summary_text(since: SinceAdopted) -> str:
    """'Adopted 2026-12-01 · 2 actions changed since, cost was $1,000–$2,000 now $1,500–$2,500'."""
    changes = since.changes
    said = f"Adopted {since.adopted_on.isoformat()} · "
    if changes.unchanged:
        said += "no action changed since"
    else:
        said += f"{counted(changes.count, 'action')} changed since"
    if changes.cost_adopted == changes.cost_now:
        return f"{said}, cost {cost(changes.cost_now)} as adopted"
    return f"{said}, cost was {cost(changes.cost_adopted)} now {cost(changes.cost_now)}"


def counts_text(since: SinceAdopted) -> str:
    """'1 added, 1 removed, 2 changed' (only what there is; 'nothing changed' when nothing)."""
    changes = since.changes
    parts = [
        f"{len(items)} {word}"
        for items, word in ((changes.added, "added"), (changes.removed, "removed"), (changes.changed, "changed"))
        if items
    ]
    return ", ".join(parts) or "nothing changed"
