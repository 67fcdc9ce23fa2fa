"""After-action to plan: a drill's issue made a finding with its actions in the campus's current assessment, in one
step and all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from safety_assess.domain.errors import ConflictError, SafetyAssessError
from safety_assess.domain.readiness.drills import Drill, DrillType
from safety_assess.services import drills
from safety_assess.services.after_action import AfterAction, make_finding
from safety_assess.services.assessments import start_assessment
from safety_assess.services.workspace import Workspace

TODAY = dt.date(2026, 11, 2)


@pytest.fixture
def drill(workspace: Workspace) -> Drill:
    campus = workspace.campuses.add("Lincoln High", "LHS")
    made = Drill(campus.id, DrillType.LOCKDOWN, TODAY, issues="PA inaudible in the gym\nand the portables")
    return drills.add_drill(workspace, made, TODAY)


def test_the_finding_and_its_actions_land_in_the_current_plan(workspace: Workspace, drill: Drill) -> None:
    summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], TODAY)
    asked = [
        AfterAction("Speaker in the gym", cost_low=800, cost_high=1200),
        AfterAction("Test the PA monthly", "long_term"),
    ]
    made = make_finding(workspace, drill.id, "PA  inaudible", 4, 4, asked)
    assert made.assessment.id == summary.id and made.finding.title == "PA inaudible"
    assert "PA inaudible in the gym" in made.finding.description and str(drill.id) in made.finding.description
    phases = {p.id: p for p in made_phases(workspace, summary.id)}
    first = made_phases(workspace, summary.id)[0]  # risk 16 is critical: the first phase
    stored = sorted(workspace.findings.actions(summary.id), key=lambda a: a.position)
    assert [(a.description, a.phase, a.cost_low, a.cost_high, a.due) for a in stored] == [
        ("Speaker in the gym", first.id, 800, 1200, TODAY + dt.timedelta(days=first.days)),
        ("Test the PA monthly", "long_term", 0, 0, TODAY + dt.timedelta(days=phases["long_term"].days)),
    ]
    assert all(a.finding_id == made.finding.id for a in stored)
    assert drills.get_drill(workspace, drill.id).finding_id == made.finding.id


def made_phases(workspace: Workspace, assessment_id):  # type: ignore[no-untyped-def]
    summary = workspace.assessments.summary(assessment_id)
    return workspace.snapshots.checklist(summary.checklist.id).plan_phases()


def test_the_phase_follows_the_risk_when_none_is_asked(workspace: Workspace, drill: Drill) -> None:
    summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], TODAY)
    made = make_finding(workspace, drill.id, "PA inaudible", 5, 3, [AfterAction("Speaker")])
    phases = made_phases(workspace, summary.id)
    assert made.actions[0].phase == phases[0].id  # 15: critical, the first phase
    assert made.actions[0].due == TODAY + dt.timedelta(days=phases[0].days)


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        (AfterAction("Speaker", "someday"), "unknown phase 'someday'"),
        (AfterAction("   "), "an action needs a description"),
        (AfterAction("Speaker", cost_low=900, cost_high=100), "cost"),
    ],
)
def test_an_action_that_cannot_be_planned_stores_nothing(
    workspace: Workspace, drill: Drill, asked: AfterAction, message: str
) -> None:
    summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], TODAY)
    with pytest.raises(SafetyAssessError, match=message):
        make_finding(workspace, drill.id, "PA inaudible", 3, 3, [AfterAction("Fine"), asked])
    assert [f for f in workspace.findings.of_assessment(summary.id) if f.item_id is None] == []
    assert workspace.findings.actions(summary.id) == []
    assert drills.get_drill(workspace, drill.id).finding_id is None


def test_refused_without_an_assessment_in_progress_and_when_made_already(workspace: Workspace, drill: Drill) -> None:
    with pytest.raises(ConflictError, match="has no assessment in progress"):
        make_finding(workspace, drill.id, "PA inaudible", 3, 3)
    start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], TODAY)
    make_finding(workspace, drill.id, "PA inaudible", 3, 3)
    with pytest.raises(ConflictError, match="already became finding"):
        make_finding(workspace, drill.id, "PA inaudible", 3, 3)
