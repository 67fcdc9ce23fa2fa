"""Settings > Devices: whose key signs here, the trusted devices, and revoking one (asked first), checked in the
database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safety_assess.base.datadir import DataDir
from safety_assess.base.settings import Settings
from safety_assess.services.identity import trusted_devices
from safety_assess.services.workspace import Workspace
from safety_assess.storage.orm import DeviceRow
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.settings.dialog import SettingsDialog


def _trust(window: MainWindow, *devices: tuple[str, str]) -> None:
    with window.workspace.database.session() as session:
        for number, (fingerprint, name) in enumerate(devices):
            session.add(
                DeviceRow(installation_id=f"laptop-{number}", public_key="00" * 32, fingerprint=fingerprint, name=name)
            )


def _dialog(qtbot, window: MainWindow) -> SettingsDialog:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(window, Settings(), window.housekeeping.settings_context())
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.devices)
    return dialog


def test_a_device_is_revoked_from_the_settings_after_asking(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trust(window, ("SA-AAAA", "Ann"), ("SA-BBBB", "Ben"))
    dialog = _dialog(qtbot, window)
    page = dialog.devices
    assert window.workspace.device_key.fingerprint in page.findChild(QLabel).text()
    assert sorted(page.model.column_texts(0, 5)) == ["SA-AAAA", "SA-BBBB"]
    assert not page.revoke_button.isEnabled()
    row = page.model.column_texts(0, 2).index("SA-BBBB")
    page.view.selectRow(row)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, _title, question: asked.append(question) or False)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    assert "SA-BBBB" in asked[0] and all(d.revoked_at is None for d in trusted_devices(window.workspace))
    monkeypatch.setattr(dialogs, "confirm", lambda *_: True)
    qtbot.mouseClick(page.revoke_button, Qt.MouseButton.LeftButton)
    revoked = {d.fingerprint: d.revoked_at is not None for d in trusted_devices(window.workspace)}
    assert revoked == {"SA-AAAA": False, "SA-BBBB": True}
    row = page.model.column_texts(0, 2).index("SA-BBBB")
    assert page.model.column_texts(1, 2)[row].startswith("Revoked")
    page.view.selectRow(row)
    assert not page.revoke_button.isEnabled()  # revoked already


def test_a_device_revoked_elsewhere_meanwhile_is_told_plainly(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trust(window, ("SA-AAAA", "Ann"))
    page = _dialog(qtbot, window).devices
    page.view.selectRow(0)
    with window.workspace.database.session() as session:  # a colleague on the shared database, say
        session.get_one(DeviceRow, "laptop-0").revoked_at = session.get_one(DeviceRow, "laptop-0").trusted_at
    told: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *_: True)
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, _title, message: told.append(message))
    page.revoke_selected()
    assert "revoked already" in told[0] and page.model.column_texts(1, 1)[0].startswith("Revoked")


@pytest.mark.postgres_only
def test_a_staff_computer_that_cannot_sign_yet_is_told_which_file_to_copy(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    district_fp = window.workspace.device_key.fingerprint
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), window.workspace.target.url)
    try:
        other = MainWindow(colleague)
        qtbot.addWidget(other)
        told = _dialog(qtbot, other).devices.findChild(QLabel).text()
        assert district_fp in told and "copy district-staff.key" in told
    finally:
        colleague.close()


def test_long_fingerprints_fit_without_scrolling_sideways_and_read_whole_when_selected(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    whole = "SA-3F2A-9C01-B7E4-0D55-1A2B-C3D4-E5F6-77AB"
    _trust(window, (whole, "A long-named assessor on the second floor laptop"), ("SA-AAAA", "Ben"))
    dialog = _dialog(qtbot, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    page = dialog.devices
    row = page.model.column_texts(0, 2).index("SA-3F2A-9C01-…-77AB")
    index = page.model.index(row, 0)
    assert page.model.data(index, Qt.ItemDataRole.ToolTipRole) == whole
    assert page.view.horizontalScrollBar().maximum() == 0
    page.view.selectRow(row)
    label = page.findChild(QLabel, "selectedFingerprint")
    assert label.text() == f"Selected: {whole}"
