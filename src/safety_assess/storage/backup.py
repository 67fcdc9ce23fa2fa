"""Consistent copies of the database through SQLite's backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from safety_assess.storage.dbfile import DatabaseError


def backup_database(source: Path, folder: Path, reason: str) -> Path:
    """Copy ``source`` to ``folder`` under a timestamped name; safe while the database is in use."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{source.stem}-{stamp}-{reason}{source.suffix}"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"could not back up {source} to {folder} ({error}); nothing was changed") from None
    return target
