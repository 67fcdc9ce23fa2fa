"""What "Answer from plan" offers: the campus's newest assessment still in progress here, and the answers the plans
suggest for it (``services.map_suggestions``), each as a row a person reads: the instance, the item's prompt, the
suggested answer and the answer now in the checklist's words, and why. Ticked at first when it changes the answer."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.checklist.values import display_value
from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.map_suggestions import Offer, offers
from safety_assess.services.workspace import Workspace

NOT_ANSWERED = "not answered"


@dataclass(frozen=True)
class OfferRow:
    offer: Offer
    instance: str
    item: str
    suggested: str
    now: str
    why: str

    @property
    def changes_answer(self) -> bool:
        return self.offer.changes_answer


@dataclass(frozen=True)
class PlanOffers:
    assessment: AssessmentSummary
    rows: list[OfferRow]

    @property
    def title(self) -> str:
        """'Comprehensive facility of 2026-12-06'."""
        return f"{self.assessment.checklist.title} of {self.assessment.assessed_on.isoformat()}"


def newest_in_progress(workspace: Workspace, campus_id: uuid.UUID) -> AssessmentSummary | None:
    """The campus's newest assessment that can be answered here (not completed, not imported from elsewhere)."""
    return next((s for s in workspace.assessments.list(campus_id) if not s.read_only), None)


def plan_offers(workspace: Workspace, campus_id: uuid.UUID) -> PlanOffers | None:
    """None when the campus has no assessment in progress."""
    summary = newest_in_progress(workspace, campus_id)
    if summary is None:
        return None
    checklist = workspace.snapshots.checklist(summary.checklist.id)
    return PlanOffers(summary, [_row(checklist, offer) for offer in offers(workspace, summary.id)])


def _row(checklist: Checklist, offer: Offer) -> OfferRow:
    s = offer.suggestion
    found = checklist.find_item(s.item_id)
    if found is None:  # offers() only names items the checklist has
        return OfferRow(offer, s.instance_label, s.item_id, s.value, _plain(offer.current), s.reason)
    item = found[2]
    now = NOT_ANSWERED if offer.current is None else display_value(checklist, item, offer.current)  # type: ignore[arg-type]
    return OfferRow(offer, s.instance_label, item.prompt, display_value(checklist, item, s.value), now, s.reason)


def _plain(value: object) -> str:
    return NOT_ANSWERED if value is None else str(value)
