"""Findings and the action plan through the services: stored adjustments, manual findings, actions, withdrawal,
read-only rules, revision conflicts, reopening, and change over time between two assessments of one campus."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from safety_assess.cli.plan_json import assessment_scores
from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.plan.actions import PlanError, Status
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.domain.scoring.findings import Change
from safety_assess.domain.scoring.risk import RiskError
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.photos import add_photos
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from tests import photo_files

PHOTOS = photo_files.folder()


def start(workspace: Workspace, day: dt.date) -> AssessmentSummary:
    return start_assessment(workspace, "LHS", "every-type", ["Ana"], day)


@pytest.fixture
def assessment(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start(workspace, dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    record_answer(workspace, summary.id, "gate", "fail")
    return summary


def test_adjusting_a_raised_finding_is_stored_and_scored(workspace: Workspace, assessment: AssessmentSummary) -> None:
    editor = PlanEditor(workspace, assessment.id, by="Ana")
    door = load_plan(workspace, assessment.id).finding("item:door-locked:")
    assert (door.likelihood, door.severity, door.id) == (3, 4, None)
    with pytest.raises(RiskError, match="say why"):
        editor.adjust(door, FindingEdit(likelihood=5))
    editor.adjust(door, FindingEdit(likelihood=5, rationale="Propped open every morning", location="gym side"))
    plan = load_plan(workspace, assessment.id)
    door = plan.finding("item:door-locked:")
    assert (door.likelihood, door.risk, door.band(plan.bands).name, door.location) == (
        5,
        20,
        "Critical",
        "Main / gym side",
    )
    assert plan.findings[0] == door  # highest risk first


def test_manual_findings_with_actions_and_totals(workspace: Workspace, assessment: AssessmentSummary) -> None:
    editor = PlanEditor(workspace, assessment.id, by="Ana")
    record = editor.add_finding(
        "Roof hatch unlocked", FindingEdit(likelihood=4, severity=4, location="gym"), section_id="main"
    )
    with pytest.raises(NotFoundError, match="no section 'attic'"):
        editor.add_finding("x", section_id="attic")
    plan = load_plan(workspace, assessment.id)
    roof, door = plan.finding("manual:roof hatch unlocked"), plan.finding("item:door-locked:")
    assert roof.id == record.id and roof.location == "Main / gym"
    suggested = editor.suggested_action(door, plan.phases)
    assert (suggested.description, suggested.phase) == ("Lock the door.", "short_term")  # risk 12
    assert suggested.due == dt.date(2027, 11, 2)
    editor.add_action(door, dataclasses.replace(suggested, cost_low=100, cost_high=250), plan.phases)
    editor.add_action(
        roof,
        dataclasses.replace(suggested, description="Padlock", phase="immediate", cost_low=40, cost_high=60, due=None),
        plan.phases,
    )
    with pytest.raises(PlanError, match="above the high cost"):
        editor.add_action(roof, dataclasses.replace(suggested, cost_low=9, cost_high=1), plan.phases)
    data = assessment_scores(workspace, assessment.id)
    assert data["cost_per_phase"] == {"short_term": {"low": 100, "high": 250}, "immediate": {"low": 40, "high": 60}}
    assert data["cost_per_layer"] == {
        "building_perimeter": {"low": 100, "high": 250},
        "unassigned": {"low": 40, "high": 60},
    }
    by_title = {f["title"]: f for f in data["findings"]}
    assert [a["description"] for a in by_title["Roof hatch unlocked"]["actions"]] == ["Padlock"]
    assert by_title["Roof hatch unlocked"]["origin"] == "manual"


def test_a_withdrawn_finding_hides_its_actions_until_the_answer_turns_deficient_again(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    editor = PlanEditor(workspace, assessment.id)
    plan = load_plan(workspace, assessment.id)
    door = plan.finding("item:door-locked:")
    editor.add_action(door, editor.suggested_action(door, plan.phases), plan.phases)
    record_answer(workspace, assessment.id, "door-locked", "yes")
    plan = load_plan(workspace, assessment.id)
    assert [f.key for f in plan.findings] == ["item:gate:"] and plan.actions == [] and plan.hidden_actions == 1
    record_answer(workspace, assessment.id, "door-locked", "no")
    assert [a.description for a in load_plan(workspace, assessment.id).actions] == ["Lock the door."]


def test_a_completed_assessment_freezes_findings_but_not_its_plan(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    editor = PlanEditor(workspace, assessment.id, by="Ana")
    plan = load_plan(workspace, assessment.id)
    door = plan.finding("item:door-locked:")
    action = editor.add_action(door, editor.suggested_action(door, plan.phases), plan.phases)
    workspace.assessments.complete(assessment.id, ["Ana"])
    with pytest.raises(ConflictError, match="completed"):
        editor.adjust(door, FindingEdit(severity=5, rationale="x"))
    district = PlanEditor(workspace, assessment.id, by="Facilities office")
    done = district.set_status(action, Status.DONE, note="Closer fitted")
    assert (done.status, done.note, done.status_changed_by) == (Status.DONE, "Closer fitted", "Facilities office")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        district.set_status(action, Status.DEFERRED)  # stale revision
    assert workspace.findings.action(action.id).status == Status.DONE  # type: ignore[arg-type]


def test_photos_of_manual_and_raised_findings(workspace: Workspace, assessment: AssessmentSummary) -> None:
    editor = PlanEditor(workspace, assessment.id)
    roof = editor.add_finding("Roof hatch", FindingEdit(likelihood=2, severity=2))
    add_photos(workspace, assessment.id, None, [PHOTOS / "hopper.jpg"], finding_id=roof.id)
    add_photos(workspace, assessment.id, "door-locked", [PHOTOS / "hopper_orientation_3.jpg"])
    photos = editor.photos_by_finding(load_plan(workspace, assessment.id).findings)
    assert [p.filename for p in photos["manual:roof hatch"]] == ["hopper.jpg"]
    assert [p.filename for p in photos["item:door-locked:"]] == ["hopper_orientation_3.jpg"]


def test_reopening_copies_findings_actions_and_photos(workspace: Workspace, assessment: AssessmentSummary) -> None:
    editor = PlanEditor(workspace, assessment.id)
    roof = editor.add_finding("Roof hatch", FindingEdit(likelihood=2, severity=2))
    add_photos(workspace, assessment.id, None, [PHOTOS / "hopper.jpg"], finding_id=roof.id)
    plan = load_plan(workspace, assessment.id)
    editor.add_action(
        plan.finding("manual:roof hatch"), editor.suggested_action(plan.findings[0], plan.phases), plan.phases
    )
    workspace.assessments.complete(assessment.id, ["Ana"])
    reopened = workspace.assessments.reopen(assessment.id, "typo")
    again = load_plan(workspace, reopened)
    assert [f.key for f in again.findings] == [f.key for f in plan.findings]
    assert len(again.actions) == 1
    copied = PlanEditor(workspace, reopened).photos_by_finding(again.findings)["manual:roof hatch"]
    assert [p.filename for p in copied] == ["hopper.jpg"]
    assert again.comparison is None  # its own earlier revision is not an earlier assessment


def test_change_over_time_between_two_assessments_of_a_campus(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    editor = PlanEditor(workspace, assessment.id)
    plan = load_plan(workspace, assessment.id)
    for finding in plan.findings:
        action = editor.add_action(finding, editor.suggested_action(finding, plan.phases), plan.phases)
        if finding.item_id == "gate":
            editor.set_status(action, Status.DONE)
    record_answer(workspace, assessment.id, "fence-height", 8)
    workspace.assessments.complete(assessment.id, ["Ana"])
    later = start(workspace, dt.date(2027, 10, 5))
    record_answer(workspace, later.id, "door-locked", "no")
    record_answer(workspace, later.id, "gate", "pass")
    record_answer(workspace, later.id, "extinguishers", 0)
    now = load_plan(workspace, later.id)
    assert now.earlier is not None and now.earlier.id == assessment.id
    comparison = now.comparison
    assert comparison is not None
    assert comparison.changes == {
        "item:door-locked:": Change.PERSISTING,
        "item:extinguishers:": Change.NEW,
        "item:gate:": Change.RESOLVED,
    }
    # Main, before: door no, gate fail, fence 8 ft ok: 1 of 3 by weight; now door no, gate pass, extinguishers 0.
    before, after = comparison.sections["main"].before, comparison.sections["main"].now
    assert before is not None and after is not None
    assert round(before, 1) == round(100 * 1 / 3, 1) and round(after, 1) == round(100 * 1 / 3, 1)
    assert sorted((c.finding.title, c.change.value, c.action.status.value) for c in comparison.carried) == sorted(
        [
            (plan.finding("item:door-locked:").title, "persisting", "open"),
            (plan.finding("item:gate:").title, "resolved", "done"),
        ]
    )
    data = assessment_scores(workspace, later.id)
    assert data["change"]["earlier_assessment"] == assessment.id
    assert {f["key"]: f["change"] for f in data["findings"]} == {
        "item:door-locked:": "persisting",
        "item:extinguishers:": "new",
    }


def test_a_finding_edit_keeps_what_it_does_not_name_and_clears_what_it_sets_to_none(
    workspace: Workspace, assessment: AssessmentSummary
) -> None:
    editor = PlanEditor(workspace, assessment.id, by="Ana")
    door = load_plan(workspace, assessment.id).finding("item:door-locked:")
    editor.adjust(door, FindingEdit(residual_likelihood=2, residual_severity=2, location="gym side"))
    door = load_plan(workspace, assessment.id).finding("item:door-locked:")
    assert (door.residual_likelihood, door.residual_severity, door.likelihood) == (2, 2, 3)  # the rest kept
    stored = editor.adjust(door, FindingEdit(residual_likelihood=None, residual_severity=None))
    assert (stored.residual_likelihood, stored.residual_severity, stored.location) == (None, None, "gym side")
