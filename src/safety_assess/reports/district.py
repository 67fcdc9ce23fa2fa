"""The district report for the board: campuses ranked by risk, the budget per phase and per layer, trends over the
years, and a one-page summary per campus. Built from the district overview only (no item-level detail)."""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from safety_assess.domain.display import cost, counted, percent, words
from safety_assess.domain.district.actions import DistrictAction
from safety_assess.domain.district.figures import ActionLine
from safety_assess.domain.district.overview import RANKING_RULE, CampusLine, DistrictTotals
from safety_assess.domain.plan.actions import CostRange, Status
from safety_assess.domain.readiness.progress import TermProgress
from safety_assess.domain.scoring.coverage import answered_of
from safety_assess.reports.chapters.common import Story, facts, para, percent_axes, rich, table
from safety_assess.reports.chapters.progress import progress_chapter
from safety_assess.reports.fonts import BOLD, SANS, markup, register_fonts
from safety_assess.reports.page import ReportDocument, report_canvas
from safety_assess.reports.styles import ACCENT

WIDTH = 7.0 * inch
TOP_ACTIONS = 8


@dataclass(frozen=True)
class DistrictReportOptions:
    district: str
    marking: str
    generated_at: dt.datetime
    app_version: str = ""


def write_district_pdf(
    lines: Sequence[CampusLine],
    totals: DistrictTotals,
    actions: Sequence[DistrictAction],
    options: DistrictReportOptions,
    out: Path,
    reviews: Mapping[uuid.UUID, str] | None = None,
    progress: TermProgress | None = None,
) -> None:
    """``reviews``: how far the review of each campus's plan has come, by campus (printed on its page);
    ``progress``: where the campuses stand against the district's targets this term (a chapter after the trends)."""
    register_fonts()
    title = f"District safety plan: {options.district}" if options.district else "District safety plan"
    document = ReportDocument(
        str(out),
        header=" · ".join(part for part in (options.district, "District safety plan") if part),
        marking=options.marking,
        footer=f"{counted(totals.campuses, 'campus')} · made {options.generated_at.strftime('%Y-%m-%d')}",
        title=title,
        author=options.district,
        subject="Campuses ranked by risk, budget by phase, trends",
        creator=f"Safety Assess {options.app_version}".strip(),
        producer="Safety Assess (ReportLab)",
        keywords=["school safety", "district", options.marking],
        lang="en",
    )
    by_assessment: dict[uuid.UUID, list[ActionLine]] = {}
    for action in actions:
        by_assessment.setdefault(action.assessment_id, []).append(action.line)
    story = [
        *_cover(title, totals, options),
        *_summary(lines, totals, actions),
        *_trends(lines),
        *([PageBreak(), *progress_chapter(progress)] if progress is not None else []),
    ]
    for rank, line in enumerate(lines, start=1):
        story += _campus_page(rank, line, totals, by_assessment, (reviews or {}).get(line.campus.id, ""))
    document.build(story, canvasmaker=report_canvas(options.generated_at))


def _cover(title: str, totals: DistrictTotals, options: DistrictReportOptions) -> Story:
    rows = [
        ("District", options.district or "-"),
        ("Campuses", f"{totals.campuses} ({totals.assessed} assessed)"),
        ("Open high and critical findings", str(totals.severe)),
        ("Open actions", str(totals.open_actions)),
        ("Estimated cost of the open actions", cost(totals.cost)),
        ("Report made", options.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]
    notice = (
        f"{options.marking}. This report ranks campuses by how exposed they are. "
        "Share it only with those who decide on the budget and the work."
    )
    return [
        Spacer(1, 1.2 * inch),
        para(title, "title"),
        Spacer(1, 0.5 * inch),
        facts(rows, [2.4 * inch, 4.3 * inch]),
        Spacer(1, 0.6 * inch),
        para(notice, "marking"),
        PageBreak(),
    ]


def _summary(lines: Sequence[CampusLine], totals: DistrictTotals, actions: Sequence[DistrictAction]) -> Story:
    story: Story = [para("Summary", "h1")]
    bands = list(reversed(totals.findings))
    story.append(
        rich(
            f"{counted(totals.campuses, 'campus')}, {totals.assessed} assessed. Open findings: "
            + ", ".join(f"{markup(name)} <b>{totals.findings[name]}</b>" for name in bands)
            + f". Open actions: <b>{totals.open_actions}</b>. Estimated cost: <b>{cost(totals.cost)}</b>."
        )
    )
    story += [para("Budget by phase", "h2"), _cost_table("Phase", totals.cost_by_phase, totals.phase_names)]
    layer_names = {key: words(key) for key in totals.cost_by_layer}
    story += [para("Budget by layer", "h2"), _cost_table("Layer", totals.cost_by_layer, layer_names)]
    done = sum(1 for a in actions if a.line.status == Status.DONE)
    story.append(
        para(
            f"Of the {counted(len(actions), 'action')} in the campuses' latest plans, {done} "
            f"{'is' if done == 1 else 'are'} done; their cost is not counted above.",
            "muted",
        )
    )
    story += [CondPageBreak(2 * inch), para("Campuses ranked by risk", "h2"), _ranking(lines, bands)]
    story.append(
        para(
            f"{RANKING_RULE} Figures are from each campus's latest assessment; a compliance figure counts only "
            "the items answered (Answered: how many of the items that apply).",
            "muted",
        )
    )
    return story


def _cost_table(label: str, costs: dict[str, CostRange], names: dict[str, str]) -> object:
    total = sum(costs.values(), CostRange())
    rows = [[names.get(key, key), cost(value)] for key, value in costs.items()]
    rows.append(["Total", cost(total)])
    return table([label, "Estimated cost"], rows, [4.6 * inch, 2.4 * inch], right=[1])


def _ranking(lines: Sequence[CampusLine], bands: list[str]) -> object:
    rows = []
    for rank, line in enumerate(lines, start=1):
        latest = line.latest
        if latest is None:
            rows.append([rank, line.campus.name, "not assessed", "", "", *([""] * len(bands)), "", ""])
            continue
        figures = latest.figures
        rows.append(
            [
                rank,
                f"{line.campus.name} ({line.campus.code})",
                latest.summary.assessed_on.isoformat(),
                percent(figures.compliance),
                answered_of(figures.coverage),
                *[figures.findings.get(band, 0) for band in bands],
                figures.open_actions,
                cost(figures.cost),
            ]
        )
    header = ["#", "Campus", "Latest", "Compliance", "Answered", *bands, "Open actions", "Estimated cost"]
    widths = [_fitted(column[0], column[1:]) for column in zip(header, *rows, strict=True)]
    widths[1] = max(1.0 * inch, WIDTH - sum(widths) + widths[1])  # the campus name takes what is left
    right = [0, 3, 4, *range(5, 5 + len(bands)), 5 + len(bands), 6 + len(bands)]
    return table(header, rows, widths, right=right)


CELL_PADDING = 13.0
"""Left and right padding of a table cell, and a little air."""


def _fitted(title: str, values: Sequence[object]) -> float:
    """Wide enough that no word of the header and no value breaks in the middle (the campus name is fitted after)."""
    words_of_title = title.split() or [""]
    widest = max(
        [stringWidth(word, BOLD, 8) for word in words_of_title] + [stringWidth(str(v), SANS, 8) for v in values]
    )
    return float(widest) + CELL_PADDING


def _trends(lines: Sequence[CampusLine]) -> Story:
    """Per year: how many assessments, the mean compliance and the open high and critical findings."""
    by_year: dict[int, list[tuple[float | None, int]]] = {}
    for line in lines:
        for assessed in line.history:
            year = assessed.summary.assessed_on.year
            by_year.setdefault(year, []).append((assessed.figures.compliance, assessed.figures.severe))
    story: Story = [PageBreak(), para("Trends", "h1")]
    if not by_year:
        return [*story, para("No campus has been assessed yet.")]
    years = sorted(by_year)
    means = []
    rows = []
    for year in years:
        values = [c for c, _ in by_year[year] if c is not None]
        mean = statistics.fmean(values) if values else None
        means.append(mean)
        rows.append([year, len(by_year[year]), percent(mean), sum(s for _, s in by_year[year])])
    story.append(_line_chart([str(y) for y in years], means, "Mean compliance of the campuses assessed each year"))
    story.append(
        table(
            ["Year", "Assessments", "Mean compliance", "Open high and critical findings"],
            rows,
            [1.2 * inch, 1.6 * inch, 1.8 * inch, 2.4 * inch],
            right=[1, 2, 3],
        )
    )
    return story


def _line_chart(labels: list[str], values: list[float | None], caption: str) -> Drawing:
    """Only the points that have a value: an assessment with nothing answered yet is left out, not drawn as 0%."""
    known = [(label, value) for label, value in zip(labels, values, strict=True) if value is not None]
    height = 150
    drawing = Drawing(WIDTH, height)
    if not known:
        drawing.add(String(40, height - 10, f"{caption}: nothing answered yet", fontName=SANS, fontSize=8))
        return drawing
    labels = [label for label, _ in known]
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 28, WIDTH - 60, height - 44
    chart.data = [[value for _, value in known]]
    chart.lines[0].strokeColor = ACCENT
    chart.lines[0].strokeWidth = 2
    chart.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=ACCENT)  # a lone point shows too
    percent_axes(chart, labels, chart.lineLabels)
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 25
    chart.lineLabelFormat = "%.0f%%"
    chart.lineLabels.dy = 6
    drawing.add(chart)
    drawing.add(String(chart.x, height - 10, caption, fontName=SANS, fontSize=8))
    return drawing


def _campus_page(
    rank: int,
    line: CampusLine,
    totals: DistrictTotals,
    actions: dict[uuid.UUID, list[ActionLine]],
    review: str = "",
) -> Story:
    campus = line.campus
    story: Story = [PageBreak(), para(f"{rank}. {campus.name} ({campus.code})", "h1")]
    latest = line.latest
    if latest is None:
        return [*story, para("Not assessed yet.")]
    figures, summary = latest.figures, latest.summary
    rows = [
        ("Latest assessment", f"{summary.assessed_on.isoformat()}, {words(summary.status.value).lower()}"),
        ("Checklist", f"{summary.checklist.title}, version {summary.checklist.version}"),
        ("Assessors", ", ".join(summary.assessors) or "-"),
        ("Compliance", figures.compliance_text),
        (
            "Open findings",
            ", ".join(f"{name} {figures.findings[name]}" for name in reversed(figures.findings)),
        ),
        ("Open actions", f"{figures.open_actions}, estimated {cost(figures.cost)}"),
    ]
    if review:
        rows.append(("Plan's review", review))
    if line.conflicts:
        rows.append(("To resolve", f"{line.conflicts} conflicting copy(ies) of an assessment"))
    story.append(facts(rows, [1.8 * inch, 5.2 * inch]))
    story += [para("Budget by phase", "h3"), _cost_table("Phase", figures.cost_by_phase, figures.phase_names)]
    if len(line.history) > 1:
        labels = [a.summary.assessed_on.isoformat() for a in line.history]
        story.append(_line_chart(labels, [a.figures.compliance for a in line.history], "Compliance over time"))
        story.append(
            para(
                "Open high and critical findings: "
                + ", ".join(f"{a.summary.assessed_on.year}: {a.figures.severe}" for a in line.history),
                "small",
            )
        )
    open_actions = sorted(
        (a for a in actions.get(summary.id, []) if a.status != Status.DONE),
        key=lambda a: (-a.risk, a.phase, a.description),
    )
    if open_actions:
        names = figures.phase_names
        rows_ = [
            [
                a.risk,
                a.band,
                a.description,
                names.get(a.phase, a.phase).split(" (")[0],
                cost(CostRange(a.cost_low, a.cost_high)),
                words(a.status),
            ]
            for a in open_actions[:TOP_ACTIONS]
        ]
        header = ["Risk", "Band", "Action", "Phase", "Estimated cost", "Status"]
        widths = [0.45 * inch, 0.75 * inch, 2.85 * inch, 0.9 * inch, 1.25 * inch, 0.8 * inch]
        colours = [
            ("TEXTCOLOR", (1, row), (1, row), colors.HexColor(totals.band_colors.get(a.band, "#000000")))
            for row, a in enumerate(open_actions[:TOP_ACTIONS], start=1)
        ]
        title = f"Highest-risk open actions ({min(len(open_actions), TOP_ACTIONS)} of {len(open_actions)})"
        story.append(KeepTogether([para(title, "h3"), table(header, rows_, widths, right=[0, 4], extra=colours)]))
    return story
