"""Spot-check schedules (domain/readiness/spot_checks.py) and their runs: each run is an ordinary assessment whose
``spot_check_id`` names its schedule, started here with that link in the same transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.readiness.spot_checks import Every, Run, Schedule
from safety_assess.domain.records import AssessmentStatus, GroupInstance, Response
from safety_assess.storage.database import Database
from safety_assess.storage.orm import AssessmentRow, GroupInstanceRow, ResponseRow, plain_columns
from safety_assess.storage.orm_readiness import SpotCheckRow
from safety_assess.storage.repositories.answers import instance_record, response_record
from safety_assess.storage.repositories.ids import resolve
from safety_assess.storage.types import utcnow

CHUNK = 500
"""Runs read in one query at most (a bound list of ids stays well under every database's limit)."""


def add_schedule(database: Database, schedule: Schedule) -> Schedule:
    with database.session() as session:
        row = SpotCheckRow(
            id=schedule.id,
            campus_id=schedule.campus_id,
            checklist_id=schedule.checklist_id,
            sections=list(schedule.sections),
            every=schedule.every.value,
            starts_on=schedule.starts,
            set_up_by=schedule.set_up_by,
        )
        session.add(row)
        session.flush()
        return schedule_record(row)


def stop_schedule(database: Database, schedule_id: uuid.UUID) -> None:
    """Mark the schedule stopped (kept: its runs still name it, and the stop travels like any change)."""
    with database.session() as session:
        row = session.get(SpotCheckRow, schedule_id)
        if row is None or row.deleted_at is not None:
            raise NotFoundError(f"no spot check {schedule_id}")
        row.deleted_at = utcnow()


def schedules(database: Database, campus_id: uuid.UUID | None = None) -> list[Schedule]:
    """The schedules not stopped (one campus's, or every campus's), oldest first."""
    query = select(SpotCheckRow).where(SpotCheckRow.deleted_at.is_(None))
    if campus_id is not None:
        query = query.where(SpotCheckRow.campus_id == campus_id)
    with database.session() as session:
        rows = session.scalars(query.order_by(SpotCheckRow.starts_on, SpotCheckRow.created_at))
        return [schedule_record(row) for row in rows]


def every_schedule(database: Database) -> dict[uuid.UUID, Schedule]:
    """Every schedule by id, stopped ones too (their runs still count)."""
    with database.session() as session:
        return {row.id: schedule_record(row) for row in session.scalars(select(SpotCheckRow))}


def schedule(database: Database, schedule_id: uuid.UUID) -> Schedule:
    """The schedule, stopped or not (a run of a stopped one still shows its sections)."""
    with database.session() as session:
        row = session.get(SpotCheckRow, schedule_id)
        if row is None:
            raise NotFoundError(f"no spot check {schedule_id}")
        return schedule_record(row)


def resolve_schedule(database: Database, prefix: str) -> uuid.UUID:
    """The schedule (not stopped) whose id is or starts with ``prefix``."""
    live = select(SpotCheckRow.id).where(SpotCheckRow.deleted_at.is_(None))
    return resolve(database, live, prefix, "spot check")


def start_run(
    database: Database, schedule_id: uuid.UUID, snapshot_id: uuid.UUID, assessors: Sequence[str], day: dt.date
) -> uuid.UUID:
    """A new in-progress assessment of the schedule's campus, linked to the schedule; its id."""
    with database.session() as session:
        found = session.get(SpotCheckRow, schedule_id)
        if found is None:
            raise NotFoundError(f"no spot check {schedule_id}")
        row = AssessmentRow(
            campus_id=found.campus_id,
            snapshot_id=snapshot_id,
            assessors=[a.strip() for a in assessors if a.strip()],
            assessed_on=day,
            status=AssessmentStatus.IN_PROGRESS.value,
            spot_check_id=schedule_id,
        )
        session.add(row)
        session.flush()
        return row.id


def schedule_of_run(database: Database, assessment_id: uuid.UUID) -> uuid.UUID | None:
    """The schedule the assessment is a run of; None for an ordinary assessment."""
    with database.session() as session:
        row = session.get(AssessmentRow, assessment_id)
        return row.spot_check_id if row is not None else None


def runs(database: Database, start: dt.date | None = None, end: dt.date | None = None) -> list[Run]:
    """Every run dated in [start, end] (either open), each the latest revision of its assessment (a reopened run
    keeps its link and date), conflict copies left out; oldest first."""
    table = AssessmentRow
    query = select(
        table.spot_check_id,
        table.id,
        table.campus_id,
        table.assessed_on,
        table.status,
        table.snapshot_id,
        table.revision_of_id,
    ).where(table.spot_check_id.is_not(None), table.conflict_of_id.is_(None))
    if start is not None:
        query = query.where(table.assessed_on >= start)
    if end is not None:
        query = query.where(table.assessed_on <= end)
    with database.session() as session:
        rows = list(session.execute(query.order_by(table.assessed_on, table.started_at)))
    superseded = {row.revision_of_id for row in rows if row.revision_of_id is not None}
    return [_run(row) for row in rows if row.id not in superseded]


def _run(row: Any) -> Run:
    """A row of ``runs``' query."""
    completed = row.status == AssessmentStatus.COMPLETED.value
    return Run(row.spot_check_id, row.id, row.campus_id, row.assessed_on, completed, row.snapshot_id)


def runs_answers(
    database: Database, assessment_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[list[GroupInstance], list[Response]]]:
    """The group instances and responses of each run, in two queries however many runs (the targets read a
    district's term of weekly runs at once)."""
    found: dict[uuid.UUID, tuple[list[GroupInstance], list[Response]]] = {i: ([], []) for i in assessment_ids}
    wanted = list(assessment_ids)
    with database.session() as session:
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            instances = select(GroupInstanceRow).where(GroupInstanceRow.assessment_id.in_(chunk))
            for row in session.scalars(instances.order_by(GroupInstanceRow.group_id, GroupInstanceRow.position)):
                found[row.assessment_id][0].append(instance_record(row))
            columns = plain_columns(ResponseRow)
            responses = select(*columns).where(ResponseRow.assessment_id.in_(chunk)).order_by(ResponseRow.answered_at)
            for plain in session.execute(responses):
                found[plain.assessment_id][1].append(response_record(plain))
    return found


def schedule_record(row: SpotCheckRow) -> Schedule:
    return Schedule(
        campus_id=row.campus_id,
        checklist_id=row.checklist_id,
        sections=tuple(row.sections),
        every=Every(row.every),
        starts=row.starts_on,
        set_up_by=row.set_up_by,
        id=row.id,
        revision=row.revision,
    )
