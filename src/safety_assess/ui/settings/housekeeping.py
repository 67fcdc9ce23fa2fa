"""The main window's housekeeping commands: the first-run welcome, settings, backups (asked for and automatic),
moving the data folder, and the user guide."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from safety_assess.base.jobs import Changes, Progress
from safety_assess.base.settings import Settings
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.ui import dialogs
from safety_assess.ui.progress_dialog import follow
from safety_assess.ui.settings.host import Host

if TYPE_CHECKING:
    from safety_assess.services.backup import BackupResult
    from safety_assess.services.demo import Sample
    from safety_assess.services.relocate import MoveResult
    from safety_assess.ui.operations import Operation
    from safety_assess.ui.settings.dialog import SettingsContext

log = logging.getLogger(__name__)

KEYS = "device-key.pem and district-key.pem (if there is one)"

BACKUP_CHECK_MS = 10 * 60 * 1000
"""How often the app looks whether an automatic backup is due."""
FIRST_BACKUP_CHECK_MS = 60 * 1000
"""The first look, once the app has settled: a backup before the day's work, when one is due."""


class Housekeeping:
    def __init__(self, host: Host) -> None:
        self.host = host
        self.window = host.window
        self.backup_timer: QTimer | None = None
        self.told_backup_failed = False
        self.restart = False
        """Set when the data folder changed: the app starts again on it once this window has closed."""

    def welcome(self) -> None:
        """First run: the welcome's choices are saved; the sample campus is made in the background."""
        from safety_assess.ui.settings.welcome import ask_welcome  # not needed to show the main window

        window, settings = self.window, self.host.workspace.settings
        empty = not self.host.workspace.overview()[0]
        choices = ask_welcome(window, settings.district_name, settings.assessor_name, empty)
        chosen = dataclasses.replace(settings, welcomed=True)
        if choices is not None:
            chosen = dataclasses.replace(
                chosen,
                district_name=choices.district or settings.district_name,
                assessor_name=choices.assessor or settings.assessor_name,
                share_photo_location=choices.share_photo_location,
            )
        try:
            self.host.workspace.settings_store.save(chosen)
        except SafetyAssessError as error:  # shown from a timer: no command around it to show it
            dialogs.show_error(window, "Settings not saved", str(error))
        if choices is not None and choices.sample:
            self.add_sample()

    def add_sample(self) -> None:
        from safety_assess.services.demo import make_sample

        window, host = self.window, self.host
        workspace, assessor = host.workspace, host.workspace.settings.assessor_name

        def made(sample: Sample) -> None:  # listed already: the operation published it
            host.select(sample.assessment_id)
            window.statusBar().showMessage("Sample campus added: open its assessment to try the walkthrough.", 8000)

        host.operations.run(
            "Adding the sample campus",
            lambda _progress: make_sample(workspace, assessor),
            on_done=made,
            changes=lambda sample: Changes(campuses=True, assessments=frozenset({sample.assessment_id})),
            on_error=lambda message: dialogs.show_error(window, "Sample campus not added", message),
        )

    def open_settings(self) -> None:
        """Edit the settings; saved and applied at once (OK), a bad database URL refused before anything is saved."""
        from safety_assess.ui.settings.dialog import ask_settings

        window = self.window
        chosen = ask_settings(window, self.host.workspace.settings, self.settings_context())
        if chosen is not None:
            self._save_settings(chosen)  # published by the settings store: the windows follow
            window.statusBar().showMessage("Settings saved.", 4000)

    def settings_context(self) -> SettingsContext:
        """What the settings dialog shows of this window's workspace, and the commands its buttons run."""
        from safety_assess.services.backup_keys import has_passphrase
        from safety_assess.services.identity import revoke_device, trusted_devices
        from safety_assess.ui.settings.dialog import SettingsContext
        from safety_assess.ui.settings.restoring import set_backup_passphrase

        host = self.host
        data = host.workspace.data_dir
        return SettingsContext(
            data_folder=str(data.root),
            database=str(host.workspace.target),
            district_key=self._district_key_text(),
            data_folder_fixed=_fixed_reason(data.source),
            usual_backups=str(data.backups),
            last_backup=self._last_backup_text(),
            use_district_key=self._use_key_from_settings,
            back_up=self.back_up,
            change_data_folder=self.change_data_folder,
            backup_passphrase_set=has_passphrase(data),
            set_backup_passphrase=lambda: set_backup_passphrase(host),
            signing_key=self._signing_key_text(),
            devices=lambda: trusted_devices(host.workspace),
            revoke_device=lambda fingerprint: revoke_device(host.workspace, fingerprint),
        )

    def _signing_key_text(self) -> str:
        workspace = self.host.workspace
        shown = workspace.signing_fingerprint
        if not workspace.shared:
            return shown
        try:
            _ = workspace.device_key  # this computer holds the staff key that opens it
        except SafetyAssessError as error:
            return f"{shown} (the district's); {error}"
        return f"{shown} (the district's, shared by every staff computer on this database)"

    def _save_settings(self, chosen: Settings) -> None:
        from safety_assess.services.workspace import check_database_url

        if chosen.database_url:
            check_database_url(chosen.database_url)  # a SafetyAssessError: shown, nothing saved
        self.host.workspace.settings_store.save(chosen)

    def _district_key_text(self) -> str:
        from safety_assess.services.sealing import sealing_key

        key = sealing_key(self.host.workspace)
        if key is None:
            return ""
        return f"{key.fingerprint} ({key.district})" if key.district else key.fingerprint

    def _use_key_from_settings(self) -> str:
        self.host.use_district_key()
        return self._district_key_text()

    def back_up(self, settings: Settings | None = None) -> None:
        """Back the data folder up now, in the background, as ``settings`` say (the Settings dialog passes what it
        shows, which may not be saved yet)."""
        window = self.window

        def done(result: BackupResult) -> None:
            missing = f"\n{len(result.missing)} photo files were already missing." if result.missing else ""
            dialogs.show_message(
                window,
                "Backed up",
                f"Backed up into {result.folder}: the database, {result.photos} photos, checklists and settings "
                f"({result.size / 1e6:.1f} MB), {result.protection}. Keep a copy apart from this computer, such as "
                f"on a drive. Keys are not in it: keep your own copy of {KEYS} from the data folder.{missing}",
            )

        operation = self._run_backup(
            "Backing up",
            settings or self.host.workspace.settings,
            done,
            lambda message: dialogs.show_error(window, "Backup not made", message),
        )
        follow(window, "Back up", "Backing up…", operation)

    def _run_backup(
        self, title: str, settings: Settings, done: Callable[[BackupResult], object], failed: Callable[[str], object]
    ) -> Operation:
        from safety_assess.services.backup import back_up, backups_folder
        from safety_assess.services.backup_keys import protection_for

        workspace = self.host.workspace
        into, keep = backups_folder(workspace, settings), settings.backups_kept

        def work(progress: Progress) -> BackupResult:
            protection = protection_for(workspace, settings)
            return back_up(workspace, into, progress=progress, keep=keep, protection=protection)

        return self.host.operations.run(title, work, on_done=done, on_error=failed)

    def restore_backup(self) -> None:
        """Restore a backup into a new folder, then offer to work on it (the app restarts there)."""
        from safety_assess.ui.settings.restoring import restore_backup

        restore_backup(self.host, bool(_fixed_reason(self.host.workspace.data_dir.source)), self._switch)

    def schedule_backups(self) -> None:
        """Back up by itself as the settings ask: looked at shortly after the start, then every few minutes."""
        self.backup_timer = QTimer(self.window)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.back_up_if_due)
        self.backup_timer.start()
        QTimer.singleShot(FIRST_BACKUP_CHECK_MS, self.window, self.back_up_if_due)

    def back_up_if_due(self) -> Operation | None:
        """Start an automatic backup when the newest is as old as the settings allow; None when none is due.

        Quiet when it works (a status bar line); a failure is logged and shown once a session, since a backup that
        silently stops being made is worse than none.
        """
        from safety_assess.services.backup import backup_due, backups_folder

        window, workspace = self.window, self.host.workspace
        settings = workspace.settings
        hours = settings.backup_every_hours
        if hours == 0 or workspace.shared or self.host.operations.is_busy():
            return None  # busy: a backup, a move or an import is running; looked at again at the next tick
        if not backup_due(backups_folder(workspace, settings), dt.timedelta(hours=hours)):
            return None

        def done(result: BackupResult) -> None:
            log.info("automatic backup made: %s (%d photos, %d linked)", result.folder, result.photos, result.linked)
            window.statusBar().showMessage(f"Backed up automatically into {result.folder}", 8000)

        def failed(message: str) -> None:
            log.warning("automatic backup failed: %s", message)
            if not self.told_backup_failed:
                self.told_backup_failed = True
                dialogs.show_error(
                    window,
                    "Automatic backup not made",
                    f"{message}\n\nYour work is saved as usual. Check the backups folder and how backups are "
                    "protected in File > Settings > Data and backups, then use Back up now.",
                )

        return self._run_backup("Backing up automatically", settings, done, failed)

    def _last_backup_text(self) -> str:
        from safety_assess.services.backup import backups_folder, existing_backups

        backups = existing_backups(backups_folder(self.host.workspace, self.host.workspace.settings))
        if not backups:
            return ""
        kept = f"{len(backups)} backups" if len(backups) > 1 else "the only one"
        return f"{backups[-1][0].astimezone():%d %b %Y at %H:%M} ({kept} in the folder)"

    def change_data_folder(self, chosen: Settings) -> bool:
        """Move the data to another folder, or start on another data folder; True when the app restarts for it.

        The settings as they stand in the dialog are saved first, so the moved folder has them.
        """
        from safety_assess.services.relocate import MoveError, check_new_folder

        window = self.window
        here = self.host.workspace.data_dir
        busy = self.host.registry.work_running()  # a photo import would go on writing to the old folder
        if busy:
            dialogs.show_error(window, "Data folder not changed", f"Wait for this to finish first: {', '.join(busy)}.")
            return False
        target = dialogs.ask_folder(
            window, "Where your data goes: an empty folder, or another data folder", here.root.parent
        )
        if target is None:
            return False
        try:
            existing = check_new_folder(here, target)
        except MoveError as error:
            dialogs.show_error(window, "Data folder not changed", str(error))
            return False
        question = (
            f"{target} already holds Safety Assess data. Work on it from now on? Your data in {here.root} stays "
            "there as it is."
            if existing
            else f"Copy your data (database, photos, checklists, settings and keys) to {target} and work there from "
            f"now on?\n\nOpen assessments are closed first. {here.root} is left as it is: remove it yourself once "
            "you have looked at the new folder."
        )
        if not dialogs.confirm(window, "Use another data folder" if existing else "Move your data", question):
            return False
        try:
            self._save_settings(chosen)
        except SafetyAssessError as error:
            dialogs.show_error(window, "Settings not saved", str(error))
            return False
        if existing:
            return self._switch(target)
        self._move(target)
        return True

    def _switch(self, target: Path) -> bool:
        from safety_assess.services.relocate import use_data_folder

        try:
            use_data_folder(self.host.workspace.data_dir, target)
        except SafetyAssessError as error:
            dialogs.show_error(self.window, "Data folder not changed", str(error))
            return False
        QTimer.singleShot(0, self.window, lambda: self._restart_on(target, "Safety Assess restarts on that folder."))
        return True

    def _move(self, target: Path) -> None:
        from safety_assess.services.relocate import move_data_folder

        window, workspace = self.window, self.host.workspace
        self.host.registry.close_all()
        old = workspace.data_dir.root

        def done(result: MoveResult) -> None:
            self._restart_on(
                result.folder,
                f"Copied your data: {result.files} files, {result.size / 1e6:.1f} MB. Safety Assess restarts "
                f"on the new folder.\n\n{old} was left as it is, with its own backups and log: remove it once "
                "you have looked at the new folder.",
            )

        operation = self.host.operations.run(
            "Moving the data folder",
            lambda progress: move_data_folder(workspace, target, progress),
            on_done=done,
            on_error=lambda message: dialogs.show_error(window, "Data folder not moved", message),
        )
        follow(window, "Move the data folder", "Copying your data…", operation)

    def _restart_on(self, folder: Path, message: str) -> None:
        log.info("data folder changed to %s; restarting", folder)
        self.host.channel.publish(Changes(data_folder=True), self.window)
        dialogs.show_message(self.window, "Data folder changed", message)
        self.restart = True
        self.window.close()


def _fixed_reason(source: str) -> str:
    if source == "option":
        return "Chosen with --data-dir for this start: start without it to use the folder chosen here."
    if source == "environment":
        return "Chosen by SAFETY_ASSESS_DATA_DIR: change or remove that setting of your computer to choose here."
    return ""
