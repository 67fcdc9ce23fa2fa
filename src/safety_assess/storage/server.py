"""A PostgreSQL server as the database: its engine, its schema revision, and what its errors mean to a person.

Messages name the server by its URL with the password hidden; the driver's own text never holds the password.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, create_engine, inspect

from safety_assess.storage.dbfile import DatabaseError, check_revision
from safety_assess.storage.urls import DatabaseTarget

CONNECT_TIMEOUT_S = 10
"""How long to wait for a server that does not answer at all (a wrong address, a network that drops packets)."""

MIGRATION_LOCK = 0x5AFE_A55E
"""Advisory lock held while migrating, so two staff starting a newer app at once do not both upgrade."""

LOGIN_REFUSED = ("authentication failed", "no pg_hba.conf entry", "no password supplied")
UNREACHABLE = (
    "connection refused",
    "could not connect",
    "connection failed",
    "timeout expired",
    "could not translate host name",
    "no such file or directory",
    "network is unreachable",
    "no route to host",
)
LOST = ("server closed the connection", "terminating connection", "connection is lost", "consuming input failed")


def server_engine(target: DatabaseTarget) -> Engine:
    return create_engine(
        target.url,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "safety-assess"},
        pool_pre_ping=True,  # a connection the server dropped overnight is replaced, not reported as an error
    )


def server_revision(connection: Connection, target: DatabaseTarget) -> str | None:
    """The database's schema revision; None when it is empty. A database holding other tables is refused."""
    names = set(inspect(connection).get_table_names())
    if not names:
        return None
    if "alembic_version" not in names:
        raise DatabaseError(
            f"database {target} holds other tables but no Safety Assess schema; use an empty database of its own. "
            "Nothing was changed."
        )
    revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    check_revision(target.shown, None if revision is None else str(revision))
    return None if revision is None else str(revision)


def hold_migration_lock(connection: Connection) -> None:
    """Wait for any other app upgrading the same database; released when the transaction ends."""
    connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")


def describe_server_error(target: DatabaseTarget, error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    first = text.splitlines()[0].strip() if text else type(error).__name__
    lower = text.lower()
    if "database" in lower and "does not exist" in lower:
        return f"database {target} does not exist on the server; create it (empty) first, then try again"
    if any(sign in lower for sign in LOGIN_REFUSED) or ('role "' in lower and "does not exist" in lower):
        return f"the database server refused the login for {target}: check the user name and password ({first})"
    if any(sign in lower for sign in LOST):
        return (
            f"the connection to the database server {target} was lost; the last change may not have been saved. "
            f"Check that the server is running, then try again ({first})"
        )
    if any(sign in lower for sign in UNREACHABLE):
        return f"cannot reach the database server for {target}: is it running, and is the address right? ({first})"
    if "permission denied" in lower:
        return f"the database login for {target} is not allowed to do this ({first})"
    return f"database {target}: {first}"


class QmarkConnection:
    """The driver's connection, taking the '?' placeholders the plain-SQL listings are written with."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: tuple[Any, ...] = ()) -> Any:
        return self._connection.execute(sql.replace("?", "%s"), parameters)
