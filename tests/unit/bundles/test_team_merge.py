"""Three installations on one assessment (the lead's laptop, a second laptop working on it, the district): bundles
merge record by record and field by field; a clash is listed once and resolved by a new edit that wins everywhere;
removals travel; the district's status change and the laptop's newer answers both stand."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from safety_assess.domain.conflicts import Keep
from safety_assess.domain.errors import AnswerError, ConflictError
from safety_assess.domain.plan.actions import Status
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.merge_conflicts import (
    conflicts,
    resolve,
    resolve_action,
    resolve_conflict,
    resolve_conflict_value,
)
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import Result
from safety_assess.storage.orm import AssessmentRow, GroupInstanceRow, ResponseRow
from tests.unit.bundles.conftest import always

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def carry(source: Workspace, assessment_id: uuid.UUID, to: Workspace, path: Path) -> list[Result]:
    export_bundle(source, [assessment_id], path, clock=CLOCK)
    return [o.result for o in import_bundle(to, path, trust=always).outcomes]


def answers(workspace: Workspace, assessment_id: uuid.UUID) -> dict[str, object]:
    return {r.item_id: r.value for r in workspace.assessments.detail(assessment_id).responses}


def status_of(workspace: Workspace, assessment_id: uuid.UUID, action_id: uuid.UUID | None) -> Status:
    return next(a.status for a in load_plan(workspace, assessment_id).actions if a.id == action_id)


def test_disjoint_answers_merge_without_conflict_on_the_lead_and_the_district(
    workspace: Workspace, second: Workspace, district: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    carry(workspace, reported.id, district, tmp_path / "lead-0.sabundle")
    record_answer(workspace, reported.id, "gate", "pass", note="Fixed")
    record_answer(second, reported.id, "coverage", 90.0)
    record_answer(second, reported.id, "door-locked", "no", note="Seen from the hall")
    assert carry(second, reported.id, workspace, tmp_path / "second.sabundle") == [Result.UPDATED]
    merged = answers(workspace, reported.id)
    assert (merged["gate"], merged["coverage"]) == ("pass", 90.0)
    notes = {r.item_id: r.note for r in workspace.assessments.detail(reported.id).responses}
    assert (notes["gate"], notes["door-locked"]) == ("Fixed", "Seen from the hall")
    assert conflicts(workspace, reported.id) == []
    assert carry(second, reported.id, district, tmp_path / "second-d.sabundle") == [Result.UPDATED]
    assert carry(workspace, reported.id, district, tmp_path / "lead-d.sabundle") == [Result.UPDATED]
    assert answers(district, reported.id) == merged and conflicts(district, reported.id) == []
    assert carry(workspace, reported.id, district, tmp_path / "lead-d.sabundle") == [Result.UNCHANGED]
    with district.database.session() as session:  # the lead's own stays read-only at the district, not a copy
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 1


def test_one_item_answered_differently_is_listed_once_and_a_resolution_wins_everywhere(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "gate", "pass")
    record_answer(second, reported.id, "gate", "flag")
    assert carry(second, reported.id, workspace, tmp_path / "s1.sabundle") == [Result.CONFLICT]
    assert carry(second, reported.id, workspace, tmp_path / "s1.sabundle") == [Result.UNCHANGED]
    [conflict] = conflicts(workspace, reported.id)
    theirs = second.device_key.fingerprint
    assert (conflict.item_id, conflict.field, conflict.ours, conflict.theirs) == ("gate", "value", "pass", "flag")
    assert (conflict.our_device, conflict.their_device) == (workspace.device_key.fingerprint, theirs)
    assert answers(workspace, reported.id)["gate"] == "pass"  # ours in place meanwhile
    assert carry(workspace, reported.id, second, tmp_path / "l1.sabundle") == [Result.CONFLICT]  # there too
    with pytest.raises(ConflictError, match="'coverage' has no conflict"):
        resolve(workspace, reported.id, "coverage", take=theirs)
    with pytest.raises(AnswerError):
        resolve(workspace, reported.id, "gate", value="maybe")
    with pytest.raises(ConflictError, match="no value from device 'SA-NOPE'"):
        resolve(workspace, reported.id, "gate", take="SA-NOPE")
    changes = resolve(workspace, reported.id, "gate", take=theirs)
    assert changes.answers == {reported.id}
    assert answers(workspace, reported.id)["gate"] == "flag" and conflicts(workspace, reported.id) == []
    assert carry(workspace, reported.id, second, tmp_path / "l2.sabundle") == [Result.UPDATED]
    assert answers(second, reported.id)["gate"] == "flag" and conflicts(second, reported.id) == []
    assert carry(second, reported.id, workspace, tmp_path / "s2.sabundle") == [Result.UNCHANGED]


def test_a_new_value_is_checked_and_keep_ours_is_a_new_edit(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "gate", "pass", note="ours")
    record_answer(second, reported.id, "gate", "flag", note="theirs")
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    assert sorted(c.field for c in conflicts(workspace, reported.id)) == ["note", "value"]
    resolve(workspace, reported.id, "gate", value="fail")
    [note] = conflicts(workspace, reported.id)
    resolve_conflict(workspace, note.id, Keep.OURS)
    assert conflicts(workspace, reported.id) == []
    carry(workspace, reported.id, second, tmp_path / "l1.sabundle")
    detail = {r.item_id: (r.value, r.note) for r in second.assessments.detail(reported.id).responses}
    assert detail["gate"] == ("fail", "ours") and conflicts(second, reported.id) == []


def test_the_side_by_side_view_may_type_a_value_checked_by_the_item(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "gate", "pass", note="ours")
    record_answer(second, reported.id, "gate", "flag", note="theirs")
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    note, value = sorted(conflicts(workspace, reported.id), key=lambda c: c.field)
    with pytest.raises(AnswerError):
        resolve_conflict_value(workspace, value.id, "maybe")
    resolve_conflict_value(workspace, value.id, "fail")
    resolve_conflict_value(workspace, note.id, "both: ours and theirs")
    detail = {r.item_id: (r.value, r.note) for r in workspace.assessments.detail(reported.id).responses}
    assert detail["gate"] == ("fail", "both: ours and theirs") and conflicts(workspace, reported.id) == []


def test_a_cleared_answer_travels_and_loses_to_a_change(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    second.answers.restore(reported.id, "extinguishers", None, None)  # cleared there, unchanged here
    second.answers.restore(reported.id, "fence-height", None, None)  # cleared there, changed here
    record_answer(workspace, reported.id, "fence-height", 9)
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    merged = answers(workspace, reported.id)
    assert "extinguishers" not in merged and merged["fence-height"] == 9
    carry(workspace, reported.id, second, tmp_path / "l1.sabundle")
    back = answers(second, reported.id)
    assert "extinguishers" not in back and back["fence-height"] == 9


def test_the_districts_status_change_and_the_laptops_new_answers_both_stand(
    workspace: Workspace, district: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    carry(workspace, reported.id, district, tmp_path / "l0.sabundle")
    action = load_plan(district, reported.id).actions[0]
    PlanEditor(district, reported.id, by="District office").set_status(action, Status.IN_PROGRESS)
    record_answer(workspace, reported.id, "coverage", 80.0)
    assert carry(workspace, reported.id, district, tmp_path / "l1.sabundle") == [Result.UPDATED]
    assert status_of(district, reported.id, action.id) == Status.IN_PROGRESS
    assert answers(district, reported.id)["coverage"] == 80.0 and conflicts(district, reported.id) == []
    [ours] = [a for a in load_plan(workspace, reported.id).actions if a.id == action.id]  # both change the status
    PlanEditor(workspace, reported.id, by="Ana Díaz").set_status(ours, Status.DONE)
    assert carry(workspace, reported.id, district, tmp_path / "l2.sabundle") == [Result.CONFLICT]
    [clash] = conflicts(district, reported.id)
    assert (clash.table, clash.field, clash.ours, clash.theirs) == ("actions", "status", "in_progress", "done")
    assert clash.action == action.description
    with district.database.session() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentRow)) == 1
    resolve_action(district, reported.id, clash.record_id, take=workspace.device_key.fingerprint)
    assert status_of(district, reported.id, action.id) == Status.DONE
    assert conflicts(district, reported.id) == []


def test_photos_added_on_both_laptops_are_all_kept(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    from safety_assess.services.photos import add_photos
    from tests.unit.reports.conftest import PHOTOS

    add_photos(workspace, reported.id, "gate", [PHOTOS / "hopper.jpg"], caption="lead's")
    add_photos(second, reported.id, "gate", [PHOTOS / "hopper.jpg"], caption="second's")
    before = len(workspace.photos.list(reported.id))
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    captions = sorted(p.caption for p in workspace.photos.list(reported.id) if p.item_id == "gate")
    assert len(workspace.photos.list(reported.id)) == before + 1
    assert "lead's" in captions and "second's" in captions


def test_instances_named_alike_on_two_laptops_stay_two_and_a_removed_one_travels(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "camera-working", "yes", instance_label="Gym")
    record_answer(workspace, reported.id, "camera-working", "yes", instance_label="Hall")
    record_answer(second, reported.id, "camera-working", "no", instance_label="Gym")
    record_answer(second, reported.id, "camera-fault", "Lens cracked", instance_label="Gym")
    export_bundle(workspace, [reported.id], tmp_path / "l1.sabundle", exporter="Ana", clock=CLOCK)
    report = import_bundle(second, tmp_path / "l1.sabundle", trust=always)  # the Hall reaches the second laptop
    lead_gym = "Gym (from Ana)"
    [[relabeled]] = [o.relabeled for o in report.outcomes]
    assert (relabeled.was, relabeled.label) == ("Gym", lead_gym) and conflicts(second, reported.id) == []
    assert f"'Gym' (camera) was added on two laptops as different ones; the bundle's is kept as '{lead_gym}'" in (
        report.summary()
    )
    hall = next(i for i in second.answers.instances(reported.id) if i.label == "Hall")
    second.answers.remove_instance(reported.id, hall.id)
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    instances = {i.label: i.id for i in workspace.answers.instances(reported.id)}
    assert sorted(instances) == ["Gym", lead_gym]  # two cameras, the lead's renamed as there; the Hall removed
    detail = workspace.assessments.detail(reported.id)
    in_gym = {r.item_id: r.value for r in detail.responses if r.instance_id == instances["Gym"]}
    assert in_gym == {"camera-working": "no", "camera-fault": "Lens cracked"}
    ours = {r.item_id: r.value for r in detail.responses if r.instance_id == instances[lead_gym]}
    assert ours == {"camera-working": "yes"} and conflicts(workspace, reported.id) == []
    assert carry(workspace, reported.id, second, tmp_path / "l2.sabundle") == [Result.UNCHANGED]
    assert {i.label: i.id for i in second.answers.instances(reported.id)} == instances


def test_an_instance_without_stamps_still_matches_by_label(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "camera-working", "yes", instance_label="Gym")
    record_answer(second, reported.id, "camera-fault", "Lens cracked", instance_label="gym")
    with second.database.session() as session:  # as an older bundle brings it (before migration 0011)
        session.execute(update(GroupInstanceRow).values(edit_stamps=None))
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    [gym] = workspace.answers.instances(reported.id)
    answered = {r.item_id for r in workspace.assessments.detail(reported.id).responses if r.instance_id == gym.id}
    assert gym.label == "Gym" and answered == {"camera-working", "camera-fault"}


def test_edits_are_stamped_and_records_without_stamps_merge_by_revision(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(second, reported.id, "gate", "pass")
    with second.database.session() as session:
        [stamps] = session.scalars(select(ResponseRow.edit_stamps).where(ResponseRow.item_id == "gate"))
    assert stamps is not None and stamps["fields"]["value"][0] != stamps["fields"]["note"][0]  # value: the second's
    for where in (workspace, second):  # as if written before stamps existed (migration 0011)
        with where.database.session() as session:
            session.execute(update(ResponseRow).values(edit_stamps=None))
    record_answer(second, reported.id, "coverage", 70.0)  # a newer revision there
    carry(second, reported.id, workspace, tmp_path / "s1.sabundle")
    merged = answers(workspace, reported.id)
    assert (merged["gate"], merged["coverage"]) == ("pass", 70.0) and conflicts(workspace, reported.id) == []


def test_the_districts_kept_figures_follow_a_bundle_merged_in(
    workspace: Workspace, second: Workspace, district: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    from safety_assess.services.district import district_overview

    carry(workspace, reported.id, district, tmp_path / "lead.sabundle")
    before = district_overview(district)
    assert district_overview(district).computed == 0
    record_answer(second, reported.id, "door-locked", "yes")  # its finding goes
    assert carry(second, reported.id, district, tmp_path / "second.sabundle") == [Result.UPDATED]
    after = district_overview(district)  # computed by the import as it came in, or now: never the kept ones
    assert after.totals.findings != before.totals.findings
    given = [r for r in district.assessments.detail(reported.id).responses if r.value is not None]
    assert district.assessments.list()[0].answered == len(given)


def test_follow_up_text_travels_merges_and_clashes_like_the_note(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(workspace, reported.id, "gate", "pass")
    record_answer(second, reported.id, "door-locked", "no")
    second.answers.save_follow_up(reported.id, "door-locked", None, "Room 12")
    assert carry(second, reported.id, workspace, tmp_path / "second.sabundle") == [Result.UPDATED]
    texts = {r.item_id: r.follow_up for r in workspace.assessments.detail(reported.id).responses}
    assert (texts["gate"], texts["door-locked"]) == ("", "Room 12") and conflicts(workspace, reported.id) == []
    workspace.answers.save_follow_up(reported.id, "door-locked", None, "Room 12 and 14")
    second.answers.save_follow_up(reported.id, "door-locked", None, "Room 14")
    carry(second, reported.id, workspace, tmp_path / "second-2.sabundle")
    [clash] = conflicts(workspace, reported.id)
    assert (clash.field, clash.ours, clash.theirs) == ("follow_up", "Room 12 and 14", "Room 14")
    resolve_conflict_value(workspace, clash.id, "Rooms 12 and 14")
    texts = {r.item_id: r.follow_up for r in workspace.assessments.detail(reported.id).responses}
    assert texts["door-locked"] == "Rooms 12 and 14" and conflicts(workspace, reported.id) == []
