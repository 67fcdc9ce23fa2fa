"""The advisory group's review of an assessment's plan and the board's decision.

A packet is issued from the plan's actions (``issue_packet``), comes back filled (``record_packet``), the district
or assessor responds per action (``respond``), and the group and the board decide (``record_decision``); the
board's adoption freezes the plan (``adopted_version``). Every refusal is a ReviewError naming what and where, and
nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from safety_assess.base.files import writing
from safety_assess.domain.errors import NotFoundError
from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.review.changes import CONTENT_FIELDS, SinceAdopted, adopted_actions, compare
from safety_assess.domain.review.model import (
    ActionResponse,
    Body,
    Decision,
    FilledPacket,
    Outcome,
    PacketIdentity,
    Reply,
    Review,
    ReviewError,
    Role,
    Session,
    Tally,
    tallies,
)
from safety_assess.reports.content import ReportContent
from safety_assess.services.plan import load_plan
from safety_assess.services.workspace import Workspace

NAME_MAX = 200
TEXT_MAX = 10_000
ADOPTING = (Outcome.ADOPTED, Outcome.ADOPTED_WITH_CHANGES)
Choice = TypeVar("Choice", Role, Reply, Body, Outcome, Session)


@dataclass(frozen=True)
class RecordResult:
    review: Review
    replaced: bool
    """The reviewer's earlier review was replaced."""
    dropped: tuple[uuid.UUID, ...] = ()
    """Actions the packet (of an earlier plan revision) gave views of that no longer exist: not kept."""


@dataclass(frozen=True)
class ReviewState:
    """How far an assessment's review has come (for the district's overview)."""

    packets: int
    reviews: int
    responses: int
    decided_on: dt.date | None
    adopted_on: dt.date | None

    @property
    def stage(self) -> str:
        if self.adopted_on is not None:
            return f"adopted on {self.adopted_on.isoformat()}"
        if self.decided_on is not None:
            return "decided"
        if self.reviews:
            return "responses in"
        return "packet out" if self.packets else "not reviewed"


# packets


def plan_actions(workspace: Workspace, assessment_id: uuid.UUID) -> list[Action]:
    """The actions a packet lists: those of the plan's findings, in the plan's order."""
    return [a for a in load_plan(workspace, assessment_id, compare_earlier=False).actions if a.id is not None]


def content_digest(actions: list[Action]) -> str:
    """sha256 of what the actions say (not their status): a packet from other content raises the plan revision."""
    content = sorted((_content(a) for a in actions), key=lambda entry: str(entry["id"]))
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def issue_packet(
    workspace: Workspace, assessment_id: uuid.UUID, public: bool
) -> tuple[PacketIdentity, list[uuid.UUID]]:
    """Record a new packet of the assessment's plan: its identity and the actions it lists."""
    actions = _listed(plan_actions(workspace, assessment_id), assessment_id)
    return _issue(workspace, assessment_id, actions, public), [a.id for a in actions if a.id is not None]


def write_packet(
    workspace: Workspace, assessment_id: uuid.UUID, out: Path, public: bool = False, clock: dt.datetime | None = None
) -> tuple[PacketIdentity, list[uuid.UUID]]:
    """Write a new packet of the assessment's plan to ``out`` (whole, or not at all) and record it once written."""
    from safety_assess.reports.review_packet import write_review_packet
    from safety_assess.services.reports import report_options

    plan = load_plan(workspace, assessment_id)
    actions = _listed([a for a in plan.actions if a.id is not None], assessment_id)
    identity = workspace.reviews.next_packet(assessment_id, content_digest(actions))
    content = ReportContent(plan, report_options(workspace, public, clock))
    with writing(workspace.data_dir, out) as partial:
        write_review_packet(partial, identity, content, actions)
        _issue(workspace, assessment_id, actions, public)
    return identity, [a.id for a in actions if a.id is not None]


def _listed(actions: list[Action], assessment_id: uuid.UUID) -> list[Action]:
    if not actions:
        raise ReviewError(f"assessment {_short(assessment_id)} has no actions in its plan to review")
    return actions


def _issue(workspace: Workspace, assessment_id: uuid.UUID, actions: list[Action], public: bool) -> PacketIdentity:
    digest = content_digest(actions)
    identity = workspace.reviews.next_packet(assessment_id, digest)
    workspace.reviews.issue_packet(identity, digest, [a.id for a in actions if a.id is not None], public)
    return identity


# reviews


def record_packet(workspace: Workspace, packet: FilledPacket) -> RecordResult:
    """Record a filled packet, replacing the same reviewer's earlier one (see the module's text for refusals)."""
    checked, dropped = check_packet(workspace, packet)
    review, replaced = workspace.reviews.record(checked, reviewer_key(checked.reviewer))
    return RecordResult(review, replaced, dropped)


def import_packets(workspace: Workspace, packets: list[FilledPacket]) -> list[RecordResult]:
    """Record filled packets, every one checked before any is stored: one refused, none is."""
    for packet in packets:
        check_packet(workspace, packet)
    return [record_packet(workspace, packet) for packet in packets]


def check_packet(workspace: Workspace, packet: FilledPacket) -> tuple[FilledPacket, tuple[uuid.UUID, ...]]:
    """The packet as it is kept (the views of actions that still exist) and the actions whose views are not."""
    identity = packet.identity
    _held(workspace, identity.assessment_id, "the packet is of assessment {}, which this data folder does not hold")
    listed = workspace.reviews.packet_actions(identity)
    if listed is None:
        raise ReviewError(
            f"packet {identity.packet_no} (plan revision {identity.plan_revision}) of assessment "
            f"{_short(identity.assessment_id)} was not issued from this data folder"
        )
    reviewer = _reviewer(packet.reviewer)
    _check_views(packet, set(listed))
    _check_text(packet.overall_comment, "the overall comment")
    existing = {a.id for a in workspace.findings.actions(identity.assessment_id)}
    kept = tuple(v for v in packet.views if v.action_id in existing)
    dropped = tuple(v.action_id for v in packet.views if v.action_id not in existing)
    role = _parse(Role, packet.role, "role")
    return FilledPacket(identity, reviewer, role, packet.overall_comment.strip(), packet.public_ok, kept), dropped


def reviewer_key(name: str) -> str:
    """The name as compared: 'Ana  Diaz' and 'ana diaz' are one reviewer."""
    return " ".join(name.split()).casefold()


def reviews(workspace: Workspace, assessment_id: uuid.UUID) -> list[Review]:
    """The latest review from each reviewer of the assessment."""
    return workspace.reviews.reviews(assessment_id)


def review_tallies(workspace: Workspace, assessment_id: uuid.UUID) -> dict[uuid.UUID, Tally]:
    return tallies(reviews(workspace, assessment_id))


# responses


def respond(
    workspace: Workspace, action_id: uuid.UUID, reply: Reply | str, text: str = "", by: str = ""
) -> ActionResponse:
    """Record the response to what the group said of an action ('changed' says what, 'declined' says why); ``by``
    defaults to the assessor named in the settings."""
    chosen = _parse(Reply, reply, "reply")
    workspace.findings.action(action_id)
    text = text.strip()
    if chosen is not Reply.ACCEPTED and not text:
        what = "what was changed" if chosen is Reply.CHANGED else "why it was declined"
        raise ReviewError(f"a '{chosen.value}' response needs a text saying {what}")
    _check_text(text, "the response's text")
    if len(by) > NAME_MAX:
        raise ReviewError(f"the responder's name is {len(by):,} characters long; at most {NAME_MAX} fit")
    who = by.strip() or workspace.settings.assessor_name
    return workspace.reviews.respond(ActionResponse(action_id, chosen, text, who))


def responses(workspace: Workspace, assessment_id: uuid.UUID) -> list[ActionResponse]:
    return workspace.reviews.responses(assessment_id)


# decisions


def record_decision(
    workspace: Workspace,
    assessment_id: uuid.UUID,
    body: Body | str,
    date: dt.date,
    outcome: Outcome | str | None = None,
    session: Session | str | None = None,
    members_present: dict[str, int] | None = None,
    minutes: str = "",
    note: str = "",
) -> Decision:
    """Record the group's meeting or the board's action; the board's adoption freezes the plan as it stands."""
    summary = _held(workspace, assessment_id, "no assessment {} in this data folder")
    chosen = _parse(Body, body, "body")
    decided = None if outcome is None else _parse(Outcome, outcome, "outcome")
    if chosen is Body.BOARD and decided is None:
        raise ReviewError("a board decision needs an outcome: adopted, adopted-with-changes or not-adopted")
    if date < summary.assessed_on:
        raise ReviewError(
            f"the decision's date {date.isoformat()} is before the assessment ({summary.assessed_on.isoformat()})"
        )
    _check_text(minutes, "the minutes")
    _check_text(note, "the note")
    decision = Decision(
        uuid.uuid4(),
        assessment_id,
        chosen,
        date,
        decided,
        None if session is None else _parse(Session, session, "session"),
        _members(members_present or {}),
        minutes.strip(),
        note.strip(),
    )
    frozen = None
    if chosen is Body.BOARD and decided in ADOPTING:
        frozen = [_adopted(a) for a in plan_actions(workspace, assessment_id)]
    return workspace.reviews.record_decision(decision, frozen)


def decisions(workspace: Workspace, assessment_id: uuid.UUID) -> list[Decision]:
    return workspace.reviews.decisions(assessment_id)


def adopted_version(workspace: Workspace, assessment_id: uuid.UUID) -> list[dict[str, Any]] | None:
    """The plan's actions as the board last adopted them (plain JSON values); None when not adopted."""
    found = workspace.reviews.adopted_version(assessment_id)
    return None if found is None else found[1]


def since_adopted(workspace: Workspace, assessment_id: uuid.UUID, plan: Plan | None = None) -> SinceAdopted | None:
    """What changed in the plan since the board's last adopting decision; None when the board never adopted it.
    ``plan``: the assessment's plan as already loaded (a window's), else it is read."""
    found = workspace.reviews.adopted_version(assessment_id)
    if found is None:
        return None
    plan = plan or load_plan(workspace, assessment_id, compare_earlier=False)
    current = [a for a in plan.actions if a.id is not None]
    changes = compare(adopted_actions(found[1]), current, [f.key for f in plan.findings])
    return SinceAdopted(found[0].date, changes)


def review_state(workspace: Workspace, assessment_id: uuid.UUID) -> ReviewState:
    made = decisions(workspace, assessment_id)
    adopted = workspace.reviews.adopted_version(assessment_id)
    return ReviewState(
        workspace.reviews.packets_issued(assessment_id),
        len(reviews(workspace, assessment_id)),
        len(responses(workspace, assessment_id)),
        made[-1].date if made else None,
        None if adopted is None else adopted[0].date,
    )


def review_states(workspace: Workspace, assessment_ids: list[uuid.UUID]) -> dict[uuid.UUID, ReviewState]:
    """Each assessment's review state, read at once (the district's overview); unreviewed ones are not reviewed."""
    stages = workspace.reviews.stages(assessment_ids)
    empty = (0, 0, 0, None, None)
    return {key: ReviewState(*stages.get(key, empty)) for key in assessment_ids}


# checks and helpers


def _parse(kind: type[Choice], text: str, what: str) -> Choice:
    """The choice ``text`` names (the domain's parse, typed as the choice's class)."""
    return kind(kind.parse(text, what))


def _held(workspace: Workspace, assessment_id: uuid.UUID, message: str) -> Any:
    try:
        return workspace.assessments.summary(assessment_id)
    except NotFoundError:
        raise ReviewError(message.format(assessment_id)) from None


def _reviewer(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ReviewError("the packet gives no reviewer's name")
    if len(cleaned) > NAME_MAX:
        raise ReviewError(f"the reviewer's name is {len(cleaned):,} characters long; at most {NAME_MAX} fit")
    return cleaned


def _check_views(packet: FilledPacket, listed: set[uuid.UUID]) -> None:
    seen: set[uuid.UUID] = set()
    for view in packet.views:
        if view.action_id not in listed:
            raise ReviewError(
                f"the packet gives a view of action {_short(view.action_id)}, "
                f"which packet {packet.identity.packet_no} did not list"
            )
        if view.action_id in seen:
            raise ReviewError(f"the packet gives two views of action {_short(view.action_id)}")
        seen.add(view.action_id)
        _check_text(view.comment, f"the comment on action {_short(view.action_id)}")


def _check_text(text: str, what: str) -> None:
    if len(text) > TEXT_MAX:
        raise ReviewError(f"{what} is {len(text):,} characters long; at most {TEXT_MAX:,} fit")


def _members(present: dict[str, int]) -> dict[str, int]:
    members: dict[str, int] = {}
    for role, count in present.items():
        chosen = _parse(Role, role, "role")
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= 1000:
            raise ReviewError(f"members present as {chosen.value}: '{count}' is not a count from 0 to 1000")
        members[chosen.value] = members.get(chosen.value, 0) + count
    return members


def _content(action: Action) -> dict[str, Any]:
    content: dict[str, Any] = {"id": str(action.id), "finding_id": str(action.finding_id)}
    for name in CONTENT_FIELDS:
        value = getattr(action, name)
        content[name] = value.isoformat() if isinstance(value, dt.date) else value
    return content


def _adopted(action: Action) -> dict[str, Any]:
    return {**_content(action), "finding_key": action.finding_key, "status": action.status.value}


def _short(value: uuid.UUID) -> str:
    return str(value)[:8]
