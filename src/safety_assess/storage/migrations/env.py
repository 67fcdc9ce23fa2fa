"""Alembic environment: runs on the connection the app hands over, or on -x url=... from the alembic CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from safety_assess.storage import orm_maps, orm_readiness, orm_reviews  # noqa: F401  (their tables join Base.metadata)
from safety_assess.storage.orm import Base


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    _run(given)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or (
        context.config.get_main_option("sqlalchemy.url") or "sqlite:///migration-scratch.sqlite3"
    )
    with create_engine(url).begin() as connection:
        _run(connection)
