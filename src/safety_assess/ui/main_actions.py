"""The main window's actions, as data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from safety_assess.ui.actions import ActionSpec

if TYPE_CHECKING:
    from safety_assess.ui.main_window import MainWindow

MAIN_ACTIONS: tuple[ActionSpec[MainWindow], ...] = (
    ActionSpec(
        "campus.new",
        "New &campus…",
        "&File",
        lambda main: main.new_campus(),
        "Ctrl+Shift+N",
        "Add a campus",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.new",
        "&New assessment…",
        "&File",
        lambda main: main.new_assessment(),
        QKeySequence.StandardKey.New,
        "Start an assessment of a campus",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.open",
        "&Open assessment",
        "&File",
        lambda main: main.open_selected(),
        "Ctrl+O",
        "Walk through the selected assessment",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.plan",
        "&Findings and action plan",
        "&File",
        lambda main: main.open_selected_plan(),
        "Ctrl+Shift+F",
        "Findings, heat map, action plan and scores of the selected assessment",
        toolbar=True,
    ),
    ActionSpec(
        "assessment.conflicts",
        "Reso&lve conflicts…",
        "&File",
        lambda main: main.open_conflicts(),
        "Ctrl+Alt+C",
        "Items two laptops answered differently in the selected assessment, side by side: keep ours or take theirs",
    ),
    ActionSpec(
        "campus.maps",
        "Site &plans…",
        "&File",
        lambda main: main.open_selected_maps(),
        "Ctrl+M",
        "The selected campus's site and floor plans: doors, cameras and what they see, findings pinned",
        toolbar=True,
    ),
    ActionSpec(
        "campus.drills",
        "&Drill log…",
        "&File",
        lambda main: main.open_selected_drills(),
        "Ctrl+Shift+L",
        "The selected campus's drills this school year: done, required and overdue per type",
    ),
    ActionSpec(
        "assessment.export",
        "E&xport action plan…",
        "&File",
        lambda main: main.export_selected(),
        "Ctrl+Shift+E",
        "The action-plan PDF of the selected assessment (full or public), with a preview",
    ),
    ActionSpec(
        "sync.export",
        "&Export bundle for the district…",
        "&Sync",
        lambda main: main.export_bundle(),
        "Ctrl+Shift+B",
        "Chosen assessments, or everything changed since the last export, in one signed file",
    ),
    ActionSpec(
        "sync.import",
        "&Import bundles…",
        "&Sync",
        lambda main: main.import_bundles(),
        "Ctrl+Shift+I",
        "Bring in assessors' bundles (or drop .sabundle files on this window)",
    ),
    ActionSpec(
        "sync.team_pack",
        "&Team pack for a second laptop…",
        "&Sync",
        lambda main: main.team_pack(),
        "Ctrl+Shift+T",
        "Give a second laptop the selected assessment to work on, with the sections it does",
    ),
    ActionSpec(
        "sync.use_key",
        "&Use district key file…",
        "&Sync",
        lambda main: main.use_district_key(),
        "Ctrl+Shift+K",
        "Encrypt every later bundle to the district's key",
    ),
    ActionSpec(
        "sync.district_key",
        "Export this &district's key…",
        "&Sync",
        lambda main: main.export_district_key(),
        "Ctrl+Alt+K",
        "At the district: the public key file to give every assessor (the key is made the first time)",
    ),
    ActionSpec(
        "district.view",
        "&District overview",
        "&View",
        lambda main: main.open_district(),
        "Ctrl+Shift+D",
        "Every campus at a glance: ranking, totals, trends and the district's action plan",
        toolbar=True,
    ),
    ActionSpec(
        "view.refresh",
        "&Refresh",
        "&View",
        lambda main: main.refresh(),
        QKeySequence.StandardKey.Refresh,
        "Reload the list",
    ),
    ActionSpec(
        "app.checklists",
        "Chec&klists…",
        "&File",
        lambda main: main.windows.open_checklists(),
        None,
        "The checklists in use; check a checklist file, add one (YAML or spreadsheet), export one as a spreadsheet",
    ),
    ActionSpec(
        "app.settings",
        "&Settings…",
        "&File",
        lambda main: main.housekeeping.open_settings(),
        "Ctrl+,",
        "Your name, the district and its key, report marking and currency, privacy, data and backups",
    ),
    ActionSpec(
        "app.backup",
        "&Back up now…",
        "&File",
        lambda main: main.housekeeping.back_up(),
        "Ctrl+Shift+S",
        "An encrypted copy of the database, photos, checklists and settings, safe while you work",
    ),
    ActionSpec(
        "app.restore",
        "&Restore from backup…",
        "&File",
        lambda main: main.housekeeping.restore_backup(),
        None,
        "Open a backup into a new data folder (its passphrase is asked for), then work on it if you choose",
    ),
    ActionSpec(
        "app.quit", "&Quit", "&File", lambda main: main.close(), QKeySequence.StandardKey.Quit, "Close Safety Assess"
    ),
    ActionSpec(
        "help.guide",
        "&User guide",
        "&Help",
        lambda main: main.windows.show_guide(),
        QKeySequence.StandardKey.HelpContents,
        "How to walk a campus, plan, report and sync, with pictures",
    ),
    ActionSpec(
        "help.about",
        "&About Safety Assess",
        "&Help",
        lambda main: main.show_about(),
        "Ctrl+F1",
        "Version, data folder and this installation's device fingerprint",
    ),
)
