"""Settings: who you are, the district and its key, what reports print, privacy, where the data lives, backups,
and the devices whose bundles are trusted.

The dialog shows the settings; OK hands back the changed value (the window saves it through the settings store,
which applies and announces it). The buttons that act at once (use a district key file, back up now, revoke a
device) are the window's own commands.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from safety_assess.base.settings import PUBLIC_OMISSIONS, Settings
from safety_assess.domain.plan.actions import DEFAULT_PHASES
from safety_assess.domain.records import TrustedDevice
from safety_assess.ui.settings.devices import DevicesPage
from safety_assess.ui.settings.protection import BackupProtection

OMISSION_LABELS = {
    "photos": "Photos",
    "locations": "Where each finding is",
    "finding_details": "Finding titles and descriptions",
    "notes": "Assessors' notes",
    "responses": "The full list of answers",
}


@dataclass(frozen=True)
class SettingsContext:
    """What the dialog shows but does not edit, and the commands its buttons run."""

    data_folder: str
    database: str
    district_key: str
    """The district key's fingerprint (and district) bundles are encrypted to; empty when none."""
    data_folder_fixed: str
    """Why the data folder cannot be changed here (chosen by --data-dir or the environment); empty when it can."""
    usual_backups: str
    """Where backups go when no folder is chosen."""
    last_backup: str
    """When the newest backup was made, for a person; empty when there is none."""
    use_district_key: Callable[[], str]
    """Asks for a key file and uses it; returns the key shown afterwards."""
    back_up: Callable[[Settings], object]
    """Backs up now as the given settings say (what the dialog shows)."""
    change_data_folder: Callable[[Settings], bool]
    """Given the settings as they stand in the dialog (saved first), asks where the data goes and moves it or
    switches to it; True when the app is about to restart (the dialog then closes)."""
    backup_passphrase_set: bool = False
    """A backup passphrase was chosen on this data folder (its key is kept)."""
    set_backup_passphrase: Callable[[], bool] = lambda: False
    """Asks for a new backup passphrase and keeps its key at once; True when one was set."""
    signing_key: str = ""
    """Whose key signs the bundles exported here: its fingerprint (and on a shared database, that it is the
    district's)."""
    devices: Callable[[], list[TrustedDevice]] = list
    """The devices whose bundles are trusted here, read when asked."""
    revoke_device: Callable[[str], object] = lambda _fingerprint: None
    """Refuses the device's bundles from now on (SafetyAssessError when it cannot)."""


BACKUP_EVERY = {"Never (only Back up now)": 0, "Every 4 hours": 4, "Every day": 24, "Every week": 24 * 7}


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, settings: Settings, context: SettingsContext) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setObjectName("SettingsDialog")
        self.setMinimumWidth(680)  # the shared database URL's example reads whole
        self.settings = settings
        self.context = context
        self.tabs = QTabWidget()
        self.tabs.addTab(self._you_tab(), "&You and the district")
        self.tabs.addTab(self._reports_tab(), "&Reports")
        self.tabs.addTab(self._privacy_tab(), "&Privacy")
        self.tabs.addTab(self._data_tab(), "&Data and backups")
        self.devices = DevicesPage(context.signing_key, context.devices, context.revoke_device)
        self.tabs.addTab(self.devices, "Dev&ices")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def _you_tab(self) -> QWidget:
        self.assessor = _line(self.settings.assessor_name, "Your name, as it goes on assessments and status changes")
        self.district = _line(self.settings.district_name, "Printed on reports")
        self.key = QLabel(self.context.district_key or "None: bundles are not encrypted.")
        self.key.setObjectName("districtKey")
        self.key.setWordWrap(True)
        use_key = QPushButton("Use district key &file…")
        use_key.clicked.connect(lambda: self.key.setText(self.context.use_district_key() or self.key.text()))
        form = QFormLayout()
        form.addRow("Your &name:", self.assessor)
        form.addRow("&District:", self.district)
        form.addRow("District key:", self.key)
        form.addRow("", use_key)
        return _page(form)

    def _reports_tab(self) -> QWidget:
        self.marking = _line(self.settings.confidentiality_marking, "Printed on every page of a full report")
        self.currency = _line(self.settings.currency, "$, €, £ before the amount; a code such as CHF after it")
        self.currency.setMaxLength(5)
        form = QFormLayout()
        form.addRow("Confidentiality &marking:", self.marking)
        form.addRow("&Currency:", self.currency)
        form.addRow(QLabel("Phases of the action plan (when a checklist names its own, those are used):"))
        self.phases: dict[str, tuple[QLineEdit, QSpinBox]] = {}
        for phase in DEFAULT_PHASES:
            title = _line(self.settings.phase_names.get(phase.id, phase.name), f"Shipped as: {phase.name}")
            days = QSpinBox()
            days.setRange(1, 3650)
            days.setSuffix(" days")
            days.setValue(self.settings.phase_days.get(phase.id, phase.days))
            row = QHBoxLayout()
            row.addWidget(title, 1)
            row.addWidget(days)
            self.phases[phase.id] = (title, days)
            form.addRow(f"{phase.id.replace('_', ' ').capitalize()}:", row)
        form.addRow(QLabel("The public version of a report leaves out:"))
        self.omits: dict[str, QCheckBox] = {}
        for name in PUBLIC_OMISSIONS:
            box = QCheckBox(OMISSION_LABELS.get(name, name))
            box.setChecked(name in self.settings.public_report_omits)
            self.omits[name] = box
            form.addRow("", box)
        self.leave_out_plans = QCheckBox("Site plans, with the findings pinned on them")
        self.leave_out_plans.setChecked(not self.settings.public_report_plans)
        form.addRow("", self.leave_out_plans)
        return _page(form)

    def _privacy_tab(self) -> QWidget:
        self.share_location = QCheckBox("Exported photos keep where they were taken (GPS)")
        self.share_location.setChecked(self.settings.share_photo_location)
        note = QLabel(
            "Off by default: a photo's position can show where a school keeps what it protects. Camera serial "
            "numbers and other identifying details are always removed from exported photos."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.share_location)
        form.addRow(note)
        return _page(form)

    def _data_tab(self) -> QWidget:
        self.database_url = _line(self.settings.database_url, "Empty: the data folder's own database")
        self.database_url.setPlaceholderText("postgresql+psycopg://user@host/database (district staff only)")
        move = QPushButton("&Move or change…")
        move.setToolTip("Move your data to another folder or drive, or work on another data folder")
        move.setEnabled(not self.context.data_folder_fixed)
        move.clicked.connect(self._change_data_folder)
        form = QFormLayout()
        form.addRow("Data folder:", _selectable(self.context.data_folder))
        form.addRow("", move)
        if self.context.data_folder_fixed:
            form.addRow("", _note(self.context.data_folder_fixed))
        form.addRow("Database in use:", _selectable(self.context.database))
        form.addRow("Shared database &URL:", self.database_url)
        form.addRow("", _note("A change of database takes effect the next time Safety Assess starts."))
        self._backup_rows(form)
        return _page(form)

    def _backup_rows(self, form: QFormLayout) -> None:
        self.backup_every = QComboBox()
        for label, hours in BACKUP_EVERY.items():
            self.backup_every.addItem(label, hours)
        if self.backup_every.findData(self.settings.backup_every_hours) < 0:  # set by hand in the file
            self.backup_every.addItem(
                f"Every {self.settings.backup_every_hours} hours", self.settings.backup_every_hours
            )
        self.backup_every.setCurrentIndex(self.backup_every.findData(self.settings.backup_every_hours))
        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(1, 1000)
        self.backups_kept.setSuffix(" backups")
        self.backups_kept.setValue(self.settings.backups_kept)
        self.backup_folder = _line(
            self.settings.backup_folder,
            "Backups are encrypted as chosen below; kept on a drive apart from this computer, they also outlive it",
        )
        self.backup_folder.setPlaceholderText(self.context.usual_backups)
        choose = QPushButton("C&hoose…")
        choose.clicked.connect(self._choose_backup_folder)
        folder = QHBoxLayout()
        folder.addWidget(self.backup_folder, 1)
        folder.addWidget(choose)
        back_up = QPushButton("&Back up now")
        back_up.clicked.connect(lambda: self.context.back_up(self.value()))
        form.addRow("Back up &automatically:", self.backup_every)
        form.addRow("&Keep the newest:", self.backups_kept)
        folder_label = QLabel("Backups &folder:")
        folder_label.setBuddy(self.backup_folder)
        form.addRow(folder_label, folder)
        form.addRow("Last backup:", _selectable(self.context.last_backup or "None yet"))
        self.protection = BackupProtection(
            self.settings.backup_encryption,
            self.context.district_key,
            self.context.backup_passphrase_set,
            self.context.set_backup_passphrase,
        )
        form.addRow("Protect backups:", self.protection)
        form.addRow("", back_up)

    def _choose_backup_folder(self) -> None:
        from safety_assess.ui import dialogs

        start = Path(self.backup_folder.text().strip() or self.context.usual_backups)
        chosen = dialogs.ask_folder(self, "Backups folder", start)
        if chosen is not None:
            self.backup_folder.setText(str(chosen))

    def _change_data_folder(self) -> None:
        if self.context.change_data_folder(self.value()):
            self.reject()  # the settings were saved with the move; the app restarts on the new folder

    def value(self) -> Settings:
        shipped = {phase.id: phase for phase in DEFAULT_PHASES}
        return dataclasses.replace(
            self.settings,
            assessor_name=self.assessor.text().strip(),
            district_name=self.district.text().strip(),
            confidentiality_marking=self.marking.text().strip() or Settings().confidentiality_marking,
            currency=self.currency.text().strip() or "$",
            public_report_omits=[name for name, box in self.omits.items() if box.isChecked()],
            public_report_plans=not self.leave_out_plans.isChecked(),
            phase_names={
                key: name.text().strip()
                for key, (name, _) in self.phases.items()
                if name.text().strip() and name.text().strip() != shipped[key].name
            },
            phase_days={
                key: days.value() for key, (_, days) in self.phases.items() if days.value() != shipped[key].days
            },
            share_photo_location=self.share_location.isChecked(),
            database_url=self.database_url.text().strip(),
            backup_every_hours=int(self.backup_every.currentData()),
            backups_kept=self.backups_kept.value(),
            backup_folder=self.backup_folder.text().strip(),
            backup_encryption=self.protection.value(),
        )


def _line(text: str, tip: str) -> QLineEdit:
    line = QLineEdit(text)
    line.setToolTip(tip)
    return line


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _page(form: QFormLayout) -> QWidget:
    page = QWidget()
    outer = QHBoxLayout(page)
    outer.addLayout(form)
    return page


def ask_settings(parent: QWidget | None, settings: Settings, context: SettingsContext) -> Settings | None:
    """The settings as changed in the dialog (a copy); None when cancelled."""
    dialog = SettingsDialog(parent, settings, context)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
