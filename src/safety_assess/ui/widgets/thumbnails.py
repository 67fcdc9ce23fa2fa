"""Thumbnails for display, never fetched nor made on the UI thread.

A thumbnail already on this computer is given at once. One that must first be fetched from the shared server, or
made from the original (a photo that came in a bundle), is fetched through the window's ``Operations`` while the
view shows a placeholder; ``arrived`` then names the photo so its views repaint. A photo whose thumbnail cannot be
had (the original is missing, the server is away) is tried once per window and shown empty, never as an error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from safety_assess.photos.ingest import shown_rendition
from safety_assess.photos.store import PhotoStore
from safety_assess.ui.operations import Operations


class Thumbnails(QObject):
    arrived = Signal(str)
    """The SHA-256 of a photo whose thumbnail is now on this computer (or was tried and cannot be had)."""

    def __init__(
        self,
        local: Callable[[str], Path | None],
        fetch: Callable[[str], Path],
        operations: Operations,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._local, self._fetch, self._operations = local, fetch, operations
        self._pending: set[str] = set()
        self._tried: dict[str, Path | None] = {}

    def path(self, sha256: str) -> Path | None:
        """The thumbnail's file now; None while it is being fetched (the first time: a fetch starts) or when it could
        not be had (shown as a placeholder either way)."""
        local = self._local(sha256)
        if local is not None:
            return local
        if sha256 in self._tried:
            return self._tried[sha256]
        if sha256 not in self._pending:
            self._pending.add(sha256)
            self._operations.run(
                "Fetching a photo",
                lambda _progress: self._fetch(sha256),
                on_done=lambda path: self._arrive(sha256, path),
                on_error=lambda _message: self._arrive(sha256, None),
            )
        return None

    def pending(self) -> bool:
        return bool(self._pending)

    def _arrive(self, sha256: str, path: object) -> None:
        self._pending.discard(sha256)
        self._tried[sha256] = path if isinstance(path, Path) else None
        self.arrived.emit(sha256)


def thumbnails(store: PhotoStore, operations: Operations, parent: QObject | None = None) -> Thumbnails:
    """The thumbnails of a data folder's photos (or a shared server's), fetched through ``operations``."""
    return Thumbnails(
        lambda sha: store.local_rendition(sha, "thumb"),
        lambda sha: shown_rendition(store, sha, "thumb"),
        operations,
        parent,
    )
