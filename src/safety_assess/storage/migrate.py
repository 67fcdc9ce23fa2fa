"""Alembic, driven from code: the scripts live in storage/migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from safety_assess.storage.dbfile import DatabaseError
from safety_assess.storage.server import hold_migration_lock

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str) -> None:
    """Migrate in one transaction with foreign keys off, then check every reference still holds.

    SQLite rebuilds a table to alter it; with foreign keys on, dropping the old table would cascade-delete the
    rows that refer to it (responses of assessments, say). So enforcement is off while migrating, and on again after.
    """
    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()  # the pragma only works outside a transaction
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    hold_migration_lock(connection)  # PostgreSQL alters tables inside the transaction
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                if sqlite:
                    _check_references(connection)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


def _check_references(connection: object) -> None:
    problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()  # type: ignore[attr-defined]
    if problems:
        raise DatabaseError(f"upgrading the database would break {len(problems)} references; it was not changed")


def upgrade_to_head(engine: Engine) -> None:
    upgrade(engine, "head")


def script_revisions() -> list[str]:
    """Every revision of the migration scripts, oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config())
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]
