"""The exported report, shown in the app (Qt PDF), with what could not be put in it."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25


class ReportPreview(QMainWindow):
    def __init__(self, path: Path, password: str | None, warnings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReportPreview")
        self.setWindowTitle(f"Report - {path.name}")
        self.path = path
        self.document = QPdfDocument(self)
        if password:
            self.document.setPassword(password)
        self.view = QPdfView()
        self.view.setObjectName("reportView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.notice = QLabel(_warnings_html(warnings))
        self.notice.setObjectName("reportWarnings")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(warnings))
        self.notice.setStyleSheet("background: #fff3e0; padding: 6px;")
        self.pages = QLabel()
        self._build()
        self.document.statusChanged.connect(self._status_changed)
        self.document.load(str(path))
        self.resize(900, 1000)

    def _build(self) -> None:
        bar = QHBoxLayout()
        for text, handler, keys in (
            ("Zoom in", lambda: self.zoom(ZOOM_STEP), QKeySequence.StandardKey.ZoomIn),
            ("Zoom out", lambda: self.zoom(1 / ZOOM_STEP), QKeySequence.StandardKey.ZoomOut),
            ("Fit width", self.fit, None),
            ("Open in PDF viewer", self.open_outside, None),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            bar.addWidget(button)
            if keys is not None:
                QShortcut(QKeySequence(keys), self).activated.connect(handler)
        for closing in ("Ctrl+W", "Esc"):
            QShortcut(QKeySequence(closing), self).activated.connect(
                self.close
            )  # a preview is dismissed like a document
        bar.addStretch(1)
        bar.addWidget(self.pages)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.notice)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(central)

    def _status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.pages.setText(f"{self.document.pageCount()} pages · {self.path}")
        elif status == QPdfDocument.Status.Error:
            self.pages.setText(f"The report could not be shown ({self.document.error().name}); it is at {self.path}")

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def open_outside(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))


def _warnings_html(warnings: list[str]) -> str:
    if not warnings:
        return ""
    shown = "".join(f"<li>{html.escape(w, quote=False)}</li>" for w in warnings[:12])
    more = f"<li>… and {len(warnings) - 12} more</li>" if len(warnings) > 12 else ""
    return f"<b>The report was made, with these gaps:</b><ul>{shown}{more}</ul>"
