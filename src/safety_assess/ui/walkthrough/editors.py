"""Answer controls, one kind per answer type. Each emits ``submitted(value)`` with what the assessor chose.

Option buttons never take keyboard focus: the item panel keeps it and turns Y / N / A and digits into clicks,
so one keystroke answers. Typed answers (numbers, dates, times, text) are submitted with Enter, which the item
panel intercepts in the field.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from safety_assess.domain.checklist.answers import (
    DateAnswer,
    MultipleChoiceAnswer,
    PercentageAnswer,
    RatingAnswer,
    TextAnswer,
    TimeAnswer,
    YesNoAnswer,
)
from safety_assess.domain.checklist.model import Checklist, Item
from safety_assess.domain.checklist.values import NA, na_answer, option_labels

TOUCH_HEIGHT = 44  # px: a comfortable finger target on a touch laptop
CHOSEN_STYLE = (
    "QPushButton:checked { background: palette(highlight); color: palette(highlighted-text); font-weight: bold; }"
)
"""The chosen answer stands out in any palette, light or dark (palette roles, no fixed colours)."""


class AnswerEditor(QWidget):
    submitted = Signal(object)

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def press(self, key: str) -> bool:
        """Handle a shortcut key (already lower-case text); True when it answered."""
        return False

    def typing_widget(self) -> QWidget | None:
        """The text field to focus when the item opens, for typed answers."""
        return None

    def typed(self, text: str) -> object:
        """What Enter in the text field submits: the text as typed, unless the editor reads shorthand."""
        return text


def _button(text: str, accessible: str) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setMinimumHeight(TOUCH_HEIGHT)
    button.setMinimumWidth(72)
    button.setAccessibleName(accessible)
    button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    button.setStyleSheet(CHOSEN_STYLE)
    return button


ROW_CHARACTERS = 60
"""Options whose labels add up to more than this are stacked, one per line, each label wrapping as needed."""


def _fits_in_a_row(options: list[tuple[object, str, str]]) -> bool:
    return len(options) <= 5 and sum(len(label) + 6 for _, label, _ in options) <= ROW_CHARACTERS


class OptionButton(QPushButton):
    """A checkable option: its key(s) in bold, then the label, which wraps onto more lines rather than being cut."""

    def __init__(self, keys: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(TOUCH_HEIGHT)
        self.setStyleSheet(CHOSEN_STYLE)
        self.key_label = QLabel(f"<b>{keys}</b>")
        self.key_label.setObjectName("optionKey")
        self.text_label = QLabel(label)
        self.text_label.setObjectName("optionLabel")
        self.text_label.setWordWrap(True)
        for part in (self.key_label, self.text_label):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.key_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(12, 6, 12, 6)
        self._row.setSpacing(12)
        self._row.addWidget(self.key_label)
        self._row.addWidget(self.text_label, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.toggled.connect(self._show_chosen)

    def label_text(self) -> str:
        return self.text_label.text()

    def _show_chosen(self, chosen: bool) -> None:
        style = "color: palette(highlighted-text); font-weight: bold;" if chosen else ""
        self.text_label.setStyleSheet(style)
        self.key_label.setStyleSheet(style)

    def sizeHint(self) -> QSize:
        return self._row.sizeHint().expandedTo(QSize(72, TOUCH_HEIGHT))

    def minimumSizeHint(self) -> QSize:
        return self._row.minimumSize().expandedTo(QSize(72, TOUCH_HEIGHT))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(TOUCH_HEIGHT, self._row.totalHeightForWidth(width))


class OptionEditor(AnswerEditor):
    """One button per option: yes/no/N-A (keys Y, N, A), scales, ratings and single choice (keys 1-9)."""

    def __init__(
        self,
        options: list[tuple[object, str, str]],
        parent: QWidget | None = None,
        na: object = None,
        letters: dict[str, object] | None = None,
    ) -> None:
        """``na``: the option that means N/A, which key A chooses too (a scale's or a choice's N/A option).
        ``letters``: more keys choosing an option (Y and N on a scale whose options are Yes and No)."""
        super().__init__(parent)
        extra = dict(letters or {}) | ({"a": na} if na is not None else {})
        layout = QHBoxLayout(self) if _fits_in_a_row(options) else QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._buttons: dict[object, OptionButton] = {}
        self._keys: dict[str, object] = dict(extra)
        for value, label, key in options:
            also = [k.upper() for k, v in extra.items() if v == value and k != key]
            button = OptionButton(" or ".join([key.upper(), *also]) if key else "", label or key.upper())
            button.setAccessibleName(f"Answer {label or value}" + (f" (key {key.upper()})" if key else ""))
            if key:
                button.setToolTip(f"Press {' or '.join([key.upper(), *also])}")
            button.clicked.connect(lambda _=False, v=value: self.submitted.emit(v))
            layout.addWidget(button)
            self._buttons[value] = button
            self._keys[key] = value
        if isinstance(layout, QHBoxLayout):
            layout.addStretch(1)

    def set_value(self, value: object) -> None:
        for option, button in self._buttons.items():
            button.setChecked(option == value)

    def press(self, key: str) -> bool:
        value = self._keys.get(key)
        if value is None:
            return False
        self.submitted.emit(value)
        return True

    def buttons(self) -> dict[object, OptionButton]:
        return dict(self._buttons)


class MultiChoiceEditor(AnswerEditor):
    """Check boxes; a digit toggles an option. Every change submits the whole selection."""

    def __init__(self, options: list[tuple[str, str]], allow_na: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._boxes: list[tuple[str, QCheckBox]] = []
        for n, (value, label) in enumerate(options, start=1):
            box = QCheckBox(f"{n}  {label}" if n < 10 else label)
            box.setAccessibleName(label)
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.setMinimumHeight(TOUCH_HEIGHT - 8)
            box.clicked.connect(self._changed)
            layout.addWidget(box)
            self._boxes.append((value, box))
        self.na: QPushButton | None = None
        if allow_na:
            self.na = _button("A   N/A", "Answer N/A (key A)")
            self.na.setToolTip("Press A")
            self.na.clicked.connect(lambda: self.submitted.emit(NA))
            layout.addWidget(self.na)

    def _changed(self) -> None:
        self.submitted.emit([value for value, box in self._boxes if box.isChecked()])

    def set_value(self, value: object) -> None:
        chosen = set(value) if isinstance(value, list) else set()
        for option, box in self._boxes:
            box.setChecked(option in chosen)
        if self.na is not None:
            self.na.setChecked(value == NA)

    def press(self, key: str) -> bool:
        if key == "a" and self.na is not None:
            self.submitted.emit(NA)
            return True
        if not key.isdigit() or not 1 <= int(key) <= min(9, len(self._boxes)):
            return False
        box = self._boxes[int(key) - 1][1]
        box.setChecked(not box.isChecked())
        self._changed()
        return True


class TypedEditor(AnswerEditor):
    """A line for numbers, dates and times, submitted with Enter; an N/A button when the item allows it."""

    def __init__(self, placeholder: str, suffix: str, allow_na: bool, today: bool, parent: QWidget | None = None):
        super().__init__(parent)
        layout = self.row = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(f"Answer ({placeholder})")
        self.line.setMinimumHeight(TOUCH_HEIGHT)
        self.line.setMaximumWidth(260)
        layout.addWidget(self.line)
        if suffix:
            layout.addWidget(QLabel(suffix))
        if today:
            button = QPushButton("Today")
            button.setAccessibleName("Answer today's date")
            button.setMinimumHeight(TOUCH_HEIGHT)
            button.clicked.connect(lambda: self.submitted.emit(dt.date.today().isoformat()))
            layout.addWidget(button)
        self.hint = QLabel("Enter saves")
        self.hint.setObjectName("typingHint")
        layout.addWidget(self.hint)
        if allow_na:
            na = QPushButton("N/A")
            na.setAccessibleName("Answer not applicable")
            na.setMinimumHeight(TOUCH_HEIGHT)
            na.clicked.connect(lambda: self.submitted.emit(NA))
            layout.addWidget(na)
        layout.addStretch(1)

    def set_value(self, value: object) -> None:
        text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
        self.line.setText("N/A" if value == NA else text)

    def typing_widget(self) -> QWidget | None:
        return self.line


class _PlainText(QPlainTextEdit):
    """Multi-line text where Ctrl+Enter saves instead of starting a new line."""

    saved = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.saved.emit()
            return
        super().keyPressEvent(event)


class TextEditor(AnswerEditor):
    """Free text: Enter (Ctrl+Enter when multi-line) submits."""

    def __init__(self, multiline: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.multiline = multiline
        if multiline:
            plain = _PlainText()
            plain.saved.connect(self.submit)
            plain.setMinimumHeight(96)
            self.box: QLineEdit | QPlainTextEdit = plain
            layout.addWidget(self.box)
            hint = QLabel("Ctrl+Enter saves")
            hint.setEnabled(False)
            layout.addWidget(hint)
        else:
            self.box = QLineEdit()
            self.box.setMinimumHeight(TOUCH_HEIGHT)
            layout.addWidget(self.box)
        self.box.setAccessibleName("Answer text")

    def submit(self) -> None:
        self.submitted.emit(self.text())

    def text(self) -> str:
        return self.box.toPlainText() if isinstance(self.box, QPlainTextEdit) else self.box.text()

    def set_value(self, value: object) -> None:
        text = value if isinstance(value, str) else ""
        if isinstance(self.box, QPlainTextEdit):
            self.box.setPlainText(text)
        else:
            self.box.setText(text)

    def typing_widget(self) -> QWidget | None:
        return self.box


def make_editor(checklist: Checklist, item: Item) -> AnswerEditor:
    """The control that fits the item's answer type."""
    answer = item.answer
    if isinstance(answer, YesNoAnswer):
        keys = {"yes": "y", "no": "n", NA: "a"}
        return OptionEditor([(v, label, keys[v]) for v, label in option_labels(checklist, item)])
    if isinstance(answer, RatingAnswer):
        ratings: list[tuple[object, str, str]] = [
            (n, answer.labels.get(n, ""), str(n)) for n in range(1, answer.max + 1)
        ]
        return OptionEditor(ratings + ([(NA, "N/A", "a")] if answer.allow_na else []))
    if isinstance(answer, MultipleChoiceAnswer):
        return MultiChoiceEditor(option_labels(checklist, item), answer.allow_na)
    labels = option_labels(checklist, item)
    if labels:
        options: list[tuple[object, str, str]] = [
            (v, label, str(n) if n < 10 else "") for n, (v, label) in enumerate(labels, start=1)
        ]
        if getattr(answer, "allow_na", False):
            options.append((NA, "N/A", "a"))
        return OptionEditor(options, na=na_answer(checklist, item), letters=yes_no_letters(labels))
    if isinstance(answer, TextAnswer):
        return TextEditor(answer.multiline)
    return _typed(answer)


def yes_no_letters(labels: list[tuple[str, str]]) -> dict[str, object]:
    """Y and N for a scale or choice with options labelled Yes and No, as the hint bar promises."""
    by_label = {label.strip().lower(): value for value, label in labels}
    return {key: by_label[word] for key, word in (("y", "yes"), ("n", "no")) if word in by_label}


def _typed(answer: object) -> TypedEditor:
    allow_na = bool(getattr(answer, "allow_na", False))
    if isinstance(answer, DateAnswer):
        from safety_assess.ui.walkthrough.date_editor import DateEditor  # it builds on TypedEditor, from here

        return DateEditor(allow_na)
    if isinstance(answer, TimeAnswer):
        return TypedEditor("HH:MM (24 h), or empty", "", allow_na, today=False)
    if isinstance(answer, PercentageAnswer):
        return TypedEditor("0-100", "%", allow_na, today=False)
    unit = str(getattr(answer, "unit", "") or "")
    whole = type(answer).__name__ == "CountAnswer"
    return TypedEditor("whole number" if whole else "number", unit, allow_na, today=False)
