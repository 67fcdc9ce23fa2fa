"""The safety net for the app: an error nobody foresaw is logged with its traceback and shown as a friendly
message naming the log, and the app keeps running (answers, findings and photos are saved as they are made)."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QWidget

from safety_assess.ui import dialogs

log = logging.getLogger("safety_assess.crash")

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class SafetyNet:
    """Installed once the main window exists; ``uninstall`` puts the previous hooks back (tests)."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self._showing = False
        self._previous: Hook = sys.excepthook
        self._previous_thread = threading.excepthook

    def install(self) -> SafetyNet:
        sys.excepthook = self.handle
        threading.excepthook = self._thread
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous
        threading.excepthook = self._previous_thread

    def handle(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self._showing:  # an error while the message is up is only logged
            return
        self._showing = True
        try:
            dialogs.show_crash(_parent(), _summary(error), str(self.log_path or "(no log file)"))
        except Exception:
            log.exception("the error message itself failed")
        finally:
            self._showing = False

    def _thread(self, args: threading.ExceptHookArgs) -> None:
        error = args.exc_value or args.exc_type()
        log.error("unexpected error in thread %s", args.thread, exc_info=(args.exc_type, error, args.exc_traceback))


def _parent() -> QWidget | None:
    app = QApplication.instance()
    return app.activeWindow() if isinstance(app, QApplication) else None


def _summary(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
