"""The drill form (add and edit), keyboard first: every field has its letter, Enter saves, Escape cancels. What is
typed wrong is said under the fields and nothing is stored until the drill passes its checks."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.drills import Drill, DrillType
from safety_assess.domain.readiness.typed import drill_date, drill_time, names, whole_number
from safety_assess.ui.widgets.forms import error_line, lay_out_form

Check = Callable[[Drill], None]
"""Raises SafetyAssessError naming what is wrong with the drill (the service's checks)."""


def _line(name: str, text: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


class DrillDialog(QDialog):
    def __init__(self, parent: QWidget | None, campus_id: uuid.UUID, drill: Drill | None, check: Check) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit drill" if drill is not None else "Log a drill")
        self.setMinimumWidth(460)
        self._campus_id, self._drill, self._check = campus_id, drill, check
        self.result_drill: Drill | None = None
        self._fields(drill)
        self.error = error_line("drillError")
        rows = [
            ("&Type:", self.type),
            ("&Date:", self.date),
            ("T&ime:", self.time),
            ("D&uration (minutes):", self.duration),
            ("&People taking part:", self.participants),
            ("", self.unannounced),
            ("&Observers:", self.observers),
            ("&What went wrong:", self.issues),
        ]
        lay_out_form(self, rows, self.error, self.save)

    def _fields(self, drill: Drill | None) -> None:
        self.type = QComboBox()
        self.type.setAccessibleName("Drill type")
        for kind in DrillType:
            self.type.addItem(kind.label, kind.value)
        self.type.setCurrentIndex(list(DrillType).index(drill.type) if drill else 0)
        day = drill.date if drill else dt.date.today()
        self.date = _line("Date", day.isoformat(), "YYYY-MM-DD")
        self.time = _line("Time", drill.time.strftime("%H:%M") if drill and drill.time else "", "HH:MM")
        self.duration = _line("Duration in minutes", _text(drill.duration if drill else None))
        self.participants = _line("People taking part", _text(drill.participants if drill else None))
        self.unannounced = QCheckBox("U&nannounced")
        self.unannounced.setChecked(bool(drill and not drill.announced))
        self.observers = _line("Observers", ", ".join(drill.observers) if drill else "", "Name, name")
        self.issues = QPlainTextEdit(drill.issues if drill else "")
        self.issues.setAccessibleName("What went wrong")
        self.issues.setTabChangesFocus(True)
        self.issues.setFixedHeight(90)

    def typed(self) -> Drill:
        """The drill as typed; SafetyAssessError naming the field that is not readable."""
        kind = DrillType(self.type.currentData())
        made = Drill(
            self._campus_id,
            kind,
            drill_date(self.date.text()),
            drill_time(self.time.text()),
            whole_number(self.duration.text(), "duration"),
            whole_number(self.participants.text(), "participants"),
            not self.unannounced.isChecked(),
            names(self.observers.text()),
            self.issues.toPlainText().strip(),
        )
        if self._drill is None:
            return made
        return dataclasses.replace(
            made, id=self._drill.id, finding_id=self._drill.finding_id, revision=self._drill.revision
        )

    def save(self) -> None:
        try:
            drill = self.typed()
            self._check(drill)
        except SafetyAssessError as error:
            self.error.setText(str(error))
            return
        self.result_drill = drill
        self.accept()


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def ask_drill(parent: QWidget | None, campus_id: uuid.UUID, drill: Drill | None, check: Check) -> Drill | None:
    """The drill typed in the form and passing ``check``; None when cancelled. Tests replace this function."""
    dialog = DrillDialog(parent, campus_id, drill, check)
    return dialog.result_drill if dialog.exec() == QDialog.DialogCode.Accepted else None
