"""The phased action plan: one table per phase with subtotals, then the grand total."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak

from safety_assess.domain.plan.actions import CostRange, totals
from safety_assess.reports.chapters.common import Story, cost_range, para, table, words
from safety_assess.reports.content import ReportContent


def action_plan(content: ReportContent) -> Story:
    plan, options = content.plan, content.options
    story: Story = [para("Action plan", "h1")]
    if not plan.actions:
        return [*story, para("No corrective action is planned yet."), PageBreak()]
    story.append(para("Estimated costs are ranges; totals leave out actions already done.", "muted"))
    findings = {f.key: f for f in plan.findings}
    detail = options.shows("finding_details")
    for phase in plan.phases:
        actions = sorted(
            (a for a in plan.actions if a.phase == phase.id),
            key=lambda a: (-findings[a.finding_key].risk, a.description),
        )
        if not actions:
            continue
        rows = [
            [
                a.description,
                findings[a.finding_key].title if detail else words(a.layer),
                a.owner or "-",
                a.due.isoformat() if a.due else "-",
                cost_range(a.cost_low, a.cost_high),
                words(a.status.value),
            ]
            for a in actions
        ]
        subtotal = totals(actions, "phase").get(phase.id, CostRange())
        rows.append(["Subtotal", "", "", "", cost_range(subtotal.low, subtotal.high), ""])
        header = ["Action", "Finding" if detail else "Layer", "Responsible", "Due", "Estimated cost", "Status"]
        widths = [1.75 * inch, 1.4 * inch, 1.0 * inch, 0.85 * inch, 1.25 * inch, 0.75 * inch]
        story += [
            para(phase.name, "h2"),
            table(header, rows, widths, right=(4,), extra=[("LINEABOVE", (0, -1), (-1, -1), 0.75, "black")]),
        ]
    story += _totals(content)
    return [*story, PageBreak()]


def _totals(content: ReportContent) -> Story:
    plan = content.plan
    by_phase, by_layer = totals(plan.actions, "phase"), totals(plan.actions, "layer")
    rows = [[p.name, cost_range(by_phase[p.id].low, by_phase[p.id].high)] for p in plan.phases if p.id in by_phase]
    grand = sum(by_phase.values(), CostRange())
    rows.append(["Grand total", cost_range(grand.low, grand.high)])
    layers = [
        [words(k) if k != "unassigned" else "No layer", cost_range(v.low, v.high)] for k, v in sorted(by_layer.items())
    ]
    return [
        para("Totals", "h2"),
        table(
            ["Phase", "Estimated cost"],
            rows,
            [4.5 * inch, 2.2 * inch],
            right=(1,),
            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.75, "black")],
        ),
        para("Per layer", "h3"),
        table(["Layer", "Estimated cost"], layers, [4.5 * inch, 2.2 * inch], right=(1,)),
    ]
