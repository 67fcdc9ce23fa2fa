"""An assessment's review (plan revisions, issued packets, the group's reviews, the responses to them and the
decisions) as plain JSON-ready data for sync bundles, and applied back record by record on import.

Each record is matched by its id, else by what makes it one of a kind (a revision's number, a packet's number, the
reviewer of a review, the action of a response): one not here is added; the same record at a higher revision, or at
the same revision saved later, replaces ours; a record of the same kind made apart on another laptop (the same
reviewer's packet imported on both, or a packet number another of ours holds) replaces ours when saved later. Ours,
when newer, stays.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from safety_assess.storage.bundle_rows import RowError, dump_row, load_row
from safety_assess.storage.database import Database
from safety_assess.storage.orm import ActionRow, AssessmentRow, Base, FindingRow
from safety_assess.storage.orm_reviews import (
    ActionResponseRow,
    PlanRevisionRow,
    ReviewDecisionRow,
    ReviewPacketRow,
    ReviewRow,
)

REVIEWS_DOCUMENT_VERSION = 1
REVIEW_LISTS: tuple[tuple[str, Any, tuple[str, ...]], ...] = (
    ("plan_revisions", PlanRevisionRow, ("assessment_id", "number")),
    ("packets", ReviewPacketRow, ("assessment_id", "packet_no")),
    ("reviews", ReviewRow, ("assessment_id", "reviewer_key")),
    ("responses", ActionResponseRow, ("action_id",)),
    ("decisions", ReviewDecisionRow, ()),
)
"""The lists of a reviews document, their tables and what makes a record one of a kind besides its id."""


class ReviewsRefused(ValueError):
    """A record of a reviews document does not fit its table or its assessment; the message names it."""


def reviews_document(database: Database, assessment_id: uuid.UUID) -> dict[str, Any] | None:
    """Every review record of the assessment; None when it has none."""
    with database.session() as session:
        actions = _actions_of(assessment_id)
        lists: dict[str, list[dict[str, Any]]] = {}
        for key, table, _ in REVIEW_LISTS:
            owned = table.action_id.in_(actions) if table is ActionResponseRow else table.assessment_id == assessment_id
            lists[key] = [dump_row(row) for row in session.scalars(select(table).where(owned).order_by(table.id))]
    if not any(lists.values()):
        return None
    return {"document_version": REVIEWS_DOCUMENT_VERSION, "assessment_id": str(assessment_id), **lists}


def assessments_with_review_changes(database: Database, since: dt.datetime | None) -> list[uuid.UUID]:
    """The assessments made here (not conflicting copies) with a review record saved after ``since`` (with any
    review record when None): what carries a review recorded since the last export."""
    own = (AssessmentRow.source_installation.is_(None), AssessmentRow.conflict_of_id.is_(None))
    found: set[uuid.UUID] = set()
    with database.session() as session:
        for _, table, _ in REVIEW_LISTS:
            if table is ActionResponseRow:
                query = select(FindingRow.assessment_id).join(ActionRow, ActionRow.finding_id == FindingRow.id)
                query = query.join(table, table.action_id == ActionRow.id)
                query = query.join(AssessmentRow, AssessmentRow.id == FindingRow.assessment_id)
            else:
                query = select(table.assessment_id).join(AssessmentRow, AssessmentRow.id == table.assessment_id)
            query = query.where(*own) if since is None else query.where(*own, table.updated_at > since)
            found.update(session.scalars(query.distinct()))
        ordered = select(AssessmentRow.id).where(AssessmentRow.id.in_(found)).order_by(AssessmentRow.started_at)
        return list(session.scalars(ordered))


@dataclass
class PreparedReviews:
    """One assessment's review records, typed and checked once, before anything is written."""

    assessment_id: uuid.UUID
    records: dict[str, list[dict[str, Any]]]
    """Column values by REVIEW_LISTS' keys."""


@dataclass
class ReviewsOutcome:
    assessment_id: uuid.UUID
    added: int = 0
    updated: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)


def prepared_reviews(document: dict[str, Any]) -> PreparedReviews:
    """The document's records as column values; ReviewsRefused naming the first that does not fit (a wrong shape,
    or a record of another assessment than the document's)."""
    if document.get("document_version") != REVIEWS_DOCUMENT_VERSION:
        raise ReviewsRefused(f"the review is of document version {document.get('document_version')!r}, not 1")
    try:
        assessment_id = uuid.UUID(str(document["assessment_id"]))
        records = {key: [_values(table, data) for data in _rows(document, key)] for key, table, _ in REVIEW_LISTS}
    except (RowError, KeyError, ValueError, TypeError) as error:
        raise ReviewsRefused(f"the review of assessment {str(document.get('assessment_id'))[:40]}: {error}") from None
    for key, _, _ in REVIEW_LISTS:
        stray = next((v for v in records[key] if v.get("assessment_id", assessment_id) != assessment_id), None)
        if stray is not None:
            raise ReviewsRefused(f"the review of assessment {assessment_id}: {key} {stray['id']} is of another one")
    return PreparedReviews(assessment_id, records)


def copied_id(copy_id: uuid.UUID, original: uuid.UUID) -> uuid.UUID:
    """The id a record of a bundle's assessment takes in the conflicting copy ``copy_id`` made of it: the same each
    time, so the copy's review records find the copy's actions, and the same bundle again finds its records."""
    return uuid.uuid5(copy_id, str(original))


def moved_to_copy(prepared: PreparedReviews, copy_id: uuid.UUID) -> PreparedReviews:
    """The review records of a bundle's assessment kept as the conflicting copy ``copy_id``: theirs with the
    copy's ids (the actions they name too), so they go with the copy and leave ours alone."""

    def moved(original: Any) -> str:
        return str(copied_id(copy_id, uuid.UUID(str(original))))

    try:
        records = {
            key: [_moved(key, values, copy_id, moved) for values in rows] for key, rows in prepared.records.items()
        }
    except (KeyError, ValueError, TypeError, AttributeError) as error:
        raise ReviewsRefused(f"the review of assessment {prepared.assessment_id}: {error}") from None
    return PreparedReviews(copy_id, records)


def _moved(key: str, values: dict[str, Any], copy_id: uuid.UUID, moved: Any) -> dict[str, Any]:
    values = {**values, "id": uuid.UUID(moved(values["id"]))}
    if "assessment_id" in values:
        values["assessment_id"] = copy_id
    if "action_id" in values:
        values["action_id"] = uuid.UUID(moved(values["action_id"]))
    if key == "packets":
        values["action_ids"] = [moved(action) for action in values["action_ids"]]
    elif key == "reviews":
        values["views"] = [{**view, "action_id": moved(view["action_id"])} for view in values["views"]]
    elif key == "decisions" and values["adopted_plan"] is not None:
        plan = values["adopted_plan"]
        values["adopted_plan"] = [{**a, "id": moved(a["id"]), "finding_id": moved(a["finding_id"])} for a in plan]
    return values


def _actions_of(assessment_id: uuid.UUID) -> Any:
    """The ids of the assessment's actions, as a query."""
    return (
        select(ActionRow.id)
        .join(FindingRow, ActionRow.finding_id == FindingRow.id)
        .where(FindingRow.assessment_id == assessment_id)
    )


def _rows(document: dict[str, Any], key: str) -> list[dict[str, Any]]:
    rows = document[key]
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise ValueError(f"'{key}' must be a list of records")
    return rows


def _values(table: type[Base], data: dict[str, Any]) -> dict[str, Any]:
    row = load_row(table, data)
    return {column.key: getattr(row, column.key) for column in table.__mapper__.column_attrs}


def apply_reviews(session: Session, prepared: PreparedReviews) -> ReviewsOutcome:
    """Apply one assessment's review records (see the module's docstring); ReviewsRefused when the assessment, or
    an action a response answers, is not here, or a record the bundle shares with us belongs elsewhere."""
    outcome = ReviewsOutcome(prepared.assessment_id)
    if session.get(AssessmentRow, prepared.assessment_id) is None:
        raise ReviewsRefused(f"the review of assessment {prepared.assessment_id}: the assessment is not here")
    actions = set(session.scalars(_actions_of(prepared.assessment_id)))
    for key, table, kind in REVIEW_LISTS:
        for values in prepared.records[key]:
            if table is ActionResponseRow and values["action_id"] not in actions:
                raise ReviewsRefused(f"response {values['id']} answers action {values['action_id']}, not here")
            try:
                added, updated = _apply_one(session, table, kind, values)
            except IntegrityError:
                what = f"the review of assessment {prepared.assessment_id}: {key} record {values['id']}"
                raise ReviewsRefused(f"{what} clashes with ours") from None
            outcome.added += added
            outcome.updated += updated
    return outcome


def _apply_one(session: Session, table: Any, kind: tuple[str, ...], values: dict[str, Any]) -> tuple[int, int]:
    """(1, 0) when the record was added, (0, 1) when it replaced ours, (0, 0) when ours stays. A record that takes
    a one-of-a-kind value another of ours holds (two packets whose numbers were swapped on another laptop) wins
    that value when it was saved later: ours is dropped; else ours stays and the record is left out."""
    same = session.execute(
        select(table.id, table.revision, table.updated_at, *_owner(table)).where(table.id == values["id"])
    )
    here = same.first()
    if here is not None:
        if tuple(here[3:]) != tuple(values[c] for c in _owner_keys(table)):
            raise ReviewsRefused(f"{table.__tablename__} record {values['id']} is already here, of another assessment")
        if (values["revision"], values["updated_at"]) <= (here.revision, here.updated_at):
            return 0, 0
    twin = _twin(session, table, kind, values)
    if twin is not None and values["updated_at"] <= twin[1]:
        return 0, 0
    if twin is not None:
        session.execute(delete(table).where(table.id == twin[0]))
    if here is not None:
        session.execute(update(table).where(table.id == values["id"]).values(**values))
        return 0, 1
    session.execute(insert(table).values(**values))
    return (0, 1) if twin is not None else (1, 0)


def _twin(
    session: Session, table: Any, kind: tuple[str, ...], values: dict[str, Any]
) -> tuple[uuid.UUID, dt.datetime] | None:
    """Our other record (not this one) of the same kind, if any: its id and when it was saved."""
    if not kind:
        return None
    same_kind = (getattr(table, c) == values[c] for c in kind)
    found = session.execute(select(table.id, table.updated_at).where(*same_kind, table.id != values["id"])).first()
    return None if found is None else (found[0], found[1])


def _owner_keys(table: Any) -> tuple[str, ...]:
    return ("action_id",) if table is ActionResponseRow else ("assessment_id",)


def _owner(table: Any) -> list[Any]:
    return [getattr(table, key) for key in _owner_keys(table)]
