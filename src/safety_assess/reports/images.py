"""Photos embedded as the JPEG files they are (no decoding), named by their content so that the same input gives
the same PDF whatever temporary folder the files were written to."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable


class JpegSource:
    """What ReportLab's canvas takes as an image: its name comes from ``str()``, its bytes from ``jpeg_fh``."""

    def __init__(self, path: Path) -> None:
        self.data = path.read_bytes()
        self.name = "photo-" + hashlib.sha256(self.data).hexdigest()

    def __str__(self) -> str:
        return self.name

    def jpeg_fh(self) -> io.BytesIO:
        return io.BytesIO(self.data)


class JpegImage(Flowable):  # type: ignore[misc]  # ReportLab has no type information
    """A photo of a given size on the page; its file is read only when the page is drawn."""

    def __init__(self, path: Path, width: float, height: float) -> None:
        super().__init__()
        self.path, self.width, self.height = path, width, height
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        canvas.drawImage(JpegSource(self.path), 0, 0, self.width, self.height)
