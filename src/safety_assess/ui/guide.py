"""The user guide, shown in the app: the bundled HTML pages and their screenshots, with links followed inside and
no browser needed. Esc or Ctrl+W closes it; a button opens the same page in a web browser when there is one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from safety_assess.ui import dialogs


class GuideWindow(QMainWindow):
    def __init__(self, page: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideWindow")
        self.setWindowTitle("User guide - Safety Assess")
        self.page = page
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)  # web links go to a browser; the guide's own pages stay here
        self.browser.setSource(QUrl.fromLocalFile(str(page)))
        self._build()
        self.resize(960, 760)

    def _build(self) -> None:
        bar = QHBoxLayout()
        for text, handler in (
            ("◀ &Back", self.browser.backward),
            ("&Contents", self.browser.home),
            ("&Open in web browser", self.open_outside),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            bar.addWidget(button)
        bar.addStretch(1)
        for closing in ("Ctrl+W", "Esc"):
            QShortcut(QKeySequence(closing), self).activated.connect(self.close)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.setCentralWidget(central)
        self.browser.setFocus()  # arrows and Page Down scroll at once

    def open_outside(self) -> None:
        if not dialogs.open_file(self.page):
            self.statusBar().showMessage("No web browser was found on this computer; the guide stays here.", 8000)
