"""The log: a rotating file in the data folder (logs/safety-assess.log), so a problem can be looked into later.

Messages name files, records and errors; never a password (database URLs are logged with it hidden) or a key.

The app opens the file once its window shows (``logging.handlers`` loads socket, pickle and queue): what is logged
before is held by ``HeldLog`` and written first, with the time it was logged.
"""

from __future__ import annotations

import logging
from pathlib import Path

FILE = "safety-assess.log"
MAX_BYTES = 1_000_000
KEEP = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_file(data_root: Path) -> Path:
    return data_root / "logs" / FILE


def start_logging(data_root: Path, level: int = logging.INFO) -> Path | None:
    """Log to the data folder's rotating file (once per process); None when the folder cannot take it."""
    return log_file(data_root) if _file_handler(data_root, level) is not None else None


def _file_handler(data_root: Path, level: int) -> logging.Handler | None:
    """The root logger's handler of the data folder's log file, added now unless it is there already."""
    import logging.handlers  # not while the app starts: see the module's text

    path = log_file(data_root)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError:
        return None  # the app still works; the data folder's own checks report an unwritable folder
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    _set_levels(level)
    return handler


def _set_levels(level: int) -> None:
    logging.getLogger().setLevel(level)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin at every start


class HeldLog(logging.Handler):
    """The data folder's log before its file opens: records are held, and written first when ``open()`` opens it."""

    def __init__(self, data_root: Path, level: int = logging.INFO) -> None:
        super().__init__()
        self.data_root = data_root
        self.path: Path | None = log_file(data_root)
        """Where the log is written; None once it turned out the folder cannot take it."""
        self._held: list[logging.LogRecord] | None = []
        logging.getLogger().addHandler(self)
        _set_levels(level)

    def emit(self, record: logging.LogRecord) -> None:
        if self._held is not None:
            self._held.append(record)

    def open(self) -> Path | None:
        """Open the file and write the records held (the first call; later ones only return the path). Called
        before any background work starts, so no record arrives while they are handed over."""
        if self._held is None:
            return self.path
        root = logging.getLogger()
        handler = _file_handler(self.data_root, root.level)
        held, self._held = self._held, None
        root.removeHandler(self)
        if handler is None:
            self.path = None
            return None
        for record in held:
            handler.handle(record)
        return self.path
