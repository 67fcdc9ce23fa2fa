"""Opening the SQLite database: creation, pragmas, migrations with backup, and refusing what is unsafe.

The same on a PostgreSQL server: test_server.py."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from safety_assess.storage import schema
from safety_assess.storage.backup import copy_database
from safety_assess.storage.database import Database, DatabaseError
from safety_assess.storage.migrate import script_revisions, upgrade
from safety_assess.storage.orm import Base
from safety_assess.storage.urls import DatabaseTarget

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def paths(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "db.sqlite3", tmp_path / "backups"


@pytest.fixture
def database(paths: tuple[Path, Path]) -> Iterator[Database]:
    db = Database.open(*paths)
    yield db
    db.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_database_is_at_head_with_wal_and_foreign_keys(database: Database) -> None:
    with database.session() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema.HEAD
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL: a commit survives power loss
        installation = session.execute(text("SELECT value FROM app_meta WHERE key = 'installation_id'")).scalar()
    assert installation and len(installation) == 36


def test_the_known_revisions_match_the_migration_scripts() -> None:
    assert list(schema.REVISIONS) == script_revisions()


def test_the_migrations_build_exactly_the_tables_the_orm_declares(database: Database) -> None:
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_an_older_database_is_backed_up_then_upgraded_keeping_its_data(paths: tuple[Path, Path]) -> None:
    path, backups = paths
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO districts (id, created_at, updated_at, revision, name) "
                "VALUES ('0123456789abcdef0123456789abcdef', '2025-01-01', '2025-01-01', 1, 'Old district')"
            )
        )
    engine.dispose()

    db = Database.open(path, backups)
    with db.session() as session:
        assert session.execute(text("SELECT name FROM districts")).scalars().all() == ["Old district"]
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema.HEAD
    db.close()
    copies = list(backups.glob("*before-upgrade-from-0001*"))
    assert len(copies) == 1
    with closing(sqlite3.connect(copies[0])) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM districts").fetchall() == [("Old district",)]


def test_reopening_a_current_database_makes_no_backup(paths: tuple[Path, Path]) -> None:
    Database.open(*paths).close()
    Database.open(*paths).close()
    assert not paths[1].exists() or list(paths[1].iterdir()) == []


def test_a_database_from_a_newer_app_is_refused_and_untouched(paths: tuple[Path, Path]) -> None:
    path, backups = paths
    Database.open(path, backups).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
        connection.commit()
        connection.execute("PRAGMA journal_mode = DELETE")
    before = digest(path)
    with pytest.raises(DatabaseError, match=r"written by a newer version of Safety Assess \(schema 0099"):
        Database.open(path, backups)
    assert digest(path) == before
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.parametrize("revision", ["0000", "00x7", "abc", "99"])
def test_a_schema_version_no_app_wrote_is_told_as_damage(paths: tuple[Path, Path], revision: str) -> None:
    path, backups = paths
    Database.open(path, backups).close()
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        connection.commit()
        connection.execute("PRAGMA journal_mode = DELETE")
    before = digest(path)
    with pytest.raises(DatabaseError) as raised:
        Database.open(path, backups)
    assert str(raised.value) == (
        f"database {path} is damaged: its schema version '{revision}' was never written by any Safety Assess; it "
        "was left untouched"
    )
    assert digest(path) == before


def test_a_damaged_file_is_refused_and_untouched(paths: tuple[Path, Path]) -> None:
    path, backups = paths
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(DatabaseError, match="damaged or not a Safety Assess database") as caught:
        Database.open(path, backups)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"this is not a database at all" * 100


def test_a_foreign_sqlite_database_is_refused(paths: tuple[Path, Path]) -> None:
    path, backups = paths
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE photos (id INTEGER)")
        connection.commit()
    with pytest.raises(DatabaseError, match="is not a Safety Assess database"):
        Database.open(path, backups)


def test_a_locked_database_gives_a_clear_message(paths: tuple[Path, Path]) -> None:
    path, backups = paths
    Database.open(path, backups).close()
    holder = sqlite3.connect(path, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseError, match="is locked by another program"):
            Database.open(path, backups, busy_timeout_ms=50)
    finally:
        holder.rollback()
        holder.close()


def test_a_write_while_locked_is_reported_and_rolled_back(database: Database) -> None:
    holder = sqlite3.connect(database.path, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    database.engine.dispose()
    fast = Database(
        DatabaseTarget.file(database.path), create_engine(f"sqlite:///{database.path}", connect_args={"timeout": 0.05})
    )
    try:
        with pytest.raises(DatabaseError, match="locked"), fast.session() as session:
            session.execute(text("INSERT INTO app_meta (key, value) VALUES ('k', 'v')"))
    finally:
        holder.rollback()
        holder.close()
        fast.close()
    with closing(sqlite3.connect(database.path)) as check:
        assert check.execute("SELECT count(*) FROM app_meta WHERE key = 'k'").fetchone() == (0,)


def test_upgrading_keeps_every_assessment_instance_and_response(paths: tuple[Path, Path]) -> None:
    """Migrations that rebuild a table (SQLite) must not cascade-delete the rows that refer to it."""
    path, backups = paths
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0002")
    rows = {
        "districts": "('d1', 'D')",
        "campuses": "('c1', 'd1', 'Lincoln', 'LHS', '')",
        "checklist_snapshots": "('s1', 'x', '1.0.0', 'X', 'h', '{}')",
        "assessments": "('a1', 'c1', 's1', '[]', '2026-01-01', 'in_progress', '2026-01-01', NULL)",
        "group_instances": "('g1', 'a1', 'camera', 'Gym', 0)",
    }
    stamp = "'2026-01-01', '2026-01-01', 1"
    with engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys = ON")
        for table, values in rows.items():
            first, rest = values[1:-1].split(", ", 1)
            connection.exec_driver_sql(f"INSERT INTO {table} VALUES ({first}, {stamp}, {rest})")
        connection.exec_driver_sql(
            f"INSERT INTO responses VALUES ('r1', {stamp}, 'a1', 'gate', NULL, '\"pass\"', 'ok', '2026-01-01')"
        )
        connection.exec_driver_sql(
            f"INSERT INTO responses VALUES ('r2', {stamp}, 'a1', 'cam', 'g1', '\"no\"', '', '2026-01-01')"
        )
    engine.dispose()
    Database.open(path, backups).close()
    with closing(sqlite3.connect(path)) as connection:
        counts = {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in [*rows, "responses"]}
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert counts == {**dict.fromkeys(rows, 1), "responses": 2}


def test_a_damaged_database_is_never_copied_as_if_whole(tmp_path: Path) -> None:
    source = tmp_path / "db.sqlite3"
    with closing(sqlite3.connect(source)) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        connection.executemany("INSERT INTO notes (body) VALUES (?)", [("x" * 200,) for _ in range(500)])
        connection.execute("CREATE INDEX notes_body ON notes (body)")
        connection.commit()
    data = bytearray(source.read_bytes())
    data[4096 * 3 + 100 : 4096 * 3 + 400] = b"\xff" * 300  # a page in the middle, not the header
    source.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match=r"did not pass its check \(\*\*\* in database main"):
        copy_database(source, tmp_path / "copy.sqlite3")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]


def test_a_database_of_0007_gains_the_conflict_sources_table_empty(paths: tuple[Path, Path]) -> None:
    """Migration 0008: copies kept before it have no recorded source (a bundle imported again may add one more copy
    of those, once); the table is there and empty."""
    path, backups = paths
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0007")
    engine.dispose()
    db = Database.open(path, backups)
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM conflict_sources")).scalar() == 0
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == schema.HEAD
    db.close()


def test_a_database_of_0017_gains_drills_and_its_campuses_are_elementary(paths: tuple[Path, Path]) -> None:
    """Migration 0019: campuses made before it are elementary (the default kind) with no opening day; the drill log
    is there and empty."""
    path, backups = paths
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0017")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO districts VALUES ('d1', '2026-01-01', '2026-01-01', 1, 'D')"))
        connection.execute(
            text("INSERT INTO campuses VALUES ('c1', '2026-01-01', '2026-01-01', 1, 'd1', 'Lincoln High', 'LHS', '')")
        )
    engine.dispose()
    db = Database.open(path, backups)
    with db.session() as session:
        assert session.execute(text("SELECT kind, opened_on FROM campuses")).all() == [("elementary", None)]
        assert session.execute(text("SELECT count(*) FROM drills")).scalar() == 0
    db.close()


def test_a_database_of_0021_gains_spot_checks_and_its_assessments_are_no_runs(paths: tuple[Path, Path]) -> None:
    """Migration 0022: the schedules' table is there and empty; an assessment made before it links to none."""
    path, backups = paths
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0021")
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO districts VALUES ('d1', '2026-01-01', '2026-01-01', 1, 'D')"))
        connection.execute(
            text(
                "INSERT INTO campuses VALUES ('c1', '2026-01-01', '2026-01-01', 1, 'd1', 'Lincoln High', 'LHS', '',"
                " 'high', NULL)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO checklist_snapshots (id, created_at, updated_at, revision, checklist_id, version, title,"
                " sha256, document) VALUES ('s1', '2026-01-01', '2026-01-01', 1, 'c', '1', 'C', 'h', '{}')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO assessments (id, created_at, updated_at, revision, campus_id, snapshot_id, assessors,"
                " assessed_on, status, started_at, revision_no) VALUES ('a1', '2026-01-01', '2026-01-01', 1, 'c1',"
                " 's1', '[]', '2026-01-02', 'in_progress', '2026-01-01', 1)"
            )
        )
    engine.dispose()
    db = Database.open(path, backups)
    with db.session() as session:
        assert session.execute(text("SELECT spot_check_id FROM assessments")).all() == [(None,)]
        assert session.execute(text("SELECT count(*) FROM spot_checks")).scalar() == 0
        assert session.execute(text("SELECT kind FROM campuses")).all() == [("high",)]
    db.close()
