"""The database file, seen without SQLAlchemy: its schema revision and what its errors mean.

Kept free of heavy imports so the app can check the file, and list its campuses, the moment it starts.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.storage import schema


class DatabaseError(SafetyAssessError):
    """The database cannot be opened or used: locked, damaged, or written by a newer app."""


def describe_sqlite_error(path: Path, error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    if "locked" in text or "busy" in text:
        return f"database {path} is locked by another program (is Safety Assess already running?)"
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"database {path} is damaged or not a Safety Assess database ({text}); it was left untouched"
    if "readonly" in text or "unable to open" in text or "disk I/O" in text:
        return f"database {path} cannot be written ({text})"
    return f"database {path}: {text}"


def connect_readonly(path: Path, busy_timeout_ms: int = 5000) -> sqlite3.Connection:
    """A read-only connection that can never change the file."""
    uri = f"{path.absolute().as_uri()}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000)


def read_revision(path: Path, busy_timeout_ms: int) -> str | None:
    """The schema revision of an existing file, read without writing anything; None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with closing(connect_readonly(path, busy_timeout_ms)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise DatabaseError(f"{path} is not a Safety Assess database (no schema version); it was left untouched")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def check_revision(where: Path | str, revision: str | None) -> None:
    """Refuse a database a newer app has upgraded: this one would not understand, and might damage, its data.
    Revisions are numbered upwards (0001, 0002...), so one that is no such number above ours was never written by
    any Safety Assess: the database is damaged, and "update" would send the user after a version that does not
    exist."""
    if revision is None or revision in schema.REVISIONS:
        return
    if revision.isdigit() and len(revision) == len(schema.HEAD) and revision > schema.HEAD:
        raise DatabaseError(
            f"database {where} was written by a newer version of Safety Assess (schema {revision}; this version "
            f"knows up to {schema.HEAD}). Update Safety Assess to open it; it was left untouched."
        )
    raise DatabaseError(
        f"database {where} is damaged: its schema version '{revision}' was never written by any Safety Assess; it "
        "was left untouched"
    )


def current_revision(path: Path, busy_timeout_ms: int = 5000) -> str | None:
    """The file's revision, checked to be one this app knows; every problem becomes a DatabaseError."""
    try:
        revision = read_revision(path, busy_timeout_ms)
    except sqlite3.Error as error:
        raise DatabaseError(describe_sqlite_error(path, error)) from None
    check_revision(path, revision)
    return revision
