"""Attaching photos in the walkthrough: from files, by drag and drop, by pasting; imported in the background."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QImage

from safety_assess.base.jobs import Changes, Progress
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.photos.ingest import shown_rendition
from safety_assess.services.photos import PhotoImport, add_photos
from safety_assess.ui import camera, dialogs
from safety_assess.ui.progress_dialog import follow
from safety_assess.ui.walkthrough import photo_viewer

if TYPE_CHECKING:
    from safety_assess.ui.walkthrough.window import WalkthroughWindow


class PhotoCommands:
    def __init__(self, window: WalkthroughWindow) -> None:
        self.window = window

    def add_from_files(self) -> None:
        paths = dialogs.ask_photo_files(self.window)
        if paths:
            self.import_paths(paths)

    def open_viewer(self, row: int) -> None:
        """Show the item's photos large, from the one activated in the strip."""
        window = self.window
        if window.current is None:
            return
        photo = window.panel.photos.model.photo(row)
        store = window.session.workspace.photo_store
        photo_viewer.show_photos(
            window, window.session, window.current, photo.id, lambda s: shown_rendition(store, s, "report")
        )
        window.show_photos()
        window.publish(Changes(photos=frozenset({window.session.id})))

    def take_with_camera(self) -> None:
        available, reason = camera.camera_status()
        if not available:
            dialogs.show_error(self.window, "No camera", reason)
            return
        shots, kept = camera.ask_camera_photos(self.window, self.window.session.workspace.data_dir.photos / "incoming")
        if kept and shots:
            self.import_paths(shots, temporary=True)
        else:
            self._forget(shots, temporary=True)

    def paste(self) -> None:
        """The files on the clipboard, or its image (saved as a PNG first, removed once imported)."""
        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasUrls():
            paths = [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()]
            if paths:
                self.import_paths(paths)
                return
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            self.window.statusBar().showMessage("The clipboard holds no image or photo files.", 5000)
            return
        saved = self._save_clipboard(image)
        if saved is None:
            dialogs.show_error(self.window, "Photo not added", "The pasted image could not be saved (disk full?).")
            return
        self.import_paths([saved], temporary=True)

    def _save_clipboard(self, image: QImage) -> Path | None:
        folder = self.window.session.workspace.data_dir.photos / "incoming"
        path = folder / f"pasted-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.png"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return path if image.save(str(path)) else None  # PNG, from the suffix

    def import_paths(self, paths: list[Path], temporary: bool = False) -> None:
        window, key = self.window, self.window.current
        if key is None or window.session.read_only:
            return
        session = window.session

        def work(progress: Progress) -> PhotoImport:
            return add_photos(
                session.workspace, session.id, key.item_id, paths, instance_id=key.instance_id, progress=progress
            )

        def done(result: PhotoImport) -> None:
            self._finished(key, result)
            self._forget(paths, temporary)

        def failed(message: str) -> None:
            dialogs.show_error(window, "Photos not added", message)
            self._forget(paths, temporary)

        adding = f"Adding {len(paths)} photo{'s' if len(paths) != 1 else ''}…"
        window.statusBar().showMessage(adding)
        operation = window.operations.run("Adding photos", work, on_done=done, on_error=failed)
        operation.cancelled.connect(lambda: self._cancelled(key, paths, temporary))
        follow(window, "Add photos", adding, operation)  # a bar and Cancel: a folder of photos takes a while

    def _cancelled(self, key: SlotKey, paths: list[Path], temporary: bool) -> None:
        """The photos added before Cancel stay (each is whole); the rest were not added."""
        window = self.window
        window.session.reload_photos()
        if window.current == key:
            window.show_photos()
        window.statusBar().showMessage("Adding photos cancelled; those added before stay.", 6000)
        self._forget(paths, temporary)

    def _finished(self, key: SlotKey, result: PhotoImport) -> None:
        window = self.window
        window.session.reload_photos()
        if window.current == key:
            window.show_photos()
        added = len(result.added)
        window.statusBar().showMessage(f"{added} photo{'s' if added != 1 else ''} added.", 6000)
        if result.refused:
            dialogs.show_error(window, "Some photos were not added", "\n".join(result.refused))

    @staticmethod
    def _forget(paths: list[Path], temporary: bool) -> None:
        if temporary:
            for path in paths:
                path.unlink(missing_ok=True)
