"""Choosing the passphrase backups are encrypted with: typed twice, long enough, never shown."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from safety_assess.services.backup_keys import MIN_PASSPHRASE

ADVICE = (
    "Backups are encrypted with this passphrase. It is asked for when a backup is restored, on this computer or "
    "another one; without it nobody can open them, not even you. Write it down and keep it apart from the "
    "backups. This computer keeps a key made from it, never the passphrase itself."
)


class NewPassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backup passphrase")
        self.setObjectName("NewPassphraseDialog")
        self.setMinimumWidth(480)
        advice = QLabel(ADVICE)
        advice.setWordWrap(True)
        self.first = _secret("Passphrase")
        self.second = _secret("Passphrase again")
        self.problem = QLabel()
        self.problem.setObjectName("passphraseProblem")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Passphrase:", self.first)
        form.addRow("&Again:", self.second)
        layout = QVBoxLayout(self)
        layout.addWidget(advice)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.first, self.second):
            edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        first, second = self.first.text(), self.second.text()
        problem = ""
        if len(first) < MIN_PASSPHRASE:
            problem = f"At least {MIN_PASSPHRASE} characters; a few unrelated words are easy to remember."
        elif first != second:
            problem = "The two do not match yet."
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def value(self) -> str:
        return self.first.text()


def _secret(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


def ask_new_passphrase(parent: QWidget | None) -> str | None:
    """A new backup passphrase, typed twice; None when cancelled."""
    dialog = NewPassphraseDialog(parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
