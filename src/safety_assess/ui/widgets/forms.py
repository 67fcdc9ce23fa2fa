"""A small dialog form laid out one way: labelled rows, a line that says what is wrong (in red, wrapped), and the
dialog's buttons; the drill, spot-check, finding-from-a-drill and target forms use it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

ERROR_STYLE = "color: #b71c1c;"

Rows = Sequence[tuple[str, QWidget] | QWidget]
"""A labelled widget, or a widget across the form (a note, a check box)."""


def error_line(name: str = "") -> QLabel:
    """The form's line saying what is wrong; empty until then."""
    line = QLabel("")
    line.setObjectName(name)
    line.setStyleSheet(ERROR_STYLE)
    line.setWordWrap(True)
    return line


def lay_out_form(
    dialog: QDialog,
    rows: Rows,
    error: QLabel,
    accept: Callable[[], None],
    button: QDialogButtonBox.StandardButton = QDialogButtonBox.StandardButton.Save,
) -> QDialogButtonBox:
    """The rows, the error line and ``button`` + Cancel (``accept`` on the first, reject on Cancel); the buttons."""
    buttons = QDialogButtonBox(button | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    for row in rows:
        if isinstance(row, tuple):
            form.addRow(*row)
        else:
            form.addRow(row)
    form.addRow(error)
    form.addRow(buttons)
    return buttons
