"""The main window's housekeeping commands: the first-run welcome, settings, backups and the user guide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.settings import apply_settings, save_settings
from safety_assess.ui import dialogs
from safety_assess.ui.progress_dialog import follow

if TYPE_CHECKING:
    from safety_assess.services.backup import BackupResult
    from safety_assess.services.demo import Sample
    from safety_assess.ui.main_window import MainWindow


class Housekeeping:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def welcome(self) -> None:
        """First run: the welcome's choices are saved; the sample campus is made in the background."""
        window, settings = self.window, self.window.settings
        empty = window.model.rowCount() == 0
        choices = dialogs.ask_welcome(window, settings.district_name, settings.assessor_name, empty)
        settings.welcomed = True
        if choices is not None:
            settings.district_name = choices.district or settings.district_name
            settings.assessor_name = choices.assessor or settings.assessor_name
            settings.share_photo_location = choices.share_photo_location
        save_settings(window.workspace.data_dir.settings, settings)
        if choices is not None and choices.sample:
            self.add_sample()

    def add_sample(self) -> None:
        from safety_assess.services.demo import make_sample

        window = self.window
        workspace, assessor = window.workspace, window.settings.assessor_name

        def made(sample: Sample) -> None:
            window.refresh(select=sample.assessment_id)
            window.statusBar().showMessage("Sample campus added: open its assessment to try the walkthrough.", 8000)

        window.operations.run(
            "Adding the sample campus",
            lambda _progress: make_sample(workspace, assessor),
            on_done=made,
            on_error=lambda message: dialogs.show_error(window, "Sample campus not added", message),
        )

    def open_settings(self) -> None:
        """Edit the settings; saved and applied at once (OK), a bad database URL refused before anything is saved."""
        from safety_assess.services.workspace import check_database_url
        from safety_assess.ui.settings.dialog import SettingsContext

        window = self.window
        data = window.workspace.data_dir
        context = SettingsContext(
            data_folder=str(data.root),
            database=str(window.workspace.target),
            district_key=self._district_key_text(),
            backups=str(data.backups),
            use_district_key=self._use_key_from_settings,
            back_up=self.back_up,
        )
        chosen = dialogs.ask_settings(window, window.settings, context)
        if chosen is None:
            return
        if chosen.database_url:
            check_database_url(chosen.database_url)  # a SafetyAssessError: shown, nothing saved
        window.settings = chosen
        apply_settings(chosen)
        save_settings(data.settings, chosen)
        window.statusBar().showMessage("Settings saved.", 4000)
        window.refresh(select=window.selected_id())

    def _district_key_text(self) -> str:
        from safety_assess.sync.sealing import sealing_key

        key = sealing_key(self.window.workspace)
        if key is None:
            return ""
        return f"{key.fingerprint} ({key.district})" if key.district else key.fingerprint

    def _use_key_from_settings(self) -> str:
        self.window.use_district_key()
        return self._district_key_text()

    def back_up(self) -> None:
        """Back the data folder up into its backups/ folder, in the background."""
        from safety_assess.services.backup import back_up

        window = self.window
        workspace = window.workspace

        def done(result: BackupResult) -> None:
            missing = f"\n{len(result.missing)} photo files were already missing." if result.missing else ""
            dialogs.show_message(
                window,
                "Backed up",
                f"Backed up into {result.folder}: the database, {result.photos} photos, checklists and settings "
                f"({result.size / 1e6:.1f} MB). Copy that folder somewhere safe, such as a drive kept apart.{missing}",
            )

        operation = window.operations.run(
            "Backing up",
            lambda progress: back_up(workspace, progress=progress),
            on_done=done,
            on_error=lambda message: dialogs.show_error(window, "Backup not made", message),
        )
        follow(window, "Back up", "Backing up…", operation)

    def open_user_guide(self) -> None:
        from safety_assess.resources import user_guide

        guide = user_guide()
        if not guide.is_file():
            dialogs.show_error(self.window, "User guide missing", f"The user guide is not where it should be: {guide}")
        elif not dialogs.open_file(guide):
            dialogs.show_message(self.window, "User guide", f"Open this file in a web browser:\n{guide}")
