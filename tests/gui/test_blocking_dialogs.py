"""The guard against real modal dialogs: each way of waiting for a click fails the test at once, naming the dialog;
dialogs shown without waiting still work."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QProgressDialog, QWidget

from safety_assess.ui import dialogs
from tests.blocking_dialogs import BlockingDialog

ROOT = Path(__file__).resolve().parents[2]


def test_a_static_message_box_fails_naming_its_title_and_text() -> None:
    with pytest.raises(BlockingDialog, match=r"QMessageBox\.warning\('Disk full', 'The photo was not saved'\)"):
        QMessageBox.warning(None, "Disk full", "The photo was not saved")


def test_the_apps_own_dialogs_fail_when_a_test_forgot_to_replace_them(qtbot) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BlockingDialog, match=re.escape("('Import failed', 'hopper.jpg: the image is damaged')")):
        dialogs.show_error(None, "Import failed", "hopper.jpg: the image is damaged")
    with pytest.raises(BlockingDialog, match=re.escape("QFileDialog.getOpenFileNames('Add photos'")):
        dialogs.ask_photo_files(None)
    with pytest.raises(BlockingDialog, match=re.escape("QInputDialog.getText('Reopen assessment'")):
        dialogs.ask_reopen_reason(None)
    with pytest.raises(BlockingDialog, match="NewCampusDialog 'New campus' would wait"):
        dialogs.ask_new_campus(None)


@pytest.mark.parametrize(
    "wait",
    [
        lambda parent: QFileDialog.getExistingDirectory(parent, "Move data folder", "/tmp"),
        lambda parent: QFileDialog.getSaveFileName(parent, caption="Export", dir="/tmp/plan.pdf"),
        lambda parent: QInputDialog.getInt(parent, "Copies", "How many?"),
        lambda parent: QMessageBox.question(parent, "Delete?", "Delete the finding?"),
        lambda parent: QProgressDialog("Exporting", "Cancel", 0, 10, parent).exec(),
    ],
)
def test_every_way_of_waiting_fails(qtbot, wait) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    with pytest.raises(BlockingDialog, match="would wait for a click"):
        wait(parent)


def test_a_message_box_built_by_hand_names_its_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Question, "Trust a new device?", "Compare the fingerprints.")
    qtbot.addWidget(box)
    said = "QMessageBox 'Trust a new device?' saying 'Compare the fingerprints.'"
    with pytest.raises(BlockingDialog, match=re.escape(said)):
        box.exec()
    assert not box.isVisible()


def test_dialogs_shown_without_waiting_still_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Information, "Saved", "The plan was saved.")
    qtbot.addWidget(box)
    box.open()
    qtbot.waitExposed(box)
    with qtbot.waitSignal(box.finished):
        box.accept()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    edit = QLineEdit(dialog)
    dialog.show()
    qtbot.keyClicks(edit, "Gym")
    assert edit.text() == "Gym" and dialog.isVisible()
    dialog.close()


def test_a_dialog_opened_from_the_event_loop_fails_the_run_instead_of_hanging_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the guard is for: a message box shown by a slot while the test waits, as an import error would be."""
    pytester.makepyfile(
        """
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QMessageBox

        def test_waits_for_a_slot_that_shows_an_error(qtbot):
            shown = []
            QTimer.singleShot(0, lambda: shown.append(QMessageBox.critical(None, "Import failed", "damaged")))
            qtbot.waitUntil(lambda: bool(shown), timeout=500)
        """
    )
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    result = pytester.runpytest_subprocess("-p", "tests.conftest", "-p", "no:cacheprovider", "--timeout=120")
    result.assert_outcomes(failed=1, errors=1)  # the wait times out; pytest-qt reports the slot's error
    result.stdout.fnmatch_lines(["*BlockingDialog: QMessageBox.critical('Import failed', 'damaged') would wait*"])
