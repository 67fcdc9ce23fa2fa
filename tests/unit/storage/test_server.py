"""The database on a PostgreSQL server: made and migrated like the file, refusing what is unsafe, and clear about a
server that is down or refuses the login, never showing the password."""

from __future__ import annotations

import re
import socket
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, make_url

from safety_assess.base.datadir import DataDir
from safety_assess.services.workspace import Workspace
from safety_assess.storage import schema
from safety_assess.storage.database import Database, DatabaseError
from safety_assess.storage.orm import Base
from safety_assess.storage.server import describe_server_error
from safety_assess.storage.urls import DatabaseTarget, parse_database_url
from tests.postgres import ServerDatabases

SHOWN = DatabaseTarget(
    url="postgresql+psycopg://district:s3cret@db/safety", shown="postgresql+psycopg://district:***@db/safety"
)


def open_server(url: str, tmp_path: Path) -> Database:
    return Database.open(parse_database_url(url), tmp_path / "backups")


def run_sql(url: str, statement: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.exec_driver_sql(statement)
    engine.dispose()


def tables(url: str) -> set[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        names = {
            row[0] for row in connection.exec_driver_sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        }
    engine.dispose()
    return names


@pytest.mark.postgres_only
def test_an_empty_server_database_is_migrated_as_the_orm_declares(pg_server: ServerDatabases, tmp_path: Path) -> None:
    database = open_server(pg_server.empty_database(), tmp_path)
    try:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == schema.HEAD
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        database.close()
    assert not (tmp_path / "backups").exists()  # a server is backed up by its own tools, not into the data folder


@pytest.mark.postgres_only
def test_two_apps_opening_one_new_database_at_once_migrate_it_once(pg_server: ServerDatabases, tmp_path: Path) -> None:
    url = pg_server.empty_database()
    with ThreadPoolExecutor(2) as pool:
        opened = list(pool.map(lambda n: open_server(url, tmp_path / str(n)), range(2)))
    for database in opened:
        with database.engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all() == [
                schema.HEAD
            ]
        database.close()


@pytest.mark.postgres_only
@pytest.mark.parametrize(
    ("schema_made", "statement", "message"),
    [
        (False, "CREATE TABLE payroll (id integer)", "holds other tables but no Safety Assess schema"),
        (True, "UPDATE alembic_version SET version_num = '0999'", r"written by a newer version .*\(schema 0999"),
    ],
)
def test_a_foreign_or_newer_database_is_refused_and_left_alone(
    pg_server: ServerDatabases, tmp_path: Path, schema_made: bool, statement: str, message: str
) -> None:
    url = pg_server.fresh_database() if schema_made else pg_server.empty_database()
    run_sql(url, statement)
    before = tables(url)
    with pytest.raises(DatabaseError, match=message):
        open_server(url, tmp_path)
    assert tables(url) == before and before >= ({"alembic_version"} if schema_made else {"payroll"})


@pytest.mark.postgres_only
def test_a_refused_login_and_a_missing_database_are_named_without_the_password(
    pg_server: ServerDatabases, tmp_path: Path
) -> None:
    server = make_url(pg_server.url_of("postgres"))
    intruder = server.set(username="intruder", password="s3cret").render_as_string(hide_password=False)
    with pytest.raises(
        DatabaseError, match="refused the login for postgresql\\+psycopg://intruder:\\*\\*\\*@"
    ) as refused:
        Workspace.open(DataDir(tmp_path / "a"), intruder)
    missing = server.set(password="s3cret", database="no_such_db").render_as_string(hide_password=False)
    with pytest.raises(DatabaseError, match=r"no_such_db.* does not exist on the server") as absent:
        Workspace.open(DataDir(tmp_path / "b"), missing)
    assert "s3cret" not in str(refused.value) + str(absent.value)


@pytest.mark.postgres_only
def test_connections_the_server_dropped_are_replaced_quietly(pg_server: ServerDatabases, tmp_path: Path) -> None:
    workspace = Workspace.open(DataDir(tmp_path / "data"), pg_server.fresh_database())
    try:
        workspace.campuses.add("Lincoln High", "LHS")
        name = make_url(workspace.target.url).database
        with pg_server.admin.connect() as admin:  # as when the server restarts overnight
            admin.exec_driver_sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        assert [c.code for c in workspace.campuses.list()] == ["LHS"]
    finally:
        workspace.close()


def test_a_server_that_is_down_is_named_without_the_password(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://district:s3cret@127.0.0.1:{port}/safety"
    with pytest.raises(
        DatabaseError, match=r"cannot reach the database server for .*district:\*\*\*@.*is it running"
    ) as down:
        Workspace.open(DataDir(tmp_path / "data"), url)
    assert "s3cret" not in str(down.value)


@pytest.mark.parametrize(
    ("driver_text", "expected"),
    [
        ('FATAL:  password authentication failed for user "district"', "refused the login"),
        ('no pg_hba.conf entry for host "10.0.0.5", user "district", database "safety"', "refused the login"),
        ("connection failed: timeout expired", "cannot reach the database server"),
        ('could not translate host name "db" to address', "cannot reach the database server"),
        ("server closed the connection unexpectedly", "connection to the database server .* was lost"),
        ("permission denied for table actions", "is not allowed to do this"),
        ("something else entirely", "database postgresql\\+psycopg://district:\\*\\*\\*@db/safety: something else"),
    ],
)
def test_server_errors_are_worded_for_a_person(driver_text: str, expected: str) -> None:
    message = describe_server_error(SHOWN, RuntimeError(driver_text))
    assert re.search(expected, message) and "s3cret" not in message, message
