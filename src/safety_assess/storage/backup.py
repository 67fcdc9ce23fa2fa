"""Consistent copies of the database through SQLite's backup API."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path


def backup_database(source: Path, folder: Path, reason: str) -> Path:
    """Copy ``source`` to ``folder`` under a timestamped name; safe while the database is in use."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"{source.stem}-{stamp}-{reason}{source.suffix}"
    partial = target.with_name(target.name + ".partial")
    with (
        closing(sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst)
    partial.replace(target)
    return target
