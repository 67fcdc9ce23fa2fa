"""The district's targets: one value per metric per term (district-wide), kept as a versioned JSON document in the
database beside the drill rules, and read back refusing a damaged document or one a newer app wrote."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from safety_assess.domain.readiness.metrics import BY_KEY, Metric, TargetError

TARGETS_VERSION = 1
DAMAGED = "the district's targets are damaged: set them again (safety-assess targets set)"


@dataclass(frozen=True)
class Targets:
    by_term: Mapping[str, Mapping[str, float]] = field(default_factory=lambda: MappingProxyType({}))
    """Term key (fall-2026) -> metric key -> target."""

    def of(self, term: str, metric: Metric) -> float | None:
        return self.by_term.get(term, {}).get(metric.key)

    def setting(self, term: str, metric: Metric, value: float) -> Targets:
        """With ``value`` as the term's target for the metric (TargetError when out of the metric's range)."""
        changed = {t: dict(v) for t, v in self.by_term.items()}
        changed.setdefault(term, {})[metric.key] = metric.check(value)
        return Targets(_frozen(changed))

    def clearing(self, term: str, metric: Metric) -> Targets:
        """Without the term's target for the metric (TargetError when there is none)."""
        if self.of(term, metric) is None:
            raise TargetError(f"no target for {metric.key} in {term} to clear")
        changed = {t: {k: v for k, v in values.items() if k != metric.key} for t, values in self.by_term.items()}
        return Targets(_frozen({t: v for t, v in changed.items() if v}))

    def rows(self) -> list[tuple[str, str, float]]:
        """(term, metric, target), terms in order of their start (year, then as written), metrics in their order."""
        order = list(BY_KEY)
        return [
            (term, key, values[key])
            for term, values in sorted(self.by_term.items(), key=lambda item: _term_order(item[0]))
            for key in sorted(values, key=order.index)
        ]


def _term_order(key: str) -> tuple[int, str]:
    year = key.rsplit("-", 1)[-1]
    return (int(year) if year.isdigit() else 0, key)


def _frozen(by_term: Mapping[str, Mapping[str, float]]) -> Mapping[str, Mapping[str, float]]:
    return MappingProxyType({t: MappingProxyType(dict(v)) for t, v in by_term.items()})


def targets_document(targets: Targets) -> dict[str, Any]:
    return {"version": TARGETS_VERSION, "targets": {t: dict(v) for t, v in targets.by_term.items()}}


def targets_from(document: Any) -> Targets:
    """The targets of a stored document; a damaged one, or one of a newer version, refused in one line."""
    if not isinstance(document, dict) or not isinstance(document.get("version"), int):
        raise TargetError(DAMAGED)
    if document["version"] > TARGETS_VERSION:
        raise TargetError("the district's targets were written by a newer version of the app: update it")
    try:
        stored = document["targets"]
        return Targets(_frozen({str(t): {k: _value(k, v) for k, v in values.items()} for t, values in stored.items()}))
    except (KeyError, ValueError, TypeError, AttributeError, TargetError):
        raise TargetError(DAMAGED) from None


def _value(key: str, value: Any) -> float:
    if key not in BY_KEY or isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(value)
    return BY_KEY[key].check(float(value))
