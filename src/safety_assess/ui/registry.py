"""What a feature window may ask of the window registry (``ui.windows``) without importing it, the main window or
another feature folder: the registry is handed to it, typed as this protocol."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from safety_assess.ui.operations import Operations


class Registry(Protocol):
    def export_report(self, parent: QWidget, assessment_id: uuid.UUID, operations: Operations) -> None:
        """Ask the report's options, write it in the background on ``operations``, then show it."""

    def show_report(self, path: Path, password: str | None, warnings: list[str]) -> QWidget:
        """A report preview window, registered like the other windows until it is closed."""

    def open_finding(self, finding_id: uuid.UUID) -> None:
        """Show the finding in its assessment's findings window (told when this data folder does not hold it)."""

    def open_photo(self, photo_id: uuid.UUID) -> None:
        """Show the photo in the photo viewer of its assessment's walkthrough (told when it cannot be found)."""

    def open_maps(self, campus_id: uuid.UUID) -> QWidget | None:
        """The campus's site plans (one window per campus, brought forward when open); None when it cannot open."""

    def open_drills(self, campus_id: uuid.UUID) -> QWidget | None:
        """The campus's drill log (one window per campus, brought forward when open); None when it cannot open."""

    def open_spot_checks(self, campus_id: uuid.UUID) -> QWidget | None:
        """The campus's spot checks (one window per campus, brought forward when open); None when it cannot open."""

    def open_walkthrough(self, assessment_id: uuid.UUID) -> QWidget | None:
        """The assessment's walkthrough (brought forward when open); None when it cannot open (told)."""

    def work_running(self) -> list[str]:
        """The titles of the jobs running in the background, in every window."""

    def close_all(self) -> None:
        """Close every window but the main one."""
