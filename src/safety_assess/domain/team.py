"""Team assessments: one campus walked by several people, each on a laptop, with the sections each one does.

The lead's laptop makes a team pack of its assessment for a second laptop (``safety-assess team pack``); the second
laptop keeps, beside the assessment, which sections it was asked to do and whose assessment it is. Answering outside
them is allowed (a person may see something on the way): the lead's merge puts the answers together item by item, and
the same item answered differently on two laptops becomes a conflict to resolve.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from safety_assess.domain.checklist.model import Checklist
from safety_assess.domain.errors import NotFoundError


@dataclass(frozen=True)
class TeamAssignment:
    """A team assessment on a second laptop: its sections, and the lead's laptop it came from."""

    assessment_id: uuid.UUID
    sections: tuple[str, ...]
    """The ids of the sections this laptop was asked to do (every section when it was asked to do them all)."""
    lead_installation: str
    lead_fingerprint: str
    lead_name: str
    received_at: dt.datetime
    pack_id: uuid.UUID | None = None
    """The team pack it came in; its bundles name it, so the lead knows which pack came back."""

    def assigned(self, section_id: str) -> bool:
        return section_id in self.sections


def chosen_sections(checklist: Checklist, wanted: Sequence[str] | None) -> tuple[str, ...]:
    """The section ids asked for, in the checklist's order (all of them for None or nothing); NotFoundError naming
    the ones the checklist does not have, and listing those it has."""
    valid = [section.id for section in checklist.sections]
    if not wanted:
        return tuple(valid)
    asked = [w.strip() for w in wanted if w.strip()]
    unknown = [w for w in asked if w not in valid]
    if unknown:
        names = ", ".join(f"'{u}'" for u in unknown)
        plural = "sections" if len(unknown) > 1 else "section"
        raise NotFoundError(
            f"no {plural} {names} in the checklist {checklist.title}; its sections are: {', '.join(valid)}"
        )
    if not asked:
        return tuple(valid)
    return tuple(v for v in valid if v in asked)


def assigned_first(checklist: Checklist, sections: Sequence[str]) -> Checklist:
    """The checklist with the assigned sections first (in their order), then the others: the walk's order."""
    mine = [s for s in checklist.sections if s.id in sections]
    others = [s for s in checklist.sections if s.id not in sections]
    return checklist.model_copy(update={"sections": mine + others})


@dataclass(frozen=True)
class TeamPackGiven:
    """A team pack the lead's laptop made: for which assessment, the sections it gave, when and in which file; and,
    once work on that assessment came back from another device, that device and when its latest work came."""

    id: uuid.UUID
    assessment_id: uuid.UUID
    sections: tuple[str, ...]
    made_at: dt.datetime
    file_name: str
    received_from: str | None = None
    """The fingerprint of the device whose work on the assessment came back for this pack (None: none yet)."""
    received_at: dt.datetime | None = None


def given_line(pack: TeamPackGiven) -> str:
    """'Team: sections a, b given on DATE (file); work received from FP on DATE' (or 'no work back yet')."""
    plural = "sections" if len(pack.sections) != 1 else "section"
    told = f"Team: {plural} {', '.join(pack.sections)} given on {pack.made_at:%Y-%m-%d} ({pack.file_name})"
    if pack.received_from is None or pack.received_at is None:
        return f"{told}; no work back yet"
    return f"{told}; work received from {pack.received_from} on {pack.received_at:%Y-%m-%d}"
