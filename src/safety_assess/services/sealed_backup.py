"""Writing an encrypted backup: every file sealed (database copy, settings, checklists, each photo), a sealed
manifest listing them, and the header saying how to open it.

Nothing readable reaches the backup's drive: the database is copied into a private folder inside the data folder
(on the laptop, beside the database itself), sealed from there into the backup, and the copy removed. A photo is
sealed once: the next backup links the same sealed file (its name comes from the photo's hash and the key, see
Protection.photo_name) rather than sealing it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from safety_assess import __version__
from safety_assess.base.jobs import Progress
from safety_assess.base.leftovers import remove_leftovers, temp_path
from safety_assess.keys.sealed import Recipient, seal_stream, sealed_size
from safety_assess.services.backup_format import (
    DATABASE,
    HEADER_FILE,
    MANIFEST_FILE,
    SETTINGS,
    BackupResult,
    Entry,
    Manifest,
    header_bytes,
    link_same,
    manifest_bytes,
    photo_files,
    photo_hashes,
)
from safety_assess.services.backup_keys import Protection
from safety_assess.services.workspace import Workspace
from safety_assess.storage.backup import copy_database


class _Hashing:
    """A file read through this is hashed and counted on the way."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle, self.sha256, self.size = handle, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def seal_file(source: Path, target: Path, recipient: Recipient) -> tuple[int, str]:
    """Seal ``source`` into ``target``; the plain file's size and SHA-256."""
    with source.open("rb") as src, target.open("wb") as out:
        hashing = _Hashing(src)
        seal_stream(hashing, out, recipient)
    return hashing.size, hashing.sha256.hexdigest()


def write_sealed(
    workspace: Workspace,
    database: Path,
    folder: Path,
    earlier: Path | None,
    protection: Protection,
    progress: Progress,
    taken: dt.datetime,
) -> BackupResult:
    """Fill ``folder`` (a new, empty backup folder) with the sealed backup of the data folder; ``earlier`` is the
    previous backup folder, whose sealed photos are linked when they are the same."""
    assert protection.recipient is not None
    writer = _Writer(folder, protection.recipient)
    with _scratch(workspace.data_dir.root) as scratch:
        progress.report(0, 1, "Copying the database")
        copy = scratch / DATABASE
        copy_database(database, copy)
        writer.add(copy, DATABASE)
        hashes = photo_hashes(copy)
        copy.unlink()
    result = _seal_photos(workspace, hashes, writer, earlier, protection, progress)
    _seal_small_files(workspace, writer)
    manifest = Manifest(app_version=__version__, taken=taken, entries=writer.entries, missing=result.missing)
    with (folder / MANIFEST_FILE).open("wb") as out:
        seal_stream(io.BytesIO(manifest_bytes(manifest)), out, protection.recipient)
    (folder / HEADER_FILE).write_bytes(header_bytes(protection.header))
    return result


class _Writer:
    def __init__(self, folder: Path, recipient: Recipient) -> None:
        self.folder, self.recipient = folder, recipient
        self.entries: list[Entry] = []
        self.files = 0
        (folder / "data").mkdir()
        (folder / "photos").mkdir()

    def add(self, source: Path, path: str) -> None:
        stored = f"data/{self.files}.sealed"  # a number: even a checklist's name tells nothing
        self.files += 1
        size, sha256 = seal_file(source, self.folder / stored, self.recipient)
        self.entries.append(Entry(path=path, stored=stored, size=size, sha256=sha256))


def _seal_photos(
    workspace: Workspace,
    hashes: list[str],
    writer: _Writer,
    earlier: Path | None,
    protection: Protection,
    progress: Progress,
) -> BackupResult:
    result = BackupResult(writer.folder, protection=protection.describe())
    for sha256, source in photo_files(workspace, hashes, result, progress, "Encrypting photos"):
        stored = f"photos/{protection.photo_name(sha256)}.sealed"
        size = source.stat().st_size
        expected = sealed_size(size, writer.recipient)
        if earlier is not None and link_same(earlier / stored, writer.folder / stored, expected):
            result.linked += 1
        elif seal_file(source, writer.folder / stored, writer.recipient) != (size, sha256):
            (writer.folder / stored).unlink()  # changed on disk since it was stored: not a photo to restore
            result.missing.append(sha256)
            continue
        path = source.relative_to(workspace.photo_store.root.parent).as_posix()
        writer.entries.append(Entry(path=path, stored=stored, size=size, sha256=sha256))
        result.photos += 1
    return result


def _seal_small_files(workspace: Workspace, writer: _Writer) -> None:
    data = workspace.data_dir
    if data.settings.is_file():
        writer.add(data.settings, SETTINGS)
    if data.checklists.is_dir():
        for path in sorted(p for p in data.checklists.rglob("*") if p.is_file()):
            writer.add(path, path.relative_to(data.root).as_posix())


@contextmanager
def _scratch(root: Path) -> Iterator[Path]:
    """A private folder in the data folder for the plain database copy, removed afterwards. It has the app's own
    temporary name, so one a killed backup left is removed at the next start, or here."""
    remove_leftovers(root)
    folder = temp_path(root / "backup-scratch")
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
