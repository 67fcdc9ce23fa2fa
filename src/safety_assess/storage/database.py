"""Open the database: refuse what is unsafe, back up, migrate, and hand out sessions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from safety_assess.storage import backup, schema
from safety_assess.storage.dbfile import DatabaseError, current_revision, describe_sqlite_error

__all__ = ["Database", "DatabaseError"]


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
            current = current_revision(path, busy_timeout_ms)
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

    @contextmanager
    def dbapi(self) -> Iterator[Any]:
        """The driver's own connection, for the plain-SQL listings shared with the start-up path."""
        try:
            with self.engine.connect() as connection:
                yield connection.connection.driver_connection
        except (sqlite3.Error, DBAPIError) as error:
            raise DatabaseError(describe_sqlite_error(self.path, error)) from None

    def close(self) -> None:
        self.engine.dispose()


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
