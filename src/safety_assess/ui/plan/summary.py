"""The text summaries of the plan window: the header line and the cost totals per phase and per layer."""

from __future__ import annotations

from collections.abc import Sequence

from safety_assess.domain.display import counted
from safety_assess.domain.plan.actions import Action, CostRange, totals
from safety_assess.domain.plan.assessment_plan import Plan, unplanned_findings
from safety_assess.domain.scoring.findings import per_band
from safety_assess.ui.plan import format as fmt


def header_html(plan: Plan) -> str:
    summary = plan.summary
    counts = per_band(plan.findings, plan.bands)
    bands = " ".join(
        f"<span style='background:{b.color};color:white'>&nbsp;{counts[b.name]} {fmt.escape(b.name)}&nbsp;</span>"
        for b in reversed(plan.bands)
    )
    change = ""
    if plan.comparison is not None and plan.earlier is not None:
        delta = fmt.delta(plan.comparison.overall.delta)
        change = f" ({delta} since {plan.earlier.assessed_on})" if delta else ""
    state = "completed, findings final" if summary.read_only else "in progress"
    total = sum((CostRange(a.cost_low, a.cost_high) for a in plan.actions if a.status.value != "done"), CostRange())
    return (
        f"<b>{fmt.escape(summary.campus.name)}</b> · {fmt.escape(summary.checklist.title)} "
        f"{fmt.escape(summary.checklist.version)} · {summary.assessed_on} · {state}<br>"
        f"Compliance <b>{fmt.escape(plan.compliance_text)}</b>{change}<br>"
        f"{counted(len(plan.findings), 'finding')}: {bands} · {counted(len(plan.actions), 'action')}, estimated "
        f"{fmt.cost(total)}"
        + (f" · {counted(plan.hidden_actions, 'action')} of withdrawn findings hidden" if plan.hidden_actions else "")
        + _unplanned(plan)
    )


def _unplanned(plan: Plan) -> str:
    """A finding with no action costs nothing in the totals: say how many, and how to plan them."""
    count = len(unplanned_findings(plan))
    if count == 0:
        return ""
    return (
        f"<br><b>{count} finding{'s' if count != 1 else ''} without an action</b>, not in the estimate: "
        "Plan suggested actions (Ctrl+Shift+S) plans the item's recommendation for each"
    )


def _rows(names: Sequence[tuple[str, str]], sums: dict[str, CostRange]) -> str:
    cells = [
        f"<td>{fmt.escape(name)}</td><td align='right'>{fmt.cost(sums[key])}</td>" for key, name in names if key in sums
    ]
    return "".join(f"<tr>{cell}</tr>" for cell in cells) or "<tr><td><i>no planned cost</i></td></tr>"


def totals_html(plan: Plan) -> str:
    """Estimated cost of the open, in-progress and deferred actions per phase and per layer."""
    phases = [(p.id, p.name) for p in plan.phases]
    by_phase = totals(plan.actions, "phase")
    by_layer = totals(plan.actions, "layer")
    layers = [(layer, fmt.words(layer)) for layer in sorted(by_layer)]
    grand = sum(by_phase.values(), CostRange())
    return (
        "<table cellspacing='0' cellpadding='3'><tr>"
        f"<td valign='top'><b>Per phase</b><table>{_rows(phases, by_phase)}</table></td>"
        "<td width='40'></td>"
        f"<td valign='top'><b>Per layer</b><table>{_rows(layers, by_layer)}</table></td>"
        "<td width='40'></td>"
        f"<td valign='top'><b>Total</b><br>{fmt.cost(grand)}<br><small>done actions not counted</small></td>"
        "</tr></table>"
    )


def shown_html(shown: Sequence[Action], count: int) -> str:
    total = sum((CostRange(a.cost_low, a.cost_high) for a in shown if a.status.value != "done"), CostRange())
    return f"{len(shown)} of {counted(count, 'action')} shown · {fmt.cost(total)}"


def since_html(plan: Plan) -> str:
    if plan.comparison is None or plan.earlier is None:
        return ""
    counts = {change: 0 for change in ("new", "persisting", "resolved")}
    for change in plan.comparison.changes.values():
        counts[change.value] += 1
    return (
        f"Compared with the completed assessment of <b>{plan.earlier.assessed_on}</b>: "
        f"{counted(counts['resolved'], 'finding')} resolved, {counts['persisting']} persisting, {counts['new']} new. "
        "Below, the earlier plan's actions with their last status."
    )
