"""Start the desktop app: check the workspace, show the main window, then warm up in the background."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from safety_assess import __version__
from safety_assess.datadir import DataDir
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.resources import resources_dir
from safety_assess.services.workspace import Workspace
from safety_assess.settings import load_settings
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow

SHOWN_MARKER = "main-window-shown"
WARM_UP_DELAY_MS = 100
"""Let the window paint first; a command used before then simply loads what it needs itself."""


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Safety Assess")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Safety Assess")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "safety-assess.svg")))
    return app


def open_main_window(data_dir_option: str | None, database_url: str | None = None) -> MainWindow | None:
    """The main window on the chosen data folder (and database), or None after telling the user why it cannot open."""
    try:
        data_dir = DataDir.resolve(data_dir_option)
        workspace = Workspace.open(data_dir, database_url)
        return MainWindow(workspace, load_settings(data_dir.settings))
    except (SafetyAssessError, OSError) as error:
        dialogs.show_error(None, "Safety Assess cannot start", str(error))
        return None


def run_app(data_dir_option: str | None, database_url: str | None = None, quit_after_show: bool = False) -> int:
    app = application()
    window = open_main_window(data_dir_option, database_url)
    if window is None:
        return 1
    window.show()
    # Load the database layer and checklists while the user looks at the window, not before it shows.
    QTimer.singleShot(WARM_UP_DELAY_MS, window.warm_up)
    if quit_after_show:  # smoke tests and bench/startup.py
        QTimer.singleShot(0, lambda: (print(SHOWN_MARKER, flush=True), window.close()))
    code = app.exec()
    window.workspace.close()
    return code
