"""Settings > Trusted devices: whose key signs the bundles exported here, the devices whose bundles are trusted
here, and revoking one (at once, after asking: its bundles are refused from then on; what it brought stays)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import TrustedDevice
from safety_assess.ui import dialogs
from safety_assess.ui.models.rows import Column, RowsModel


def _day(moment: dt.datetime | None) -> str:
    return f"{moment.astimezone():%Y-%m-%d}" if moment is not None else ""


def short_fingerprint(fingerprint: str) -> str:
    """'SA-3F2A-9C01-…-77AB': the first two groups and the last, enough to tell devices apart at a glance (the whole
    fingerprint is in the tooltip and below the table, to compare with the one the other machine shows)."""
    groups = fingerprint.split("-")
    return fingerprint if len(groups) <= 5 else "-".join([*groups[:3], "…", groups[-1]])


def _status(device: TrustedDevice) -> str:
    return f"Revoked {_day(device.revoked_at)}" if device.revoked_at is not None else "Trusted"


class DevicesModel(RowsModel[TrustedDevice]):
    columns = (
        Column(
            "Fingerprint",
            lambda d: short_fingerprint(d.fingerprint),
            sort=lambda d: d.fingerprint,
            tooltip=lambda d: d.fingerprint,
        ),
        Column("Status", _status, background=lambda d: "#b3261e" if d.revoked_at is not None else None),
        Column("Last exported by", lambda d: d.name),
        Column("Trusted since", lambda d: _day(d.trusted_at)),
        Column("Last import", lambda d: _day(d.last_import_at) or "never"),
    )


class DevicesPage(QWidget):
    """The list, read when the page is made and again after each revocation."""

    def __init__(
        self,
        signing: str,
        devices: Callable[[], list[TrustedDevice]],
        revoke: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._devices, self._revoke = devices, revoke
        self.model = DevicesModel(self)
        self.view = QTableView()
        self.view.setObjectName("trustedDevices")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # the name gives way; nothing scrolls sideways
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.whole = QLabel()
        self.whole.setObjectName("selectedFingerprint")
        self.whole.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.revoke_button = QPushButton("Re&voke…")
        self.revoke_button.setToolTip("Refuse this device's bundles from now on; what it brought stays")
        self.revoke_button.clicked.connect(self.revoke_selected)
        self._build(signing)
        self.reload()

    def _build(self, signing: str) -> None:
        own = QLabel(f"Bundles exported here are signed by {signing}.")
        own.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.whole, 1)
        buttons.addWidget(self.revoke_button)
        layout = QVBoxLayout(self)
        layout.addWidget(own)
        layout.addWidget(QLabel("Devices whose bundles are imported here:"))
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())

    def reload(self) -> None:
        self.model.set_rows(self._devices())
        self._enable()

    def selected(self) -> TrustedDevice | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0]) if rows else None

    def _enable(self) -> None:
        chosen = self.selected()
        self.whole.setText(f"Selected: {chosen.fingerprint}" if chosen is not None else "")
        self.revoke_button.setEnabled(chosen is not None and chosen.revoked_at is None)

    def revoke_selected(self) -> None:
        device = self.selected()
        if device is None or device.revoked_at is not None:
            return
        question = (
            f"Refuse every bundle from {device.fingerprint} ({device.name or 'unnamed'}) from now on? What it "
            "brought before stays. A revoked device cannot be trusted again under the same key."
        )
        if not dialogs.confirm(self, "Revoke device", question):
            return
        try:
            self._revoke(device.fingerprint)
        except SafetyAssessError as error:
            dialogs.show_error(self, "Device not revoked", str(error))
        self.reload()
