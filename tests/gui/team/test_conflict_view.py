"""The side-by-side conflict view: two laptops answered the same items differently; the lead keeps ours, takes
theirs or types another value (checked by the item's rules), each asserted on the database; the walkthrough and
the main window show how many wait."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from safety_assess.base.datadir import DataDir
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.services.assessments import record_answer
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.merge_conflicts import conflicts
from safety_assess.services.team import team_pack
from safety_assess.services.workspace import Workspace
from safety_assess.ui.conflicts.window import ConflictWindow
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.walkthrough.section_model import CLASH
from safety_assess.ui.walkthrough.window import WalkthroughWindow
from tests.unit.bundles.conftest import always
from tests.unit.bundles.test_team_packs import lead_assessment

SHOTS = os.environ.get("SAFETY_ASSESS_SCREENSHOTS")
CLASHING = {
    "grounds.hiding-places": ("no", "yes"),
    "entry.single-entrance": ("yes", "no"),
    "entry.unsecured-doors": (0, 2),
}


@pytest.fixture
def clashed(workspace: Workspace, tmp_path: Path) -> Iterator[tuple[AssessmentSummary, Workspace]]:
    """The lead's assessment after the second laptop's bundle came back with three items answered otherwise."""
    summary = lead_assessment(workspace)
    second = Workspace.open(DataDir(tmp_path / "second"))
    team_pack(workspace, summary.id, tmp_path / "team.sabundle", ["entry"])
    import_bundle(second, tmp_path / "team.sabundle", trust=always)
    for item, (ours, theirs) in CLASHING.items():
        record_answer(workspace, summary.id, item, ours)
        record_answer(second, summary.id, item, theirs)
    record_answer(workspace, summary.id, "parking.supervision", "yes", note="Two staff at the loop")
    record_answer(second, summary.id, "parking.supervision", "yes", note="Nobody at the bus loop")
    export_bundle(second, [summary.id], tmp_path / "back.sabundle")
    import_bundle(workspace, tmp_path / "back.sabundle", trust=always)
    yield summary, second
    second.close()


def answer(workspace: Workspace, assessment_id: uuid.UUID, item_id: str) -> object:
    return next(r.value for r in workspace.assessments.detail(assessment_id).responses if r.item_id == item_id)


def select(window: ConflictWindow, item_id: str) -> None:
    row = next(n for n, c in enumerate(window.model.rows) if c.item_id == item_id)
    window.table.selectRow(row)


def test_the_view_lists_both_sides_and_resolves_each_way_through_the_service(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, clashed: tuple[AssessmentSummary, Workspace]
) -> None:
    summary, second = clashed
    window.refresh(select=summary.id)
    assert "⚠ 4 conflicts to resolve" in window.details.text()
    window.actions_by_id["assessment.conflicts"].trigger()
    view = window.windows.conflicts[summary.id]
    qtbot.waitExposed(view)
    assert view.model.rowCount() == 4 and view.count.text().startswith("4 conflicts to resolve")
    select(view, "grounds.hiding-places")
    assert (view.ours.value.text(), view.theirs.value.text()) == ("no", "yes")
    assert second.device_key.fingerprint in view.theirs.origin.text()
    assert workspace.device_key.fingerprint in view.ours.origin.text()
    if SHOTS:
        view.grab().save(str(Path(SHOTS) / "conflict-view.png"))
    qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
    assert answer(workspace, summary.id, "grounds.hiding-places") == "yes" and view.model.rowCount() == 3
    select(view, "entry.single-entrance")
    qtbot.mouseClick(view.keep_ours, Qt.MouseButton.LeftButton)
    assert answer(workspace, summary.id, "entry.single-entrance") == "yes" and view.model.rowCount() == 2
    select(view, "entry.unsecured-doors")
    assert (view.ours.value.text(), view.theirs.value.text()) == ("0", "2") and view.other.isEnabled()
    qtbot.keyClicks(view.other, "lots")
    qtbot.mouseClick(view.use_other, Qt.MouseButton.LeftButton)
    assert view.error.text() and view.model.rowCount() == 2  # refused by the item's rules: nothing stored
    assert answer(workspace, summary.id, "entry.unsecured-doors") == 0
    view.other.clear()
    qtbot.keyClicks(view.other, "1")
    qtbot.keyClick(view.other, Qt.Key.Key_Return)
    assert answer(workspace, summary.id, "entry.unsecured-doors") == 1 and view.model.rowCount() == 1
    [note] = view.model.rows
    assert (note.field, view.ours.value.text(), view.theirs.value.text()) == (
        "note",
        "Two staff at the loop",
        "Nobody at the bus loop",
    )
    assert view.question.text().startswith("Note of: Are staff assigned")
    qtbot.keyClicks(view.other, "One aide at the loop, none at the gate")
    qtbot.mouseClick(view.use_other, Qt.MouseButton.LeftButton)
    notes = {r.item_id: r.note for r in workspace.assessments.detail(summary.id).responses}
    assert notes["parking.supervision"] == "One aide at the loop, none at the gate"
    assert conflicts(workspace, summary.id) == []
    assert view.model.rowCount() == 0 and view.count.text().startswith("No conflicts left")
    assert not view.keep_ours.isEnabled() and not view.use_other.isEnabled()
    view.close()
    settled(qtbot, window)


def test_the_walkthrough_shows_the_count_and_opens_the_view(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, clashed: tuple[AssessmentSummary, Workspace]
) -> None:
    summary, _ = clashed
    walk = opened_walk(qtbot, window, summary)
    assert walk.conflicts.isVisible() and walk.conflicts.text() == "⚠ 4 conflicts to resolve…"
    qtbot.mouseClick(walk.conflicts, Qt.MouseButton.LeftButton)
    view = window.windows.conflicts[summary.id]
    select(view, "grounds.hiding-places")
    qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: walk.conflicts.text() == "⚠ 3 conflicts to resolve…")  # the walk read it again
    assert answer(workspace, summary.id, "grounds.hiding-places") == "yes"
    view.close()
    walk.close()
    settled(qtbot, window)


def test_the_walkthrough_tree_marks_the_items_in_conflict_until_they_are_resolved(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, clashed: tuple[AssessmentSummary, Workspace]
) -> None:
    summary, second = clashed
    walk = opened_walk(qtbot, window, summary)

    def shown(item_id: str, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
        return str(walk.model.data(walk.model.index_of(SlotKey(item_id)), role))

    for item_id in (*CLASHING, "parking.supervision"):
        assert f"{CLASH}" in shown(item_id) and "in conflict" in shown(item_id, Qt.ItemDataRole.AccessibleTextRole)
    assert CLASH not in shown("grounds.gates-locked") and "⚠" not in shown("grounds.gates-locked")
    told = shown("grounds.hiding-places", Qt.ItemDataRole.ToolTipRole)
    ours, theirs = workspace.device_key.fingerprint, second.device_key.fingerprint
    assert f"Conflict on the answer: 'no' here ({ours}) and 'yes' from {theirs}" in told
    assert "Conflict on the note: 'Two staff at the loop' here" in shown(
        "parking.supervision", Qt.ItemDataRole.ToolTipRole
    )
    if SHOTS:
        walk.grab().save(str(Path(SHOTS) / "walkthrough-conflict-marks.png"))
    qtbot.mouseClick(walk.conflicts, Qt.MouseButton.LeftButton)
    view = window.windows.conflicts[summary.id]
    select(view, "grounds.hiding-places")
    qtbot.mouseClick(view.take_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "⚠" not in shown("grounds.hiding-places"))  # the resolution came by the change channel
    assert "Conflict" not in shown("grounds.hiding-places", Qt.ItemDataRole.ToolTipRole)
    assert all(CLASH in shown(i) for i in ("entry.single-entrance", "entry.unsecured-doors", "parking.supervision"))
    view.close()
    walk.close()
    settled(qtbot, window)


def opened_walk(qtbot, window: MainWindow, summary: AssessmentSummary) -> WalkthroughWindow:  # type: ignore[no-untyped-def]
    walk = window.windows.open_walkthrough(summary.id)
    assert walk is not None
    qtbot.waitExposed(walk)
    return walk


def settled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The main window's list has followed the resolutions (its refresh waits for answers to settle), so nothing
    reads the database once the test's folders are gone."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive())
