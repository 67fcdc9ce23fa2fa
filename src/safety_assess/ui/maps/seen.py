"""The coverage list's figures, kept up to date cheaply: one ``CoverageIndex`` per plan, told each plan as it now
stands, works out again only what a change reaches (a moved camera: that camera against the doors and zones near
it), so a change is reported in milliseconds on the UI thread."""

from __future__ import annotations

import uuid
from typing import Any

from safety_assess.domain.sitemap.coverage import CoverageIndex
from safety_assess.domain.sitemap.model import Point, SiteMap


class Coverage:
    def __init__(self) -> None:
        self.indexes: dict[uuid.UUID, CoverageIndex] = {}

    def report_moved(self, plan: SiteMap, camera_id: uuid.UUID, to: Point) -> dict[str, Any]:
        """The report with this camera where it is being dragged to (the plan as stored follows at the drop)."""
        self.report(plan)
        index = self.indexes[plan.id]
        index.move_marker(camera_id, to)
        return index.report().to_json()

    def report(self, plan: SiteMap) -> dict[str, Any]:
        """The ``map coverage --json`` document of the plan as it now stands."""
        index = self.indexes.get(plan.id)
        if index is None:
            index = self.indexes[plan.id] = CoverageIndex(plan)
        elif index.plan != plan:
            index.replace(plan)
        return index.report().to_json()
