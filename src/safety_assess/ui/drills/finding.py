"""'Make a finding' from a drill (after-action to plan): the finding's title (what went wrong, to start with),
likelihood and severity, and its corrective action (what to do, phase, estimated cost, owner) in one small form; both
land in the campus's current assessment and so in its plan and budget."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.plan.actions import Phase, parse_cost
from safety_assess.domain.readiness.drills import Drill
from safety_assess.services.after_action import AfterAction, default_action
from safety_assess.ui.widgets.forms import Rows, error_line, lay_out_form


@dataclass(frozen=True)
class FindingAsked:
    title: str
    likelihood: int
    severity: int
    action: AfterAction


def _score(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 5)
    spin.setValue(3)
    spin.setAccessibleName(name)
    return spin


class FindingDialog(QDialog):
    def __init__(self, parent: QWidget | None, drill: Drill, phases: tuple[Phase, ...]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Make a finding from the drill")
        self.setMinimumWidth(600)
        first = drill.issues.splitlines()[0] if drill.issues else ""
        self.title = QLineEdit(first)
        self.title.setAccessibleName("Finding title")
        self.likelihood, self.severity = _score("Likelihood"), _score("Severity")
        self.action = QLineEdit(default_action(drill, first) if first else "")
        self.action.setAccessibleName("Corrective action")
        self.phase = QComboBox()
        self.phase.setAccessibleName("Phase")
        self.phase.addItem("By the risk (suggested)", None)
        for phase in phases:
            self.phase.addItem(phase.name, phase.id)
        self.cost = QLineEdit()
        self.cost.setPlaceholderText("e.g. 200-450")
        self.cost.setAccessibleName("Estimated cost")
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.problem = error_line()
        self.problem.setAccessibleName("Problem")
        source = QLabel(
            f"From the {drill.title.lower()}; the finding and its action go into the campus's current assessment and "
            "its plan."
        )
        source.setWordWrap(True)
        rows: Rows = [
            source,
            ("&Title:", self.title),
            ("&Likelihood (1-5):", self.likelihood),
            ("&Severity (1-5):", self.severity),
            ("&Action:", self.action),
            ("&Phase:", self.phase),
            ("Estimated &cost:", self.cost),
            ("&Owner:", self.owner),
        ]
        ok = QDialogButtonBox.StandardButton.Ok
        self.buttons = lay_out_form(self, rows, self.problem, self._accept_if_valid, ok)
        self._drill = drill
        self.title.textChanged.connect(self._title_changed)
        self.action.textChanged.connect(self._enable)
        self._suggested = self.action.text()
        self.action.setCursorPosition(0)
        self._enable()

    def _title_changed(self, text: str) -> None:
        """The suggested action follows the title until the user types an action of their own."""
        if self.action.text() == self._suggested:
            self._suggested = default_action(self._drill, text) if text.strip() else ""
            self.action.setText(self._suggested)
        self._enable()

    def _enable(self) -> None:
        ready = bool(self.title.text().strip() and self.action.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _accept_if_valid(self) -> None:
        try:
            self.result_value()
        except SafetyAssessError as error:
            self.problem.setText(str(error))
            self.cost.setFocus()
            return
        self.accept()

    def result_value(self) -> FindingAsked:
        low, high = parse_cost(self.cost.text()) if self.cost.text().strip() else (0.0, 0.0)
        action = AfterAction(self.action.text().strip(), self.phase.currentData(), low, high, self.owner.text().strip())
        return FindingAsked(self.title.text().strip(), self.likelihood.value(), self.severity.value(), action)


def ask_finding(parent: QWidget | None, drill: Drill, phases: tuple[Phase, ...]) -> FindingAsked | None:
    """The finding's title, risk and action as typed; None when cancelled. Tests replace this function."""
    dialog = FindingDialog(parent, drill, phases)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
