"""A backup of the data folder while the app runs: a consistent copy of the database (SQLite's backup API), the
photo files it refers to, the user's checklists and settings.

A backup is encrypted as the settings say (services/backup_keys.py): every file sealed, listed in a sealed
manifest (services/sealed_backup.py); it is opened again with ``restore`` (services/restore.py). An unencrypted
backup, made only when the user chose so, is itself a data folder. Either way it appears under its final name only
when complete, and the device and district keys are left out (they are secrets; keep their own copy somewhere
safe).

Photo files never change once stored (they are named by their SHA-256), so a photo already in the newest earlier
backup is hard-linked from there rather than copied (or sealed) again: a daily backup of a campus with a thousand
photos costs the database and the day's new photos. Where links are not possible (another drive, FAT), photos are
copied. The settings decide how often the app backs up by itself and how many backups are kept (the oldest are
removed).
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

from safety_assess.base.jobs import Progress
from safety_assess.base.leftovers import remove_leftovers, temp_path
from safety_assess.base.pending_writes import PendingWrites
from safety_assess.base.settings import Settings
from safety_assess.services.backup_format import (
    HEADER_FILE,
    BackupError,
    BackupResult,
    database_file,
    header_bytes,
    link_same,
    photo_files,
    photo_hashes,
)
from safety_assess.services.backup_keys import UNENCRYPTED, Protection
from safety_assess.services.sealed_backup import write_sealed
from safety_assess.services.workspace import Workspace
from safety_assess.storage.backup import copy_database

log = logging.getLogger(__name__)

PREFIX = "safety-assess-backup-"
STAMP = "%Y%m%dT%H%M%SZ"
LEFTOVER_AGE = dt.timedelta(days=1)
"""A half-made backup named as earlier versions named them (``.NAME.partial``, without the writing process) older
than this was left by a copy of the app that stopped mid-way: removed when pruning. Younger ones may belong to a
backup running right now in another process. (Half-made backups are now named as safety_assess.base.leftovers says.)"""


__all__ = ["BackupError", "BackupResult", "back_up", "backup_due", "backups_folder", "prune_backups"]


def backups_folder(workspace: Workspace, settings: Settings) -> Path:
    """Where backups go: the folder the settings name, else the data folder's backups/."""
    chosen = settings.backup_folder.strip()
    return Path(chosen).expanduser() if chosen else workspace.data_dir.backups


def existing_backups(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """The complete backups in ``folder``, oldest first, with when each was taken (from its name)."""
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            taken = _taken(entry.name)
            if taken is not None and entry.is_dir():
                found.append((taken, entry))
    return sorted(found)


def backup_due(folder: Path, every: dt.timedelta, now: dt.datetime | None = None) -> bool:
    """True when the newest backup in ``folder`` is at least ``every`` old (or there is none)."""
    backups = existing_backups(folder)
    return not backups or (now or dt.datetime.now(dt.UTC)) - backups[-1][0] >= every


def prune_backups(folder: Path, keep: int, now: dt.datetime | None = None, *, in_use: Path | None = None) -> list[Path]:
    """Remove all but the newest ``keep`` backups (at least one is always kept), and half-made ones left long ago.

    A backup that is itself the data folder ``in_use`` (someone opened a backup to work on) is never removed.
    """
    backups = [path for _, path in existing_backups(folder)]
    doomed = backups[: max(0, len(backups) - max(1, keep))]
    if in_use is not None:
        here = in_use.resolve()
        doomed = [path for path in doomed if not here.is_relative_to(path.resolve())]
    limit = (now or dt.datetime.now(dt.UTC)) - LEFTOVER_AGE
    for entry in folder.glob(f".{PREFIX}*.partial") if folder.is_dir() else []:
        taken = _taken(entry.name[1:].removesuffix(".partial"))
        if taken is not None and taken < limit:
            doomed.append(entry)
    removed = []
    for path in doomed:
        try:
            shutil.rmtree(path)
            removed.append(path)
        except OSError as error:
            log.warning("old backup %s could not be removed: %s", path, error)
    return removed


def _taken(name: str) -> dt.datetime | None:
    if not name.startswith(PREFIX):
        return None
    try:
        return dt.datetime.strptime(name.removeprefix(PREFIX), STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def back_up(
    workspace: Workspace,
    into: Path | None = None,
    *,
    clock: dt.datetime | None = None,
    progress: Progress | None = None,
    keep: int | None = None,
    protection: Protection,
) -> BackupResult:
    """Back the data folder up, protected as ``protection`` says, into a new folder inside ``into`` (the data
    folder's backups/ by default); then, with ``keep``, remove all but the newest ``keep`` backups there."""
    progress = progress or Progress()
    path = database_file(workspace)
    now = clock or dt.datetime.now(dt.UTC)
    parent = into or workspace.data_dir.backups
    final, partial = _claim(parent, now)
    noted = PendingWrites(workspace.data_dir.pending_writes).note(parent)  # tidied at the next start if cut off
    try:
        previous = existing_backups(parent)
        earlier = previous[-1][1] if previous else None
        if protection.encrypted:
            result = write_sealed(workspace, path, partial, earlier, protection, progress, now)
        else:
            result = _write_plain(workspace, path, partial, earlier, progress)
        partial.rename(final)
        result.folder = final
    except BaseException as error:  # a half-made backup never stays
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, OSError):
            raise BackupError(f"could not back up into {parent}: {error.strerror or error}") from None
        raise
    finally:
        PendingWrites.done(noted)
    result.size = sum(f.stat().st_size for f in final.rglob("*") if f.is_file())
    if keep is not None:
        result.removed = prune_backups(parent, keep, now, in_use=workspace.data_dir.root)
    return result


def _claim(parent: Path, now: dt.datetime) -> tuple[Path, Path]:
    """The new backup's name and its half-made folder (the app's own temporary name), created: named by the time, a
    second later when that name is taken or being made (two backups within one second). The half-made backups of
    copies of the app that stopped mid-way are removed first."""
    if not parent.parent.is_dir():  # never made up on the laptop in place of a drive that is not connected
        raise BackupError(f"could not back up into {parent}: {parent.parent} is not there (is its drive connected?)")
    try:
        parent.mkdir(exist_ok=True)
        remove_leftovers(parent)
        for _ in range(60):
            final = parent / f"{PREFIX}{now.strftime(STAMP)}"
            if not final.exists() and not any(parent.glob(f".{final.name}.*partial")):  # not being made elsewhere
                partial = temp_path(final)
                partial.mkdir(mode=0o700)  # as confidential as the data folder
                return final, partial
            now += dt.timedelta(seconds=1)
    except OSError as error:
        raise BackupError(f"could not back up into {parent}: {error.strerror or error}") from None
    raise BackupError(f"could not back up into {parent}: too many backups named after {now:%H:%M}")


def _write_plain(
    workspace: Workspace, database: Path, folder: Path, earlier: Path | None, progress: Progress
) -> BackupResult:
    """The unencrypted backup (only when chosen): a data folder, with a header saying it is not encrypted."""
    progress.report(0, 1, "Copying the database")
    copy_database(database, folder / database.name)
    result = _copy_photos(workspace, folder / database.name, folder / "photos", earlier, progress)
    _copy_small_files(workspace, folder)
    (folder / HEADER_FILE).write_bytes(header_bytes(UNENCRYPTED.header))
    result.protection = UNENCRYPTED.describe()
    return result


def _copy_photos(
    workspace: Workspace, database: Path, target: Path, earlier_backup: Path | None, progress: Progress
) -> BackupResult:
    """Every photo file the copied database refers to (originals; renditions are made again when shown), linked
    from the ``earlier`` backup's photos where the same file is there."""
    hashes = photo_hashes(database)
    earlier = earlier_backup / "photos" if earlier_backup is not None else None
    result = BackupResult(target.parent)
    for _, source in photo_files(workspace, hashes, result, progress, "Copying photos"):
        relative = source.relative_to(workspace.photo_store.root)
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        if earlier is not None and link_same(earlier / relative, destination, source.stat().st_size):
            result.linked += 1
        else:
            shutil.copy2(source, destination)
        result.photos += 1
    return result


def _copy_small_files(workspace: Workspace, target: Path) -> None:
    data = workspace.data_dir
    if data.settings.exists():
        shutil.copy2(data.settings, target / data.settings.name)
    if data.checklists.is_dir():
        shutil.copytree(data.checklists, target / data.checklists.name)
