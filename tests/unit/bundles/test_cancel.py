"""Cancelling an export or an import part-way leaves nothing behind: no bundle, no partial file, no private folder,
no record."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.base.jobs import Cancelled, Progress
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.bundles import export_bundle, import_bundles
from safety_assess.services.workspace import Workspace


def cancelled_at(reports: int) -> Progress:
    """A progress that asks the job to stop once it has reported ``reports`` times."""
    seen: list[int] = []

    def on_report(done: int, total: int, message: str) -> None:
        seen.append(done)
        if len(seen) >= reports:
            progress.cancel()

    progress = Progress(on_report, interval=0)
    return progress


def test_a_cancelled_export_writes_nothing(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> None:
    out = tmp_path / "out.sabundle"
    with pytest.raises(Cancelled):
        export_bundle(workspace, [reported.id], out, progress=cancelled_at(1))
    assert list(tmp_path.glob("*out.sabundle*")) == []
    assert not list(workspace.photo_store.root.glob(".scratch*"))


def test_a_cancelled_import_changes_nothing(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], bundle)
    fingerprint = workspace.device_key.fingerprint
    with pytest.raises(Cancelled):
        import_bundles(district, [bundle], {fingerprint}, cancelled_at(2))  # while checking the photos
    assert district.assessments.list() == []
    assert [p for p in district.photo_store.root.rglob("*") if p.is_file()] == []
    assert not list(district.photo_store.root.glob(".scratch*"))
    outcome = import_bundles(district, [bundle], {fingerprint})[0]
    assert outcome.report is not None and outcome.report.count(outcome.report.outcomes[0].result) == 1
