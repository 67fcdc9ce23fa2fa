"""Sending a data folder's photos to the shared server: the photos the server's records refer to that are in this
folder but not yet on the server (imported on this computer before photos were kept on the server).

Run in the background when the app opens on a server, and by ``safety-assess photos upload``. Each file is sent in
chunks and is seen on the server only once whole; a cancel or a server going away leaves the file unseen there, and
the next run carries on from where it stopped. Nothing in the data folder is removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.base.jobs import Progress
from safety_assess.domain.blobs import KINDS, BlobKey
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.photos.shared_store import SharedPhotoStore
from safety_assess.services.workspace import Workspace

NOT_SHARED = (
    "this data folder uses its own database file, and its photos stay in it; photos are sent to a server only when "
    "the data folder uses a shared PostgreSQL database (see docs/shared-database.md)"
)


@dataclass(frozen=True)
class PendingFile:
    key: BlobKey
    extension: str
    path: Path
    size: int


@dataclass(frozen=True)
class Pending:
    files: list[PendingFile]
    on_server: int
    """Files the records refer to that the server already has."""
    nowhere: list[str]
    """Photos (their hashes) the records refer to whose original is neither here nor on the server."""

    @property
    def size(self) -> int:
        return sum(file.size for file in self.files)


@dataclass
class Uploaded:
    sent: int = 0
    bytes: int = 0
    on_server: int = 0
    nowhere: list[str] = field(default_factory=list)


def shared_store(workspace: Workspace) -> SharedPhotoStore:
    store = workspace.photo_store
    if not isinstance(store, SharedPhotoStore):
        raise SafetyAssessError(NOT_SHARED)
    return store


def pending_uploads(workspace: Workspace) -> Pending:
    """What this folder holds that the server lacks, among the files the records refer to."""
    store = shared_store(workspace)
    hashes = sorted(workspace.photos.referenced_hashes() | workspace.site_maps.referenced_hashes())
    on_server = store.blobs.complete(BlobKey(sha, kind) for sha in hashes for kind in KINDS)
    files, nowhere = [], []
    for sha in hashes:
        original = store.local_original(sha)
        if original is None and BlobKey(sha, "original") not in on_server:
            nowhere.append(sha)
        local = [(kind, original) if kind == "original" else (kind, store.local_rendition(sha, kind)) for kind in KINDS]
        for kind, path in local:
            if path is not None and BlobKey(sha, kind) not in on_server:
                files.append(PendingFile(BlobKey(sha, kind), path.suffix[1:], path, path.stat().st_size))
    return Pending(files, len(on_server), nowhere)


def upload_photos(workspace: Workspace, progress: Progress | None = None) -> Uploaded:
    """Send every pending file, reporting bytes sent; stops at a cancel (``Cancelled``), the files sent kept."""
    progress = progress or Progress()
    store, pending = shared_store(workspace), pending_uploads(workspace)
    result = Uploaded(on_server=pending.on_server, nowhere=pending.nowhere)
    total = pending.size
    for number, file in enumerate(pending.files, start=1):
        progress.check()
        progress.report(result.bytes, total, f"Sending photo file {number} of {len(pending.files)} to the server")
        store.blobs.upload(file.key, file.extension, file.path, progress.check)
        result.sent += 1
        result.bytes += file.size
    progress.report(total, total)
    return result
