"""Site plans: each plan of the campus with the assessment's findings pinned where they are, in their band's colour
and numbered as in the findings chapter, with the list of the pins below. In the full version always; in the public
one only when the district's settings say so (then numbered and listed only when the findings are described)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, PageBreak, Spacer

from safety_assess.domain.scoring.findings import Finding
from safety_assess.reports.chapters.common import Story, para, table
from safety_assess.reports.charts import band_legend
from safety_assess.reports.content import PlanPicture, ReportContent
from safety_assess.reports.plan_figure import Pin, PlanFigure

WIDTH, HEIGHT = 7.0 * inch - 12, 6.2 * inch
"""The text column is 7 inches less the frame's padding (6 points a side)."""
COLUMNS = (0.45 * inch, 3.55 * inch, 1.0 * inch, 1.83 * inch)
"""The pin table's columns: pin, finding, risk, location."""


def site_plans_chapter(content: ReportContent) -> Story:
    if not content.site_plans or not content.options.shows("plans"):
        return []
    story: Story = [
        para("Site plans", "h1"),
        para(
            "Each plan of the campus with the findings pinned where they are, coloured by risk band"
            + (" and numbered as in the findings chapter." if _numbered(content) else "."),
            "muted",
        ),
    ]
    for picture in content.site_plans:
        story += _plan_page(content, picture)
    return story


def _numbered(content: ReportContent) -> bool:
    return content.options.shows("finding_details")


def pinned(content: ReportContent, picture: PlanPicture) -> list[tuple[int, Finding, Pin]]:
    """The report's findings pinned on the plan (a finding pin, or any marker linked to a finding), by number."""
    plan = content.plan
    numbered = {f.id: (n, f) for n, f in enumerate(plan.findings, start=1) if f.id is not None}
    found = []
    for marker in picture.plan.markers:
        if marker.finding_id in numbered:
            number, finding = numbered[marker.finding_id]
            shown = number if _numbered(content) else None
            found.append((number, finding, Pin(marker.x, marker.y, shown, finding.band(plan.bands).color)))
    return sorted(found, key=lambda item: item[0])


def _plan_page(content: ReportContent, picture: PlanPicture) -> Story:
    pins = pinned(content, picture)
    figure = PlanFigure(picture, [pin for _, _, pin in pins], WIDTH, HEIGHT)
    story: Story = [KeepTogether([para(picture.plan.title, "h2"), figure]), Spacer(1, 8)]
    if not pins:
        story.append(para("No finding of this assessment is pinned on this plan.", "muted"))
    elif _numbered(content):
        story.append(_pin_table(content, pins))
    else:
        story.append(_legend(content, pins))
    return [*story, PageBreak()]


def _legend(content: ReportContent, pins: list[tuple[int, Finding, Pin]]) -> object:
    """The bands, with how many findings each has on this plan."""
    bands = content.plan.bands
    counts: dict[str, int] = {}
    for finding in {number: finding for number, finding, _ in pins}.values():
        name = finding.band(bands).name
        counts[name] = counts.get(name, 0) + 1
    legend = band_legend(bands, counts)
    legend.hAlign = "LEFT"
    return legend


def _pin_table(content: ReportContent, pins: list[tuple[int, Finding, Pin]]) -> object:
    plan = content.plan
    where = content.options.shows("locations")
    pins = list({number: (number, finding, pin) for number, finding, pin in pins}.values())  # once each
    rows = [
        [
            str(number),
            finding.title,
            f"{finding.band(plan.bands).name} {finding.risk}",
            finding.location if where else "",
        ]
        for number, finding, _ in pins
    ]
    extra = [
        ("BACKGROUND", (2, row), (2, row), colors.HexColor(pin.color)) for row, (_, _, pin) in enumerate(pins, start=1)
    ]
    extra += [("TEXTCOLOR", (2, 1), (2, -1), colors.white)]
    header = ["Pin", "Finding", "Risk", "Location" if where else ""]
    return table(header, rows, list(COLUMNS), extra=extra)
