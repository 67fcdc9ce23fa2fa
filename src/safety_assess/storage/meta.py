"""Facts about this installation kept in the database (app_meta)."""

from __future__ import annotations

from safety_assess.storage.database import Database
from safety_assess.storage.orm import AppMetaRow


def installation_id(database: Database) -> str:
    """The id given to this installation when its database was made (migration 0002)."""
    with database.session() as session:
        row = session.get(AppMetaRow, "installation_id")
        return row.value if row is not None else "unknown"
