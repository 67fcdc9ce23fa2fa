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
    shoot_site_plans(app, main, workspace, sample.campus_code)
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


def shoot_site_plans(app: QApplication, main: MainWindow, workspace: Workspace, campus_code: str) -> None:
    """A site plan of the sample campus with doors, cameras, walls, a zone and key features."""
    from PIL import Image, ImageDraw

    from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind
    from safety_assess.services import site_maps
    from safety_assess.services.site_maps import MarkerFields

    drawing = Image.new("RGB", (1600, 1000), "white")
    pen = ImageDraw.Draw(drawing)
    pen.rectangle((200, 150, 1300, 800), outline="black", width=6)
    pen.line((700, 150, 700, 500, 1300, 500), fill="black", width=3)
    path = Path(tempfile.mkdtemp()) / "Site.png"
    drawing.save(path)
    campus = workspace.campuses.by_code(campus_code)
    plan = site_maps.add_map(workspace, campus.id, path, title="Site")
    site_maps.set_scale(workspace, plan.id, (200, 900), (600, 900), 40)
    for at in ((200, 300), (700, 150), (1300, 400), (900, 800), (200, 700)):
        site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, at)
    for at, heading, label in (((210, 160), 150, "Cam 1 NW"), ((1290, 790), 300, "Cam 2 SE"), ((1000, 510), 180, "")):
        camera = CameraSpec(heading=heading, fov=80, resolution=(1920, 1080))
        site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, at, MarkerFields(label=label, camera=camera))
    for kind, at in ((MarkerKind.AED, (450, 480)), (MarkerKind.KNOX_BOX, (150, 380)), (MarkerKind.HAZARD, (1100, 200))):
        site_maps.add_marker(workspace, plan.id, kind, at)
    site_maps.add_wall(workspace, plan.id, [(200, 150), (1300, 150), (1300, 800), (200, 800), (200, 150)])
    site_maps.add_wall(workspace, plan.id, [(700, 150), (700, 500), (1300, 500)])
    site_maps.add_zone(workspace, plan.id, "Playground", [(1350, 150), (1580, 150), (1580, 450), (1350, 450)])
    window = main.windows.open_maps(campus.id)
    if window is not None:
        window.resize(1400, 840)
        shoot(app, window, "site-plans")
        window.close()


if __name__ == "__main__":
    main()
