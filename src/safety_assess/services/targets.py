"""The district's semester targets: set, cleared and listed per metric per term, and where the campuses and the
district stand against them (actual, target, met or not) in a term and over the terms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.readiness.facts import CampusFacts, Period
from safety_assess.domain.readiness.metrics import METRICS, Metric, PassCounts
from safety_assess.domain.readiness.progress import MetricProgress, TermProgress
from safety_assess.domain.readiness.requirements import DrillRules
from safety_assess.domain.readiness.school_year import school_year
from safety_assess.domain.readiness.targets import Targets
from safety_assess.domain.readiness.terms import Term, find_term, term_of, terms_of
from safety_assess.domain.records import Campus
from safety_assess.services.drills import rules
from safety_assess.services.readiness_facts import campus_facts
from safety_assess.services.workspace import Workspace
from safety_assess.storage import targets as stored


def targets(workspace: Workspace) -> Targets:
    return stored.targets(workspace.database)


def find(workspace: Workspace, key: str) -> Term:
    """The term ``key`` names under the district's terms (TermError in one line when there is none)."""
    district = rules(workspace)
    return find_term(key, district.year_start, district.term_starts)


def current_term(workspace: Workspace, today: dt.date) -> Term:
    district = rules(workspace)
    return term_of(today, district.year_start, district.term_starts)


def set_target(workspace: Workspace, metric: Metric, key: str, value: float) -> Term:
    """Store ``value`` as the term's target for the metric (refused, nothing stored: a term that does not exist, a
    value out of the metric's range, a damaged or newer targets document)."""
    term = find(workspace, key)
    stored.save_targets(workspace.database, targets(workspace).setting(term.key, metric, value))
    return term


def clear_target(workspace: Workspace, metric: Metric, key: str) -> Term:
    term = find(workspace, key)
    stored.save_targets(workspace.database, targets(workspace).clearing(term.key, metric))
    return term


def spot_check_counts(workspace: Workspace, start: dt.date, end: dt.date) -> PassCounts:
    """Spot-check runs (passed, done) per campus in the days given."""
    from safety_assess.services.spot_checks import pass_counts

    return pass_counts(workspace, start, end)


def period_of(term: Term, district: DrillRules) -> Period:
    return Period(term.start, term.end, school_year(term.start, district.year_start))


def progress(workspace: Workspace, term: Term) -> TermProgress:
    """Every metric in the term, per campus and for the district, against the term's target."""
    facts = campus_facts(workspace)
    return measure(workspace, facts, term, rules(workspace), targets(workspace))


def measure(
    workspace: Workspace,
    facts: Sequence[tuple[Campus, CampusFacts]],
    term: Term,
    district: DrillRules,
    set_targets: Targets,
) -> TermProgress:
    period = period_of(term, district)
    checks = spot_check_counts(workspace, term.start, term.end)
    metrics = []
    for metric in METRICS:
        readings = {campus.id: metric.measure(fact, period, district, checks) for campus, fact in facts}
        target = set_targets.of(term.key, metric)
        metrics.append(MetricProgress(metric, target, metric.district(readings.values()), readings))
    return TermProgress(term, [campus for campus, _ in facts], metrics)


def recent_terms(workspace: Workspace, today: dt.date) -> list[Term]:
    """The terms of this school year and the one before, and any other term a target is set for, in order."""
    district = rules(workspace)
    this_year = school_year(today, district.year_start)
    last_year = school_year(this_year.start - dt.timedelta(days=1), district.year_start)
    terms = {t.key: t for year in (last_year, this_year) for t in terms_of(year, district.term_starts)}
    for key in targets(workspace).by_term:
        try:
            terms.setdefault(key, find_term(key, district.year_start, district.term_starts))
        except SafetyAssessError:  # a term the district's terms no longer have
            continue
    return sorted(terms.values(), key=lambda t: t.start)


def history(workspace: Workspace, terms: Sequence[Term]) -> list[TermProgress]:
    """The progress in each of the terms (the campuses' facts read once)."""
    facts, district, set_targets = campus_facts(workspace), rules(workspace), targets(workspace)
    return [measure(workspace, facts, term, district, set_targets) for term in terms]
