"""The cover page."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak, Spacer

from safety_assess.reports.chapters.common import Story, facts, para
from safety_assess.reports.content import ReportContent


def cover(content: ReportContent) -> Story:
    plan, options = content.plan, content.options
    summary = plan.summary
    campus = summary.campus
    title = "Campus safety action plan" + (" (public version)" if options.public else "")
    rows = [
        ("District", options.district or "-"),
        ("Campus", f"{campus.name} ({campus.code})"),
        ("Assessed on", summary.assessed_on.isoformat()),
        ("Assessors", ", ".join(summary.assessors) or "-"),
        ("Checklist", f"{summary.checklist.title}, version {summary.checklist.version}"),
        ("Status", _status(content)),
        ("Report made", options.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]
    if campus.address and options.shows("locations"):
        rows.insert(2, ("Address", campus.address))
    story: Story = [Spacer(1, 1.2 * inch), para(title, "title"), Spacer(1, 8), para(campus.name, "subtitle")]
    story += [Spacer(1, 0.5 * inch), facts(rows, [1.5 * inch, 5.2 * inch])]
    story += [Spacer(1, 0.6 * inch), para(_notice(content), "marking"), PageBreak()]
    return story


def _status(content: ReportContent) -> str:
    summary = content.plan.summary
    if not summary.read_only:
        return "In progress (findings may still change)"
    signed = ", ".join(summary.signed_off_by) or "-"
    when = summary.completed_at.strftime("%Y-%m-%d") if summary.completed_at else ""
    return f"Completed {when}, signed off by {signed} (revision {summary.revision_no})"


def _notice(content: ReportContent) -> str:
    if content.options.public:
        return "Public version: without photos, locations or item-level detail of vulnerabilities."
    return (
        f"{content.options.marking}. This report describes how the campus could be harmed. "
        "Share it only with those who need it to act."
    )
