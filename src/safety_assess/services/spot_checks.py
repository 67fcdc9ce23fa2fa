"""Recurring spot checks: schedules set up and stopped, where each stands (due, overdue), a run started as a small
dated assessment of the schedule's sections, and the runs passed for the district's targets."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.readiness.requirements import DrillRules
from safety_assess.domain.readiness.spot_checks import (
    Every,
    Period,
    Run,
    Schedule,
    Standing,
    TermOf,
    check_run_day,
    check_schedule,
    only_sections,
    standing,
)
from safety_assess.domain.readiness.terms import term_of
from safety_assess.domain.records import Campus
from safety_assess.domain.scoring.findings import raised_findings
from safety_assess.domain.team import chosen_sections
from safety_assess.domain.walk.review import Problem, review
from safety_assess.domain.walk.state import AssessmentState
from safety_assess.services.drills import rules
from safety_assess.services.workspace import Workspace
from safety_assess.storage import spot_checks as stored


@dataclass(frozen=True)
class CheckStanding:
    campus: Campus
    title: str
    """The checklist's title (its id when this computer does not have it)."""
    standing: Standing
    started: uuid.UUID | None
    """A run of the current period begun and not yet completed (the newest), to carry on with."""


def term_period(workspace: Workspace) -> TermOf:
    """The district's term containing a day, as a period (the district's rules read once, when a term is asked)."""
    read: list[DrillRules] = []

    def of(day: dt.date) -> Period:
        if not read:
            read.append(rules(workspace))
        term = term_of(day, read[0].year_start, read[0].term_starts)
        return Period(term.start, term.end)

    return of


def set_up(
    workspace: Workspace,
    campus_id: uuid.UUID,
    checklist_id: str,
    how: Every,
    sections: Sequence[str] | None,
    starts: dt.date,
    today: dt.date,
    set_up_by: str = "",
) -> Schedule:
    """Check and store a schedule: NotFoundError for a checklist this computer lacks or a section it lacks,
    SpotCheckError for a start in the future or before the campus opened; nothing is stored then."""
    campus = workspace.campuses.get(campus_id)
    checklist = workspace.catalog.get(checklist_id)
    chosen = chosen_sections(checklist, sections) if sections else ()
    schedule = Schedule(campus.id, checklist.id, chosen, how, starts, set_up_by.strip())
    check_schedule(schedule, today, campus.opened_on)
    return stored.add_schedule(workspace.database, schedule)


def stop(workspace: Workspace, schedule_id: uuid.UUID) -> None:
    stored.stop_schedule(workspace.database, schedule_id)


def resolve_schedule(workspace: Workspace, prefix: str) -> uuid.UUID:
    return stored.resolve_schedule(workspace.database, prefix)


def get_schedule(workspace: Workspace, schedule_id: uuid.UUID) -> Schedule:
    return stored.schedule(workspace.database, schedule_id)


def standings(workspace: Workspace, today: dt.date, campus_id: uuid.UUID | None = None) -> list[CheckStanding]:
    """Every schedule not stopped (one campus's, or all), where it stands today; by campus name, then start."""
    term_of = term_period(workspace)
    by_schedule: dict[uuid.UUID, list[Run]] = {}
    for run in stored.runs(workspace.database, end=today):
        by_schedule.setdefault(run.schedule_id, []).append(run)
    found = []
    campuses = {campus.id: campus for campus in workspace.campuses.list()}
    for schedule in stored.schedules(workspace.database, campus_id):
        runs = by_schedule.get(schedule.id, [])
        done = [r.date for r in runs if r.completed]
        now = standing(schedule, done, today, term_of)
        open_runs = [r.assessment_id for r in runs if not r.completed and now.current and r.date in now.current]
        campus = campuses.get(schedule.campus_id) or workspace.campuses.get(schedule.campus_id)
        found.append(CheckStanding(campus, _title(workspace, schedule), now, open_runs[-1] if open_runs else None))
    return sorted(found, key=lambda c: (c.campus.name.lower(), c.standing.schedule.starts))


def start_run(
    workspace: Workspace, schedule_id: uuid.UUID, day: dt.date, today: dt.date, assessors: Sequence[str] = ()
) -> uuid.UUID:
    """A run of the schedule dated ``day``: an assessment of the checklist as it is now (its snapshot), linked to
    the schedule; its id. SpotCheckError for a day in the future or before the campus opened."""
    schedule = stored.schedule(workspace.database, schedule_id)
    campus = workspace.campuses.get(schedule.campus_id)
    check_run_day(day, today, campus.opened_on)
    snapshot = workspace.snapshots.snapshot(workspace.catalog.get(schedule.checklist_id))
    return stored.start_run(workspace.database, schedule_id, snapshot.id, assessors, day)


@dataclass(frozen=True)
class RunResult:
    deficient: int
    unanswered: int
    """Required items of the run's sections left unanswered."""

    @property
    def passed(self) -> bool:
        return not self.deficient and not self.unanswered


def sign_off(workspace: Workspace, assessment_id: uuid.UUID, signers: Sequence[str]) -> RunResult:
    """Complete a run (it counts for its period from then on) and say whether it passed; an assessment that is no
    run is refused."""
    if stored.schedule_of_run(workspace.database, assessment_id) is None:
        raise ConflictError(f"assessment {assessment_id} is no spot check: sign it off in its walkthrough")
    workspace.assessments.complete(assessment_id, signers)
    return run_result(workspace, assessment_id)


def run_result(workspace: Workspace, assessment_id: uuid.UUID) -> RunResult:
    """How the run stands: its deficient answers and its required items unanswered, in the sections it checks."""
    summary = workspace.assessments.summary(assessment_id)
    sections = run_sections(workspace, assessment_id) or ()
    checklist = only_sections(workspace.snapshots.checklist(summary.checklist.id), sections)
    instances, responses = stored.runs_answers(workspace.database, [assessment_id])[assessment_id]
    return _result(AssessmentState(checklist, instances, responses, summary.assessed_on))


def run_sections(workspace: Workspace, assessment_id: uuid.UUID) -> tuple[str, ...] | None:
    """The sections a run checks (empty: the whole checklist); None for an assessment that is no run, or a run
    whose schedule this computer does not have."""
    schedule_id = stored.schedule_of_run(workspace.database, assessment_id)
    if schedule_id is None:
        return None
    known = stored.every_schedule(workspace.database).get(schedule_id)
    return known.sections if known is not None else None


def pass_counts(workspace: Workspace, start: dt.date, end: dt.date) -> dict[uuid.UUID, tuple[int, int]]:
    """Per campus with runs completed dated in [start, end]: (runs passed, runs completed). A run passes when its
    required items are answered and none is deficient (in the sections it checks): a run signed off empty fails."""
    schedules = stored.every_schedule(workspace.database)
    completed = [run for run in stored.runs(workspace.database, start, end) if run.completed]
    answers = stored.runs_answers(workspace.database, [run.assessment_id for run in completed])
    checklists: dict[tuple[uuid.UUID, uuid.UUID], Checklist] = {}
    counts: dict[uuid.UUID, tuple[int, int]] = {}
    for run in completed:
        key = (run.snapshot_id, run.schedule_id)
        if key not in checklists:
            sections = schedules[run.schedule_id].sections if run.schedule_id in schedules else ()
            checklists[key] = only_sections(workspace.snapshots.checklist(run.snapshot_id), sections)
        instances, responses = answers[run.assessment_id]
        state = AssessmentState(checklists[key], instances, responses, run.date)
        passed, done = counts.get(run.campus_id, (0, 0))
        counts[run.campus_id] = (passed + _result(state).passed, done + 1)
    return counts


def _result(state: AssessmentState) -> RunResult:
    unanswered = sum(1 for entry in review(state) if entry.problem is Problem.REQUIRED_UNANSWERED)
    return RunResult(len(raised_findings(state)), unanswered)


def _title(workspace: Workspace, schedule: Schedule) -> str:
    try:
        return workspace.catalog.get(schedule.checklist_id).title
    except NotFoundError:  # a checklist this computer lacks is shown by its id
        return schedule.checklist_id
