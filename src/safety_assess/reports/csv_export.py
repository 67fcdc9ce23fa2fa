"""The action plan as CSV, one row per action, with the columns a facilities work-order system imports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from safety_assess.domain.district.actions import DistrictAction
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.plan.value import finding_values, json_value

COLUMNS = (
    "action_id",
    "campus_code",
    "campus",
    "assessed_on",
    "finding",
    "risk",
    "band",
    "location",
    "layer",
    "action",
    "phase",
    "phase_name",
    "due",
    "responsible",
    "funding",
    "cost_low",
    "cost_high",
    "status",
    "status_note",
    "status_changed_at",
    "status_changed_by",
    "risk_reduced_per_dollar",
)
"""The last column is new (issue 20): appended, so an import mapped by position keeps working."""
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def actions_csv(plan: Plan) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    summary, findings = plan.summary, {f.key: f for f in plan.findings}
    values = finding_values(plan.findings, plan.actions)
    for action in plan.actions:
        finding = findings[action.finding_key]
        row = (
            action.id,
            summary.campus.code,
            summary.campus.name,
            summary.assessed_on.isoformat(),
            finding.title,
            finding.risk,
            finding.band(plan.bands).name,
            finding.location,
            action.layer or "",
            action.description,
            action.phase,
            plan.phase_name(action.phase),
            action.due.isoformat() if action.due else "",
            action.owner,
            action.funding,
            f"{action.cost_low:.2f}",
            f"{action.cost_high:.2f}",
            action.status.value,
            action.note,
            action.status_changed_at.isoformat() if action.status_changed_at else "",
            action.status_changed_by,
            json_value(values.get(action.finding_key)),
        )
        writer.writerow([safe(value) for value in row])
    return out.getvalue()


DISTRICT_COLUMNS = (
    "action_id",
    "campus_code",
    "campus",
    "assessment_id",
    "finding",
    "risk",
    "band",
    "layer",
    "action",
    "phase",
    "phase_name",
    "due",
    "responsible",
    "cost_low",
    "cost_high",
    "status",
    "status_changed_at",
    "status_changed_by",
)


def district_actions_csv(actions: Iterable[DistrictAction], phase_names: dict[str, str]) -> str:
    """Every campus's actions, one row each, with the same protection against spreadsheet formulas."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(DISTRICT_COLUMNS)
    for action in actions:
        line = action.line
        row = (
            line.id,
            action.campus.code,
            action.campus.name,
            action.assessment_id,
            line.finding,
            line.risk,
            line.band,
            line.layer,
            line.description,
            line.phase,
            phase_names.get(line.phase, line.phase),
            line.due,
            line.owner,
            line.cost_low,
            line.cost_high,
            line.status,
            line.changed_at,
            line.changed_by,
        )
        writer.writerow([safe(cell) for cell in row])
    return out.getvalue()
