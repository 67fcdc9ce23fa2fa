"""The log: a rotating file in the data folder (logs/safety-assess.log), so a problem can be looked into later.

Messages name files, records and errors; never a password (database URLs are logged with it hidden) or a key.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FILE = "safety-assess.log"
MAX_BYTES = 1_000_000
KEEP = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_file(data_root: Path) -> Path:
    return data_root / "logs" / FILE


def start_logging(data_root: Path, level: int = logging.INFO) -> Path | None:
    """Log to the data folder's rotating file (once per process); None when the folder cannot take it."""
    path = log_file(data_root)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError:
        return None  # the app still works; the data folder's own checks report an unwritable folder
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin at every start
    return path
