"""A window-modal progress dialog following one background operation: its reports, Cancel, closed when it ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from safety_assess.ui.operations import Operation

SHOW_AFTER_MS = 300


def follow(parent: QWidget, title: str, label: str, operation: Operation) -> QProgressDialog:
    """A progress dialog for ``operation``: shown when it lasts, Cancel asks it to stop, gone when it ends."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(operation.cancel)

    def progressed(done: int, total: int, message: str) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))
        if message:
            dialog.setLabelText(message)

    def close() -> None:
        dialog.canceled.disconnect(operation.cancel)
        dialog.reset()
        dialog.deleteLater()

    operation.progressed.connect(progressed)
    for ended in (operation.finished, operation.failed, operation.cancelled):
        ended.connect(close)
    return dialog
