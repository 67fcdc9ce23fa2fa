"""Spot checks stored: schedules kept and stopped, a run started as an assessment linked to its schedule, where each
schedule stands, refusals that store nothing, and the runs passed per campus for the targets."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.readiness.spot_checks import Every, Period, SpotCheckError
from safety_assess.domain.records import Campus
from safety_assess.domain.scoring.findings import raised_findings
from safety_assess.services import drills, spot_checks
from safety_assess.services.assessments import record_answer
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.storage.notify import Touched
from safety_assess.storage.orm_readiness import SpotCheckRow
from tests.spot_check_list import CHECKLIST, TITLE, install

TODAY = dt.date(2026, 10, 1)  # a Thursday


@pytest.fixture
def campus(workspace: Workspace) -> Campus:
    install(workspace)  # its runs can pass: a section of two items, one required
    return workspace.campuses.add("Lincoln High", "LHS", kind="high", opened_on=dt.date(1998, 8, 1))


def weekly(workspace: Workspace, campus: Campus, starts: dt.date = dt.date(2026, 9, 2)) -> spot_checks.Schedule:
    return spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.WEEK, ["kit"], starts, TODAY, "Ana")


def run(workspace: Workspace, schedule_id: object, day: dt.date, answer: str | None = "yes") -> object:
    assessment = spot_checks.start_run(workspace, schedule_id, day, TODAY, ["Ana"])  # type: ignore[arg-type]
    if answer is not None:
        record_answer(workspace, assessment, "kit.classroom-present", answer)
        workspace.assessments.complete(assessment, ["Ana"])
    return assessment


def test_a_schedule_is_kept_and_stopped(workspace: Workspace, campus: Campus) -> None:
    schedule = weekly(workspace, campus)
    assert (schedule.sections, schedule.every, schedule.set_up_by) == (("kit",), Every.WEEK, "Ana")
    assert spot_checks.get_schedule(workspace, schedule.id) == schedule
    assert spot_checks.resolve_schedule(workspace, str(schedule.id)[:8]) == schedule.id
    whole = spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.MONTH, None, TODAY, TODAY)
    assert whole.sections == ()
    spot_checks.stop(workspace, schedule.id)
    assert [s.standing.schedule.id for s in spot_checks.standings(workspace, TODAY)] == [whole.id]
    with pytest.raises(NotFoundError, match="no spot check with id"):
        spot_checks.resolve_schedule(workspace, str(schedule.id)[:8])


def test_refused_schedules_store_nothing(workspace: Workspace, campus: Campus) -> None:
    with pytest.raises(NotFoundError, match="no checklist 'nope'"):
        spot_checks.set_up(workspace, campus.id, "nope", Every.WEEK, None, TODAY, TODAY)
    with pytest.raises(NotFoundError, match="no section 'attic' in the checklist"):
        spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.WEEK, ["kit", "attic"], TODAY, TODAY)
    with pytest.raises(SpotCheckError, match="is in the future"):
        spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.WEEK, None, TODAY + dt.timedelta(days=1), TODAY)
    with pytest.raises(SpotCheckError, match="before the campus opened"):
        spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.WEEK, None, dt.date(1990, 1, 1), TODAY)
    assert spot_checks.standings(workspace, TODAY) == []


def test_a_run_is_an_assessment_linked_to_its_schedule(workspace: Workspace, campus: Campus) -> None:
    schedule = weekly(workspace, campus)
    assessment = spot_checks.start_run(workspace, schedule.id, dt.date(2026, 9, 4), TODAY, ["Ana"])
    summary = workspace.assessments.summary(assessment)
    assert (summary.campus.id, summary.assessed_on) == (campus.id, dt.date(2026, 9, 4))
    assert summary.checklist.checklist_id == CHECKLIST
    assert spot_checks.run_sections(workspace, assessment) == ("kit",)
    ordinary = workspace.assessments.create(campus.id, summary.checklist.id, ["Ana"], TODAY)
    assert spot_checks.run_sections(workspace, ordinary.id) is None
    with pytest.raises(SpotCheckError, match="spot check date 2026-10-02 is in the future"):
        spot_checks.start_run(workspace, schedule.id, TODAY + dt.timedelta(days=1), TODAY)
    assert len(workspace.assessments.list(campus.id)) == 2


def test_where_a_schedule_stands_counts_completed_runs_only(workspace: Workspace, campus: Campus) -> None:
    """The module's worked example, through the database: runs on 4 and 21 September; an unfinished run this week
    is told as started, not done."""
    schedule = weekly(workspace, campus)
    run(workspace, schedule.id, dt.date(2026, 9, 4))
    run(workspace, schedule.id, dt.date(2026, 9, 21))
    started = run(workspace, schedule.id, dt.date(2026, 9, 29), answer=None)
    (found,) = spot_checks.standings(workspace, TODAY, campus.id)
    assert found.title == TITLE
    assert (found.standing.due, found.standing.overdue, found.standing.overdue_since) == (True, 2, dt.date(2026, 9, 7))
    assert found.started == started


def test_a_reopened_run_stays_a_run_and_counts_once(workspace: Workspace, campus: Campus) -> None:
    schedule = weekly(workspace, campus)
    first = run(workspace, schedule.id, dt.date(2026, 9, 29))
    again = workspace.assessments.reopen(first, "wrong answer")  # type: ignore[arg-type]
    assert spot_checks.run_sections(workspace, again) == ("kit",)
    assert spot_checks.standings(workspace, TODAY)[0].standing.done is False
    workspace.assessments.complete(again, ["Ana"])
    assert spot_checks.standings(workspace, TODAY)[0].standing.done is True
    assert spot_checks.pass_counts(workspace, dt.date(2026, 9, 1), TODAY) == {campus.id: (1, 1)}


def test_pass_counts_per_campus_in_the_dates_given(workspace: Workspace, campus: Campus) -> None:
    """A run passes with its required items answered and none deficient (a run signed off empty fails); unfinished
    runs and runs outside the dates are not counted."""
    other = workspace.campuses.add("Adams", "AES")
    schedule, adams = weekly(workspace, campus), weekly(workspace, other)
    run(workspace, schedule.id, dt.date(2026, 9, 4))
    run(workspace, schedule.id, dt.date(2026, 9, 11), answer="no")
    run(workspace, schedule.id, dt.date(2026, 9, 18), answer=None)
    run(workspace, schedule.id, dt.date(2026, 8, 31))
    run(workspace, adams.id, dt.date(2026, 9, 30), answer="no")
    empty = spot_checks.start_run(workspace, schedule.id, dt.date(2026, 9, 25), TODAY, ["Ana"])
    assert spot_checks.sign_off(workspace, empty, ["Ana"]) == spot_checks.RunResult(deficient=0, unanswered=1)
    counts = spot_checks.pass_counts(workspace, dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert counts == {campus.id: (1, 3), other.id: (0, 1)}
    assert spot_checks.pass_counts(workspace, dt.date(2026, 10, 1), dt.date(2026, 12, 31)) == {}


def test_a_schedule_write_tells_other_computers_the_campuses_changed() -> None:
    touched = Touched()
    touched.note(SpotCheckRow())
    assert touched.campuses


def test_a_termly_check_follows_the_districts_terms(workspace: Workspace, campus: Campus) -> None:
    """The default semesters (fall from 1 August, spring from 1 January), then trimesters the district set."""
    schedule = spot_checks.set_up(workspace, campus.id, CHECKLIST, Every.TERM, None, dt.date(2026, 8, 10), TODAY)
    run(workspace, schedule.id, dt.date(2026, 9, 4))
    (fall,) = spot_checks.standings(workspace, dt.date(2026, 12, 31))
    assert (fall.standing.done, fall.standing.current) == (True, Period(dt.date(2026, 8, 1), dt.date(2026, 12, 31)))
    (spring,) = spot_checks.standings(workspace, dt.date(2027, 1, 1))
    assert (spring.standing.due, spring.standing.overdue) == (True, 0)
    drills.save_rules(workspace, drills.rules(workspace).with_terms([("fall", (8, 1)), ("winter", (9, 10))]))
    (trimester,) = spot_checks.standings(workspace, dt.date(2026, 9, 10))
    assert (trimester.standing.overdue, trimester.standing.overdue_since) == (0, None)
    assert trimester.standing.current == Period(dt.date(2026, 9, 10), dt.date(2027, 7, 31))


def test_a_run_is_walked_through_its_sections_alone_and_a_deficient_answer_is_a_finding(
    workspace: Workspace, campus: Campus
) -> None:
    schedule = weekly(workspace, campus)
    assessment = spot_checks.start_run(workspace, schedule.id, TODAY, TODAY, ["Ana"])
    walk = WalkSession(workspace, assessment)
    assert [s.id for s in walk.checklist.sections] == ["kit"] and walk.spot_check == ("kit",)
    first = walk.start_key()
    assert first is not None and first.item_id == "kit.classroom-present"
    walk.answer_and_advance(first, "no")
    (finding,) = raised_findings(walk.state)
    assert finding.item_id == "kit.classroom-present"
    ordinary = WalkSession(workspace, workspace.assessments.create(campus.id, walk.summary.checklist.id, [], TODAY).id)
    assert ordinary.spot_check is None and len(ordinary.checklist.sections) > 1
