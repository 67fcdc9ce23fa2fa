"""Parts of the dialogs that write a bundle: the file (a line to type it in, a Browse button, and what is wrong with
it), a list's tickable rows, the error line and the buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class BundleFileRow(QHBoxLayout):
    def __init__(self, parent: QWidget, suggested: Path, title: str) -> None:
        super().__init__()
        self.parent_widget, self.title = parent, title
        self.path = QLineEdit(str(suggested))
        self.path.setAccessibleName("File")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        label = QLabel("&File:")
        label.setBuddy(self.path)
        for widget, stretch in ((label, 0), (self.path, 1), (browse, 0)):
            self.addWidget(widget, stretch)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self.parent_widget, self.title, self.path.text(), "Bundles (*.sabundle)")
        if name:
            self.path.setText(name if name.endswith(".sabundle") else f"{name}.sabundle")

    def problem(self) -> str:
        """What is wrong with the file typed, for the dialog's error line; empty when nothing is."""
        text = self.path.text().strip()
        if not text:
            return "Name the file to write."
        if not Path(text).expanduser().parent.is_dir():
            return f"The folder {Path(text).expanduser().parent} does not exist."
        return ""

    def value(self) -> Path:
        return Path(self.path.text().strip()).expanduser()


def tickable(text: str, data: Any, ticked: bool) -> QStandardItem:
    """A row of a list to tick, holding ``data`` in ID_ROLE."""
    item = QStandardItem(text)
    item.setCheckable(True)
    item.setEditable(False)
    item.setData(data, ID_ROLE)
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    return item


def error_line() -> QLabel:
    """Where a dialog says what is wrong with its input."""
    label = QLabel()
    label.setObjectName("dialogError")
    label.setStyleSheet("color: #b71c1c;")
    return label


def ticked(model: QStandardItemModel) -> list[Any]:
    """The ID_ROLE data of the ticked rows, in the list's order."""
    items = [model.item(row) for row in range(model.rowCount())]
    return [item.data(ID_ROLE) for item in items if item.checkState() == Qt.CheckState.Checked]


def write_buttons(dialog: QDialog, text: str, problem: Callable[[], str], error: QLabel) -> QDialogButtonBox:
    """OK (named ``text``) and Cancel; OK accepts the dialog once ``problem`` finds nothing wrong, else ``error``
    says what is."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(text)

    def accept() -> None:
        found = problem()
        error.setText(found)
        if not found:
            dialog.accept()

    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
