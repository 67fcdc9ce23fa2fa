"""Findings ordered by risk, each with its risk, location, notes, photos and actions; or, in a public version
without finding details, only how many there are per layer and band."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Table, TableStyle

from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.walk.slots import SlotKey
from safety_assess.reports.chapters.common import Story, chip, cost_range, facts, para, table, words
from safety_assess.reports.content import ReportContent, ReportPhoto
from safety_assess.reports.images import JpegImage
from safety_assess.reports.styles import RULE, SHADE

PHOTO_W, PHOTO_H = 3.2 * inch, 2.5 * inch


def findings_chapter(content: ReportContent) -> Story:
    story: Story = [para("Findings", "h1")]
    if not content.plan.findings:
        return [*story, para("No findings: every item assessed was compliant or not applicable."), PageBreak()]
    if not content.options.shows("finding_details"):
        return [*story, *_by_layer(content), PageBreak()]
    story.append(
        para(
            "Highest risk first. Risk is likelihood × severity (1 to 25); see the methodology in the appendix.", "muted"
        )
    )
    for number, finding in enumerate(content.plan.findings, start=1):
        story += _finding(content, number, finding)
    return [*story, PageBreak()]


def _finding(content: ReportContent, number: int, finding: Finding) -> Story:
    plan, options = content.plan, content.options
    band = finding.band(plan.bands)
    rows = [("Risk", f"{finding.risk} ({band.name}): likelihood {finding.likelihood} × severity {finding.severity}")]
    if options.shows("locations"):
        rows.insert(0, ("Location", finding.location))
    if finding.residual_risk is not None:
        rows.append(("Residual risk", f"{finding.residual_risk}, once the planned actions are done"))
    if finding.item_id is not None and finding.adjusted:
        rows.append(
            (
                "Adjusted",
                f"from the checklist's {finding.default_likelihood} × {finding.default_severity}: {finding.rationale}",
            )
        )
    change = plan.comparison.changes.get(finding.key) if plan.comparison else None
    if change is not None:
        rows.append(("Since last", words(change.value)))
    rows.append(("Layer", words(finding.layer)))
    if finding.observation and plan.actions_of(finding):  # without actions, the line below the facts says it
        rows.append(("Observation", "recorded for the record; the checklist asks no corrective action for it"))
    head: Story = [
        para(f"{number}. {finding.title}", "h2"),
        chip(f" {band.name} {finding.risk} ", band.color),
        facts(rows, [1.2 * inch, 5.5 * inch]),
    ]
    story: Story = [KeepTogether(head)]
    if finding.description:
        story.append(para(finding.description))
    note = _note(content, finding)
    if note and options.shows("notes"):
        story.append(para(f"Assessor's note: {note}", "italic"))
    if finding.action:
        story.append(para(f"Recommended: {finding.action}"))
    story += _actions(content, finding)
    if options.shows("photos"):
        story += _photos(content.photos.get(finding.key, []))
    return story


def _note(content: ReportContent, finding: Finding) -> str:
    if finding.item_id is None:
        return ""
    return content.plan.state.note(SlotKey(finding.item_id, finding.instance_id))


def _actions(content: ReportContent, finding: Finding) -> Story:
    plan = content.plan
    actions = plan.actions_of(finding)
    if not actions:
        needed = "An observation: no corrective action is needed." if finding.observation else ""
        return [para(needed or "No corrective action planned yet.", "muted")]
    rows = [
        [
            a.description,
            plan.phase_name(a.phase),
            a.owner or "-",
            a.due.isoformat() if a.due else "-",
            cost_range(a.cost_low, a.cost_high),
            words(a.status.value),
        ]
        for a in actions
    ]
    header = ["Corrective action", "Phase", "Responsible", "Due", "Estimated cost", "Status"]
    widths = [1.75 * inch, 1.1 * inch, 1.0 * inch, 0.85 * inch, 1.25 * inch, 0.75 * inch]
    return [table(header, rows, widths, right=(4,))]


def _photos(photos: Sequence[ReportPhoto]) -> Story:
    if not photos:
        return []
    cells = [_photo_cell(photo) for photo in photos]
    rows = [cells[i : i + 2] + [""] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    grid = Table(rows, colWidths=[PHOTO_W + 0.15 * inch] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    grid.hAlign = "LEFT"
    return [grid]


def _photo_cell(photo: ReportPhoto) -> list[Flowable]:
    caption = para(photo.caption, "small") if photo.caption else para("", "small")
    if photo.path is None and photo.source is None:
        box = Table(
            [[para(f"Photo not available: {photo.problem}", "small")]], colWidths=[PHOTO_W], rowHeights=[0.9 * inch]
        )
        box.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                    ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        return [box, caption]
    scale = min(PHOTO_W / photo.width, PHOTO_H / photo.height)
    return [JpegImage(photo, photo.width * scale, photo.height * scale), caption]


def _by_layer(content: ReportContent) -> Story:
    plan = content.plan
    bands = list(reversed(plan.bands))
    layers = sorted({f.layer or "" for f in plan.findings})
    rows = []
    for layer in layers:
        counts = [sum(1 for f in plan.findings if (f.layer or "") == layer and f.band(plan.bands) == b) for b in bands]
        rows.append([words(layer) if layer else "Other", *map(str, counts), str(sum(counts))])
    widths = [2.4 * inch, *[0.8 * inch] * len(bands), 0.8 * inch]
    header = ["Layer", *[b.name for b in bands], "All"]
    extra = [("TEXTCOLOR", (i + 1, 0), (i + 1, 0), colors.HexColor(b.color)) for i, b in enumerate(bands)]
    return [
        para("This public version counts the findings per layer and risk band without describing them.", "muted"),
        table(header, rows, widths, right=tuple(range(1, len(bands) + 2)), extra=extra),
    ]
