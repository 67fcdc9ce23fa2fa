"""A backup of the data folder while the app runs: a consistent copy of the database (SQLite's backup API), the
photo files it refers to, the user's checklists and settings.

The backup is itself a data folder: open it with ``--data-dir BACKUP`` to look at it, or copy it back to restore.
It appears under its final name only when complete. The device and district keys are left out (they are secrets;
keep their own copy somewhere safe).
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.progress import Progress
from safety_assess.services.workspace import Workspace
from safety_assess.storage.backup import backup_database


class BackupError(SafetyAssessError):
    """The backup cannot be made."""


@dataclass
class BackupResult:
    folder: Path
    photos: int = 0
    size: int = 0
    missing: list[str] = field(default_factory=list)
    """Photo files the database refers to that were not in the photo store (already missing before the backup)."""


def back_up(
    workspace: Workspace,
    into: Path | None = None,
    *,
    clock: dt.datetime | None = None,
    progress: Progress | None = None,
) -> BackupResult:
    """Back the data folder up into a new folder inside ``into`` (the data folder's backups/ by default)."""
    progress = progress or Progress()
    path = workspace.target.path
    if path is None:
        raise BackupError(
            f"the shared database {workspace.target} is backed up on its server (pg_dump); this command backs up "
            "a data folder's own database"
        )
    stamp = (clock or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    parent = into or workspace.data_dir.backups
    final = parent / f"safety-assess-backup-{stamp}"
    partial = parent / f".{final.name}.partial"
    try:
        if final.exists():
            raise BackupError(f"{final} already exists")
        shutil.rmtree(partial, ignore_errors=True)
        parent.mkdir(parents=True, exist_ok=True)
        partial.mkdir(mode=0o700)  # as confidential as the data folder
        progress.report(0, 1, "Copying the database")
        copy = backup_database(path, partial, "backup")
        copy.rename(partial / path.name)
        result = _copy_photos(workspace, partial / path.name, partial / "photos", progress)
        _copy_small_files(workspace, partial)
        partial.rename(final)
        result.folder = final
    except BaseException as error:  # a half-made backup never stays
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, OSError):
            raise BackupError(f"could not back up into {parent}: {error.strerror or error}") from None
        raise
    result.size = sum(f.stat().st_size for f in final.rglob("*") if f.is_file())
    return result


def _copy_photos(workspace: Workspace, database: Path, target: Path, progress: Progress) -> BackupResult:
    """Every photo file the copied database refers to (originals; renditions are made again when shown)."""
    with closing(sqlite3.connect(database)) as connection:  # the copy, so its WAL files go when it closes
        hashes = [row[0] for row in connection.execute("SELECT DISTINCT sha256 FROM photos ORDER BY sha256")]
    result = BackupResult(target.parent)
    store = workspace.photo_store
    for done, sha256 in enumerate(hashes):
        progress.check()
        progress.report(done, len(hashes), f"Copying photos ({done} of {len(hashes)})")
        source = store.find_original(sha256)
        if source is None:
            result.missing.append(sha256)
            continue
        destination = target / source.relative_to(store.root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        result.photos += 1
    progress.report(len(hashes), len(hashes))
    return result


def _copy_small_files(workspace: Workspace, target: Path) -> None:
    data = workspace.data_dir
    if data.settings.exists():
        shutil.copy2(data.settings, target / data.settings.name)
    if data.checklists.is_dir():
        shutil.copytree(data.checklists, target / data.checklists.name)
