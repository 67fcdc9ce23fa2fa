"""What the advisory group said of each action and the response to it, as the action-plan table shows them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.review.changes import SinceAdopted
from safety_assess.domain.review.model import ActionResponse, Reply, Stance, Tally

CONTESTED = "contested"
"""The group filter's value: actions the group wants changed or opposes."""


@dataclass(frozen=True)
class ReviewView:
    tallies: dict[uuid.UUID, Tally] = field(default_factory=dict)
    responses: dict[uuid.UUID, ActionResponse] = field(default_factory=dict)
    since: SinceAdopted | None = None
    """What changed in the plan since the board adopted it; None when it never did."""

    @property
    def reviewed(self) -> bool:
        """Some reviewer gave a view, or a response was recorded."""
        return bool(self.tallies or self.responses)

    def tally(self, action: Action) -> Tally | None:
        return None if action.id is None else self.tallies.get(action.id)

    def response(self, action: Action) -> ActionResponse | None:
        return None if action.id is None else self.responses.get(action.id)

    def group_value(self, action: Action) -> str:
        tally = self.tally(action)
        return CONTESTED if tally is not None and tally.wants_change else ""


def tally_text(tally: Tally | None) -> str:
    """'2 support, 1 oppose' in the stances' order; empty when nobody gave a view."""
    if tally is None:
        return ""
    return ", ".join(f"{tally.counts[s]} {s.value}" for s in Stance if tally.counts.get(s))


def tally_sort(tally: Tally | None) -> tuple[int, int]:
    """The most contested first when sorted descending: changes and oppositions, then views given."""
    if tally is None:
        return (0, 0)
    return (tally.counts.get(Stance.CHANGE, 0) + tally.counts.get(Stance.OPPOSE, 0), tally.total)


def comments_text(tally: Tally | None) -> str:
    """Each comment with who gave it, one a line."""
    if tally is None:
        return ""
    return "\n".join(f"{name} ({role.value}): {comment}" for name, role, comment, _public in tally.comments)


def response_text(response: ActionResponse | None) -> str:
    if response is None:
        return ""
    if response.reply is Reply.ACCEPTED or not response.text:
        return response.reply.value.capitalize()
    return f"{response.reply.value.capitalize()}: {response.text}"


def detail_text(view: ReviewView, action: Action | None) -> str:
    """What the group said of the selected action and the response, shown below the table."""
    if action is None or not view.reviewed:
        return ""
    tally, response = view.tally(action), view.response(action)
    parts = [f"Group: {tally_text(tally) or 'no views'}", comments_text(tally)]
    if response is not None:
        parts.append(f"Response: {response_text(response)}")
    return "\n".join(part for part in parts if part)
