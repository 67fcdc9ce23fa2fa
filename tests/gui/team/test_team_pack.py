"""Team work in the app: the main window's team pack (dialog, background, message, the file), the second laptop's
import of it, and its walkthrough with the assigned sections first and the others marked; asserted on the files
and the databases."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safety_assess.bundles.manifest import parse_manifest
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.assessments import start_assessment
from safety_assess.services.bundles import import_bundle
from safety_assess.services.team import team_pack
from safety_assess.services.walkthrough import WalkSession
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.bundle import team_dialog
from safety_assess.ui.bundle.team import team_choices
from safety_assess.ui.bundle.team_dialog import TeamPackDialog, TeamRequest
from safety_assess.ui.changes import ChangeChannel
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.walkthrough.window import YOURS_DONE, WalkthroughWindow
from tests.gui.bundle.test_bundles import Shown, click_ok
from tests.unit.bundles.test_team_packs import lead_assessment

SHOTS = os.environ.get("SAFETY_ASSESS_SCREENSHOTS")
"""A folder to save the windows' pictures in, to look at them (unset: none saved)."""


def test_the_team_pack_action_writes_the_chosen_sections_in_the_background(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path, monkeypatch
) -> None:
    summary = lead_assessment(workspace)
    out = tmp_path / "team.sabundle"
    offered: list[Any] = []

    def ask(parent: Any, choices: Any) -> TeamRequest:
        offered.append(choices)
        return TeamRequest(out, ["entry", "comms"])

    monkeypatch.setattr(team_dialog, "ask_team_pack", ask)
    shown = Shown(monkeypatch)
    window.refresh(select=summary.id)
    window.actions_by_id["sync.team_pack"].trigger()
    qtbot.waitUntil(lambda: bool(shown.messages or shown.errors), timeout=30_000)
    assert shown.errors == [] and shown.messages[0].startswith(f"Wrote {out}: 2 sections (entry, comms)")
    assert offered[0].sections[0] == ("grounds", "Site perimeter and grounds") and len(offered[0].sections) == 7
    with zipfile.ZipFile(out) as archive:
        manifest = parse_manifest(archive.read("manifest.json"))
    assert manifest.team is not None and manifest.team.sections == ["entry", "comms"]
    assert manifest.team.assessment == str(summary.id) and manifest.device.fingerprint in shown.messages[0]


def test_the_team_pack_action_says_plainly_what_cannot_be_packed(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, monkeypatch
) -> None:
    summary = lead_assessment(workspace)
    workspace.assessments.complete(summary.id, ["Ana"])
    monkeypatch.setattr(team_dialog, "ask_team_pack", lambda *_: pytest.fail("no dialog for what cannot be packed"))
    shown = Shown(monkeypatch)
    window.refresh(select=summary.id)
    window.actions_by_id["sync.team_pack"].trigger()
    assert shown.errors == [
        "The assessment of Lincoln High on 2026-11-02 is completed; reopen it before packing it for a team."
    ]


def test_the_dialog_wants_sections_and_a_folder_that_exists(qtbot, workspace: Workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    summary = lead_assessment(workspace)
    dialog = TeamPackDialog(None, team_choices(workspace, summary.id, tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.path.text().startswith(str(tmp_path / "team-LHS-"))
    click_ok(dialog)
    assert dialog.error.text() == "Tick the sections the second laptop does." and dialog.result() == 0
    dialog.set_checked(["visitor", "grounds"])
    dialog.path.setText(str(tmp_path / "missing" / "t.sabundle"))
    click_ok(dialog)
    assert "does not exist" in dialog.error.text()
    dialog.path.setText(str(tmp_path / "t.sabundle"))
    click_ok(dialog)
    assert dialog.result() == 1 and dialog.value() == TeamRequest(tmp_path / "t.sabundle", ["grounds", "visitor"])
    if SHOTS:
        dialog.set_checked(["entry", "comms"])
        dialog.grab().save(str(Path(SHOTS) / "team-pack-dialog.png"))


def test_the_second_laptop_imports_the_pack_and_walks_its_sections_first(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, second: Workspace, tmp_path: Path, monkeypatch
) -> None:
    summary = lead_assessment(workspace)
    pack = tmp_path / "team.sabundle"
    team_pack(workspace, summary.id, pack, ["entry", "comms"])
    main = MainWindow(second)
    qtbot.addWidget(main)
    monkeypatch.setattr(dialogs, "ask_trust_device", lambda parent, claim, own: True)
    shown = Shown(monkeypatch)
    main.import_bundle_files([pack])
    qtbot.waitUntil(lambda: bool(shown.results or shown.errors), timeout=30_000)
    assert "a team assessment to work on here, your sections: entry, comms" in shown.results[0][0]
    walk = WalkthroughWindow(WalkSession(second, summary.id), ChangeChannel())
    qtbot.addWidget(walk)
    walk.show()
    qtbot.waitExposed(walk)
    model = walk.model
    tops = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    assert tops[0].startswith("Building exterior") and tops[1].startswith("Communications")
    assert not any("another team member's" in t for t in tops[:2])
    assert all(t.endswith("· another team member's") for t in tops[2:]) and len(tops) == 7
    assert model.data(model.index(2, 0), Qt.ItemDataRole.ForegroundRole) is not None
    header = walk.header.text()
    assert "Team assessment from" in header and "your sections: Building exterior and entries, Comm" in header
    assert walk.current is not None and walk.current.item_id.startswith("entry.")
    assert walk.panel.team_note.isHidden()
    walk.go_to(SlotKey("grounds.gates-locked"))
    assert not walk.panel.team_note.isHidden() and not walk.session.read_only
    qtbot.keyClick(walk.panel, Qt.Key.Key_Y)  # answering outside one's sections is allowed, and merged later
    qtbot.waitUntil(lambda: _value(second, summary, "grounds.gates-locked") == "yes")
    if SHOTS:
        walk.grab().save(str(Path(SHOTS) / "team-walkthrough.png"))
    walk.close()
    main.close()
    QApplication.processEvents()


def _value(workspace: Workspace, summary: AssessmentSummary, item_id: str) -> object:
    responses = workspace.assessments.detail(summary.id).responses
    return next((r.value for r in responses if r.item_id == item_id), None)


def _items(*ids: str) -> str:
    return "".join(
        f"      - {{id: {i}, prompt: Is {i} as it should be?, answer: {{type: yes_no, deficient_if: 'no'}},\n"
        "         likelihood: 2, severity: 2, action: Fix it.}\n"
        for i in ids
    )


TWO_SECTIONS = (
    "schema_version: 1\nid: two-sections\ntitle: Two sections\nversion: 1.0.0\nsections:\n"
    f"  - id: front\n    title: Front\n    items:\n{_items('front.gate', 'front.sign')}"
    f"  - id: back\n    title: Back\n    items:\n{_items('back.door', 'back.light')}"
)


def test_the_second_laptop_starts_on_its_own_first_item_and_is_told_when_its_sections_are_done(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, second: Workspace, tmp_path: Path
) -> None:
    (workspace.data_dir.checklists / "two-sections.yaml").write_text(TWO_SECTIONS, encoding="utf-8")
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "two-sections", ["Ana"], dt.date(2026, 11, 2))
    workspace.assessments.set_resume(summary.id, "front.sign", None)  # where the lead left off
    team_pack(workspace, summary.id, tmp_path / "team.sabundle", ["back"])
    import_bundle(second, tmp_path / "team.sabundle", trust=lambda _: True)
    walk = WalkthroughWindow(WalkSession(second, summary.id), ChangeChannel())
    qtbot.addWidget(walk)
    walk.show()
    qtbot.waitExposed(walk)
    assert walk.current == SlotKey("back.door")  # not the lead's resume point, in someone else's section
    qtbot.keyClick(walk.panel, Qt.Key.Key_Y)
    assert walk.statusBar().currentMessage() == ""
    qtbot.keyClick(walk.panel, Qt.Key.Key_N)
    assert walk.statusBar().currentMessage() == YOURS_DONE and walk.current == SlotKey("front.gate")
    answered = {r.item_id: r.value for r in second.assessments.detail(summary.id).responses}
    assert answered == {"back.door": "yes", "back.light": "no"}
    walk.close()
