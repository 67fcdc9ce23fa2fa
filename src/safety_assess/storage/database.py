"""Open the database: refuse what is unsafe, back up, migrate, and hand out sessions.

The database is the SQLite file in the data folder, or a PostgreSQL server for a district's shared use.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from safety_assess.domain.errors import ConflictError
from safety_assess.storage import backup, edit_stamps, notify, schema, server
from safety_assess.storage.dbfile import DatabaseError, current_revision, describe_sqlite_error
from safety_assess.storage.urls import DatabaseTarget

__all__ = ["Database", "DatabaseError"]

assert edit_stamps.MERGING  # every session stamps the records it changes (the listener is registered on import)

CHANGED_ELSEWHERE = "this record was changed elsewhere since it was read; reopen it and try again"


class Database:
    """The app's database, migrated to the current schema."""

    def __init__(self, target: DatabaseTarget, engine: Engine) -> None:
        self.target = target
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.sender = uuid.uuid4().hex[:16]
        """Signs the change notifications this object sends on a server, so its own listener ignores them."""
        if not target.is_sqlite:
            notify.track(self._sessions)

    @property
    def path(self) -> Path | None:
        """The SQLite file; None on a server."""
        return self.target.path

    @property
    def is_sqlite(self) -> bool:
        return self.target.is_sqlite

    @classmethod
    def open(cls, where: DatabaseTarget | Path, backups: Path, busy_timeout_ms: int = 5000) -> Database:
        """Open (creating if needed) and migrate; raise DatabaseError with a clear message on any problem."""
        target = where if isinstance(where, DatabaseTarget) else DatabaseTarget.file(where)
        engine: Engine | None = None
        try:
            if target.path is not None:
                current = current_revision(target.path, busy_timeout_ms)
                engine = _sqlite_engine(target.path, busy_timeout_ms)
                if current is not None and current != schema.HEAD:
                    backup.backup_database(target.path, backups, f"before-upgrade-from-{current}")
            else:
                engine = server.server_engine(target)
                with engine.connect() as connection:
                    current = server.server_revision(connection, target)
            if current != schema.HEAD:
                _migrate(engine)
            return cls(target, engine)
        except BaseException as error:
            if engine is not None:  # no connection kept open to a database that is not used
                engine.dispose()
            if isinstance(error, (sqlite3.Error, DBAPIError)):
                raise DatabaseError(describe_error(target, error)) from None
            raise

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends, rolled back on error.

        A record another user or window changed since this session read it fails with ConflictError (each record's
        revision is checked by its update), never overwriting their change. On a server, what the session changed
        is told to the other computers as it commits (storage/notify.py).
        """
        with self._sessions() as session:
            try:
                yield session
                if not self.is_sqlite:
                    notify.announce(session, self.sender)  # delivered with the commit, to the other computers
                session.commit()
            except DBAPIError as error:
                session.rollback()
                raise DatabaseError(describe_error(self.target, error)) from None
            except StaleDataError:
                session.rollback()
                raise ConflictError(CHANGED_ELSEWHERE) from None
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def dbapi(self) -> Iterator[Any]:
        """The driver's own connection, for the plain-SQL listings shared with the start-up path."""
        try:
            with self.engine.connect() as connection:
                driver = connection.connection.driver_connection
                yield driver if self.is_sqlite else server.QmarkConnection(driver)
        except (sqlite3.Error, DBAPIError) as error:
            raise DatabaseError(describe_error(self.target, error)) from None

    def close(self) -> None:
        self.engine.dispose()


def describe_error(target: DatabaseTarget, error: BaseException) -> str:
    if target.path is not None:
        return describe_sqlite_error(target.path, error)
    return server.describe_server_error(target, error)


def _sqlite_engine(path: Path, busy_timeout_ms: int) -> Engine:
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
