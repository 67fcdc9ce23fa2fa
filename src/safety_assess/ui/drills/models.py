"""The drill log's two tables: done, required and overdue per type, and the drills (the one declarative row model)."""

from __future__ import annotations

from safety_assess.domain.readiness.drills import Drill
from safety_assess.domain.readiness.requirements import TypeStanding
from safety_assess.ui.models.rows import Column, RowsModel

WARNING = "#b3261e"
"""The app's warning colour (as on a revoked device): white text on it."""


def _count(value: int | None) -> str:
    return "" if value is None else str(value)


class StandingModel(RowsModel[TypeStanding]):
    columns = (
        Column("Type", lambda s: s.type.label),
        Column("Required", lambda s: str(s.required), lambda s: s.required, align_right=True),
        Column("Done", lambda s: str(s.done), lambda s: s.done, align_right=True),
        Column(
            "Overdue",
            lambda s: str(s.overdue) if s.overdue else "",
            lambda s: s.overdue,
            background=lambda s: WARNING if s.overdue else None,
            align_right=True,
            tooltip=lambda s: f"{s.due} due by today at an even pace over the school year; {s.done} done",
        ),
        Column("Due by today", lambda s: str(s.due), lambda s: s.due, align_right=True),
    )


class DrillsModel(RowsModel[Drill]):
    columns = (
        Column("Date", lambda d: d.date.isoformat()),
        Column("Time", lambda d: d.time.strftime("%H:%M") if d.time else ""),
        Column("Type", lambda d: d.type.label),
        Column("Minutes", lambda d: _count(d.duration), lambda d: d.duration or 0, align_right=True),
        Column("People", lambda d: _count(d.participants), lambda d: d.participants or 0, align_right=True),
        Column("Announced", lambda d: "yes" if d.announced else "no"),
        Column("Observers", lambda d: ", ".join(d.observers)),
        Column("Finding", lambda d: "made" if d.finding_id else ""),
        Column("What went wrong", lambda d: d.issues.splitlines()[0] if d.issues else "", tooltip=lambda d: d.issues),
    )
