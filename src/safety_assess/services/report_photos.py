"""Photos made ready to print in worker threads (Pillow decodes and encodes outside the GIL), all of them before
the layout starts: layout is Python work, and running it beside the photos only makes both slower (measured)."""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from safety_assess.base.jobs import Progress
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import PhotoRecord
from safety_assess.photos.annotations import burn_in, parse_annotations
from safety_assess.photos.decode import PhotoError
from safety_assess.photos.ingest import remake_renditions
from safety_assess.photos.render import PRINT, print_rendition
from safety_assess.reports.content import PhotoUnavailable, ReportPhoto
from safety_assess.services.workspace import Workspace


class PhotoPrinter:
    def __init__(self, workspace: Workspace, folder: Path, progress: Progress, total: int) -> None:
        self.workspace, self.folder, self.progress, self.total = workspace, folder, progress, total
        self.pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)
        self.warnings: list[str] = []
        self.futures: list[Future[Path]] = []

    def submit(self, photo: PhotoRecord) -> ReportPhoto:
        """The photo as the report will show it; its file is made in the background."""
        caption = photo.caption or photo.filename
        scale = min(1.0, PRINT / max(photo.width, photo.height, 1))
        width, height = max(1, round(photo.width * scale)), max(1, round(photo.height * scale))
        if not self._stored(photo):
            problem = "its file is missing from the photo store"
            self.warnings.append(_warning(photo, problem))
            return ReportPhoto(caption, None, width, height, problem)
        future = self.pool.submit(self._make, photo)
        self.futures.append(future)
        return ReportPhoto(caption, None, width, height, source=lambda: self._result(photo, future))

    def _stored(self, photo: PhotoRecord) -> bool:
        store = self.workspace.photo_store
        return (
            store.rendition(photo.sha256, "report").is_file() or store.original(photo.sha256, photo.extension).is_file()
        )

    def _make(self, photo: PhotoRecord) -> Path:
        data = self._report_rendition(photo)
        try:
            notes = parse_annotations(list(photo.annotations))
            printed = print_rendition(data, (lambda image: burn_in(image, notes)) if notes else None)
        except (PhotoError, SafetyAssessError) as error:
            raise PhotoUnavailable(str(error)) from None
        path = self.folder / f"{photo.id}.jpg"
        path.write_bytes(printed)
        return path

    def _report_rendition(self, photo: PhotoRecord) -> bytes:
        """The stored report rendition; made again from the original when only the rendition was lost."""
        store = self.workspace.photo_store
        try:
            return store.rendition(photo.sha256, "report").read_bytes()
        except OSError:
            pass
        try:
            return remake_renditions(store, photo.sha256, photo.extension)["report"]
        except OSError:
            raise PhotoUnavailable("its file is missing from the photo store") from None
        except PhotoError as error:  # stored, but it cannot be shown: say why, without the store's path
            raise PhotoUnavailable(f"it cannot be shown: {str(error).split(': ', 1)[-1]}") from None

    def wait(self) -> None:
        """Until every photo is made (or failed), reporting progress; stops when cancelled."""
        for done, future in enumerate(self.futures, start=1):
            self.progress.check()
            future.exception()  # waits; a failure is reported when its page is drawn
            self.progress.report(done, self.total, f"Preparing photo {done} of {self.total}")

    def _result(self, photo: PhotoRecord, future: Future[Path]) -> Path:
        try:
            return future.result()
        except PhotoUnavailable as error:
            self.warnings.append(_warning(photo, str(error)))
            raise

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)  # when cancelled, the photos not started yet are not made


def _warning(photo: PhotoRecord, problem: str) -> str:
    return f"photo {photo.filename} ({photo.id}) left out: {problem}"
