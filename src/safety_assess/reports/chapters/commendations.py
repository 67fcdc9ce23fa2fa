"""Commendations: what the campus has in place. Compliant high-weight items, practices of tier 2 and higher, and
findings resolved since the earlier assessment (see safety_assess.domain.plan.commendations).

In the public version, without finding details: the high-weight items in place are counted, not listed (the
checklist is public, so a list of what is in place names what is not), and so are resolved findings (their titles
describe a weakness). Tiers are counts per layer in both versions.
"""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import PageBreak

from safety_assess.domain.display import counted
from safety_assess.domain.plan.commendations import SEVERE, Commendations, commendations
from safety_assess.reports.chapters.common import Story, para, table, words
from safety_assess.reports.content import ReportContent


def commendations_chapter(content: ReportContent) -> Story:
    found = commendations(content.plan)
    story: Story = [para("Commendations", "h1"), para("What the campus has in place and what it has put right.")]
    story += _high_weight(content, found) + _tiers(found) + _resolved(content, found)
    return [*story, PageBreak()]


def _rule(found: Commendations) -> str:
    if found.by_severity:
        return f"This checklist weighs every item alike, so high weight here means a severity of {SEVERE} or 5."
    return "High weight: an item weighing more than the median item of the checklist."


def _high_weight(content: ReportContent, found: Commendations) -> Story:
    count = f"In place: {len(found.high_weight)} of {counted(found.high_weight_answered, 'high-weight item')} answered."
    story: Story = [para("High-weight items in place", "h2"), para(f"{count} {_rule(found)}")]
    if found.high_weight and content.options.shows("finding_details"):
        rows = [[i.section, f"{i.prompt} ({i.instance})" if i.instance else i.prompt] for i in found.high_weight]
        story.append(table(["Section", "Item"], rows, [2.0 * inch, 5.0 * inch]))
    return story


def _tiers(found: Commendations) -> Story:
    story: Story = [para("Practices of tier 2 and higher", "h2")]
    if not found.tiers:
        return [*story, para("No practice of tier 2 or higher is in place yet.")]
    rows = [
        [words(t.layer), f"{t.in_place} of {t.practices}", f"tier {t.highest}" if t.highest else "none yet"]
        for t in found.tiers
    ]
    header = ["Layer", "Practices in place", "Highest tier attained"]
    return [*story, table(header, rows, [3.0 * inch, 2.0 * inch, 2.0 * inch], right=(1,))]


def _resolved(content: ReportContent, found: Commendations) -> Story:
    earlier = content.plan.earlier
    if earlier is None:
        return []
    title = f"Resolved since the assessment of {earlier.assessed_on}"
    seen = f"{counted(len(found.resolved), 'earlier finding')} put right: answered compliant this time."
    if found.unchecked:
        seen += (
            f" {found.unchecked} more no longer raised, but not checked as fixed (unanswered, N/A or added by hand)."
        )
    story: Story = [para(title, "h2"), para(seen)]
    options = content.options
    if found.resolved and options.shows("finding_details"):
        where = options.shows("locations")
        rows = [[f.title, f.location if where else "", str(f.risk)] for f in found.resolved]
        header = ["Finding", "Location" if where else "", "Risk then"]
        story.append(table(header, rows, [3.6 * inch, 2.5 * inch, 0.9 * inch], right=(2,)))
    return story
