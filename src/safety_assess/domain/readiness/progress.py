"""Where the campuses and the district stand against the targets in one term: per metric, each campus's reading,
the district's, and the term's target (what the command line, the district window and the report show)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from safety_assess.domain.readiness.metrics import Metric, Reading
from safety_assess.domain.readiness.terms import Term
from safety_assess.domain.records import Campus


@dataclass(frozen=True)
class MetricProgress:
    metric: Metric
    target: float | None
    district: Reading
    campuses: Mapping[uuid.UUID, Reading]

    def met(self, reading: Reading) -> bool | None:
        return self.metric.met(reading.value, self.target)

    def missed_by(self, campuses: Sequence[Campus]) -> list[Campus]:
        """The campuses that missed the target (those with no data did not)."""
        return [c for c in campuses if self.met(self.campuses[c.id]) is False]


@dataclass(frozen=True)
class TermProgress:
    term: Term
    campuses: Sequence[Campus]
    metrics: Sequence[MetricProgress]
