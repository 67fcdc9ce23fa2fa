"""The drill log of a campus: drills added and edited, and where the campus stands against the district's rules this
school year (a drill's issue made a finding: services/after_action.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from safety_assess.domain.readiness.drills import DEFAULT_KIND, CampusKind, Drill, check_drill
from safety_assess.domain.readiness.requirements import DrillRules, TypeStanding, standing
from safety_assess.domain.readiness.school_year import SchoolYear, school_year
from safety_assess.domain.records import Campus
from safety_assess.services.workspace import Workspace
from safety_assess.storage import drills as stored


@dataclass(frozen=True)
class DrillLog:
    campus: Campus
    kind: CampusKind
    year: SchoolYear
    standing: list[TypeStanding]
    drills: list[Drill]
    """Every drill of the campus, newest first (not only this year's)."""


def kind_of(campus: Campus) -> CampusKind:
    """The campus's kind; one this app does not know (from a newer app's bundle) counts as the default."""
    try:
        return CampusKind(campus.kind)
    except ValueError:
        return DEFAULT_KIND


def rules(workspace: Workspace) -> DrillRules:
    return stored.rules(workspace.database)


def save_rules(workspace: Workspace, changed: DrillRules) -> None:
    stored.save_rules(workspace.database, changed)


def drill_log(workspace: Workspace, campus_id: uuid.UUID, today: dt.date) -> DrillLog:
    campus, district = workspace.campuses.get(campus_id), rules(workspace)
    kind, year = kind_of(campus), school_year(today, district.year_start)
    drills = stored.drills_of(workspace.database, campus_id)
    return DrillLog(campus, kind, year, standing(drills, district.of(kind), year, today), drills)


def add_drill(workspace: Workspace, drill: Drill, today: dt.date) -> Drill:
    """Check the drill (DrillError naming what is wrong, nothing stored) and store it."""
    campus = workspace.campuses.get(drill.campus_id)
    check_drill(drill, today, campus.opened_on)
    return stored.add_drill(workspace.database, drill)


def save_drill(workspace: Workspace, drill: Drill, today: dt.date) -> Drill:
    campus = workspace.campuses.get(drill.campus_id)
    check_drill(drill, today, campus.opened_on)
    return stored.save_drill(workspace.database, drill)


def remove_drill(workspace: Workspace, drill_id: uuid.UUID) -> None:
    stored.remove_drill(workspace.database, drill_id)


def get_drill(workspace: Workspace, drill_id: uuid.UUID) -> Drill:
    return stored.drill(workspace.database, drill_id)


def resolve_drill(workspace: Workspace, prefix: str) -> uuid.UUID:
    return stored.resolve_drill(workspace.database, prefix)
