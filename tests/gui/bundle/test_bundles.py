"""Bundles in the app: export (dialog, background, message), import by menu and by drag and drop with the new
device confirmed, district keys; everything asserted on the files and the database."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QProgressDialog

from safety_assess.base.datadir import DataDir
from safety_assess.domain.readiness.drills import Drill, DrillType
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.sealed import is_sealed
from safety_assess.services import drills
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle, export_changed
from safety_assess.services.photos import add_photos
from safety_assess.services.sealing import sealing_key
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.bundle import export_dialog
from safety_assess.ui.bundle.export_dialog import BundleExportDialog, BundleRequest
from safety_assess.ui.bundle.exporting import bundle_choices, summary_text
from safety_assess.ui.main_window import MainWindow
from tests import photo_files
from tests.conftest import DATA

PHOTO = photo_files.folder() / "hopper.jpg"


def assess(workspace: Workspace) -> AssessmentSummary:
    workspace.campuses.add("Lincoln High", "LHS")
    summary = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 11, 2))
    record_answer(workspace, summary.id, "door-locked", "no")
    add_photos(workspace, summary.id, "door-locked", [PHOTO])
    return summary


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Workspace]:
    opened = Workspace.open(DataDir(tmp_path / "laptop"))
    shutil.copy(DATA / "checklists" / "every-type.yaml", opened.data_dir.checklists / "every-type.yaml")
    yield opened
    opened.close()


@pytest.fixture
def bundle(laptop: Workspace, tmp_path: Path) -> Path:
    out = tmp_path / "lhs.sabundle"
    export_bundle(laptop, [assess(laptop).id], out)
    return out


class Shown:
    """Stands in for the message dialogs: records what they would have said."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.messages: list[str] = []
        self.errors: list[str] = []
        self.results: list[list[str]] = []
        monkeypatch.setattr(dialogs, "show_message", lambda parent, title, text: self.messages.append(text))
        monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: self.errors.append(text))
        monkeypatch.setattr(dialogs, "show_import_results", lambda parent, lines, *counts: self.results.append(lines))


def click_ok(dialog: QDialog) -> None:
    """Click the dialog's OK (named for what it writes)."""
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_export_writes_the_chosen_assessment(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path, monkeypatch
) -> None:
    summary = assess(workspace)
    out = tmp_path / "out.sabundle"
    offered: list[Any] = []

    def ask(parent: Any, choices: Any) -> BundleRequest:
        offered.append(choices)
        return BundleRequest(out, [summary.id], since_last=False)

    monkeypatch.setattr(export_dialog, "ask_bundle_export", ask)
    shown = Shown(monkeypatch)
    window.refresh(select=summary.id)
    window.actions_by_id["sync.export"].trigger()
    qtbot.waitUntil(lambda: bool(shown.messages or shown.errors), timeout=30_000)
    assert offered[0].preselected == {summary.id} and offered[0].encrypt_to == ""
    assert shown.messages[0].startswith(f"Wrote {out}: 1 assessment, 1 photo") and "Not encrypted" in shown.messages[0]
    with zipfile.ZipFile(out) as archive:
        assert f"assessments/{summary.id}.json" in archive.namelist()


def test_the_export_dialog_offers_own_assessments_and_checks_its_input(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:
    summary = assess(workspace)
    choices = bundle_choices(workspace, summary.id, tmp_path)
    dialog = BundleExportDialog(None, choices)
    qtbot.addWidget(dialog)
    assert dialog.checked_ids() == [summary.id] and dialog.since_last.isEnabled()
    assert "never" in dialog.since_last.text() and "Not encrypted" in dialog.encryption.text()
    dialog.model.item(0).setCheckState(Qt.CheckState.Unchecked)
    click_ok(dialog)
    assert dialog.error.text() == "Tick at least one assessment." and dialog.result() == 0
    dialog.since_last.setChecked(True)
    dialog.path.setText(str(tmp_path / "missing" / "x.sabundle"))
    click_ok(dialog)
    assert "does not exist" in dialog.error.text()
    dialog.path.setText(str(tmp_path / "x.sabundle"))
    click_ok(dialog)
    assert dialog.result() == 1 and dialog.value() == BundleRequest(tmp_path / "x.sabundle", [summary.id], True)


def test_a_drill_log_of_a_campus_never_assessed_makes_the_since_last_export_possible(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, tmp_path: Path
) -> None:
    campus = workspace.campuses.add("Adams Elementary", "AES")
    drills.add_drill(workspace, Drill(campus.id, DrillType.FIRE, dt.date.today()), dt.date.today())
    dialog = BundleExportDialog(None, bundle_choices(workspace, None, tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.since_last.isEnabled() and dialog.since_last.text().endswith(": 0 assessments and 1 drill log")
    result = export_changed(workspace, tmp_path / "x.sabundle")
    assert result is not None and (result.assessments, result.drill_logs) == ([], 1)
    with zipfile.ZipFile(tmp_path / "x.sabundle") as archive:
        assert f"drills/{campus.id}.json" in archive.namelist()
    assert "1 drill log, " in summary_text(result, "SA-1")
    assert not BundleExportDialog(None, bundle_choices(workspace, None, tmp_path)).since_last.isEnabled()


def test_import_asks_to_trust_the_new_device_and_reports(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, laptop: Workspace, bundle: Path, monkeypatch
) -> None:
    asked: list[str] = []

    def trust(parent: Any, claim: Any, own: bool) -> bool:
        asked.append(claim.fingerprint)
        return True

    monkeypatch.setattr(dialogs, "ask_trust_device", trust)
    monkeypatch.setattr(dialogs, "ask_bundle_files", lambda parent: [bundle])
    shown = Shown(monkeypatch)
    window.actions_by_id["sync.import"].trigger()
    qtbot.waitUntil(lambda: bool(shown.results or shown.errors), timeout=30_000)
    assert asked == [laptop.device_key.fingerprint]
    assert shown.results[0] == [f"lhs.sabundle: 1 added (from {asked[0]})"]
    imported = workspace.assessments.list()
    assert len(imported) == 1 and imported[0].source_device == asked[0] and imported[0].read_only
    assert window.model.find(imported[0].id).isValid()
    # dropped on the window a second time: the device is known now, and nothing changes
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(PHOTO))])  # the photo is left out
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, buttons, keys)
    assert QApplication.sendEvent(window, enter) and enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, buttons, keys))
    qtbot.waitUntil(lambda: len(shown.results) == 2, timeout=30_000)
    assert shown.results[1] == ["lhs.sabundle: already imported"] and len(asked) == 1


def test_a_device_not_trusted_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, bundle: Path, tmp_path: Path, monkeypatch
) -> None:
    junk = tmp_path / "junk.sabundle"
    junk.write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setattr(dialogs, "ask_trust_device", lambda parent, claim, own: False)
    shown = Shown(monkeypatch)
    window.import_bundle_files([bundle, junk])
    qtbot.waitUntil(lambda: bool(shown.results), timeout=30_000)
    first, second = shown.results[0]
    assert first.startswith("lhs.sabundle: refused: the bundle comes from a device not trusted yet")
    assert second.startswith("junk.sabundle: refused: ") and second.count("junk.sabundle") == 1
    assert workspace.assessments.list() == []


def test_district_key_exported_then_used_seals_the_next_bundle(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, laptop: Workspace, tmp_path: Path, monkeypatch
) -> None:
    key_file = tmp_path / "district.sadistrictkey"
    monkeypatch.setattr(dialogs, "ask_district_key_target", lambda parent, suggested: key_file)
    shown = Shown(monkeypatch)
    window.actions_by_id["sync.district_key"].trigger()
    assert key_file.is_file() and shown.messages[0].startswith(f"Wrote {key_file}")
    assessor = MainWindow(laptop)
    qtbot.addWidget(assessor)
    monkeypatch.setattr(dialogs, "ask_district_key_file", lambda parent: key_file)
    assessor.actions_by_id["sync.use_key"].trigger()
    key = sealing_key(laptop)
    assert key is not None and key.fingerprint in shown.messages[1]
    out = tmp_path / "sealed.sabundle"
    export_bundle(laptop, [assess(laptop).id], out)
    monkeypatch.setattr(dialogs, "ask_trust_device", lambda parent, claim, own: True)
    window.import_bundle_files([out])
    qtbot.waitUntil(lambda: bool(shown.results), timeout=30_000)
    assert is_sealed(out) and shown.results[0] == [
        f"sealed.sabundle: 1 added (from {laptop.device_key.fingerprint}) (encrypted)"
    ]


def test_a_batch_cancelled_midway_lists_what_was_applied_and_what_was_not(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, laptop: Workspace, bundle: Path, tmp_path: Path, monkeypatch
) -> None:
    from safety_assess.base.jobs import Cancelled
    from safety_assess.bundles import importer
    from safety_assess.ui.bundle import importing

    later = tmp_path / "later.sabundle"
    shutil.copy(bundle, later)
    real = importer.import_bundles

    def cancelled_after_the_first(workspace: Workspace, paths: list[Path], trusted: Any, progress: Any, into: Any):
        real(workspace, paths[:1], {laptop.device_key.fingerprint}, progress, into=into)
        raise Cancelled  # as if Cancel was pressed while the second bundle was being checked

    monkeypatch.setattr(importing, "import_bundles", cancelled_after_the_first)
    shown = Shown(monkeypatch)
    window.import_bundle_files([bundle, later])
    qtbot.waitUntil(lambda: bool(shown.results), timeout=30_000)
    first, second = shown.results[0]
    assert first == f"lhs.sabundle: 1 added (from {laptop.device_key.fingerprint})"
    assert (
        second
        == "later.sabundle: not imported: the import was cancelled before it was done (nothing of it was changed)"
    )
    assert len(workspace.assessments.list()) == 1


class Asked:
    """Stands in for QMessageBox.exec: records each box's title, text and what the progress box showed then."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, press: str) -> None:
        self.boxes: list[tuple[str, str, bool]] = []
        self.press = press
        monkeypatch.setattr(dialogs.QMessageBox, "exec", lambda box: self.exec(box))

    def exec(self, box: Any) -> int:
        covered = any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        self.boxes.append((box.windowTitle(), box.text() + "\n" + box.informativeText(), covered))
        for button in box.buttons():
            if button.text() == self.press:
                button.click()
        return 0


def test_importing_this_installations_own_bundle_says_so_with_the_progress_box_gone(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, workspace: Workspace, tmp_path: Path, monkeypatch
) -> None:
    own = tmp_path / "own.sabundle"
    export_bundle(workspace, [assess(workspace).id], own)
    asked = Asked(monkeypatch, "&Do not import")
    monkeypatch.setattr("safety_assess.ui.progress_dialog.SHOW_AFTER_MS", 0)  # the progress box shows at once
    window.import_bundle_files([own])
    qtbot.waitUntil(lambda: len(asked.boxes) == 2, timeout=30_000)
    (title, text, covered), (result_title, lines, _) = asked.boxes
    assert title == "Import this installation's own bundles?" and "this installation itself" in text
    assert "does not know yet" not in text and workspace.device_key.fingerprint in text
    assert not covered  # the progress box was hidden before the question
    assert result_title == "Bundle not imported"  # nothing imported: not "Bundles imported, some refused"
    assert "own.sabundle: not imported: it is this installation's own bundle" in lines


def test_the_import_result_title_says_what_was_imported() -> None:
    assert dialogs.import_results_title(2, 0) == "Bundles imported"
    assert dialogs.import_results_title(0, 1) == "Bundle not imported"
    assert dialogs.import_results_title(0, 3) == "Nothing imported"
    assert dialogs.import_results_title(1, 2) == "1 bundle imported, 2 not"
