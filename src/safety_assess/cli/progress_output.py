"""``district progress``'s output: per campus and for the district, each metric's actual, target and whether it
was met in the term."""

from __future__ import annotations

from typing import Any

from safety_assess.cli.output import print_table
from safety_assess.domain.readiness.metrics import Reading
from safety_assess.domain.readiness.progress import MetricProgress, TermProgress
from safety_assess.domain.readiness.shown import NO_DATA_TEXT, met_text, target_text, value_text


def _cell(line: MetricProgress, reading: Reading) -> dict[str, Any]:
    return {"actual": reading.value, "target": line.target, "met": line.met(reading)}


def progress_json(progress: TermProgress) -> dict[str, Any]:
    term = progress.term
    return {
        "term": {"key": term.key, "name": term.name, "start": term.start, "end": term.end},
        "metrics": [
            {
                "metric": line.metric.key,
                "label": line.metric.label,
                "unit": line.metric.unit,
                "higher_is_better": line.metric.higher_is_better,
                "target": line.target,
            }
            for line in progress.metrics
        ],
        "district": {line.metric.key: _cell(line, line.district) for line in progress.metrics},
        "campuses": [
            {
                "code": campus.code,
                "name": campus.name,
                "metrics": {line.metric.key: _cell(line, line.campuses[campus.id]) for line in progress.metrics},
            }
            for campus in progress.campuses
        ],
    }


def _shown(line: MetricProgress, reading: Reading) -> str:
    actual = value_text(line.metric, reading.value)
    met = met_text(line.met(reading))
    return f"{actual} {met}" if met and actual != NO_DATA_TEXT else actual


def print_progress(progress: TermProgress) -> None:
    term = progress.term
    print(f"Progress against targets, {term.key} ({term.start.isoformat()} to {term.end.isoformat()})")
    lines = progress.metrics
    print_table(
        ["METRIC", "DISTRICT", "TARGET"],
        [(line.metric.key, _shown(line, line.district), target_text(line.metric, line.target)) for line in lines],
    )
    print()
    print_table(
        ["CAMPUS", *(line.metric.key for line in progress.metrics)],
        [
            (campus.code, *(_shown(line, line.campuses[campus.id]) for line in progress.metrics))
            for campus in progress.campuses
        ],
    )
