"""The coverage report's values: each door and zone with the cameras that see it, and its JSON (``map coverage
--json``). Worked out by coverage.py."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from safety_assess.domain.sitemap.dori import Level
from safety_assess.domain.sitemap.reach import Reach


@dataclass(frozen=True)
class Sighting:
    camera: uuid.UUID
    label: str
    level: Level | None

    def to_json(self) -> dict[str, object]:
        return {"camera": str(self.camera), "label": self.label, "level": self.level.text if self.level else None}


@dataclass(frozen=True)
class CoverageItem:
    id: uuid.UUID
    kind: str
    """'exterior-door', 'door' or 'zone'."""
    label: str
    number: int | None
    covered_by: tuple[Sighting, ...]
    seen_share: float | None = None
    """Zones: the share of the zone seen by any camera, 0 to 1."""

    def to_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "id": str(self.id),
            "kind": self.kind,
            "label": self.label,
            "number": self.number,
            "covered_by": [s.to_json() for s in self.covered_by],
        }
        if self.seen_share is not None:
            found["seen_share"] = round(self.seen_share, 3)
        return found


@dataclass(frozen=True)
class CameraLine:
    camera: uuid.UUID
    label: str
    reach: Reach

    def to_json(self) -> dict[str, object]:
        metres = None if self.reach.metres is None else round(self.reach.metres, 2)
        return {
            "camera": str(self.camera),
            "label": self.label,
            "range_m": metres,
            "range_px": round(self.reach.pixels, 1),
            "assumed": self.reach.assumed,
        }


@dataclass(frozen=True)
class CoverageReport:
    scaled: bool
    items: tuple[CoverageItem, ...]
    cameras: tuple[CameraLine, ...]

    def of_kind(self, *kinds: str) -> list[CoverageItem]:
        return [item for item in self.items if item.kind in kinds]

    def uncovered(self) -> list[CoverageItem]:
        return [item for item in self.items if not item.covered_by]

    def to_json(self) -> dict[str, object]:
        doors, exterior = self.of_kind("exterior-door", "door"), self.of_kind("exterior-door")
        zones = self.of_kind("zone")
        return {
            "doors": len(doors),
            "covered": sum(1 for i in doors if i.covered_by),
            "exterior_doors": len(exterior),
            "exterior_covered": sum(1 for i in exterior if i.covered_by),
            "zones": len(zones),
            "zones_covered": sum(1 for i in zones if i.covered_by),
            "scaled": self.scaled,
            "cameras": [c.to_json() for c in self.cameras],
            "items": [i.to_json() for i in self.items],
        }
