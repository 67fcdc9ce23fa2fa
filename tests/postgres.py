"""Test databases on a PostgreSQL server: one fresh, empty-but-migrated database per data folder a test opens.

The server is the one scripts/postgres.sh starts (or a developer's own), named by $SAFETY_ASSESS_TEST_POSTGRES.
Databases are cloned from a template migrated once per run, then given their own installation id (two data folders
in a test, a laptop and the district, must be two installations), and dropped when the test ends.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url

from safety_assess.storage.database import Database
from safety_assess.storage.urls import DatabaseTarget

SERVER_VAR = "SAFETY_ASSESS_TEST_POSTGRES"


def server_url() -> str:
    return os.environ.get(SERVER_VAR, "")


class ServerDatabases:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.prefix = f"sa_test_{os.getpid()}"
        self.admin: Engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.template = f"{self.prefix}_template"
        self._made: list[str] = []
        self._count = 0

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def prepare_template(self, backups: Path) -> None:
        self._sql(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._sql(f'CREATE DATABASE "{self.template}"')
        Database.open(DatabaseTarget(url=self.url_of(self.template), shown=self.template), backups).close()

    def empty_database(self) -> str:
        """A database with nothing in it, not even the schema (for tests of creating and refusing)."""
        name = self._next()
        self._sql(f'CREATE DATABASE "{name}"')
        return self.url_of(name)

    def fresh_database(self) -> str:
        name = self._next()
        self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        engine = create_engine(self.url_of(name))
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "UPDATE app_meta SET value = %s WHERE key = 'installation_id'", (str(uuid.uuid4()),)
            )
        engine.dispose()
        return self.url_of(name)

    def clone(self, url: str) -> str:
        """A copy of one of the test databases (nobody may be connected to it meanwhile)."""
        name = self._next()
        self._sql(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(url).database}"')
        return self.url_of(name)

    def drop_made(self) -> None:
        for name in self._made:
            self._sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.clear()

    def close(self) -> None:
        self.drop_made()
        self._sql(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self.admin.dispose()

    def _next(self) -> str:
        self._count += 1
        name = f"{self.prefix}_{self._count}"
        self._made.append(name)
        return name

    def _sql(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(statement)


class FolderDatabases:
    """Which database each data folder opened in a test uses: None for its own SQLite file (no server given);
    else a fresh database on the server per folder."""

    def __init__(self, server: ServerDatabases | None) -> None:
        self.server = server
        self._chosen: dict[Path, str] = {}

    def __call__(self, root: Path) -> str | None:
        if self.server is None:
            return None
        key = root.resolve()
        if key not in self._chosen:
            self._chosen[key] = self.server.fresh_database()
        return self._chosen[key]

    def copy(self, source: Path, to: Path) -> None:
        """``to`` starts with a copy of ``source``'s database (call after copying the folder's files)."""
        if self.server is not None:
            self._chosen[to.resolve()] = self.server.clone(self(source) or "")

    def share(self, source: Path, to: Path) -> None:
        """``to`` uses the same database as ``source``: two staff computers on one district server."""
        if self.server is not None:
            self._chosen[to.resolve()] = self(source) or ""
