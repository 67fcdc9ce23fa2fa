"""The item panel: prompt, guidance, the answer control, the note, flags, and the place for photos."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.records import PhotoRecord
from safety_assess.domain.walk.slots import Slot
from safety_assess.ui.walkthrough.editors import AnswerEditor, make_editor
from safety_assess.ui.walkthrough.follow_up import FollowUpField
from safety_assess.ui.widgets.photo_strip import PhotoStrip
from safety_assess.ui.widgets.thumbnails import Thumbnails

NOTE_PAUSE_MS = 700
"""A note is committed this long after the last keystroke, and at once when the field loses focus."""
NEXT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Right)


class NoteEdit(QPlainTextEdit):
    left = Signal()
    escaped = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.left.emit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.left.emit()
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class ItemPanel(QWidget):
    answered = Signal(object)
    """The assessor gave an answer (typed text or a chosen value)."""
    noteChanged = Signal(str)
    navigate = Signal(int)
    """+1: next unanswered item; -1: previous item."""
    cleared = Signal()
    pasted = Signal()
    """Ctrl+V on the panel: attach the image or files on the clipboard."""

    def __init__(self, thumbnails: Thumbnails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemPanel")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Item")
        self.editor: AnswerEditor | None = None
        self.where = self._label("where", "Where", dim=True)
        self.prompt = self._label("prompt", "Question")
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.prompt.setFont(font)
        self.guidance = self._label("guidance", "Guidance")
        self.flags = self._label("flags", "Flags", dim=True)
        self.team_note = self._label("teamNote", "Team note", dim=True)
        self.team_note.setText(SOMEONE_ELSES)
        self.team_note.setStyleSheet("color: #8d6e00;")
        self.team_note.hide()
        self.error = self._label("error", "Problem with the answer")
        self.error.setStyleSheet("color: #c62828; font-weight: bold;")
        self.editor_area = QVBoxLayout()
        self.converted = self._label("converted", "Recorded as", dim=True)
        self.converted.hide()
        self.follow_up = FollowUpField()
        self.follow_up.line.escaped.connect(self.setFocus)
        self.note = NoteEdit()
        self.note.setObjectName("note")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Note (saved as you type)")
        self.note.setMaximumHeight(110)
        self.photos = PhotoStrip(thumbnails)
        self.photos.setObjectName("photos")
        self.setAcceptDrops(True)  # photo files dropped anywhere on the item go to its photos
        self._note_timer = QTimer(self, singleShot=True, interval=NOTE_PAUSE_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._note_timer.start)
        self.note.left.connect(self.flush_note)
        self.note.escaped.connect(self.setFocus)
        self._note_shown = ""
        self._layout()

    def _label(self, name: str, accessible: str, dim: bool = False) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if dim:  # secondary text: smaller, but full contrast (a greyed-out label is hard to read outdoors)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            label.setFont(font)
        return label

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # in its scroll area: never squeezed
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        for widget in (self.where, self.team_note, self.prompt, self.guidance, self.flags):
            layout.addWidget(widget)
        layout.addLayout(self.editor_area)
        layout.addWidget(self.converted)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.error)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        note_label = QLabel("&Note:")
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.photos)
        layout.addStretch(1)

    def show_photos(self, photos: list[PhotoRecord], required_missing: bool, read_only: bool) -> None:
        hint = "  ·  a photo is required: the answer is deficient" if required_missing else ""
        self.photos.show_photos(photos, hint)
        self.photos.add.setEnabled(not read_only)

    def show_slot(
        self, checklist: Checklist, slot: Slot, value: object, note: str, read_only: bool, typed: str | None = None
    ) -> None:
        """The item, its answer (an amount as typed, when it was converted: '4 ft') and note."""
        self.flush_note()
        self.where.setText(slot.label + f"  ·  {slot.item.id}")
        self.prompt.setText(slot.item.prompt)
        self.guidance.setText(slot.item.guidance)
        self.guidance.setVisible(bool(slot.item.guidance))
        self.flags.setText(_flags(slot))
        self.error.clear()
        self.converted.hide()
        self._replace_editor(make_editor(checklist, slot.item), typed or value, read_only)
        self._note_shown = note
        self.note.blockSignals(True)
        self.note.setPlainText(note)
        self.note.blockSignals(False)
        self.note.setReadOnly(read_only)
        self.focus_answer()

    def _replace_editor(self, editor: AnswerEditor, value: object, read_only: bool) -> None:
        if self.editor is not None:
            self.editor_area.removeWidget(self.editor)
            self.editor.hide()
            self.editor.deleteLater()
        self.editor = editor
        editor.set_value(value)
        editor.setEnabled(not read_only)
        editor.submitted.connect(self.answered)
        self.editor_area.addWidget(editor)
        typing = editor.typing_widget()
        if typing is not None:
            typing.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In a text field, Enter submits (and goes no further) and Escape leaves, so single keys work again."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if event.key() == Qt.Key.Key_Escape:
            self.setFocus()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(watched, QLineEdit):
            self.answered.emit(self.editor.typed(watched.text()) if self.editor else watched.text())
            return True
        return super().eventFilter(watched, event)

    def mark_someone_elses(self, marked: bool) -> None:
        """Say the item is in a section a team assessment gave to someone else (it can still be answered)."""
        self.team_note.setVisible(marked)

    def show_value(self, value: object, typed: str | None = None) -> None:
        """The answer in its control: an amount as typed when it was converted ('4 ft')."""
        if self.editor is not None:
            self.editor.set_value(typed or value)
        self.error.clear()

    def show_follow_up(self, prompt: str | None, text: str, read_only: bool) -> None:
        """The follow-up field for the current answer (None: the answer asks for none)."""
        self.follow_up.show_for(prompt, text, read_only)

    def show_converted(self, typed: str | None, recorded: str | None) -> None:
        """An amount typed in another unit than the item's: what was typed, and what was recorded (hidden when
        either is None)."""
        self.converted.setText(f"{typed} recorded as {recorded}" if typed and recorded else "")
        self.converted.setVisible(bool(typed and recorded))

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def focus_answer(self) -> None:
        typing = self.editor.typing_widget() if self.editor else None
        (typing or self).setFocus()

    def flush_note(self) -> None:
        self.follow_up.flush()
        self._note_timer.stop()
        text = self.note.toPlainText()
        if text != self._note_shown and not self.note.isReadOnly():
            self._note_shown = text
            self.noteChanged.emit(text)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.photos.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.photos.dropEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().lower()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.pasted.emit()
        elif key in NEXT_KEYS:
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Left:
            self.navigate.emit(-1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.cleared.emit()
        elif not (text and self.editor is not None and self.editor.isEnabled() and self.editor.press(text)):
            super().keyPressEvent(event)


SOMEONE_ELSES = (
    "Another team member walks this section. You can answer what you see: your answer is merged with theirs, and "
    "a different answer to the same item becomes a conflict for the lead to resolve."
)


def _flags(slot: Slot) -> str:
    item = slot.item
    flags = ["Required" if item.required else "Optional"]
    if item.photo_required_when_deficient:
        flags.append("photo required if deficient")
    if item.note_required_when_deficient:
        flags.append("note required if deficient")
    if item.informational:
        flags.append("information only: never deficient")
    if item.observation:
        flags.append("an observation: no action needed")
    if item.likelihood and item.severity:
        flags.append(f"likelihood {item.likelihood} × severity {item.severity} if deficient")
    return " · ".join(flags)
