"""Taking photos with a camera through Qt Multimedia: a camera picker, a live preview, Space to shoot.

Qt Multimedia may be missing or have no camera; then the action is disabled with the reason, never a crash.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def camera_status() -> tuple[bool, str]:
    """Whether photos can be taken here, and if not, why (shown on the disabled action)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as error:  # Qt Multimedia needs system libraries (libpulse0) that may be missing
        return False, f"Taking photos needs Qt Multimedia, which is not available here ({error})."
    if not QMediaDevices.videoInputs():
        return False, "No camera was found. Connect one, or add photos from files."
    return True, ""


class CaptureDialog(QDialog):
    """Live preview of the chosen camera; Space (or the button) takes a photo; several in a row."""

    def __init__(self, parent: QWidget | None, folder: Path) -> None:
        from PySide6.QtMultimedia import QCamera, QImageCapture, QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setWindowTitle("Take photos")
        self.folder = folder
        self.shots: list[Path] = []
        self.devices = QMediaDevices.videoInputs()
        self.picker = QComboBox()
        self.picker.setAccessibleName("Camera")
        for device in self.devices:
            self.picker.addItem(device.description())
        self.preview = QVideoWidget()
        self.preview.setMinimumSize(640, 480)
        self.session = QMediaCaptureSession(self)
        self.capture = QImageCapture(self)
        self.session.setImageCapture(self.capture)
        self.session.setVideoOutput(self.preview)
        self.capture.imageSaved.connect(lambda _id, name: self._saved(Path(name)))
        self.count = QLabel("Press Space to take a photo.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        shoot = buttons.addButton("Take photo (Space)", QDialogButtonBox.ButtonRole.ActionRole)
        shoot.clicked.connect(self.shoot)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.shoot)
        layout = QVBoxLayout(self)
        for widget in (self.picker, self.preview, self.count, buttons):
            layout.addWidget(widget)
        self._camera_class = QCamera
        self.camera: QCamera | None = None
        self.picker.currentIndexChanged.connect(self._use)
        self._use(0)

    def _use(self, index: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        self.camera = self._camera_class(self.devices[index], self)
        self.session.setCamera(self.camera)
        self.camera.start()

    def shoot(self) -> None:
        if self.capture.isReadyForCapture():
            self.folder.mkdir(parents=True, exist_ok=True)
            self.capture.captureToFile(str(self.folder / f"camera-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.jpg"))

    def _saved(self, path: Path) -> None:
        self.shots.append(path)
        self.count.setText(f"{len(self.shots)} photo{'s' if len(self.shots) != 1 else ''} taken. Space for another.")

    def done(self, result: int) -> None:
        if self.camera is not None:
            self.camera.stop()
        super().done(result)


def ask_camera_photos(parent: QWidget | None, folder: Path) -> tuple[list[Path], bool]:
    """Photos taken (files in ``folder``) and whether the assessor kept them (OK) or cancelled."""
    dialog = CaptureDialog(parent, folder)
    kept = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.shots, kept
