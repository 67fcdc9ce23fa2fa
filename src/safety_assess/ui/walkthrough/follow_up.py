"""The follow-up field under the answer: the text an item asks for after some answers ("if yes, specify")."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget


class FollowUpLine(QLineEdit):
    """Enter saves and moves on; leaving the field saves; Escape saves and gives the keys back to the item."""

    escaped = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.editingFinished.emit()
            self.escaped.emit()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()  # the line said returnPressed; the item panel must not step on again


class FollowUpField(QWidget):
    """Shown only while the answer is one the item's follow-up asks text for."""

    changed = Signal(str)
    """The text was edited and the field left: save it."""
    done = Signal()
    """Enter: the text is saved, go on to the next item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("followUpPrompt")
        self.line = FollowUpLine()
        self.line.setObjectName("followUp")
        self.line.setPlaceholderText("Enter saves and goes to the next item")
        self.label.setBuddy(self.line)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.line)
        self._shown = ""
        self.line.editingFinished.connect(self.flush)  # Enter, or the field left
        self.line.returnPressed.connect(self._enter)
        self.hide()

    def show_for(self, prompt: str | None, text: str, read_only: bool) -> None:
        """Show the field with the item's prompt (None hides it) and the text saved so far."""
        self.flush()
        self.setVisible(prompt is not None)
        self.label.setText(f"&{prompt}" + ("" if prompt.endswith(("?", ":", ".")) else ":") if prompt else "")
        self.line.setAccessibleName(prompt or "Follow-up")
        self._shown = text
        self.line.blockSignals(True)
        self.line.setText(text)
        self.line.blockSignals(False)
        self.line.setReadOnly(read_only)

    def _enter(self) -> None:
        self.flush()  # saved for this item before the walk moves on
        self.done.emit()

    def flush(self) -> None:
        text = self.line.text().strip()
        if self.isVisible() and text != self._shown and not self.line.isReadOnly():
            self._shown = text
            self.changed.emit(text)
