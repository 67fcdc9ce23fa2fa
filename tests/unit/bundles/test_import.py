"""Importing bundles: a fresh data folder gets every record and photo; the same bundle twice changes nothing; a newer
export supersedes, keeping the old in history; two laptops' edits of one item are merged, a clash listed; untrusted and
impostor devices are refused with nothing changed."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from safety_assess.base.datadir import DataDir
from safety_assess.domain.errors import ConflictError
from safety_assess.domain.records import AssessmentSummary
from safety_assess.photos.ingest import rendition_of
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.identity import DISTRICT_SIGNING_KEY
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace
from safety_assess.storage import meta
from safety_assess.storage.bundle_apply import ImportRefused, Result
from safety_assess.storage.bundle_rows import assessment_document
from safety_assess.storage.orm import AssessmentHistoryRow, AssessmentRow, ChecklistSnapshotRow, MergeConflictRow
from tests.unit.bundles.conftest import always

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def export(workspace: Workspace, summary: AssessmentSummary, path: Path) -> Path:
    export_bundle(workspace, [summary.id], path, clock=CLOCK)
    return path


def comparable(document: dict) -> dict:  # type: ignore[type-arg]
    """The parts that must arrive unchanged (campus and snapshot ids may map to the district's own)."""
    skip = {"sha256", "extension", "source_installation", "imported_at", "campus_id", "district_id"}

    def clean(row: dict) -> dict:  # type: ignore[type-arg]
        return {k: v for k, v in row.items() if k not in skip}

    return {
        "assessment": clean(document["assessment"]),
        **{
            key: sorted((clean(r) for r in document[key]), key=lambda r: r["id"])
            for key in ("instances", "responses", "findings", "actions", "photos")
        },
    }


def test_a_bundle_rebuilds_the_assessment_in_a_fresh_data_folder(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")
    report = import_bundle(district, bundle, trust=always)
    assert [o.result for o in report.outcomes] == [Result.ADDED] and "1 added" in report.summary()
    mine, theirs = (
        assessment_document(workspace.database, reported.id),
        assessment_document(district.database, reported.id),
    )
    assert comparable(theirs) == comparable(mine)
    assert theirs["campus"]["code"] == "LHS" and theirs["assessment"]["source_installation"]
    store = district.photo_store
    for photo in district.photos.list(reported.id):
        original = store.original(photo.sha256, photo.extension)
        assert hashlib.sha256(original.read_bytes()).hexdigest() == photo.sha256
        assert not store.rendition(photo.sha256, "thumb").exists()  # made when first shown
        assert rendition_of(store, photo.sha256, "thumb").is_file() and store.has(photo.sha256, photo.extension)
    assert not list(store.root.glob(".scratch*"))
    again = import_bundle(district, bundle)  # now a known device: no trust needed
    assert again.already_imported and again.summary() == "lhs.sabundle: already imported"


def test_an_untrusted_or_impostor_device_changes_nothing(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")
    with pytest.raises(ImportRefused, match="not trusted yet"):
        import_bundle(district, bundle)
    assert district.assessments.list() == [] and not list((district.data_dir.photos).rglob("*.jpg"))
    assert not list(district.photo_store.root.glob(".scratch*"))
    import_bundle(district, bundle, trust=always)
    other = Workspace.open(DataDir(tmp_path / "impostor"), workspace.target.url)  # same database, another key
    meta.put(other.database, DISTRICT_SIGNING_KEY, "")  # on a server: the district's identity made again, another
    try:
        with pytest.raises(ImportRefused, match="signed by another key"):
            import_bundle(district, export(other, reported, tmp_path / "fake.sabundle"), trust=always)
    finally:
        other.close()


def test_a_newer_export_supersedes_and_the_old_stays_in_history(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    import_bundle(district, export(workspace, reported, tmp_path / "one.sabundle"), trust=always)
    record_answer(workspace, reported.id, "coverage", 95.0)
    record_answer(workspace, reported.id, "gate", "pass")
    report = import_bundle(district, export(workspace, reported, tmp_path / "two.sabundle"))
    assert [o.result for o in report.outcomes] == [Result.UPDATED]
    answers = {r.item_id: r.value for r in district.assessments.detail(reported.id).responses}
    assert answers["gate"] == "pass" and answers["coverage"] == 95.0
    with district.database.session() as session:
        assert session.scalar(select(func.count()).select_from(AssessmentHistoryRow)) == 1
    older = import_bundle(district, tmp_path / "one.sabundle")
    assert [o.result for o in older.outcomes] == [Result.OLDER]


def test_two_laptops_answering_one_item_differently_list_a_conflict_and_keep_ours(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    tmp_path: Path,
    copy_data_folder: Callable[[Workspace, Path], DataDir],
) -> None:
    import_bundle(district, export(workspace, reported, tmp_path / "base.sabundle"), trust=always)
    laptop_b = copy_data_folder(workspace, tmp_path / "laptop-b")  # the data folder copied to a second laptop
    record_answer(workspace, reported.id, "gate", "pass")
    import_bundle(district, export(workspace, reported, tmp_path / "a.sabundle"))
    other = Workspace.open(laptop_b)
    try:
        record_answer(other, reported.id, "gate", "flag")
        record_answer(other, reported.id, "coverage", 90.0)
        report = import_bundle(district, export(other, reported, tmp_path / "b.sabundle"))
    finally:
        other.close()
    [outcome] = report.outcomes
    assert (outcome.result, outcome.copy_id, outcome.conflicts) == (Result.CONFLICT, None, 1)
    assert report.result == "conflict"
    answers = {r.item_id: r.value for r in district.assessments.detail(reported.id).responses}
    assert (answers["gate"], answers["coverage"]) == ("pass", 90.0)  # ours stays; the other change merges in
    for _ in range(2):  # the same bundle again: the conflict is listed once, nothing else changes
        again = import_bundle(district, tmp_path / "b.sabundle")
        assert [(o.result, o.copy_id) for o in again.outcomes] == [(Result.UNCHANGED, None)]
        assert again.summary() == "b.sabundle: already imported" and again.result == "unchanged"
    with district.database.session() as session:
        listed = session.execute(select(MergeConflictRow.field, MergeConflictRow.theirs)).all()
        copies = session.scalar(select(func.count()).where(AssessmentRow.conflict_of_id == reported.id))
    assert [tuple(row) for row in listed] == [("value", "flag")] and copies == 0


def test_imported_assessments_are_read_only_and_name_their_device(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    import_bundle(district, export(workspace, reported, tmp_path / "lhs.sabundle"), trust=always)
    summary = district.assessments.summary(reported.id)
    assert summary.read_only and summary.source_device == workspace.device_key.fingerprint
    with pytest.raises(ConflictError, match="imported from another device and is read-only"):
        record_answer(district, reported.id, "gate", "pass")


def test_an_imported_assessment_exports_as_pdf_with_its_photos(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    import_bundle(district, export(workspace, reported, tmp_path / "lhs.sabundle"), trust=always)
    result = export_report(district, reported.id, tmp_path / "imported.pdf", clock=CLOCK)
    assert result.warnings == [] and result.pages >= 4
    for photo in district.photos.list(reported.id):  # made for the report, on demand
        assert district.photo_store.rendition(photo.sha256, "report").is_file()


def on_another_checklist(district: Workspace, assessment_id: object) -> None:
    """The district's copy made from another snapshot (another version of the checklist) than the bundles'."""
    with district.database.session() as session:
        ours = session.get(AssessmentRow, assessment_id)
        assert ours is not None
        snapshot = session.get(ChecklistSnapshotRow, ours.snapshot_id)
        assert snapshot is not None
        other = ChecklistSnapshotRow(
            checklist_id=snapshot.checklist_id,
            version="0-other",
            title=snapshot.title,
            sha256=uuid.uuid4().hex,
            document={},
        )
        session.add(other)
        session.flush()
        session.execute(update(AssessmentRow).where(AssessmentRow.id == ours.id).values(snapshot_id=other.id))


def test_where_a_merge_is_not_defined_the_whole_assessment_is_compared_and_a_copy_kept(
    workspace: Workspace,
    reported: AssessmentSummary,
    district: Workspace,
    tmp_path: Path,
    copy_data_folder: Callable[[Workspace, Path], DataDir],
) -> None:
    import_bundle(district, export(workspace, reported, tmp_path / "base.sabundle"), trust=always)
    laptop_b = copy_data_folder(workspace, tmp_path / "laptop-b")
    record_answer(workspace, reported.id, "gate", "pass")
    on_another_checklist(district, reported.id)
    report = import_bundle(district, export(workspace, reported, tmp_path / "a.sabundle"))
    assert [(o.result, o.copy_id) for o in report.outcomes] == [(Result.UPDATED, None)]  # replaced whole
    other = Workspace.open(laptop_b)
    try:
        record_answer(other, reported.id, "gate", "flag")
        on_another_checklist(district, reported.id)
        [outcome] = import_bundle(district, export(other, reported, tmp_path / "b.sabundle")).outcomes
    finally:
        other.close()
    assert outcome.result == Result.CONFLICT and outcome.copy_id is not None and outcome.conflicts == 0
    copy = {r.item_id: r.value for r in district.assessments.detail(outcome.copy_id).responses}["gate"]
    assert copy == "flag"
    again = import_bundle(district, tmp_path / "b.sabundle")
    assert [(o.result, o.copy_id) for o in again.outcomes] == [(Result.UNCHANGED, outcome.copy_id)]
