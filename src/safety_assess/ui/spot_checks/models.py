"""The spot checks table: each schedule and where it stands (the one declarative row model)."""

from __future__ import annotations

from safety_assess.services.spot_checks import CheckStanding
from safety_assess.ui.models.rows import Column, RowsModel

WARNING = "#b3261e"
"""The app's warning colour (as on the drill log and a revoked device): white text on it."""


def now(check: CheckStanding) -> str:
    standing = check.standing
    if standing.current is None:
        return f"from {standing.schedule.starts.isoformat()}"
    if standing.done:
        return "done"
    return "started" if check.started else "due"


def overdue(check: CheckStanding) -> str:
    standing = check.standing
    return f"{standing.overdue} since {standing.overdue_since}" if standing.overdue_since else ""


class ChecksModel(RowsModel[CheckStanding]):
    columns = (
        Column("Checklist", lambda c: c.title),
        Column("Sections", lambda c: ", ".join(c.standing.schedule.sections) or "all"),
        Column("Every", lambda c: c.standing.schedule.every.value),
        Column("This period", now),
        Column(
            "Overdue",
            overdue,
            lambda c: c.standing.overdue,
            background=lambda c: WARNING if c.standing.overdue else None,
            tooltip=lambda c: ", ".join(p.start.isoformat() for p in c.standing.missed) or "nothing missed",
        ),
        Column("Set up by", lambda c: c.standing.schedule.set_up_by),
    )
