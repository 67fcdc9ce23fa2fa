"""The metrics the district sets semester targets for, each with its unit, range, direction, and how a campus's and
the district's value are worked out (see each function's docstring). A metric with nothing to measure reads
"no data" (a Reading whose value is None), never zero.

Where the honest reading is a pooled share, the district's value pools the campuses' counts (all actions due in the
term across the district, all drills due): it is not an average of the campuses' percentages, which would let a campus
with one action weigh as much as one with a hundred.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.facts import CampusFacts, Period
from safety_assess.domain.readiness.requirements import DrillRules, due_by


class TargetError(SafetyAssessError):
    """A target or metric that cannot be used as given; the message says what and where."""


PassCounts = Mapping[uuid.UUID, tuple[int, int]]
"""Spot-check runs per campus id: (passed, done) in the period."""


@dataclass(frozen=True)
class Reading:
    """A value and the counts it stands on (part of whole); ``value`` None is "no data"."""

    value: float | None
    part: float = 0.0
    whole: float = 0.0


NO_DATA = Reading(None)


class Pooling(StrEnum):
    SHARE = "share"
    """Percent of the pooled counts: 100 × Σ part / Σ whole."""
    SUM = "sum"
    """The campuses' values added up."""
    MEAN = "mean"
    """The mean of the campuses' values, each campus once."""


def _percent(part: float, whole: float) -> Reading:
    return Reading(100.0 * part / whole, part, whole) if whole else NO_DATA


def compliance(campus: CampusFacts, period: Period, rules: DrillRules, checks: PassCounts) -> Reading:
    """The compliance of the campus's latest assessment completed by the period's end, as the district view
    computes it. The district's value is the mean of the campuses' (each campus once: each percent is of its own
    checklist's weighted items, which do not pool). No data: no assessment completed by then, or nothing answered."""
    latest = campus.latest_completed(period.end)
    if latest is None or latest.compliance is None:
        return NO_DATA
    return Reading(latest.compliance, latest.compliance, 1)


def open_high_critical(campus: CampusFacts, period: Period, rules: DrillRules, checks: PassCounts) -> Reading:
    """High and critical findings of the campus's latest assessment completed by the period's end that were still
    open at its end (not every action done by then). The district's value is the sum. No data: never assessed."""
    latest = campus.latest_completed(period.end)
    if latest is None:
        return NO_DATA
    count = sum(1 for closed in latest.severe_closed_on if closed is None or closed > period.end)
    return Reading(count, count, 1)


def actions_on_time(campus: CampusFacts, period: Period, rules: DrillRules, checks: PassCounts) -> Reading:
    """Of the actions due in the period, the share done by their due date (in percent); the district's value pools
    them. No data: no action due in the period."""
    due = [a for a in campus.actions if a.due in period]
    on_time = sum(1 for a in due if a.done_on is not None and a.done_on <= a.due)
    return _percent(on_time, len(due))


def drills_done(campus: CampusFacts, period: Period, rules: DrillRules, checks: PassCounts) -> Reading:
    """Drills held against required by the period's end, in percent: per type the drills due by then at the
    drill rules' pace (requirements.py: due_by), and those held since the school year started, counted up to the
    number due (ten fire drills do not make up for a missing lockdown). The district's value pools them. No data:
    no drill due yet."""
    required = rules.of(campus.kind)
    held: dict[object, int] = {}
    for drill in campus.drills:
        if period.year.start <= drill.date <= period.end:
            held[drill.type] = held.get(drill.type, 0) + 1
    due = {kind: due_by(count, period.year, period.end) for kind, count in required.items()}
    return _percent(sum(min(held.get(k, 0), n) for k, n in due.items()), sum(due.values()))


def spot_check_pass_rate(campus: CampusFacts, period: Period, rules: DrillRules, checks: PassCounts) -> Reading:
    """Spot-check runs passed of those done in the period, in percent; the district's value pools the runs. No
    data: no run done."""
    passed, runs = checks.get(campus.campus_id, (0, 0))
    return _percent(passed, runs)


def cost_spent(campus: CampusFacts, period: Period, rules: DrillRules, checks: PassCounts) -> Reading:
    """The cost of the actions done in the period against the cost of those planned (due) in it, in percent (each
    action at the middle of its estimate; work done ahead of plan may take it above 100). The district's value pools
    the costs. No data: nothing costed is due in the period."""
    planned = sum(a.cost for a in campus.actions if a.due in period)
    spent = sum(a.cost for a in campus.actions if a.done_on is not None and a.done_on in period)
    return _percent(spent, planned)


Measure = Callable[[CampusFacts, Period, DrillRules, PassCounts], Reading]


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    low: float
    high: float
    higher_is_better: bool
    pooling: Pooling
    measure: Measure

    def check(self, target: float) -> float:
        """The target if it is in the metric's range; TargetError naming the metric and its range otherwise."""
        if not self.low <= target <= self.high:
            raise TargetError(
                f"target {target:g} for {self.key} is out of range: from {self.low:g} to {self.high:g} {self.unit}"
            )
        return target

    def met(self, actual: float | None, target: float | None) -> bool | None:
        """Whether ``actual`` meets ``target`` (at least it, or at most it when lower is better); None when either
        is missing."""
        if actual is None or target is None:
            return None
        return actual >= target if self.higher_is_better else actual <= target

    def district(self, readings: Iterable[Reading]) -> Reading:
        """The district's value from the campuses' readings (those with no data left out)."""
        measured = [r for r in readings if r.value is not None]
        if not measured:
            return NO_DATA
        part, whole = sum(r.part for r in measured), sum(r.whole for r in measured)
        if self.pooling is Pooling.SHARE:
            return _percent(part, whole)
        if self.pooling is Pooling.SUM:
            return Reading(part, part, whole)
        return Reading(part / whole, part, whole)


METRICS: tuple[Metric, ...] = (
    Metric("compliance", "Compliance", "%", 0, 100, True, Pooling.MEAN, compliance),
    Metric("open_high_critical", "Open high/critical", "findings", 0, 10_000, False, Pooling.SUM, open_high_critical),
    Metric("actions_on_time", "Actions done by their due date", "%", 0, 100, True, Pooling.SHARE, actions_on_time),
    Metric("drills_done", "Drills held against required", "%", 0, 100, True, Pooling.SHARE, drills_done),
    Metric("spot_check_pass_rate", "Spot checks passed", "%", 0, 100, True, Pooling.SHARE, spot_check_pass_rate),
    Metric("cost_spent", "Cost spent against planned", "%", 0, 1000, True, Pooling.SHARE, cost_spent),
)
BY_KEY = {m.key: m for m in METRICS}


def metric(key: str) -> Metric:
    """The metric named ``key`` (dashes and case aside); TargetError listing the known ones otherwise."""
    wanted = key.strip().lower().replace("-", "_")
    if wanted not in BY_KEY:
        raise TargetError(f"unknown metric '{key}': use one of {', '.join(BY_KEY)}")
    return BY_KEY[wanted]
