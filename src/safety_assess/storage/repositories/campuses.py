"""Districts and their campuses."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safety_assess.domain.errors import ConflictError, NotFoundError
from safety_assess.domain.records import Campus
from safety_assess.storage import listing
from safety_assess.storage.database import Database
from safety_assess.storage.orm import CampusRow, DistrictRow

DEFAULT_DISTRICT = "My district"


def campus_record(row: CampusRow) -> Campus:
    return Campus(row.id, row.district_id, row.name, row.code, row.address, row.kind, row.opened_on)


class CampusRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    def add(
        self, name: str, code: str, address: str = "", kind: str = "elementary", opened_on: dt.date | None = None
    ) -> Campus:
        name, code = _required(name, "campus name"), _required(code, "campus code")
        with self._db.session() as session:
            district = district_row(session)
            clash = session.scalar(
                select(CampusRow).where(
                    CampusRow.district_id == district.id, func.lower(CampusRow.code) == code.lower()
                )
            )
            if clash is not None:
                raise ConflictError(f"a campus with code '{clash.code}' already exists ({clash.name})")
            row = CampusRow(
                district_id=district.id, name=name, code=code, address=address.strip(), kind=kind, opened_on=opened_on
            )
            session.add(row)
            session.flush()
            return campus_record(row)

    def describe(self, campus_id: uuid.UUID, kind: str | None = None, opened_on: dt.date | None = None) -> Campus:
        """Set the campus's kind and the day it opened (those given)."""
        with self._db.session() as session:
            row = session.get(CampusRow, campus_id)
            if row is None:
                raise NotFoundError(f"no campus {campus_id}")
            if kind is not None:
                row.kind = kind
            if opened_on is not None:
                row.opened_on = opened_on
            session.flush()
            return campus_record(row)

    def list(self) -> list[Campus]:
        with self._db.dbapi() as connection:
            return listing.campuses(connection)

    def by_code(self, code: str) -> Campus:
        with self._db.session() as session:
            row = session.scalar(select(CampusRow).where(func.lower(CampusRow.code) == code.strip().lower()))
            if row is None:
                raise NotFoundError(f"no campus with code '{code}'")
            return campus_record(row)

    def get(self, campus_id: uuid.UUID) -> Campus:
        with self._db.session() as session:
            row = session.get(CampusRow, campus_id)
            if row is None:
                raise NotFoundError(f"no campus {campus_id}")
            return campus_record(row)


def district_row(session: Session) -> DistrictRow:
    """The district this installation works for, created on first use."""
    row = session.scalar(select(DistrictRow).order_by(DistrictRow.created_at).limit(1))
    if row is None:
        row = DistrictRow(name=DEFAULT_DISTRICT)
        session.add(row)
        session.flush()
    return row


def _required(value: str, what: str) -> str:
    cleaned = " ".join(value.split())
    if not cleaned:
        raise ConflictError(f"{what} must not be empty")
    return cleaned
