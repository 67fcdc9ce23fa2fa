"""Where the data lives: the SQLite file in the data folder (the default) or a PostgreSQL server named by URL,
for a district's shared database.

Only these are accepted; anything else is refused with a message that names the URL with its password hidden.
The default needs no SQLAlchemy: the app checks its file and lists its campuses before SQLAlchemy is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from safety_assess.domain.errors import SafetyAssessError

SUPPORTED = ("sqlite", "postgresql+psycopg")


class DatabaseUrlError(SafetyAssessError):
    """A database URL that cannot be used."""


@dataclass(frozen=True)
class DatabaseTarget:
    """A SQLite file (``path``) or a server (``url``, which may hold a password: print ``shown`` instead)."""

    path: Path | None = None
    url: str = ""
    shown: str = ""

    @classmethod
    def file(cls, path: Path) -> DatabaseTarget:
        return cls(path=path, url=f"sqlite:///{path}", shown=str(path))

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None

    def __str__(self) -> str:
        return self.shown


def parse_database_url(text: str) -> DatabaseTarget:
    """The database a URL names; DatabaseUrlError (password hidden) when it is malformed or not supported."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text.strip())
    except ArgumentError:
        raise DatabaseUrlError(f"'{_without_password(text)}' is not a database URL") from None
    driver = url.drivername
    shown = url.render_as_string(hide_password=True)
    if driver == "postgresql":
        raise DatabaseUrlError(f"{shown}: name the driver, as in postgresql+psycopg://user@host/database")
    if driver not in SUPPORTED:
        raise DatabaseUrlError(
            f"{shown}: the database '{driver}' is not supported; use postgresql+psycopg://... or leave the URL out "
            "for the SQLite file in the data folder"
        )
    if driver == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise DatabaseUrlError(f"{shown}: a SQLite database must be a file, as in sqlite:////path/to/file.sqlite3")
        return DatabaseTarget.file(Path(url.database).expanduser().absolute())
    if not url.database:
        raise DatabaseUrlError(f"{shown}: name the database, as in postgresql+psycopg://user@host/safety")
    return DatabaseTarget(url=url.render_as_string(hide_password=False), shown=shown)


def _without_password(text: str) -> str:
    """Best effort for text that did not even parse: drop whatever sits between '://user:' and '@'."""
    head, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{head}://{user}:***@{host}" if ":" in credentials else text
