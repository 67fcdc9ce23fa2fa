"""Photos embedded as the JPEG files they are (no decoding), named by their content so that the same input gives
the same PDF whatever temporary folder the files were written to."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable

from safety_assess.reports import fonts
from safety_assess.reports.content import PhotoUnavailable, ReportPhoto
from safety_assess.reports.fonts import SANS
from safety_assess.reports.styles import MUTED, RULE, SHADE


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
    """A photo of a given size on the page. Its file is asked for only when the page is drawn (it may still be in
    the making); if it cannot be had, a placeholder saying why fills the same space."""

    def __init__(self, photo: ReportPhoto, width: float, height: float) -> None:
        super().__init__()
        self.photo, self.width, self.height = photo, width, height
        self.hAlign = "LEFT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        try:
            path = self.photo.file()
        except PhotoUnavailable as error:
            placeholder(canvas, self.width, self.height, f"Photo not available: {error}")
            return
        # within the space, in its own proportions: a size recorded wrong can never stretch it into a strip
        canvas.drawImage(JpegSource(path), 0, 0, self.width, self.height, preserveAspectRatio=True, anchor="c")


def placeholder(canvas: Any, width: float, height: float, text: str) -> None:
    canvas.saveState()
    canvas.setFillColor(SHADE)
    canvas.setStrokeColor(RULE)
    canvas.rect(0, 0, width, height, stroke=1, fill=1)
    canvas.setFillColor(MUTED)
    lines = simpleSplit(text, SANS, 8, width - 12)
    for n, line in enumerate(lines[:6]):
        fonts.draw(canvas, 6, height / 2 + (len(lines[:6]) / 2 - n - 1) * 10 + 2, line, 8)
    canvas.restoreState()
