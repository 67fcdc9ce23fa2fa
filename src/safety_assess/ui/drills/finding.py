"""'Make a finding' from a drill: its title (what went wrong, to start with), likelihood and severity, in one small
form; the finding lands in the campus's current assessment and so in its plan."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from safety_assess.domain.readiness.drills import Drill


@dataclass(frozen=True)
class FindingAsked:
    title: str
    likelihood: int
    severity: int


def _score(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, 5)
    spin.setValue(3)
    spin.setAccessibleName(name)
    return spin


class FindingDialog(QDialog):
    def __init__(self, parent: QWidget | None, drill: Drill) -> None:
        super().__init__(parent)
        self.setWindowTitle("Make a finding from the drill")
        self.setMinimumWidth(460)
        first = drill.issues.splitlines()[0] if drill.issues else ""
        self.title = QLineEdit(first)
        self.title.setAccessibleName("Finding title")
        self.likelihood, self.severity = _score("Likelihood"), _score("Severity")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip()))
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(first.strip()))
        form = QFormLayout(self)
        source = QLabel(f"From the {drill.title.lower()}; it goes into the campus's current assessment and its plan.")
        source.setWordWrap(True)
        form.addRow(source)
        form.addRow("&Title:", self.title)
        form.addRow("&Likelihood (1-5):", self.likelihood)
        form.addRow("&Severity (1-5):", self.severity)
        form.addRow(buttons)

    def result_value(self) -> FindingAsked:
        return FindingAsked(self.title.text().strip(), self.likelihood.value(), self.severity.value())


def ask_finding(parent: QWidget | None, drill: Drill) -> FindingAsked | None:
    """The finding's title and risk as typed; None when cancelled. Tests replace this function."""
    dialog = FindingDialog(parent, drill)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
