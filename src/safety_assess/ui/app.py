"""Start the desktop app: check the workspace, show the main window, then warm up in the background."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QProcess, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from safety_assess import __version__
from safety_assess.base.datadir import DataDir
from safety_assess.base.logs import HeldLog
from safety_assess.base.resources import resources_dir
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.crash import SafetyNet
from safety_assess.ui.main_window import MainWindow

log = logging.getLogger(__name__)

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


def open_main_window(
    data_dir_option: str | None, database_url: str | None = None, data_dir: DataDir | None = None
) -> MainWindow | None:
    """The main window on the chosen data folder (``data_dir`` when already resolved) and database, or None after
    telling the user why it cannot open."""
    try:
        data_dir = (data_dir or DataDir.resolve(data_dir_option)).prepare()
        lock = hold_data_folder(data_dir)
        workspace = Workspace.open(data_dir, database_url)
        window = MainWindow(workspace)
        window.instance_lock = lock  # held as long as the window lives
        return window
    except (SafetyAssessError, OSError) as error:
        log.warning("cannot start: %s", error)
        dialogs.show_error(None, "Safety Assess cannot start", str(error))
        return None


class AlreadyRunning(SafetyAssessError):
    """Another copy of the app has the data folder open."""


def hold_data_folder(data_dir: DataDir) -> QLockFile:
    """One app per data folder: two copies writing to one folder would each undo the other's view of it.

    A lock left by a copy that crashed is noticed (its process is gone) and taken over.
    """
    lock = QLockFile(str(data_dir.root / "app.lock"))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(200):
        return lock
    info = lock.getLockInfo()  # (pid, host, app name); empty when unreadable
    who = f" (process {info[0]} on {info[1] or 'this computer'})" if info else ""
    raise AlreadyRunning(
        f"Safety Assess is already open on the data folder {data_dir.root}{who}. Switch to that window, or close it "
        "first."
    )


def _resolved(data_dir_option: str | None) -> DataDir | None:
    try:
        return DataDir.resolve(data_dir_option)
    except SafetyAssessError:
        return None  # open_main_window meets it again and tells the user


def run_app(data_dir_option: str | None, database_url: str | None = None, quit_after_show: bool = False) -> int:
    app = application()
    data_dir = _resolved(data_dir_option)  # resolved once: the log and the window use the same folder
    logs = None if data_dir is None or data_dir.missing else HeldLog(data_dir.root)  # its file opens after show
    try:
        log.info("Safety Assess %s starting", __version__)
        window = open_main_window(data_dir_option, database_url, data_dir)
        if window is None:
            return 1
        net = SafetyNet(logs.path if logs else None).install()
        window.show()
        QTimer.singleShot(WARM_UP_DELAY_MS, lambda: _after_first_paint(window, net, logs))
        if not quit_after_show:
            window.housekeeping.schedule_backups()
        if not window.workspace.settings.welcomed and not quit_after_show:
            QTimer.singleShot(0, window.housekeeping.welcome)  # first run
        if quit_after_show:  # smoke tests and bench/startup.py
            QTimer.singleShot(0, lambda: (print(SHOWN_MARKER, flush=True), window.close()))
        code = app.exec()
        net.uninstall()
        window.workspace.close()
        log.info("Safety Assess closed")
    finally:
        _open_log(logs)  # the window could not open, or closed before the log did
    if window.housekeeping.restart:
        relaunch()
    return code


def _after_first_paint(window: MainWindow, net: SafetyNet, logs: HeldLog | None) -> None:
    """Open the log file, load the database layer and checklists, and on a shared database start hearing colleagues'
    changes, while the user looks at the window."""
    net.log_path = _open_log(logs)
    window.warm_up()
    window.start_live_refresh()


def _open_log(logs: HeldLog | None) -> Path | None:
    return logs.open() if logs is not None else None


def relaunch() -> None:
    """Start the app again as it was started (the installed command, python -m, or the packaged program), so it
    opens the data folder chosen in Settings; if that fails, the user was already told to start it again."""
    args = sys.argv[1:] if getattr(sys, "frozen", False) else ["-m", "safety_assess", *sys.argv[1:]]
    program = sys.executable
    started, _pid = QProcess.startDetached(program, args)
    if not started:
        log.warning("could not restart %s %s", program, args)
