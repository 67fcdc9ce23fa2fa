"""The drill log of a campus: drills added and edited, where the campus stands against the district's rules this
school year, and a drill's issue made a finding in the campus's current assessment (after-action to plan)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from safety_assess.domain.errors import ConflictError, SafetyAssessError
from safety_assess.domain.readiness.drills import DEFAULT_KIND, CampusKind, Drill, check_drill
from safety_assess.domain.readiness.requirements import DrillRules, TypeStanding, standing
from safety_assess.domain.readiness.school_year import SchoolYear, school_year
from safety_assess.domain.records import AssessmentSummary, Campus, FindingRecord
from safety_assess.domain.scoring.adjust import FindingEdit
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


def current_assessment(workspace: Workspace, campus: Campus) -> AssessmentSummary:
    """The campus's newest assessment that can take a finding: in progress, made here (or a team's), not a
    conflict copy. ConflictError saying what to do when there is none."""
    for summary in workspace.assessments.list(campus.id):
        if not summary.read_only and summary.conflict_of is None:
            return summary
    raise ConflictError(
        f"{campus.name} has no assessment in progress to take the finding: start one "
        f"(safety-assess assessment new --campus {campus.code}) or reopen the last"
    )


def make_finding(
    workspace: Workspace, drill_id: uuid.UUID, title: str, likelihood: int, severity: int
) -> tuple[FindingRecord, AssessmentSummary]:
    """A finding in the campus's current assessment from the drill's issue, naming the drill as its source; the
    drill remembers it. A drill that already became a finding is refused."""
    from safety_assess.services.plan import PlanEditor  # the plan's services load only when a finding is made

    drill = stored.drill(workspace.database, drill_id)
    if drill.finding_id is not None:
        raise ConflictError(f"the {drill.title.lower()} already became finding {drill.finding_id}")
    if not title.strip():
        raise SafetyAssessError("finding title must not be empty")
    summary = current_assessment(workspace, workspace.campuses.get(drill.campus_id))
    edit = FindingEdit(likelihood=likelihood, severity=severity, description=source_line(drill))
    record = PlanEditor(workspace, summary.id).add_finding(title, edit)
    stored.save_drill(workspace.database, dataclasses.replace(drill, finding_id=record.id))
    return record, summary


def source_line(drill: Drill) -> str:
    """How a finding names the drill it came from, with what went wrong."""
    said = f"From the {drill.title.lower()} (drill {drill.id})."
    return f"{said} {drill.issues}" if drill.issues else said
