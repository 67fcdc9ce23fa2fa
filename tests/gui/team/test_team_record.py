"""The lead's laptop keeps a record of the team packs it gave: the main window's details of the assessment say which
sections went out on which day in which file, and, once the work came back, from which device."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.bundle import team_dialog
from safety_assess.ui.bundle.team_dialog import TeamRequest
from safety_assess.ui.main_window import MainWindow
from tests.gui.bundle.test_bundles import Shown
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_packs import lead_assessment


def test_the_details_tell_the_sections_given_and_whose_work_came_back(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, second: Workspace, tmp_path: Path, monkeypatch
) -> None:
    summary = lead_assessment(workspace)
    out, back = tmp_path / "team.sabundle", tmp_path / "back.sabundle"
    monkeypatch.setattr(team_dialog, "ask_team_pack", lambda *_: TeamRequest(out, ["entry", "comms"]))
    monkeypatch.setattr(dialogs, "ask_trust_device", lambda parent, claim, own: True)
    shown = Shown(monkeypatch)
    window.refresh(select=summary.id)
    assert "Team:" not in window.details.text()
    window.actions_by_id["sync.team_pack"].trigger()
    day = dt.datetime.now(dt.UTC).date().isoformat()
    given = f"Team: sections entry, comms given on {day} (team.sabundle)"
    qtbot.waitUntil(lambda: given in window.details.text(), timeout=30_000)
    assert f"{given}; no work back yet" in window.details.text() and shown.errors == []
    import_bundle(second, out, always)
    record_answer(second, summary.id, "entry.single-entrance", "yes")
    export_bundle(second, [summary.id], back, to_district=False)
    window.import_bundle_files([back])
    came = f"{given}; work received from {second.device_key.fingerprint} on {day}"
    qtbot.waitUntil(lambda: came in window.details.text(), timeout=30_000)
    assert shown.errors == []
