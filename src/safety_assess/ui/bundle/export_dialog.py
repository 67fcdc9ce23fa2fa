"""The bundle export dialog: which assessments (chosen, or everything changed since the last export), where, and
whether the bundle will be encrypted to the district."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from safety_assess.domain.display import counted
from safety_assess.domain.records import AssessmentSummary
from safety_assess.ui.bundle.file_row import BundleFileRow, error_line, tickable, ticked, write_buttons


@dataclass(frozen=True)
class BundleChoices:
    """What the dialog offers."""

    assessments: list[AssessmentSummary]
    """Assessments made here (imported ones are the district's and are not sent back)."""
    preselected: set[uuid.UUID]
    changed: list[uuid.UUID]
    """Those changed since the last export."""
    last_export: str
    """When the last 'changed since' export was, for people ('never' when none)."""
    encrypt_to: str
    """The district key bundles are encrypted to, described; empty when none."""
    suggested: Path
    drill_logs: int = 0
    """Campuses whose drill logs changed since the last export with no assessment of theirs to carry them."""


@dataclass(frozen=True)
class BundleRequest:
    path: Path
    assessment_ids: list[uuid.UUID]
    since_last: bool


def describe(summary: AssessmentSummary) -> str:
    status = summary.status.value.replace("_", " ")
    return f"{summary.campus.name} ({summary.campus.code}), {summary.assessed_on.isoformat()}, {status}"


class BundleExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, choices: BundleChoices) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export bundle for the district")
        self.setObjectName("BundleExportDialog")
        self.resize(620, 460)
        self.choices = choices
        self.chosen = QRadioButton("&Chosen assessments:")
        count = len(choices.changed)
        logs = f" and {counted(choices.drill_logs, 'drill log')}" if choices.drill_logs else ""
        self.since_last = QRadioButton(
            f"Everything changed &since the last export ({choices.last_export}): {counted(count, 'assessment')}{logs}"
        )
        self.since_last.setEnabled(count > 0 or choices.drill_logs > 0)
        self.model = QStandardItemModel(self)
        for summary in choices.assessments:
            self.model.appendRow(tickable(describe(summary), summary.id, summary.id in choices.preselected))
        self.list = QListView()
        self.list.setObjectName("bundleAssessments")
        self.list.setAccessibleName("Assessments to export")
        self.list.setModel(self.model)
        self.chosen.setChecked(True)
        self.chosen.toggled.connect(self.list.setEnabled)
        self.file_row = file_row = BundleFileRow(self, choices.suggested, "Export bundle")
        self.path = file_row.path
        self.encryption = QLabel(
            f"Encrypted to the district key {choices.encrypt_to}: only the district can read it."
            if choices.encrypt_to
            else "Not encrypted: no district key was imported (Sync > Use district key file). "
            "Anyone who finds the file can read it."
        )
        self.encryption.setObjectName("bundleEncryption")
        self.encryption.setWordWrap(True)
        self.error = error_line()
        buttons = write_buttons(self, "&Export", self._problem, self.error)
        layout = QVBoxLayout(self)
        for widget in (self.chosen, self.list, self.since_last):
            layout.addWidget(widget)
        layout.addLayout(file_row)
        for below in (self.encryption, self.error, buttons):
            layout.addWidget(below)

    def checked_ids(self) -> list[uuid.UUID]:
        return ticked(self.model)

    def _problem(self) -> str:
        if self.chosen.isChecked() and not self.checked_ids():
            return "Tick at least one assessment."
        return self.file_row.problem()

    def value(self) -> BundleRequest:
        since_last = self.since_last.isChecked()
        return BundleRequest(
            self.file_row.value(),
            list(self.choices.changed) if since_last else self.checked_ids(),
            since_last,
        )


def ask_bundle_export(parent: QWidget | None, choices: BundleChoices) -> BundleRequest | None:
    """Which assessments to put in a bundle, and where; None when cancelled."""
    dialog = BundleExportDialog(parent, choices)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
