"""A window-modal progress dialog following one background operation: its reports, Cancel, closed when it ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from safety_assess.ui.operations import Operation

SHOW_AFTER_MS = 300
BAR_STEPS = 1 << 30
"""A bar holds 32-bit values: counts in bytes past this are scaled down to it."""


def follow(parent: QWidget, title: str, label: str, operation: Operation) -> QProgressDialog:
    """A progress dialog for ``operation``: shown when it lasts, Cancel asks it to stop, gone when it ends."""
    dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(operation.cancel)

    def progressed(done: int, total: int, message: str) -> None:
        done, total = on_bar(done, total)
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))
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


def on_bar(done: int, total: int) -> tuple[int, int]:
    """``done`` of ``total`` as a bar can hold them (a bundle's bytes may pass 2 GB)."""
    if total <= BAR_STEPS:
        return done, max(total, 1)
    return done * BAR_STEPS // total, BAR_STEPS
