"""The decisions dialog: the advisory group's meeting (date, members present by role) or the board's action (date,
outcome, open or closed session, minutes reference), and the decisions recorded so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from safety_assess.domain.review.model import Body, Decision, Outcome, Role, Session
from safety_assess.ui import dialogs

BODIES = ((Body.SSAG, "Advisory group's meeting"), (Body.BOARD, "Board's action"))


@dataclass(frozen=True)
class DecisionAnswer:
    body: Body
    date: dt.date
    outcome: Outcome | None = None
    session: Session | None = None
    members_present: dict[str, int] = field(default_factory=dict)
    minutes: str = ""
    note: str = ""


def decision_line(decision: Decision) -> str:
    """'2026-12-01 board: adopted (open session), minutes 12-4' and the like."""
    line = f"{decision.date.isoformat()} {'board' if decision.body is Body.BOARD else 'advisory group'}"
    if decision.outcome is not None:
        line += f": {decision.outcome.value}"
    if decision.session is not None:
        line += f" ({decision.session.value} session)"
    if decision.members_present:
        line += ", present: " + ", ".join(f"{n} {role}" for role, n in decision.members_present.items())
    if decision.minutes:
        line += f", minutes {decision.minutes}"
    return line


class DecisionDialog(QDialog):
    def __init__(self, parent: QWidget | None, made: list[Decision], today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle("Decisions")
        self.body = _combo("Body", [(label, body) for body, label in BODIES])
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName("Date")
        self.outcome = _combo("Outcome", [("(none)", None), *((o.value, o) for o in Outcome)])
        self.session = _combo("Session", [("(not said)", None), *((s.value, s) for s in Session)])
        self.members = {role: _count(role) for role in Role}
        self.minutes, self.note = QLineEdit(), QLineEdit()
        self.minutes.setAccessibleName("Minutes reference")
        self.note.setAccessibleName("Note")
        form = QFormLayout(self)
        recorded = QLabel("\n".join(decision_line(d) for d in made) or "No decision recorded yet.")
        recorded.setObjectName("decisionsMade")
        form.addRow("Recorded:", recorded)
        form.addRow("&Body:", self.body)
        form.addRow("&Date:", self.date)
        form.addRow("&Outcome:", self.outcome)
        form.addRow("&Session:", self.session)
        for role, spin in self.members.items():
            form.addRow(f"Present, {role.value}:", spin)
        form.addRow("&Minutes:", self.minutes)
        form.addRow("&Note:", self.note)
        form.addRow(dialogs.ok_cancel(self))

    def result_value(self) -> DecisionAnswer:
        present = {role.value: spin.value() for role, spin in self.members.items() if spin.value()}
        return DecisionAnswer(
            self.body.currentData(),
            dt.date.fromisoformat(self.date.date().toString("yyyy-MM-dd")),
            self.outcome.currentData(),
            self.session.currentData(),
            present,
            self.minutes.text(),
            self.note.text(),
        )


def _combo(name: str, choices: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def _count(role: Role) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, 1000)
    spin.setAccessibleName(f"Members present: {role.value}")
    return spin


def ask_decision(parent: QWidget | None, made: list[Decision], today: dt.date) -> DecisionAnswer | None:
    dialog = DecisionDialog(parent, made, today)
    return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
