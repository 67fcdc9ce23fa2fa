"""Database URLs: SQLite (the default, a file in the data folder) or PostgreSQL for a district's shared database.

Only these are accepted; anything else is refused with a message that names the URL with its password hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from safety_assess.domain.errors import SafetyAssessError

SUPPORTED = ("sqlite", "postgresql+psycopg")


class DatabaseUrlError(SafetyAssessError):
    """A database URL that cannot be used."""


@dataclass(frozen=True)
class DatabaseTarget:
    url: URL

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def shown(self) -> str:
        """The URL for messages and logs: the password is never printed."""
        return self.url.render_as_string(hide_password=True)


def parse_database_url(text: str) -> DatabaseTarget:
    """The database a URL names; DatabaseUrlError (password hidden) when it is malformed or not supported."""
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
    if driver.startswith("postgresql") and not url.database:
        raise DatabaseUrlError(f"{shown}: name the database, as in postgresql+psycopg://user@host/safety")
    if driver == "sqlite" and url.database in (None, "", ":memory:"):
        raise DatabaseUrlError(f"{shown}: a SQLite database must be a file, as in sqlite:////path/to/file.sqlite3")
    return DatabaseTarget(url)


def _without_password(text: str) -> str:
    """Best effort for text that did not even parse: drop whatever sits between '://user:' and '@'."""
    head, sep, rest = text.partition("://")
    if not sep or "@" not in rest:
        return text
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{head}://{user}:***@{host}" if ":" in credentials else text
