"""Start the desktop app: open the workspace, show the main window, run the event loop."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from safety_assess import __version__
from safety_assess.datadir import DataDir
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.workspace import Workspace
from safety_assess.settings import load_settings
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Safety Assess")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Safety Assess")
    return app  # type: ignore[return-value]


def open_main_window(data_dir_option: str | None) -> MainWindow | None:
    """The main window on the chosen data folder, or None after telling the user why it cannot open."""
    try:
        data_dir = DataDir.resolve(data_dir_option)
        workspace = Workspace.open(data_dir)
    except SafetyAssessError as error:
        dialogs.show_error(None, "Safety Assess cannot start", str(error))
        return None
    return MainWindow(workspace, load_settings(data_dir.settings))


def run_app(data_dir_option: str | None, quit_after_show: bool = False) -> int:
    app = application()
    window = open_main_window(data_dir_option)
    if window is None:
        return 1
    window.show()
    if quit_after_show:
        QTimer.singleShot(0, window.close)
    code = app.exec()
    window.workspace.close()
    return code
