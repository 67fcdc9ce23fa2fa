"""Render the app icon (resources/icons/safety-assess.svg) to the PNG sizes desktops ask for, and to the Windows
.ico and macOS .icns the spec uses. Run after changing the SVG; the results are committed.

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int, out: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        sys.exit(f"could not write {out}")


def main() -> None:
    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "safety-assess.svg"))
    folder = ICONS / "png"
    folder.mkdir(exist_ok=True)
    for size in SIZES:
        render(renderer, size, folder / f"safety-assess-{size}.png")
    largest = Image.open(folder / "safety-assess-512.png")
    largest.save(ICONS / "safety-assess.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(ICONS / "safety-assess.icns")
    print(f"wrote {len(SIZES)} PNGs, safety-assess.ico and safety-assess.icns into {ICONS}")


if __name__ == "__main__":
    main()
