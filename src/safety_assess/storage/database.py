"""Open the database: refuse what is unsafe, back up, migrate, and hand out sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.storage import backup, schema


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


class Database:
    """The app's SQLite database, migrated to the current schema."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, path: Path, backups: Path, busy_timeout_ms: int = 5000) -> Database:
        """Open (creating if needed) and migrate; raise DatabaseError with a clear message on any problem."""
        try:
            current = read_revision(path, busy_timeout_ms)
            check_revision(path, current)
            engine = _engine(path, busy_timeout_ms)
            if current != schema.HEAD:
                if current is not None:
                    backup.backup_database(path, backups, f"before-upgrade-from-{current}")
                _migrate(engine)
            return cls(path, engine)
        except (sqlite3.Error, DBAPIError) as error:
            raise DatabaseError(describe_sqlite_error(path, error)) from None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on error."""
        with self._sessions() as session:
            try:
                yield session
                session.commit()
            except DBAPIError as error:
                session.rollback()
                raise DatabaseError(describe_sqlite_error(self.path, error)) from None
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()


def read_revision(path: Path, busy_timeout_ms: int) -> str | None:
    """The schema revision of an existing file, read without writing anything; None for a new or empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    uri = f"{path.absolute().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms / 1000)) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise DatabaseError(f"{path} is not a Safety Assess database (no schema version); it was left untouched")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def check_revision(path: Path, revision: str | None) -> None:
    if revision is not None and revision not in schema.REVISIONS:
        raise DatabaseError(
            f"database {path} was written by a newer version of Safety Assess (schema {revision}; this version "
            f"knows up to {schema.HEAD}). Update Safety Assess to open it; the file was left untouched."
        )


def _engine(path: Path, busy_timeout_ms: int) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _pragmas(connection: Any, _: Any) -> None:
        cursor = connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.close()

    return engine


def _migrate(engine: Engine) -> None:
    from safety_assess.storage.migrate import upgrade_to_head  # Alembic is imported only when needed

    upgrade_to_head(engine)
