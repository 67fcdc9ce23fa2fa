"""Take the user guide's screenshots on the sample campus (run on a virtual screen, from the repository root):

xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/user-guide/make_screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from safety_assess.base.datadir import DataDir
from safety_assess.base.settings import Settings
from safety_assess.services.backup import back_up
from safety_assess.services.backup_keys import protection_for, set_passphrase
from safety_assess.services.demo import make_sample
from safety_assess.services.workspace import Workspace
from safety_assess.ui.app import application
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.settings.dialog import SettingsDialog
from safety_assess.ui.settings.welcome import WelcomeDialog

IMAGES = Path(__file__).resolve().parent / "images"


def shoot(app: QApplication, widget: QWidget, name: str) -> None:
    widget.show()
    for _ in range(20):
        app.processEvents()
    widget.grab().save(str(IMAGES / f"{name}.png"))


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    app = application()
    workspace = Workspace.open(DataDir(Path(tempfile.mkdtemp()) / "safety-assess", "default"))
    sample = make_sample(workspace, "Ana Diaz")
    settings = Settings(assessor_name="Ana Diaz", district_name="Riverside Unified", backup_encryption="passphrase")
    set_passphrase(workspace.data_dir, "correct horse battery staple")
    back_up(workspace, protection=protection_for(workspace, settings))  # so the settings show the last backup
    workspace.settings_store.save(settings)
    main = MainWindow(workspace)
    main.resize(1100, 680)
    main.refresh(select=sample.assessment_id)
    shoot(app, main, "main-window")
    shoot(app, WelcomeDialog(None), "welcome")
    dialog = SettingsDialog(None, settings, main.housekeeping.settings_context())
    shoot(app, dialog, "settings")
    dialog.tabs.setCurrentIndex(3)
    shoot(app, dialog, "settings-data")
    dialog.close()
    main.open_assessment(sample.assessment_id)
    for walk in list(main.windows.walks.values()):
        walk.resize(1280, 800)
        shoot(app, walk, "walkthrough")
        walk.close()
    main.actions_by_id["assessment.plan"].trigger()
    for plan in list(main.windows.plans.values()):
        plan.resize(1280, 800)
        shoot(app, plan, "action-plan")
        plan.close()
    main.actions_by_id["district.view"].trigger()
    district = main.windows.district
    if district is not None:
        district.resize(1280, 800)
        deadline = time.monotonic() + 30
        while district.overview is None and time.monotonic() < deadline:
            app.processEvents()
        shoot(app, district, "district")
        district.close()
    main.close()
    workspace.close()
    print(f"screenshots in {IMAGES}", file=sys.stderr)


if __name__ == "__main__":
    main()
