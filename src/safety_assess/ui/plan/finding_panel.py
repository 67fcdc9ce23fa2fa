"""One finding in detail: its risk as found (adjustable, with a rationale), residual risk, location, description,
photos and corrective actions."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.records import PhotoRecord
from safety_assess.domain.scoring.adjust import KEEP, FindingEdit
from safety_assess.domain.scoring.findings import Finding
from safety_assess.ui.plan import format as fmt
from safety_assess.ui.plan.models import ActionsModel
from safety_assess.ui.widgets.photo_strip import PhotoStrip
from safety_assess.ui.widgets.thumbnails import Thumbnails


def _spin(name: str) -> QSpinBox:
    box = QSpinBox()
    box.setAccessibleName(name)
    box.setRange(1, 5)
    return box


def _text(name: str, lines: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(22 * lines + 12)
    return edit


class FindingPanel(QWidget):
    saveRequested = Signal(object)
    """The finding as edited (a ``FindingEdit``: likelihood, severity, rationale, residual risk, location,
    description, and a manual finding's title)."""
    addActionRequested = Signal()
    editActionRequested = Signal(object)
    deleteActionRequested = Signal(object)
    deleteFindingRequested = Signal()
    addPhotosRequested = Signal()
    photosDropped = Signal(list)

    def __init__(self, thumbnails: Thumbnails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingPanel")
        self.finding: Finding | None = None
        self.heading = QLabel()
        self.heading.setObjectName("findingHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.location, self.description = QLineEdit(), _text("Description", 3)
        self.location.setAccessibleName("Location detail")
        self.location.setPlaceholderText("Add detail: 'north stairwell, second floor'")
        self.likelihood, self.severity = _spin("Likelihood"), _spin("Severity")
        self.defaults = QLabel()
        self.rationale = _text("Rationale", 2)
        self.rationale.setPlaceholderText("Why likelihood or severity differ from the checklist's defaults")
        self.has_residual = QCheckBox("Residual risk after the planned actions:")
        self.residual_l, self.residual_s = _spin("Residual likelihood"), _spin("Residual severity")
        self.has_residual.toggled.connect(self._residual_toggled)
        self.save = QPushButton("&Save finding")
        self.save.setAccessibleName("Save finding")
        self.save.clicked.connect(self._save)
        self.delete = QPushButton("Delete finding…")
        self.delete.clicked.connect(self.deleteFindingRequested)
        self.error = QLabel()
        self.error.setObjectName("findingError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        self.photos = PhotoStrip(thumbnails)
        self.photos.addRequested.connect(self.addPhotosRequested)
        self.photos.filesDropped.connect(self.photosDropped)
        self.actions_model = ActionsModel(self)
        self.actions_view = self._actions_view()
        self.add_action, self.edit_action, self.remove_action = (
            QPushButton("&Add action…"),
            QPushButton("&Edit action…"),
            QPushButton("Remove action"),
        )
        self.add_action.clicked.connect(self.addActionRequested)
        self.edit_action.clicked.connect(lambda: self._with_action(self.editActionRequested.emit))
        self.remove_action.clicked.connect(lambda: self._with_action(self.deleteActionRequested.emit))
        self._layout()

    def _actions_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName("findingActions")
        view.setAccessibleName("Corrective actions of this finding")
        view.setModel(self.actions_model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.doubleClicked.connect(lambda index: self.editActionRequested.emit(self.actions_model.row(index)))
        return view

    def _layout(self) -> None:
        risk = QHBoxLayout()
        for label, box in (("Likelihood", self.likelihood), ("× Severity", self.severity)):
            risk.addWidget(QLabel(label))
            risk.addWidget(box)
        risk.addWidget(self.defaults, 1)
        residual = QHBoxLayout()
        residual.addWidget(self.has_residual)
        residual.addWidget(self.residual_l)
        residual.addWidget(QLabel("×"))
        residual.addWidget(self.residual_s)
        residual.addStretch(1)
        form = QFormLayout()
        self.form = form
        form.addRow("Title:", self.title)
        form.addRow("Location:", self.location)
        form.addRow("Description:", self.description)
        form.addRow("Risk as found:", risk)
        form.addRow("Rationale:", self.rationale)
        form.addRow(residual)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.delete)
        buttons.addWidget(self.save)
        actions = QGroupBox("Corrective actions")
        group = QVBoxLayout(actions)
        group.addWidget(self.actions_view)
        row = QHBoxLayout()
        for button in (self.add_action, self.edit_action, self.remove_action):
            row.addWidget(button)
        row.addStretch(1)
        group.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.photos)
        layout.addWidget(actions, 1)

    def show_finding(self, plan: Plan, finding: Finding | None, photos: list[PhotoRecord], read_only: bool) -> None:
        self.finding = finding
        self.setEnabled(finding is not None)
        self.error.clear()
        if finding is None:
            self.heading.setText("<i>Select a finding.</i>")
            self.actions_model.set_plan(_only(plan, None))
            return
        band = finding.band(plan.bands)
        origin = "Added by the assessor" if finding.manual else f"Checklist item <code>{finding.item_id}</code>"
        self.heading.setText(
            f"<h3>{fmt.escape(finding.title)}</h3><p><span style='background:{band.color};color:white'>&nbsp;"
            f"{band.name} {finding.risk}&nbsp;</span> · {fmt.escape(finding.location)} · {origin}</p>"
            + (f"<p>Recommended: {fmt.escape(finding.action)}</p>" if finding.action else "")
        )
        self._fill(finding)
        for widget in (
            self.title,
            self.location,
            self.description,
            self.likelihood,
            self.severity,
            self.rationale,
            self.has_residual,
            self.save,
        ):
            widget.setEnabled(not read_only)
        self._residual_toggled(self.has_residual.isChecked() and not read_only)
        self.delete.setVisible(finding.manual and not read_only)
        self.photos.show_photos(photos, "" if finding.manual else " (of the checklist item)")
        self.photos.add.setEnabled(not read_only)
        self.actions_model.set_plan(_only(plan, finding))

    def _fill(self, finding: Finding) -> None:
        self.title.setText(finding.title)
        self.form.setRowVisible(self.title, finding.manual)  # a raised finding is titled by its item
        self.location.setText(finding.location.rsplit(" / ", 1)[-1] if finding.manual else "")
        self.location.setPlaceholderText("Add detail" if finding.manual else f"{finding.location} / add detail…")
        self.description.setPlainText(finding.description)
        self.likelihood.setValue(finding.likelihood)
        self.severity.setValue(finding.severity)
        self.rationale.setPlainText(finding.rationale)
        self.defaults.setText(
            "" if finding.manual else f"Checklist default: {finding.default_likelihood} × {finding.default_severity}"
        )
        has_residual = finding.residual_risk is not None
        self.has_residual.setChecked(has_residual)
        self.residual_l.setValue(finding.residual_likelihood or 1)
        self.residual_s.setValue(finding.residual_severity or 1)

    def _residual_toggled(self, on: bool) -> None:
        self.residual_l.setEnabled(on)
        self.residual_s.setEnabled(on)

    def _save(self) -> None:
        residual = self.has_residual.isChecked()
        manual = self.finding is not None and self.finding.manual
        self.saveRequested.emit(
            FindingEdit(
                title=" ".join(self.title.text().split()) if manual else KEEP,
                likelihood=self.likelihood.value(),
                severity=self.severity.value(),
                rationale=self.rationale.toPlainText().strip(),
                residual_likelihood=self.residual_l.value() if residual else None,
                residual_severity=self.residual_s.value() if residual else None,
                location=self.location.text().strip(),
                description=self.description.toPlainText().strip(),
            )
        )

    def _with_action(self, handler: Callable[[Action], object]) -> None:
        index = self.actions_view.currentIndex()
        if index.isValid():
            handler(self.actions_model.row(index))

    def show_error(self, message: str) -> None:
        self.error.setText(message)


def _only(plan: Plan, finding: Finding | None) -> Plan:
    """The plan with only this finding's actions, for the panel's own action list."""
    return dataclasses.replace(plan, actions=plan.actions_of(finding) if finding else [])
