"""Appendix: how the figures are computed, tier attainment, the full responses and the sign-off block."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Spacer

from safety_assess.reports.chapters.common import Story, para, table, words
from safety_assess.reports.content import ReportContent


def appendix(content: ReportContent) -> Story:
    story: Story = [para("Appendix", "h1"), *_methodology(content), *_tiers(content)]
    if content.options.shows("responses"):
        story += _responses(content)
    return [*story, *_sign_off()]


def _methodology(content: ReportContent) -> Story:
    plan = content.plan
    bands = [[b.name, f"{b.low} to {b.high}"] for b in plan.bands]
    phases = [[p.name, f"within {p.days} days of the assessment"] for p in plan.phases]
    return [
        para("Methodology", "h2"),
        para(
            "Each deficient answer raises a finding. Its risk is likelihood × severity, each rated 1 (lowest) to 5 "
            "(highest) and prefilled from the checklist; the assessor may adjust them, giving a rationale. A residual "
            "risk, where given, is the risk expected once the planned actions are done."
        ),
        para(
            "Compliance weighs each item assessed: a compliant answer earns the item's weight, a deficient one "
            "earns nothing; not applicable, unknown and information-only answers are left out. A section's "
            "percentage is the weight earned over the weight possible."
        ),
        para("Risk bands", "h3"),
        table(["Band", "Risk"], bands, [3.0 * inch, 3.7 * inch]),
        para("Phases", "h3"),
        table(["Phase", "Due"], phases, [3.0 * inch, 3.7 * inch]),
    ]


def _tiers(content: ReportContent) -> Story:
    tiers = {k: v for k, v in sorted(content.plan.tiers.items()) if v.tier1_in_place is not None}
    if not tiers:
        return []
    rows = [
        [words(layer), "yes" if t.tier1_in_place else "no", str(t.highest) if t.highest else "-"]
        for layer, t in tiers.items()
    ]
    return [
        para("Tier attainment", "h2"),
        para(
            "Per layer: whether every tier-1 (baseline) practice is in place, and the highest tier whose "
            "practices and all lower tiers' are in place. Practices marked not applicable are left out."
        ),
        table(["Layer", "Every tier-1 practice in place", "Highest tier"], rows, [2.6 * inch, 2.4 * inch, 1.7 * inch]),
    ]


def _responses(content: ReportContent) -> Story:
    if not content.responses:
        return []
    notes = content.options.shows("notes")
    rows = [
        [
            r.section,
            r.prompt + (f" ({r.instance})" if r.instance else ""),
            r.answer,
            words(r.outcome),
            r.note if notes else "",
        ]
        for r in content.responses
    ]
    header = ["Section", "Item", "Answer", "Outcome", "Note" if notes else ""]
    widths = [1.1 * inch, 2.6 * inch, 0.9 * inch, 0.8 * inch, 1.3 * inch]
    return [para("Responses", "h2"), table(header, rows, widths)]


def _sign_off() -> Story:
    rows = [[Spacer(1, 22), "", "", ""] for _ in range(4)]  # room to sign
    return [
        para("Review by the School Safety Advisory Group", "h2"),
        para("Reviewed by the members below. Each signs and dates the line with their name."),
        Spacer(1, 4),
        table(["Name", "Role", "Signature", "Date"], rows, [2.0 * inch, 1.5 * inch, 2.0 * inch, 1.2 * inch]),
    ]
