"""The chooser of a photo to pin: the photos of the campus's newest assessment with their thumbnails; Enter or a
double-click takes the one chosen. Behind ``ask_photo``, which a test replaces."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from safety_assess.ui.maps.photo_pins import PhotoChoice

THUMB = 96


def ask_photo(parent: QWidget | None, choices: Sequence[PhotoChoice]) -> int | None:
    """The number of the photo chosen; None when cancelled."""
    dialog = PhotoChooser(parent, choices)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PhotoChooser(QDialog):
    def __init__(self, parent: QWidget | None, choices: Sequence[PhotoChoice]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pin a photo")
        self.resize(640, 480)
        self.list = QListWidget()
        self.list.setObjectName("photoChoices")
        self.list.setAccessibleName("Photos of the newest assessment")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setWordWrap(True)
        for choice in choices:
            item = QListWidgetItem(QIcon(QPixmap(str(choice.thumbnail))), choice.text)
            item.setSizeHint(QSize(0, THUMB + 8))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Choose the photo, then click where it was taken on the plan:"))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> int | None:
        row = self.list.currentRow()
        return row if row >= 0 else None
