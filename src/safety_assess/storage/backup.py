"""Consistent copies of the database through SQLite's backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from safety_assess.base.leftovers import temp_path
from safety_assess.storage.dbfile import DatabaseError


def backup_database(source: Path, folder: Path, reason: str) -> Path:
    """Copy ``source`` to ``folder`` under a timestamped name; safe while the database is in use."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{source.stem}-{stamp}-{reason}{source.suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseError(f"could not back up {source} to {folder} ({error}); nothing was changed") from None
    copy_database(source, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (safe while the database is in use) and check the copy; ``target`` appears only
    when whole and checked."""
    partial = temp_path(target)  # the app's own name: removed at the next start if the copy is cut off
    try:
        with (
            closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(partial)) as dst,
        ):
            src.backup(dst)
            verdict = dst.execute("PRAGMA quick_check").fetchone()[0]
        if verdict != "ok":
            raise DatabaseError(f"the copy of {source} did not pass its check ({verdict}); nothing was changed")
        partial.replace(target)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(f"could not back up {source} to {target.parent} ({error}); nothing was changed") from None
    finally:
        partial.unlink(missing_ok=True)
