"""Moving the data folder to another place (a bigger disk, an encrypted drive) or using another one.

A move is a copy: the database through SQLite's backup API (consistent while the app has it open), then the
photos, checklists, settings and keys. The copy is made beside the new place under the app's own temporary name
(see safety_assess.base.leftovers: what a move cut off leaves is removed at the next start), checked, and given its name
only when whole; then the app remembers it for the next start. The old folder is left exactly as it was, so nothing
is lost if the new place turns out wrong; the user removes it once they have looked.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess.base.datadir import DataDir, is_data_folder, remember_data_folder
from safety_assess.base.jobs import Progress
from safety_assess.base.leftovers import is_own_temp, remove_leftovers, temp_path, this_host
from safety_assess.base.pending_writes import PendingWrites
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.workspace import Workspace
from safety_assess.storage.backup import copy_database

LEFT_BEHIND = frozenset({"logs", "backups", "app.lock"})
"""Not moved: the old folder's own log and backups (backups already made stay where they are), and its lock."""


DRIVE_FILES = frozenset(
    {"System Volume Information", "$RECYCLE.BIN", ".Spotlight-V100", ".fseventsd", ".Trashes", "lost+found"}
)
"""What an operating system keeps at the top of a drive: a drive holding only these counts as empty."""


class MoveError(SafetyAssessError):
    """The data folder cannot be moved there."""


@dataclass
class MoveResult:
    folder: Path
    files: int = 0
    size: int = 0
    left_behind: list[str] = field(default_factory=list)


def check_new_folder(current: DataDir, target: Path) -> bool:
    """True when ``target`` is already a data folder (to be used as it is), False when it is empty or not there
    yet (the data can be moved into it); MoveError for anywhere else."""
    here, there = current.root.resolve(), target.expanduser().resolve()
    if there == here:
        raise MoveError(f"{target} is the data folder already in use")
    if there.is_relative_to(here) or here.is_relative_to(there):
        raise MoveError(f"{target} is inside the data folder in use, or holds it: choose a folder apart from {here}")
    if there.exists() and not there.is_dir():
        raise MoveError(f"{target} is a file, not a folder")
    if is_data_folder(there):
        return True
    if there.is_dir() and holds_files(there):
        raise MoveError(f"{target} already holds other files: choose an empty folder, or an existing data folder")
    return False


def holds_files(folder: Path) -> bool:
    """Whether ``folder`` holds anything that makes it not empty: not a drive's own files, nor the leftovers of a
    move or restore of ours that was cut off."""
    return any(entry.name not in DRIVE_FILES and not is_own_temp(entry.name) for entry in folder.iterdir())


def use_data_folder(current: DataDir, target: Path) -> None:
    """Start on ``target``, an existing data folder, from now on."""
    if not check_new_folder(current, target):
        raise MoveError(f"{target} is not a Safety Assess data folder")
    remember_data_folder(target.expanduser().resolve())


def move_data_folder(workspace: Workspace, target: Path, progress: Progress | None = None) -> MoveResult:
    """Copy the data folder to ``target`` (empty or not there yet), check the copy, and start there from now on."""
    progress = progress or Progress()
    if check_new_folder(workspace.data_dir, target):
        raise MoveError(f"{target} is already a data folder: use it as it is instead")
    target = target.expanduser().resolve()
    existed = target.is_dir()  # an empty folder, maybe a drive's own top folder: filled from inside
    staging = temp_path(target / "moving" if existed else target)
    moved: list[Path] = []
    noted = PendingWrites(workspace.data_dir.pending_writes).note(staging.parent)
    try:
        staging.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(staging.parent)  # of a move that stopped half-way
        staging.mkdir(mode=0o700)  # as confidential as the data folder
        result = _copy(workspace, staging, progress)
        if existed:
            for entry in sorted(staging.iterdir()):
                entry.rename(target / entry.name)
                moved.append(target / entry.name)
            staging.rmdir()
            _make_private(target)
        else:
            staging.rename(target)
    except BaseException as error:  # a half-made copy never stays
        if existed:
            _remove([*moved, staging])
        else:
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(error, OSError):
            raise MoveError(f"could not copy the data folder to {target}: {error.strerror or error}") from None
        raise
    finally:
        PendingWrites.done(noted)
    result.folder = target
    remember_data_folder(target)
    return result


def _remove(paths: list[Path]) -> None:
    """Remove what the move put into a folder that was empty (or held only the drive's own files) before it."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _make_private(folder: Path) -> None:
    with contextlib.suppress(OSError):  # a file system without owners (FAT): nothing to restrict
        folder.chmod(0o700)


def _copy(workspace: Workspace, staging: Path, progress: Progress) -> MoveResult:
    root, database = workspace.data_dir.root, workspace.target.path
    result = MoveResult(staging)
    files = [path for path in _files(root, result) if not _left_out(path, root, database)]
    total = len(files) + 1
    if database is not None:
        progress.report(0, total, "Copying the database")
        copy_database(database, staging / database.name)  # checked as it is made
        result.files, result.size = 1, (staging / database.name).stat().st_size
    for done, path in enumerate(files, start=1):
        progress.check()
        progress.report(done, total, f"Copying files ({done} of {len(files)})")
        destination = staging / path.relative_to(root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)  # keeps the keys' owner-only permissions
        if destination.stat().st_size != path.stat().st_size:
            raise MoveError(f"the copy of {path} is not the same size as the original")
        result.files += 1
        result.size += destination.stat().st_size
    progress.report(total, total)
    return result


def _files(root: Path, result: MoveResult) -> list[Path]:
    """The files to copy, in a stable order; what stays behind is noted in ``result``."""
    found = []
    for entry in sorted(root.iterdir()):
        if is_own_temp(entry.name):
            continue  # a write of ours cut off, or running now (a pre-upgrade copy of the database)
        if entry.name in LEFT_BEHIND or entry.name.startswith(".write-test-"):
            if entry.name != "app.lock":
                result.left_behind.append(entry.name)
        elif entry.is_dir():
            found += sorted(path for path in entry.rglob("*") if path.is_file())
        elif entry.is_file():
            found.append(entry)
    return found


def _left_out(path: Path, root: Path, database: Path | None) -> bool:
    """The database in use and its journal files (copied through the backup API instead), and the notes of this
    process's own writes, the move itself among them (they end here; see safety_assess.base.pending_writes)."""
    if path.parent == root / "pending-writes" and path.name.startswith(f"{this_host()}-{os.getpid()}-"):
        return True
    return path.parent == root and _is_database_file(path, database)


def _is_database_file(path: Path, database: Path | None) -> bool:
    """The database in use and its journal files: the database is copied through the backup API instead."""
    if database is None:  # on a shared database: every file in the folder is copied as it is
        return False
    name = database.name
    return path.name in (name, f"{name}-wal", f"{name}-shm", f"{name}-journal")
