"""Ids as people type them: the full UUID or the first few characters of it, as the CLI prints them."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select

from safety_assess.domain.errors import NotFoundError
from safety_assess.storage.database import Database


def resolve(database: Database, candidates: Select[Any], prefix: str, what: str) -> uuid.UUID:
    """The one id among ``candidates`` (a select of ids) that is or starts with ``prefix``, dashes optional."""
    cleaned = prefix.strip().lower().replace("-", "")
    if not cleaned or any(c not in "0123456789abcdef" for c in cleaned):
        raise NotFoundError(f"'{prefix}' is not {'an' if what[0] in 'aeiou' else 'a'} {what} id")
    with database.session() as session:
        ids: list[uuid.UUID] = [i for i in session.scalars(candidates) if i.hex.startswith(cleaned)]
    if len(ids) != 1:
        raise NotFoundError(f"no {what} with id '{prefix}'" if not ids else f"'{prefix}' matches several {what}s")
    return ids[0]
