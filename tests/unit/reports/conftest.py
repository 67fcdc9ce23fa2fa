"""An assessment with findings, actions, notes in several languages and photos (one redacted), for reports."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.scoring.adjust import FindingEdit
from safety_assess.photos.annotations import Annotation, Shape
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.photos import add_photos, annotate_photo
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from tests import photo_files

PHOTOS = photo_files.folder()
CLOCK = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
NOTES = {
    "door-locked": "Porte verrouillée? Non. ¿Dónde está la llave? Անվտանգություն 安全出口 被锁",
    "gate": "Gate code 4711 written on the post",
}


@pytest.fixture
def reported(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS", "1200 Main St, Springfield")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana Díaz"], dt.date(2026, 11, 2))
    for item, value in (("door-locked", "no"), ("gate", "fail"), ("extinguishers", 0), ("fence-height", 8)):
        record_answer(workspace, summary.id, item, value, note=NOTES.get(item))
    add_photos(workspace, summary.id, "door-locked", [PHOTOS / "hopper.jpg", PHOTOS / "hopper_orientation_3.jpg"])
    redacted = add_photos(workspace, summary.id, "gate", [PHOTOS / "hopper.jpg"], caption="Keypad").added[0]
    annotate_photo(workspace, redacted.id, [Annotation(Shape.REDACT_BOX, 0.1, 0.1, 0.6, 0.6)])
    editor = PlanEditor(workspace, summary.id, by="Ana Díaz")
    editor.add_finding(
        "Roof hatch unlocked",
        FindingEdit(likelihood=4, severity=5, location="gym roof", description="The hatch opens from the ladder."),
        section_id="main",
    )
    plan = load_plan(workspace, summary.id)
    for finding in plan.findings:
        action = editor.suggested_action(finding, plan.phases)
        action = dataclasses.replace(
            action,
            description=action.description or "Padlock the hatch",
            owner="Facilities",
            cost_low=500,
            cost_high=1500,
        )
        editor.add_action(finding, action, plan.phases)
    return summary
