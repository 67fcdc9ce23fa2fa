"""What the district's metrics are measured from: each campus's assessments, actions and drills reduced to the plain
facts a metric reads (dates, counts, costs), and the period measured.

The services build these from the database; the metrics (metrics.py) never read anything else, so each one can be
checked against a hand-computed example.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from safety_assess.domain.readiness.drills import CampusKind, Drill
from safety_assess.domain.readiness.school_year import SchoolYear


@dataclass(frozen=True)
class Period:
    """The days measured, both inclusive (a term), and the school year they belong to (for the drills' pace)."""

    start: dt.date
    end: dt.date
    year: SchoolYear

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class AssessedFacts:
    """One assessment of a campus as the metrics read it."""

    completed_on: dt.date | None
    """None while it is in progress: it counts for nothing until completed."""
    compliance: float | None
    """Weighted compliance in percent, as the district view shows it; None when nothing that counts was answered."""
    severe_closed_on: tuple[dt.date | None, ...] = ()
    """Each of its high and critical findings: the day its last action was done, None while it is open (no actions,
    or one not done)."""


@dataclass(frozen=True)
class ActionFacts:
    """One corrective action: when it is due, when it was done, what it is planned to cost."""

    due: dt.date
    """Its own due date, or its phase's deadline after the assessment (domain/plan/actions.py's due_date)."""
    done_on: dt.date | None
    """The day it was marked done; None while it is not done."""
    cost: float = 0.0
    """The middle of its estimate (low to high)."""


@dataclass(frozen=True)
class CampusFacts:
    campus_id: uuid.UUID
    kind: CampusKind
    assessments: tuple[AssessedFacts, ...] = ()
    actions: tuple[ActionFacts, ...] = ()
    drills: tuple[Drill, ...] = ()

    def latest_completed(self, by: dt.date) -> AssessedFacts | None:
        """The assessment completed last on or before ``by``; None when none was."""
        done = [a for a in self.assessments if a.completed_on is not None and a.completed_on <= by]
        return max(done, key=lambda a: a.completed_on or by) if done else None
