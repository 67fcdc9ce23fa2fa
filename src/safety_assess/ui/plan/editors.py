"""The dialogs of the plan window: an action (new or edited) and a finding no checklist item covers.

Each checks its input with the domain's own checks before it closes, and says what is wrong in place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.plan.actions import COST_MAX, Action, Phase, Status, check_action, due_date
from safety_assess.domain.records import FindingRecord
from safety_assess.domain.scoring.adjust import check_finding
from safety_assess.ui.plan import format as fmt


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _text(name: str, text: str = "", lines: int = 3) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setAccessibleName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(22 * lines + 12)
    return edit


def _line(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    return edit


def _money(name: str, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setAccessibleName(name)
    box.setRange(0, COST_MAX)
    box.setDecimals(0)
    box.setSingleStep(100)
    box.setPrefix("$ ")
    box.setGroupSeparatorShown(True)
    box.setValue(value)
    return box


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("dialogError")
    label.setStyleSheet("color: #b71c1c;")
    label.setWordWrap(True)
    return label


class ActionDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        action: Action,
        phases: tuple[Phase, ...],
        assessed_on: dt.date,
        finding_title: str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Corrective action")
        self.setObjectName("ActionDialog")
        self.resize(560, 0)
        self.action, self.phases, self.assessed_on = action, phases, assessed_on
        self.description = _text("Action", action.description)
        self.phase = QComboBox()
        self.phase.setAccessibleName("Phase")
        for phase in phases:
            self.phase.addItem(phase.name, phase.id)
        self.phase.setCurrentIndex(max(0, self.phase.findData(action.phase)))
        self.low, self.high = _money("Lowest estimate", action.cost_low), _money("Highest estimate", action.cost_high)
        self.funding, self.owner = _line("Funding source", action.funding), _line("Responsible", action.owner)
        self.has_due = QCheckBox("Due by")
        self.due = QDateEdit()
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName("Due date")
        self.due.setDisplayFormat("yyyy-MM-dd")
        day = action.due or due_date(assessed_on, phases[max(0, self.phase.currentIndex())])
        self.due.setDate(QDate(day.year, day.month, day.day))
        self.has_due.setChecked(action.due is not None)
        self.due.setEnabled(action.due is not None)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.phase.currentIndexChanged.connect(self._phase_changed)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status in Status:
            self.status.addItem(fmt.words(status.value), status.value)
        self.status.setCurrentIndex(self.status.findData(action.status.value))
        self.note = _text("Status note", action.note, 2)
        self.error = _error_label()
        self._layout(finding_title)

    def _layout(self, finding_title: str) -> None:
        form = QFormLayout(self)
        heading = QLabel(f"For: <b>{fmt.escape(finding_title)}</b>")
        heading.setWordWrap(True)
        form.addRow(heading)
        form.addRow("&Action:", self.description)
        form.addRow("&Phase:", self.phase)
        form.addRow("Estimated cost, &low:", self.low)
        form.addRow("Estimated cost, &high:", self.high)
        form.addRow("&Funding source:", self.funding)
        form.addRow("&Responsible (role or person):", self.owner)
        form.addRow(self.has_due, self.due)
        form.addRow("&Status:", self.status)
        form.addRow("Status &note:", self.note)
        form.addRow(self.error)
        form.addRow(_buttons(self))

    def _phase_changed(self, index: int) -> None:
        """A new phase moves an unset or phase-derived due date to that phase's deadline."""
        day = due_date(self.assessed_on, self.phases[index])
        self.due.setDate(QDate(day.year, day.month, day.day))

    def value(self) -> Action:
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        return dataclasses.replace(
            self.action,
            description=self.description.toPlainText().strip(),
            phase=str(self.phase.currentData()),
            cost_low=self.low.value(),
            cost_high=self.high.value(),
            funding=self.funding.text().strip(),
            owner=self.owner.text().strip(),
            due=due if isinstance(due, dt.date) else None,
            status=Status(self.status.currentData()),
            note=self.note.toPlainText().strip(),
        )

    def accept(self) -> None:
        try:
            check_action(self.value(), self.assessed_on, self.phases)
        except SafetyAssessError as error:
            self.error.setText(str(error))
            return
        super().accept()


@dataclass(frozen=True)
class NewFinding:
    title: str
    section_id: str | None
    location: str
    description: str
    likelihood: int
    severity: int


class FindingDialog(QDialog):
    """A finding no checklist item covers: title, section, location, description, likelihood and severity."""

    def __init__(self, parent: QWidget | None, sections: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add finding")
        self.setObjectName("FindingDialog")
        self.resize(520, 0)
        self.title = _line("Title")
        self.title.setPlaceholderText("What is wrong, in a few words")
        self.section = QComboBox()
        self.section.setAccessibleName("Section")
        self.section.addItem("Whole campus", None)
        for section_id, title in sections:
            self.section.addItem(title, section_id)
        self.location = _line("Location")
        self.location.setPlaceholderText("e.g. roof hatch above the gym")
        self.description = _text("Description")
        self.likelihood, self.severity = QSpinBox(), QSpinBox()
        for name, box in (("Likelihood", self.likelihood), ("Severity", self.severity)):
            box.setAccessibleName(name)
            box.setRange(1, 5)
            box.setValue(3)
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow("&Title:", self.title)
        form.addRow("&Section:", self.section)
        form.addRow("&Location:", self.location)
        form.addRow("&Description:", self.description)
        form.addRow("&Likelihood (1-5):", self.likelihood)
        form.addRow("Se&verity (1-5):", self.severity)
        form.addRow(self.error)
        form.addRow(_buttons(self))

    def value(self) -> NewFinding:
        return NewFinding(
            " ".join(self.title.text().split()),
            self.section.currentData(),
            self.location.text().strip(),
            self.description.toPlainText().strip(),
            self.likelihood.value(),
            self.severity.value(),
        )

    def accept(self) -> None:
        found = self.value()
        probe = FindingRecord(
            id=uuid.uuid4(),  # a throwaway record, only to check the input with the domain's rules
            assessment_id=uuid.UUID(int=0),
            item_id=None,
            title=found.title,
            location=found.location,
            description=found.description,
            likelihood=found.likelihood,
            severity=found.severity,
        )
        try:
            check_finding(probe, None)
        except SafetyAssessError as error:
            self.error.setText(str(error))
            return
        super().accept()


def ask_action(
    parent: QWidget | None, action: Action, phases: tuple[Phase, ...], assessed_on: dt.date, finding_title: str
) -> Action | None:
    """A new or edited corrective action, checked; None when cancelled."""
    dialog = ActionDialog(parent, action, phases, assessed_on, finding_title)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_new_finding(parent: QWidget | None, sections: list[tuple[str, str]]) -> NewFinding | None:
    """A finding no checklist item covers (``sections``: id and title to choose from); None when cancelled."""
    dialog = FindingDialog(parent, sections)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
