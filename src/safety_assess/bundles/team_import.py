"""Importing a team pack (a bundle whose manifest names a ``team``): the checks it must pass besides a bundle's, and
the assignment it leaves on the second laptop. Refused, plainly and before anything is written: a pack imported on
the laptop that made it, a pack of an assessment this laptop already has (imported once; the work goes back to the
lead with a bundle export), and sections its own checklist does not have."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from safety_assess.bundles.manifest import Manifest
from safety_assess.domain.team import TeamAssignment
from safety_assess.storage.bundle_apply import ImportRefused
from safety_assess.storage.database import Database
from safety_assess.storage.meta import installation_id
from safety_assess.storage.team import adopt_team_assessment, known_assessment


def check_team_pack(database: Database, manifest: Manifest) -> None:
    """Before any entry is extracted: ImportRefused when the pack was made here or its assessment is here."""
    team = manifest.team
    if team is None:
        return
    if manifest.device.installation_id == installation_id(database):
        raise ImportRefused(
            "this team pack was made on this laptop: its assessment is already here; import it on the second laptop"
        )
    here = known_assessment(database, uuid.UUID(team.assessment))
    if here is not None:
        raise ImportRefused(
            f"this laptop already has the assessment {team.assessment} ({here}); a team pack is imported once, and "
            "the work goes back to the lead with a bundle export"
        )


def check_team_sections(manifest: Manifest, documents: dict[uuid.UUID, dict[str, Any]]) -> None:
    """The pack's sections are sections of its assessment's checklist; ImportRefused naming those that are not."""
    team = manifest.team
    if team is None:
        return
    document = documents[uuid.UUID(team.assessment)]
    checklist = document.get("snapshot", {}).get("document")
    sections = checklist.get("sections") if isinstance(checklist, dict) else None
    valid = [s.get("id") for s in sections if isinstance(s, dict)] if isinstance(sections, list) else []
    unknown = [s for s in team.sections if s not in valid]
    if unknown:
        raise ImportRefused(
            f"the team pack names sections its checklist does not have ({', '.join(unknown)}); it is damaged"
        )


def team_adoption(manifest: Manifest) -> tuple[TeamAssignment | None, Callable[[Any], None] | None]:
    """The assignment a team pack leaves here, and what records it in the import's transaction (None, None for an
    ordinary bundle)."""
    team = manifest.team
    if team is None:
        return None, None
    device = manifest.device
    assignment = TeamAssignment(
        uuid.UUID(team.assessment),
        tuple(team.sections),
        device.installation_id,
        device.fingerprint,
        manifest.exporter,
        dt.datetime.now(dt.UTC),
        uuid.UUID(team.pack) if team.pack is not None else None,
    )
    return assignment, lambda session: adopt_team_assessment(session, assignment)
