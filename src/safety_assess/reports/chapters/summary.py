"""Executive summary, and the risk and compliance charts."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer, Table

from safety_assess.domain.display import counted
from safety_assess.domain.plan.actions import CostRange, totals
from safety_assess.domain.scoring.coverage import answered_of, section_coverage
from safety_assess.domain.scoring.findings import heat_map, per_band
from safety_assess.reports.chapters.common import Story, cost_range, delta, para, percent, table, words
from safety_assess.reports.charts import band_legend, compliance_chart, heat_map_table
from safety_assess.reports.content import ReportContent
from safety_assess.reports.page import MARGIN, PAGE

TOP_RISKS = 5


def executive_summary(content: ReportContent) -> Story:
    plan = content.plan
    counts = per_band(plan.findings, plan.bands)
    cost = sum(totals(plan.actions, "phase").values(), CostRange())
    change = (
        f" ({delta(plan.comparison.overall.delta)} since {plan.earlier.assessed_on})"
        if (plan.comparison and plan.earlier)
        else ""
    )
    bands = ", ".join(f"{counts[b.name]} {b.name.lower()}" for b in reversed(plan.bands))
    story: Story = [para("Executive summary", "h1")]
    story.append(
        para(
            f"Overall compliance is {plan.compliance_text}{change}. "
            f"The assessment raised {counted(len(plan.findings), 'finding')} ({bands}). "
            f"The action plan holds {counted(len(plan.actions), 'corrective action')} with an estimated cost of "
            f"{cost_range(cost.low, cost.high)} (actions already done are not counted)."
        )
    )
    story += _sections(content) + _top_risks(content) + _phases(content) + _changes(content)
    return [*story, PageBreak()]


def _sections(content: ReportContent) -> Story:
    plan = content.plan
    changes = plan.comparison.sections if plan.comparison else {}
    rows = []
    for section in plan.checklist.sections:
        score = plan.scores.sections.get(section.id)
        if score is None:
            continue
        change = changes.get(section.id)
        rows.append(
            [
                section.title,
                percent(score.percent),
                answered_of(section_coverage(plan.state, section.id)),
                str(score.deficient),
                delta(change.delta) if change else "",
            ]
        )
    rows.append(
        [
            "All sections",
            percent(plan.scores.overall.percent),
            answered_of(plan.coverage),
            str(plan.scores.overall.deficient),
            delta(plan.comparison.overall.delta) if plan.comparison else "",
        ]
    )
    header = ["Section", "Compliance", "Answered", "Deficient", "Since last" if plan.comparison else ""]
    widths = [3.0 * inch, 0.9 * inch, 0.9 * inch, 0.8 * inch, 1.1 * inch]
    return [
        para("Compliance per section", "h2"),
        table(header, rows, widths, right=(1, 2, 3, 4)),
        para("Compliance counts only the items answered; Answered: how many of the items that apply.", "muted"),
    ]


def _top_risks(content: ReportContent) -> Story:
    plan = content.plan
    top = plan.findings[:TOP_RISKS]
    if not top:
        return [para("Top risks", "h2"), para("No findings: every item assessed was compliant or not applicable.")]
    detail = content.options.shows("finding_details")
    rows = [
        [
            str(f.risk),
            f.band(plan.bands).name,
            f.title if detail else (words(f.layer) + " layer" if f.layer else "Other"),
            f.location if content.options.shows("locations") else "",
        ]
        for f in top
    ]
    header = [
        "Risk",
        "Band",
        "Finding" if detail else "Layer",
        "Location" if content.options.shows("locations") else "",
    ]
    return [para("Top risks", "h2"), table(header, rows, [0.5 * inch, 0.9 * inch, 3.4 * inch, 1.9 * inch], right=(0,))]


def _phases(content: ReportContent) -> Story:
    plan = content.plan
    by_phase = totals(plan.actions, "phase")
    rows = [
        [
            p.name,
            str(sum(1 for a in plan.actions if a.phase == p.id)),
            cost_range(by_phase[p.id].low, by_phase[p.id].high) if p.id in by_phase else "-",
        ]
        for p in plan.phases
    ]
    grand = sum(by_phase.values(), CostRange())
    rows.append(["Total", str(len(plan.actions)), cost_range(grand.low, grand.high)])
    return [
        para("Estimated cost per phase", "h2"),
        table(["Phase", "Actions", "Estimated cost"], rows, [3.6 * inch, 0.9 * inch, 2.2 * inch], right=(1, 2)),
    ]


def _changes(content: ReportContent) -> Story:
    plan = content.plan
    if plan.comparison is None or plan.earlier is None:
        return []
    counts = {"new": 0, "persisting": 0, "resolved": 0}
    for change in plan.comparison.changes.values():
        counts[change.value] += 1
    done = sum(1 for c in plan.comparison.carried if c.action.status.value == "done")
    return [
        para("Since the previous assessment", "h2"),
        para(
            f"Compared with the completed assessment of {plan.earlier.assessed_on}: "
            f"{counted(counts['resolved'], 'finding')} resolved, {counts['persisting']} persisting and "
            f"{counts['new']} new. Of the {counted(len(plan.comparison.carried), 'action')} planned then, {done} "
            f"{'is' if done == 1 else 'are'} done."
        ),
    ]


def charts(content: ReportContent) -> Story:
    plan = content.plan
    width = PAGE[0] - 2 * MARGIN
    legend = band_legend(plan.bands, per_band(plan.findings, plan.bands))
    pair = Table([[heat_map_table(heat_map(plan.findings), plan.bands), legend]], colWidths=[4.3 * inch, 2.4 * inch])
    pair.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    sections = [
        (s.title, plan.scores.sections[s.id].percent)
        for s in plan.checklist.sections
        if s.id in plan.scores.sections and plan.scores.sections[s.id].percent is not None
    ]
    story: Story = [para("Risk and compliance", "h1"), para("Findings by likelihood and severity", "h2"), pair]
    story.append(
        para(
            "Each cell counts the findings with that likelihood and severity; its colour is the band of "
            "their risk (likelihood × severity).",
            "muted",
        )
    )
    if sections:
        story += [
            Spacer(1, 6),
            para("Compliance per section", "h2"),
            compliance_chart([t for t, _ in sections], [p or 0.0 for _, p in sections], width),
        ]
    return [*story, PageBreak()]
