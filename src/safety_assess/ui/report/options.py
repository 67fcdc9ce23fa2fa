"""The export dialog: where to write the report, full or public version, optional password."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

MIN_PASSWORD = 8


@dataclass(frozen=True)
class ReportRequest:
    path: Path
    public: bool
    password: str | None
    include_responses: bool = True


class ReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, suggested: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export action plan")
        self.setObjectName("ReportDialog")
        self.resize(560, 0)
        self.full = QRadioButton("&Full report: findings, locations, photos (confidential)")
        self.public = QRadioButton("&Public version: no photos, locations or item-level detail")
        self.full.setChecked(True)
        self.responses = QCheckBox("Include every &response in the appendix")
        self.responses.setChecked(True)
        self.path = QLineEdit(str(suggested))
        self.path.setAccessibleName("File")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.password, self.again = QLineEdit(), QLineEdit()
        for edit, name in ((self.password, "Password"), (self.again, "Password again")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
        self.password.setPlaceholderText("Optional; at least 8 characters")
        self.public.toggled.connect(self._public_toggled)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setStyleSheet("color: #b71c1c;")
        self.error.setWordWrap(True)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.full)
        form.addRow(self.public)
        form.addRow(self.responses)
        file_label = QLabel("&File:")
        file_label.setBuddy(self.path)  # beside a layout, the mnemonic needs its widget named
        form.addRow(file_label, file_row)
        form.addRow("Pass&word:", self.password)
        form.addRow("Password a&gain:", self.again)
        form.addRow(self.error)
        form.addRow(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export action plan", self.path.text(), "PDF (*.pdf)")
        if name:
            self.path.setText(name if name.lower().endswith(".pdf") else name + ".pdf")

    def _public_toggled(self, public: bool) -> None:
        """The public version is meant to be handed out: no password."""
        for edit in (self.password, self.again):
            edit.setEnabled(not public)
            if public:
                edit.clear()

    def value(self) -> ReportRequest:
        password = self.password.text() or None
        return ReportRequest(
            Path(self.path.text().strip()).expanduser(), self.public.isChecked(), password, self.responses.isChecked()
        )

    def problem(self) -> str:
        request = self.value()
        if not self.path.text().strip():
            return "Choose where to write the report."
        if not request.path.parent.is_dir():
            return f"The folder {request.path.parent} does not exist."
        if request.password is not None and len(request.password) < MIN_PASSWORD:
            return f"The password must be at least {MIN_PASSWORD} characters long."
        if (request.password or "") != self.again.text():
            return "The two passwords differ."
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        super().accept()


def ask_report_options(parent: QWidget | None, suggested: Path) -> ReportRequest | None:
    """Where to export the report, which version, and an optional password; None when cancelled."""
    dialog = ReportDialog(parent, suggested)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
