"""The review of assessments' plans: plan revisions, issued packets, recorded reviews, responses and decisions.

Values come in checked (services.reviews checks them) and go out as plain domain values. Each change is one
transaction.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from safety_assess.domain.review.model import (
    ActionResponse,
    ActionView,
    Body,
    Decision,
    FilledPacket,
    Outcome,
    PacketIdentity,
    Reply,
    Review,
    Role,
    Stance,
)
from safety_assess.domain.review.model import Session as Sitting
from safety_assess.storage.database import Database
from safety_assess.storage.orm import ActionRow, FindingRow
from safety_assess.storage.orm_reviews import (
    ActionResponseRow,
    PlanRevisionRow,
    ReviewDecisionRow,
    ReviewPacketRow,
    ReviewRow,
)
from safety_assess.storage.types import utcnow


class ReviewRepository:
    def __init__(self, database: Database) -> None:
        self._db = database

    # packets

    def next_packet(self, assessment_id: uuid.UUID, digest: str) -> PacketIdentity:
        """The identity the next packet of actions whose content has ``digest`` takes: the plan's revision is raised
        when the digest differs from the last revision's; packets are numbered 1, 2, 3…"""
        with self._db.session() as session:
            last = _last_revision(session, assessment_id)
            number = last.number if last is not None else 0
            if last is None or last.digest != digest:
                number += 1
            packet_no = _max(session, ReviewPacketRow.packet_no, ReviewPacketRow.assessment_id, assessment_id) + 1
            return PacketIdentity(assessment_id, number, packet_no)

    def issue_packet(self, identity: PacketIdentity, digest: str, action_ids: list[uuid.UUID], public: bool) -> None:
        """Record the packet (taken from ``next_packet``) and, when it is new, its plan revision."""
        with self._db.session() as session:
            last = _last_revision(session, identity.assessment_id)
            if last is None or last.number != identity.plan_revision:
                session.add(
                    PlanRevisionRow(assessment_id=identity.assessment_id, number=identity.plan_revision, digest=digest)
                )
            session.add(
                ReviewPacketRow(
                    assessment_id=identity.assessment_id,
                    packet_no=identity.packet_no,
                    plan_revision=identity.plan_revision,
                    action_ids=[str(a) for a in action_ids],
                    public=public,
                    issued_at=utcnow(),
                )
            )

    def packet_actions(self, identity: PacketIdentity) -> list[uuid.UUID] | None:
        """The actions the packet listed; None when no such packet was issued here."""
        with self._db.session() as session:
            row = session.scalars(
                select(ReviewPacketRow).where(
                    ReviewPacketRow.assessment_id == identity.assessment_id,
                    ReviewPacketRow.packet_no == identity.packet_no,
                    ReviewPacketRow.plan_revision == identity.plan_revision,
                )
            ).first()
            return None if row is None else [uuid.UUID(a) for a in row.action_ids]

    def packets_issued(self, assessment_id: uuid.UUID) -> int:
        with self._db.session() as session:
            return _max(session, ReviewPacketRow.packet_no, ReviewPacketRow.assessment_id, assessment_id)

    def plan_revision(self, assessment_id: uuid.UUID) -> int:
        """The plan's latest revision (0 before any packet)."""
        with self._db.session() as session:
            return _max(session, PlanRevisionRow.number, PlanRevisionRow.assessment_id, assessment_id)

    # reviews

    def record(self, packet: FilledPacket, reviewer_key: str) -> tuple[Review, bool]:
        """Store a checked packet, replacing the same reviewer's earlier review; the review and whether it replaced
        one."""
        identity = packet.identity
        with self._db.session() as session:
            row = session.scalars(
                select(ReviewRow).where(
                    ReviewRow.assessment_id == identity.assessment_id, ReviewRow.reviewer_key == reviewer_key
                )
            ).first()
            replaced = row is not None
            if row is None:
                row = ReviewRow(assessment_id=identity.assessment_id, reviewer_key=reviewer_key)
                session.add(row)
            row.packet_no, row.plan_revision = identity.packet_no, identity.plan_revision
            row.reviewer, row.role = packet.reviewer, packet.role.value
            row.overall_comment, row.public_ok = packet.overall_comment, packet.public_ok
            row.views = [_view_json(v) for v in packet.views]
            row.imported_at = utcnow()
            session.flush()
            return _review(row), replaced

    def reviews(self, assessment_id: uuid.UUID) -> list[Review]:
        """The assessment's reviews, the latest from each reviewer, in the order they came in."""
        with self._db.session() as session:
            rows = session.scalars(
                select(ReviewRow)
                .where(ReviewRow.assessment_id == assessment_id)
                .order_by(ReviewRow.imported_at, ReviewRow.reviewer_key)
            ).all()
            return [_review(r) for r in rows]

    # responses

    def respond(self, response: ActionResponse) -> ActionResponse:
        """Store the response to an action, replacing an earlier one."""
        with self._db.session() as session:
            row = session.scalars(
                select(ActionResponseRow).where(ActionResponseRow.action_id == response.action_id)
            ).first()
            if row is None:
                row = ActionResponseRow(action_id=response.action_id)
                session.add(row)
            row.reply, row.text, row.by, row.at = response.reply.value, response.text, response.by, utcnow()
            session.flush()
            return _response(row)

    def responses(self, assessment_id: uuid.UUID) -> list[ActionResponse]:
        """Responses to the assessment's actions (removed actions' left out)."""
        with self._db.session() as session:
            rows = session.scalars(
                select(ActionResponseRow)
                .join(ActionRow, ActionResponseRow.action_id == ActionRow.id)
                .join(FindingRow, ActionRow.finding_id == FindingRow.id)
                .where(
                    FindingRow.assessment_id == assessment_id,
                    FindingRow.deleted_at.is_(None),
                    ActionRow.deleted_at.is_(None),
                )
                .order_by(ActionResponseRow.at)
            ).all()
            return [_response(r) for r in rows]

    # decisions

    def record_decision(self, decision: Decision, adopted_plan: list[dict[str, Any]] | None) -> Decision:
        with self._db.session() as session:
            row = ReviewDecisionRow(
                id=decision.id,
                assessment_id=decision.assessment_id,
                body=decision.body.value,
                date=decision.date,
                outcome=None if decision.outcome is None else decision.outcome.value,
                session=None if decision.session is None else decision.session.value,
                members_present=dict(decision.members_present),
                minutes=decision.minutes,
                note=decision.note,
                adopted_plan=adopted_plan,
            )
            session.add(row)
            session.flush()
            return _decision(row)

    def decisions(self, assessment_id: uuid.UUID) -> list[Decision]:
        """The assessment's decisions by date, then as recorded."""
        with self._db.session() as session:
            rows = session.scalars(_decisions(assessment_id)).all()
            return [_decision(r) for r in rows]

    def adopted_version(self, assessment_id: uuid.UUID) -> tuple[Decision, list[dict[str, Any]]] | None:
        """The latest adoption and the plan's actions as adopted; None when the plan was not adopted."""
        with self._db.session() as session:
            rows = session.scalars(_decisions(assessment_id).where(ReviewDecisionRow.adopted_plan.is_not(None))).all()
            if not rows:
                return None
            last = rows[-1]
            return _decision(last), list(last.adopted_plan or [])

    def stages(self, assessment_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[int, int, int, Any, Any]]:
        """Per assessment: (packets issued, reviews, responses, last decision's date, last adoption's date), in five
        queries whatever the number of assessments; assessments without any are left out."""
        found: dict[uuid.UUID, list[Any]] = {}
        if not assessment_ids:
            return {}
        with self._db.session() as session:
            queries = [
                _grouped(ReviewPacketRow.assessment_id, func.max(ReviewPacketRow.packet_no), assessment_ids),
                _grouped(ReviewRow.assessment_id, func.count(ReviewRow.id), assessment_ids),
                _responses_per_assessment(assessment_ids),
                _grouped(ReviewDecisionRow.assessment_id, func.max(ReviewDecisionRow.date), assessment_ids),
                _grouped(ReviewDecisionRow.assessment_id, func.max(ReviewDecisionRow.date), assessment_ids).where(
                    ReviewDecisionRow.adopted_plan.is_not(None)
                ),
            ]
            wanted = set(assessment_ids)
            for place, query in enumerate(queries):
                for key, value in session.execute(query).all():
                    if key in wanted:
                        found.setdefault(key, [0, 0, 0, None, None])[place] = value
        return {key: (int(v[0]), int(v[1]), int(v[2]), v[3], v[4]) for key, v in found.items()}


def _responses_per_assessment(assessment_ids: list[uuid.UUID]) -> Any:
    """The responses to the actions of each assessment (not of removed ones), read from the responses: a join the
    database is free to order would scan every action of the district (a thousand campuses: 200,000) for a few
    responses."""
    owner = (
        select(FindingRow.assessment_id)
        .join(ActionRow, ActionRow.finding_id == FindingRow.id)
        .where(ActionRow.id == ActionResponseRow.action_id)
        .where(FindingRow.deleted_at.is_(None), ActionRow.deleted_at.is_(None))
        .scalar_subquery()
    )
    each = select(owner.label("assessment_id"), ActionResponseRow.action_id).subquery()
    return _grouped(each.c.assessment_id, func.count(each.c.action_id), assessment_ids).where(
        each.c.assessment_id.is_not(None)
    )


def _grouped(key: Any, value: Any, assessment_ids: list[uuid.UUID]) -> Any:
    """Grouped per assessment; over every assessment when they are many (the district's latest: binding a thousand
    ids costs more than grouping the few review rows of the others, which the caller leaves out)."""
    query = select(key, value)
    return (query if len(assessment_ids) > MANY else query.where(key.in_(assessment_ids))).group_by(key)


MANY = 50
"""More assessment ids than this are not listed in the query."""


def _max(session: Session, column: Any, key: Any, value: uuid.UUID) -> int:
    found = session.scalar(select(func.max(column)).where(key == value))
    return int(found) if found is not None else 0


def _last_revision(session: Session, assessment_id: uuid.UUID) -> PlanRevisionRow | None:
    return session.scalars(
        select(PlanRevisionRow)
        .where(PlanRevisionRow.assessment_id == assessment_id)
        .order_by(PlanRevisionRow.number.desc())
        .limit(1)
    ).first()


def _decisions(assessment_id: uuid.UUID) -> Any:
    return (
        select(ReviewDecisionRow)
        .where(ReviewDecisionRow.assessment_id == assessment_id)
        .order_by(ReviewDecisionRow.date, ReviewDecisionRow.created_at)
    )


def _view_json(view: ActionView) -> dict[str, Any]:
    return {
        "action_id": str(view.action_id),
        "stance": None if view.stance is None else view.stance.value,
        "comment": view.comment,
    }


def _review(row: ReviewRow) -> Review:
    views = tuple(
        ActionView(uuid.UUID(v["action_id"]), None if v["stance"] is None else Stance(v["stance"]), v["comment"])
        for v in row.views
    )
    packet = FilledPacket(
        PacketIdentity(row.assessment_id, row.plan_revision, row.packet_no),
        row.reviewer,
        Role(row.role),
        row.overall_comment,
        row.public_ok,
        views,
    )
    return Review(row.id, packet, _aware(row.imported_at))


def _response(row: ActionResponseRow) -> ActionResponse:
    return ActionResponse(row.action_id, Reply(row.reply), row.text, row.by, _aware(row.at))


def _decision(row: ReviewDecisionRow) -> Decision:
    return Decision(
        row.id,
        row.assessment_id,
        Body(row.body),
        row.date,
        None if row.outcome is None else Outcome(row.outcome),
        None if row.session is None else Sitting(row.session),
        dict(row.members_present),
        row.minutes,
        row.note,
    )


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
