"""Late team work: a second laptop's bundle reaching an assessment already completed (on the lead's laptop or at the
district) still merges; the assessment goes back to in progress with the reason recorded, and the import says so.
A bundle that changes nothing reopens nothing; a completion after the late work stands."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from sqlalchemy import select

from safety_assess.bundles.importer import ImportReport
from safety_assess.domain.late_work import LateWork, device_named
from safety_assess.domain.records import AssessmentStatus, AssessmentSummary
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import Result
from safety_assess.storage.orm import AssessmentHistoryRow
from tests.unit.bundles.conftest import always

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
DONE = dt.datetime(2026, 11, 20, 15, 0, tzinfo=dt.UTC)


def carry(source: Workspace, assessment_id: uuid.UUID, to: Workspace, path: Path) -> ImportReport:
    export_bundle(source, [assessment_id], path, exporter="Ben Ortiz", clock=CLOCK)
    return import_bundle(to, path, trust=always)


def test_late_work_merges_and_reopens_the_completed_assessment_saying_so(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    workspace.assessments.complete(reported.id, ["Ana Díaz"], at=DONE)
    record_answer(second, reported.id, "coverage", 90.0)
    record_answer(second, reported.id, "gate", "pass")
    report = carry(second, reported.id, workspace, tmp_path / "late.sabundle")
    [outcome] = report.outcomes
    device = device_named("Ben Ortiz", second.device_key.fingerprint)
    assert outcome.late == LateWork(2, device, dt.date(2026, 11, 20))
    told = (
        f"Assessment Lincoln High, 2026-11-02 was complete; 2 changes from {device} arrived after it was "
        "completed on 2026-11-20 and reopened it"
    )
    assert report.late_work() == [told] and report.summary().splitlines()[1] == told
    summary = workspace.assessments.summary(reported.id)
    assert summary.status == AssessmentStatus.IN_PROGRESS and not summary.read_only
    assert summary.reopen_reason == f"2 changes from {device} arrived after it was completed on 2026-11-20"
    answers = {r.item_id: r.value for r in workspace.assessments.detail(reported.id).responses}
    assert (answers["coverage"], answers["gate"]) == (90.0, "pass")  # nothing lost
    with workspace.database.session() as session:  # the completed version as it was stays in the history
        kept = session.scalars(select(AssessmentHistoryRow).where(AssessmentHistoryRow.assessment_id == reported.id))
        assert any('"status": "completed"' in row.document for row in kept)


def test_a_bundle_changing_nothing_reopens_nothing_and_a_later_completion_stands(
    workspace: Workspace, second: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    record_answer(second, reported.id, "coverage", 90.0)
    carry(second, reported.id, workspace, tmp_path / "early.sabundle")
    workspace.assessments.complete(reported.id, ["Ana Díaz"], at=DONE)
    again = carry(second, reported.id, workspace, tmp_path / "early.sabundle")
    assert [o.result for o in again.outcomes] == [Result.OLDER] and again.late_work() == []  # our status is newer
    assert workspace.assessments.summary(reported.id).status == AssessmentStatus.COMPLETED
    record_answer(second, reported.id, "gate", "pass")
    late = tmp_path / "late.sabundle"
    assert carry(second, reported.id, workspace, late).outcomes[0].late is not None
    workspace.assessments.complete(reported.id, ["Ana Díaz"], at=DONE + dt.timedelta(days=1))
    once_more = import_bundle(workspace, late, trust=always)  # the same late work again: already taken in
    assert once_more.late_work() == [] and workspace.assessments.summary(reported.id).status == "completed"
    back = carry(workspace, reported.id, second, tmp_path / "lead.sabundle")  # the lead's completion reaches it
    assert back.late_work() == [] and second.assessments.summary(reported.id).status == "completed"


def test_late_work_at_the_district_reopens_its_completed_copy(
    workspace: Workspace, second: Workspace, district: Workspace, reported: AssessmentSummary, tmp_path: Path
) -> None:
    workspace.assessments.complete(reported.id, ["Ana Díaz"], at=DONE)
    carry(workspace, reported.id, district, tmp_path / "lead.sabundle")
    assert district.assessments.summary(reported.id).status == AssessmentStatus.COMPLETED
    record_answer(second, reported.id, "coverage", 90.0)
    report = carry(second, reported.id, district, tmp_path / "late.sabundle")
    [outcome] = report.outcomes
    assert outcome.late is not None and outcome.late.changes == 1
    assert district.assessments.summary(reported.id).status == AssessmentStatus.IN_PROGRESS
    assert carry(workspace, reported.id, district, tmp_path / "lead.sabundle").late_work() == []
    assert district.assessments.summary(reported.id).status == AssessmentStatus.IN_PROGRESS
