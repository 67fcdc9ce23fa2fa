"""A review of an assessment's action plan as plain values: what each reviewer said of each action (from a filled
review packet), what the district answered, and what the advisory group and the board decided.

THIS FILE IS THE CONTRACT between the helpers of issue 20: names and fields stay; helpers may add.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from safety_assess.domain.errors import SafetyAssessError


class ReviewError(SafetyAssessError):
    """A packet, response or decision that cannot be taken as given; the message names what is wrong and where."""


class _Choice(StrEnum):
    """A choice whose value is what the command line and the packet's form write."""

    @classmethod
    def parse(cls, text: str, what: str) -> _Choice:
        try:
            return cls(text.strip().lower())
        except ValueError:
            names = ", ".join(choice.value for choice in cls)
            raise ReviewError(f"'{text}' is not a {what}: use one of {names}") from None


class Stance(_Choice):
    SUPPORT = "support"
    CHANGE = "change"
    DEFER = "defer"
    OPPOSE = "oppose"


class Role(_Choice):
    PARENT = "parent"
    STUDENT = "student"
    CERTIFICATED = "certificated"
    CLASSIFIED = "classified"
    MANAGEMENT = "management"
    COMMUNITY = "community"
    OTHER = "other"


class Body(_Choice):
    SSAG = "ssag"
    BOARD = "board"


class Outcome(_Choice):
    ADOPTED = "adopted"
    ADOPTED_WITH_CHANGES = "adopted-with-changes"
    NOT_ADOPTED = "not-adopted"


class Session(_Choice):
    OPEN = "open"
    CLOSED = "closed"


class Reply(_Choice):
    """The district's or assessor's response to what the group said of an action."""

    ACCEPTED = "accepted"
    CHANGED = "changed"
    DECLINED = "declined"


@dataclass(frozen=True)
class PacketIdentity:
    """What a packet carries so its answers come back to the right plan."""

    assessment_id: uuid.UUID
    plan_revision: int
    """The plan's revision when the packet was made: raised each time a packet is made from a plan whose actions
    changed since the last packet."""
    packet_no: int
    """Numbers the packets of an assessment, 1, 2, 3…"""


@dataclass(frozen=True)
class ActionView:
    """One reviewer's view of one action."""

    action_id: uuid.UUID
    stance: Stance | None
    comment: str = ""


@dataclass(frozen=True)
class FilledPacket:
    """A review packet as read back from a filled PDF."""

    identity: PacketIdentity
    reviewer: str
    role: Role
    overall_comment: str = ""
    public_ok: bool = False
    """The reviewer allowed their name and comments in the public version of the report."""
    views: tuple[ActionView, ...] = field(default=())


@dataclass(frozen=True)
class Review:
    """A filled packet as recorded (the latest from each reviewer of an assessment)."""

    id: uuid.UUID
    packet: FilledPacket
    imported_at: dt.datetime


@dataclass(frozen=True)
class ActionResponse:
    action_id: uuid.UUID
    reply: Reply
    text: str = ""
    """What was changed, or why it was declined."""
    by: str = ""
    at: dt.datetime | None = None


@dataclass(frozen=True)
class Decision:
    id: uuid.UUID
    assessment_id: uuid.UUID
    body: Body
    date: dt.date
    outcome: Outcome | None = None
    """The board's (and a group's vote, when it took one); None for a group meeting that only advised."""
    session: Session | None = None
    members_present: dict[str, int] = field(default_factory=dict)
    """Members present by role (Role values), for the group's meeting."""
    minutes: str = ""
    note: str = ""


@dataclass(frozen=True)
class Tally:
    """What the group said of one action."""

    action_id: uuid.UUID
    counts: dict[Stance, int]
    comments: tuple[tuple[str, Role, str, bool], ...] = ()
    """(reviewer, role, comment, public_ok) for each comment."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def wants_change(self) -> bool:
        return self.counts.get(Stance.CHANGE, 0) + self.counts.get(Stance.OPPOSE, 0) > 0


def tallies(reviews: list[Review]) -> dict[uuid.UUID, Tally]:
    """Each action's counts and comments over the reviews given (the latest per reviewer)."""
    counts: dict[uuid.UUID, dict[Stance, int]] = {}
    comments: dict[uuid.UUID, list[tuple[str, Role, str, bool]]] = {}
    for review in reviews:
        packet = review.packet
        for view in packet.views:
            if view.stance is not None:
                per = counts.setdefault(view.action_id, {})
                per[view.stance] = per.get(view.stance, 0) + 1
            if view.comment.strip():
                comments.setdefault(view.action_id, []).append(
                    (packet.reviewer, packet.role, view.comment.strip(), packet.public_ok)
                )
    keys = set(counts) | set(comments)
    return {key: Tally(key, counts.get(key, {}), tuple(comments.get(key, ()))) for key in keys}
