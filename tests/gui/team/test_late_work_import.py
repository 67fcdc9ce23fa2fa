"""Late team work in the app: the lead imports a second laptop's bundle after completing the assessment; the import's
summary says plainly that it reopened it, and the assessment is in progress again with the work merged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safety_assess.domain.records import AssessmentStatus
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.team import team_pack
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from tests.gui.bundle.test_bundles import Shown
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_packs import lead_assessment


def test_the_import_summary_says_the_late_work_reopened_the_assessment(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, second: Workspace, tmp_path: Path, monkeypatch
) -> None:
    summary = lead_assessment(workspace)
    out, back = tmp_path / "team.sabundle", tmp_path / "back.sabundle"
    team_pack(workspace, summary.id, out)
    import_bundle(second, out, always)
    workspace.assessments.complete(summary.id, ["Ana"], at=dt.datetime(2026, 11, 20, 15, tzinfo=dt.UTC))
    record_answer(second, summary.id, "entry.single-entrance", "yes")
    export_bundle(second, [summary.id], back, to_district=False)
    monkeypatch.setattr(dialogs, "ask_trust_device", lambda parent, claim, own: True)
    shown = Shown(monkeypatch)
    window.refresh(select=summary.id)
    window.import_bundle_files([back])
    qtbot.waitUntil(lambda: bool(shown.results or shown.errors), timeout=30_000)
    told = (
        f"Assessment Lincoln High, 2026-11-02 was complete; 1 change from {second.device_key.fingerprint} arrived "
        "after it was completed on 2026-11-20 and reopened it"
    )
    [[line]] = shown.results
    assert line.splitlines()[1:] == [told] and shown.errors == []
    reopened = workspace.assessments.summary(summary.id)
    assert reopened.status == AssessmentStatus.IN_PROGRESS
    assert reopened.reopen_reason == told.split("; ")[1].removesuffix(" and reopened it")
    answers = {r.item_id: r.value for r in workspace.assessments.detail(summary.id).responses}
    assert answers["entry.single-entrance"] == "yes"
