"""Answers suggested by a campus's site plan for the comprehensive checklist's exterior entries, recorded only when
accepted, and fitted to what the assessor already knows (a direct view from an occupied room)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from safety_assess.domain.errors import AnswerError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.map_suggestions import accept, offers
from safety_assess.services.plan import load_plan
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from tests import plan_files


@pytest.fixture
def assessment(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    return start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 12, 6))


@pytest.fixture
def plan(workspace: Workspace, assessment: AssessmentSummary, tmp_path: Path) -> SiteMap:
    """A 400 x 300 plan, 10 px a metre: a camera at the left looking right sees the door 'Entry 1' at 20 m; the door
    'Entry 2' is behind it."""
    plan = site_maps.add_map(workspace, assessment.campus.id, plan_files.png_with_metadata(tmp_path / "site.png"))
    plan = site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    camera = MarkerFields(label="West cam", camera=CameraSpec(heading=90, fov=60, range_m=30))
    site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (100, 150), camera)
    site_maps.add_marker(
        workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (300, 150), MarkerFields(camera_instance="Entry 1")
    )
    site_maps.add_marker(
        workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (20, 150), MarkerFields(camera_instance="Entry 2")
    )
    return site_maps.get_map(workspace, plan.id)


def by_instance(workspace: Workspace, assessment: AssessmentSummary) -> dict[str, tuple[object, object]]:
    return {o.suggestion.instance_label: (o.suggestion.value, o.current) for o in offers(workspace, assessment.id)}


def answers(workspace: Workspace, assessment: AssessmentSummary) -> dict[str, object]:
    detail = workspace.assessments.detail(assessment.id)
    labels = {i.id: i.label for i in detail.instances}
    return {labels[r.instance_id]: r.value for r in detail.responses if r.instance_id in labels}


def test_a_seen_door_suggests_camera_and_an_unseen_one_none_and_nothing_is_recorded_before_accepting(
    workspace: Workspace, assessment: AssessmentSummary, plan: SiteMap
) -> None:
    assert by_instance(workspace, assessment) == {"Entry 1": ("camera", None), "Entry 2": ("none", None)}
    assert answers(workspace, assessment) == {}


def test_accepting_records_the_answers_and_an_unseen_door_raises_its_finding(
    workspace: Workspace, assessment: AssessmentSummary, plan: SiteMap
) -> None:
    accept(workspace, assessment.id, offers(workspace, assessment.id))
    assert answers(workspace, assessment) == {"Entry 1": "camera", "Entry 2": "none"}
    raised = [f.location for f in load_plan(workspace, assessment.id).findings if f.item_id == "entry.door-visibility"]
    assert len(raised) == 1 and "Entry 2" in raised[0]
    assert all(not o.changes_answer for o in offers(workspace, assessment.id))


def test_a_direct_view_the_assessor_recorded_is_kept(
    workspace: Workspace, assessment: AssessmentSummary, plan: SiteMap
) -> None:
    record_answer(workspace, assessment.id, "entry.door-visibility", "view", instance_label="entry 1")
    record_answer(workspace, assessment.id, "entry.door-visibility", "camera-and-view", instance_label="Entry 2")
    assert by_instance(workspace, assessment) == {
        "Entry 1": ("camera-and-view", "view"),
        "Entry 2": ("view", "camera-and-view"),
    }


def test_a_completed_assessment_is_not_answered_from_the_plan(
    workspace: Workspace, assessment: AssessmentSummary, plan: SiteMap
) -> None:
    workspace.assessments.complete(assessment.id, ["Ana"])
    with pytest.raises(AnswerError, match="read-only"):
        accept(workspace, assessment.id, offers(workspace, assessment.id))
