"""A photo as the report will show it: its annotations drawn and its redactions applied, so both can be checked."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QPixmap

from safety_assess.photos.annotations import export_jpeg, parse_annotations
from safety_assess.photos.decode import PhotoError


def marked_pixmap(rendition: Path, annotations: Sequence[dict[str, object]]) -> QPixmap:
    """The rendition with the shapes burned in (the same drawing as the PDF); unmarked when there are none or
    the stored shapes cannot be read."""
    if not annotations:
        return QPixmap(str(rendition))
    try:
        data = export_jpeg(rendition.read_bytes(), parse_annotations(list(annotations)), quality=92)
    except (OSError, PhotoError):
        return QPixmap(str(rendition))
    pixmap = QPixmap()
    pixmap.loadFromData(data)
    return pixmap


def marks_key(sha256: str, annotations: Sequence[dict[str, object]]) -> str:
    """A cache key that changes when the photo's shapes change."""
    return sha256 + json.dumps(list(annotations), sort_keys=True)
