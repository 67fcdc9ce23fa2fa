"""What must be looked at before an assessment is completed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from safety_assess.domain.checklist.answers import Outcome
from safety_assess.domain.walk.slots import Slot, SlotKey
from safety_assess.domain.walk.state import AssessmentState


class Problem(StrEnum):
    REQUIRED_UNANSWERED = "required item not answered"
    PHOTO_MISSING = "deficient, and a photo is required"
    NOTE_MISSING = "deficient, and a note is required"


@dataclass(frozen=True)
class ReviewEntry:
    slot: Slot
    problem: Problem


def review(state: AssessmentState, photos: Callable[[SlotKey], int] = lambda _: 0) -> list[ReviewEntry]:
    """Visible required items without an answer, and deficient items missing a required photo or note, in order."""
    entries: list[ReviewEntry] = []
    for slot in state.visible_slots():
        key, item = slot.key, slot.item
        if not state.is_answered(key):
            if item.required:
                entries.append(ReviewEntry(slot, Problem.REQUIRED_UNANSWERED))
            continue
        if state.outcome(key) != Outcome.DEFICIENT:
            continue
        if item.photo_required_when_deficient and photos(key) == 0:
            entries.append(ReviewEntry(slot, Problem.PHOTO_MISSING))
        if item.note_required_when_deficient and not state.note(key).strip():
            entries.append(ReviewEntry(slot, Problem.NOTE_MISSING))
    return entries
