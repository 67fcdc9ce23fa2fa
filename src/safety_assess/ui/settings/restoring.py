"""File > Restore from backup…: choose the backup, give its passphrase when it has one, choose a new folder; the
restore runs in the background, and then the app offers to work on the restored folder. Also: choosing the
passphrase backups are encrypted with."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safety_assess.domain.display import counted
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui import dialogs
from safety_assess.ui.progress_dialog import follow
from safety_assess.ui.settings.host import Host

if TYPE_CHECKING:
    from safety_assess.services.restore import RestoreResult

TITLE = "Restore from backup"


def restore_backup(host: Host, fixed: bool, switch: Callable[[Path], object]) -> None:
    """Ask for the backup, its passphrase and where it goes, then restore it in the background. ``fixed``: the
    data folder was chosen at start (--data-dir) and cannot be changed here; ``switch`` starts the app on the
    restored folder."""
    from safety_assess.base.pending_writes import PendingWrites
    from safety_assess.services.backup import backups_folder
    from safety_assess.services.backup_format import read_header
    from safety_assess.services.restore import RestoreKeys, restore

    window, workspace = host.window, host.workspace
    backup = dialogs.ask_folder(window, "The backup to restore", backups_folder(workspace, workspace.settings))
    if backup is None:
        return
    try:
        header = read_header(backup)
    except SafetyAssessError as error:
        dialogs.show_error(window, "Backup not restored", str(error))
        return
    passphrase = None
    if header.encryption == "passphrase":
        passphrase = dialogs.ask_passphrase(window, TITLE, f"The passphrase {backup.name} was encrypted with:")
        if passphrase is None:
            return
    target = dialogs.ask_folder(window, "Restore into a new or empty folder", workspace.data_dir.root.parent)
    if target is None:
        return
    keys = RestoreKeys(passphrase, workspace.data_dir.district_key)
    pending = PendingWrites(workspace.data_dir.pending_writes)  # a restore cut off is tidied at the next start
    operation = host.operations.run(
        "Restoring a backup",
        lambda progress: restore(backup, target, keys, progress, pending),
        on_done=lambda result: _restored(host, result, fixed, switch),
        on_error=lambda message: dialogs.show_error(window, "Backup not restored", message),
    )
    follow(window, TITLE, "Checking and restoring the backup…", operation)


def _photos_were(count: int, now: bool = False) -> str:
    """'1 photo was', '3 photos were' ('is' and 'are' ``now``)."""
    verb = ("is" if now else "was") if count == 1 else ("are" if now else "were")
    return f"{counted(count, 'photo')} {verb}"


def _restored(host: Host, result: RestoreResult, fixed: bool, switch: Callable[[Path], object]) -> None:
    """Offer to work on the restored folder (the app restarts there), or say where it is."""
    missing = f" {_photos_were(len(result.missing))} already missing when it was made." if result.missing else ""
    if result.damaged:
        missing += f" {_photos_were(len(result.damaged), now=True)} damaged in the backup and were left out."
    where = f"Restored {result.what()} into {result.folder}.{missing}"
    window, busy = host.window, host.registry.work_running()
    if fixed or busy:
        how = (
            f"To work on it, start Safety Assess with --data-dir {result.folder}."
            if fixed
            else f"To work on it once this is done ({', '.join(busy)}), choose it in Settings > Data and backups > "
            "Move or change…."
        )
        dialogs.show_message(window, TITLE, f"{where}\n\n{how}")
        return
    here = host.workspace.data_dir.root
    question = f"{where}\n\nWork on it from now on? The data in {here} stays there as it is."
    if dialogs.confirm(window, TITLE, question):
        switch(result.folder)


def set_backup_passphrase(host: Host) -> bool:
    """Ask for a new backup passphrase and keep its key (about half a second to make); True when set."""
    from safety_assess.services.backup_keys import set_passphrase
    from safety_assess.ui.settings.passphrase import ask_new_passphrase

    window = host.window
    passphrase = ask_new_passphrase(window)
    if passphrase is None:
        return False
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        set_passphrase(host.workspace.data_dir, passphrase)
    except SafetyAssessError as error:
        dialogs.show_error(window, "Passphrase not set", str(error))
        return False
    finally:
        QApplication.restoreOverrideCursor()
    window.statusBar().showMessage("Backups from now on are encrypted with the new passphrase.", 6000)
    return True
