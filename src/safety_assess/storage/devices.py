"""The devices this installation imports bundles from: listed, and revoked when a person stops trusting one (its
bundles are refused from then on; what it brought before stays)."""

from __future__ import annotations

from sqlalchemy import select

from safety_assess.domain.errors import NotFoundError, SafetyAssessError
from safety_assess.domain.records import TrustedDevice
from safety_assess.storage.database import Database
from safety_assess.storage.orm import DeviceRow
from safety_assess.storage.types import utcnow


class AlreadyRevoked(SafetyAssessError):
    """The device was revoked before."""


def trusted_devices(database: Database) -> list[TrustedDevice]:
    """Every device ever trusted here (revoked ones too), the most recently trusted first."""
    with database.session() as session:
        rows = session.scalars(select(DeviceRow).order_by(DeviceRow.trusted_at.desc(), DeviceRow.fingerprint))
        return [_record(row) for row in rows]


def revoke(database: Database, fingerprint: str) -> TrustedDevice:
    """Stop trusting the device with this fingerprint (case and spaces ignored); NotFoundError when no device has
    it, AlreadyRevoked when it was revoked before. Nothing it brought is removed."""
    wanted = fingerprint.strip().upper()
    with database.session() as session:
        row = session.scalars(select(DeviceRow).where(DeviceRow.fingerprint == wanted)).first()
        if row is None:
            raise NotFoundError(f"no trusted device has the fingerprint {fingerprint.strip()!r}")
        if row.revoked_at is not None:
            raise AlreadyRevoked(f"the device {row.fingerprint} was revoked already, on {row.revoked_at:%Y-%m-%d}")
        row.revoked_at = utcnow()
        return _record(row)


def _record(row: DeviceRow) -> TrustedDevice:
    return TrustedDevice(row.fingerprint, row.name, row.trusted_at, row.last_import_at, row.revoked_at)
