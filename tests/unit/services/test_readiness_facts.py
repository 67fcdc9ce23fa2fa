"""Each campus's facts for the metrics, read from its plans and drill log: an action's due date (its own, or its
phase's deadline after the assessment), the day it was done, its cost at the middle of its estimate; a high or
critical finding closed on the day its last action was done; an assessment in progress counts for its actions only."""

from __future__ import annotations

import dataclasses
import datetime as dt

from safety_assess.domain.plan.actions import Action, Status
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.readiness_facts import campus_facts
from safety_assess.services.workspace import Workspace

DAY = dt.date(2026, 9, 1)


def test_actions_findings_and_assessments_as_the_metrics_read_them(workspace: Workspace) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], DAY)
    record_answer(workspace, summary.id, "door-locked", "no")
    plan = load_plan(workspace, summary.id)
    door = plan.finding("item:door-locked:")
    editor = PlanEditor(workspace, summary.id)
    editor.add_action(door, Action(door.key, "Rekey", "immediate", 100, 300), plan.phases)
    editor.add_action(
        door, dataclasses.replace(Action(door.key, "Rehang", "long_term", 1000, 1000), due=DAY), plan.phases
    )
    [campus, ] = campus_facts(workspace)  # fmt: skip
    assert campus[1].assessments == ()  # in progress: no compliance, no findings counted yet
    assert sorted((a.due, a.done_on, a.cost) for a in campus[1].actions) == [
        (DAY, None, 1000.0),
        (DAY + dt.timedelta(days=30), None, 200.0),  # the immediate phase's deadline
    ]
    for action in workspace.findings.actions(summary.id):
        editor.set_status(action, Status.DONE)
    workspace.assessments.complete(summary.id, ["Ana"])
    [(_, facts)] = campus_facts(workspace)
    today = dt.datetime.now(dt.UTC).date()
    assert {a.done_on for a in facts.actions} == {today}
    [assessed] = facts.assessments
    assert assessed.completed_on == today and assessed.compliance is not None
    assert assessed.severe_closed_on == (today,)  # the door, risk 3 × 4 = 12: high, closed with its last action
