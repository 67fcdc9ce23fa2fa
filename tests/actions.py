"""An assessment with one finding and one corrective action, for the tests of following actions up."""

from __future__ import annotations

import datetime as dt

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace


def assessment_with_an_action(workspace: Workspace) -> tuple[AssessmentSummary, Action]:
    """Lincoln High (LHS) assessed with the every-type checklist: the door found unlocked, to be rekeyed."""
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    plan = load_plan(workspace, summary.id)
    door = plan.finding("item:door-locked:")
    action = PlanEditor(workspace, summary.id, by="Ana").add_action(
        door, Action(door.key, "Rekey", "immediate"), plan.phases
    )
    return summary, action
