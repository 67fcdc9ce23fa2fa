"""The review packet: the plan's summary and, per action, a form where a reviewer of the School Safety Advisory
Group says support / change / defer / oppose and comments; the packet's identity rides in hidden fields and in the
footer, so the answers come back to the right plan, and in the name of the reviewer's name field, which
readers that drop hidden fields keep (see ``review_fields``)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Spacer

from safety_assess.domain.plan.actions import Action
from safety_assess.domain.plan.value import per_dollar, risk_reduced
from safety_assess.domain.review.model import PacketIdentity, Role, Stance
from safety_assess.domain.scoring.findings import Finding
from safety_assess.reports import review_fields as names
from safety_assess.reports.chapters.common import Story, cost_range, facts, para, words
from safety_assess.reports.content import ReportContent
from safety_assess.reports.errors import ReportError
from safety_assess.reports.fonts import register_fonts
from safety_assess.reports.page import ReportDocument, report_canvas
from safety_assess.reports.pdf import lost_characters
from safety_assess.reports.review_form import CheckBox, Choices, Hidden, TextBox, need_appearances

PER = 1_000
"""Risk reduced per dollar is shown per this much money (a point per dollar is too small to read)."""
HEADING_MAX = 160
STANCES = [*((s.value, s.value.capitalize()) for s in Stance), (names.NO_VIEW, "No view")]
ROLES = [(r.value, r.value.capitalize()) for r in Role]


def write_review_packet(
    out: Path, identity: PacketIdentity, content: ReportContent, actions: list[Action]
) -> list[str]:
    """Lay the packet out into ``out``: full or public as ``content.options`` says, one form per action given
    (each needs its stored id). Returns warnings (text no font can show)."""
    if any(action.id is None for action in actions):
        raise ReportError("an action of the packet is not stored yet (it has no id)")
    register_fonts()
    plan, options = content.plan, content.options
    campus = plan.summary.campus
    header = " · ".join(part for part in (options.district, campus.name, "Review packet") if part)
    document = ReportDocument(
        str(out),
        header=header,
        marking="Public version" if options.public else options.marking,
        footer=footer(identity),
        title=f"Review packet {identity.packet_no}: {campus.name}" + (" (public version)" if options.public else ""),
        author=", ".join(plan.summary.assessors),
        subject=f"Review of the campus safety action plan, revision {identity.plan_revision}",
        creator=f"Safety Assess {options.app_version}".strip(),
        producer="Safety Assess (ReportLab)",
        keywords=["school safety", "review packet", "public" if options.public else options.marking],
        lang="en",
    )
    document.build(packet_story(identity, content, actions), canvasmaker=_form_canvas(options.generated_at))
    texts = [campus.name, options.district, *(f.title for f in plan.findings), *(a.description for a in actions)]
    return lost_characters(texts)


def footer(identity: PacketIdentity) -> str:
    return (
        f"Review packet {identity.packet_no} · plan revision {identity.plan_revision} · "
        f"assessment {identity.assessment_id}"
    )


def _form_canvas(clock: dt.datetime) -> type:
    base = report_canvas(clock)

    class FormCanvas(base):  # type: ignore[valid-type, misc]
        def save(self) -> None:
            need_appearances(self)
            super().save()

    return FormCanvas


def packet_story(identity: PacketIdentity, content: ReportContent, actions: list[Action]) -> Story:
    hidden = {
        names.ASSESSMENT: str(identity.assessment_id),
        names.REVISION: str(identity.plan_revision),
        names.NUMBER: str(identity.packet_no),
    }
    story: Story = [Hidden(hidden), *_opening(content), *_reviewer(identity)]
    story += [para("Actions", "h1"), para(_HOW, "muted")]
    findings = {f.key: f for f in content.plan.findings}
    for action in sorted(actions, key=lambda a: _order(a, findings)):
        story.append(_action_block(action, findings.get(action.finding_key), content))
    return story


_HOW = (
    "For each action choose support, change (say how in the comment), defer or oppose, and comment if you wish; "
    "choose no view to take a choice back. "
    "Save the filled file and return it as you were asked. Risk is likelihood × severity (1 to 25)."
)


def _opening(content: ReportContent) -> Story:
    plan, options = content.plan, content.options
    summary, campus = plan.summary, plan.summary.campus
    title = "Review packet" + (" (public version)" if options.public else "")
    rows = [
        ("District", options.district or "-"),
        ("Campus", f"{campus.name} ({campus.code})"),
        ("Assessed on", summary.assessed_on.isoformat()),
        ("Compliance", plan.compliance_text),
        ("Findings", str(len(plan.findings))),
        ("Actions", str(len(plan.actions))),
        ("Packet made", options.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
    ]
    notice = (
        "Public version: without locations or item-level detail of vulnerabilities."
        if options.public
        else f"{options.marking}. Share this packet only with the members of the review group."
    )
    return [
        para(title, "title"),
        Spacer(1, 10),
        facts(rows, [1.5 * inch, 5.2 * inch]),
        Spacer(1, 8),
        para(notice, "marking"),
        Spacer(1, 8),
    ]


def _reviewer(identity: PacketIdentity) -> Story:
    return [
        para("Reviewer", "h1"),
        para("Your name", "cell_bold"),
        TextBox(names.reviewer_field(identity), "Your name", 1, names.NAME_MAX),
        Spacer(1, 6),
        Choices(names.ROLE, ROLES, "Your role", lead="Role"),
        Spacer(1, 4),
        para("Overall comment", "cell_bold"),
        TextBox(names.OVERALL, "Overall comment", 4, names.COMMENT_MAX),
        Spacer(1, 6),
        CheckBox(names.PUBLIC_OK, "My name and comments may appear in the public report."),
        Spacer(1, 8),
    ]


def _order(action: Action, findings: dict[str, Finding]) -> tuple[float, str]:
    finding = findings.get(action.finding_key)
    return (-(finding.risk if finding else 0), action.description)


def _action_block(action: Action, finding: Finding | None, content: ReportContent) -> KeepTogether:
    assert action.id is not None  # checked by write_review_packet
    options = content.options
    if finding is None:
        about = "-"
    elif options.shows("finding_details"):
        about = finding.title + (f" ({finding.location})" if finding.location and options.shows("locations") else "")
    else:
        about = words(action.layer or "unassigned")
    rows = [
        ("Finding" if options.shows("finding_details") else "Layer", about),
        ("Phase", content.plan.phase_name(action.phase)),
        ("Risk", _risk(finding)),
        ("Estimated cost", cost_range(action.cost_low, action.cost_high)),
        ("Risk reduced per 1,000 spent", value_text(action, finding)),
    ]
    return KeepTogether(
        [
            *_title(action.description),
            facts(rows, [2.0 * inch, 4.7 * inch]),
            Spacer(1, 4),
            Choices(names.action_field(action.id, names.STANCE), STANCES, "Your view of this action", lead="View"),
            TextBox(names.action_field(action.id, names.COMMENT), "Comment on this action", 3, names.COMMENT_MAX),
            Spacer(1, 6),
        ]
    )


def _title(description: str) -> Story:
    """The action as a heading; a long description shortened there and printed in full below it."""
    if len(description) <= HEADING_MAX:
        return [para(description, "h3")]
    return [para(description[:HEADING_MAX].rstrip() + "…", "h3"), para(description, "small")]


def _risk(finding: Finding | None) -> str:
    if finding is None:
        return "-"
    residual = finding.residual_risk
    after = f"; {residual} after the action" if residual is not None else ""
    return f"{finding.risk} as found{after}"


def value_text(action: Action, finding: Finding | None) -> str:
    """Risk points reduced per $1,000 of the cost range's midpoint: 'free' when it costs nothing."""
    if finding is None:
        return "n/a"
    reduced = risk_reduced(finding.likelihood, finding.severity, finding.residual_likelihood, finding.residual_severity)
    value = per_dollar(reduced, action.cost_low, action.cost_high)
    if value is None:
        return "n/a (no residual risk or cost set)" if reduced is None else "n/a"
    if math.isinf(value):
        return f"free ({reduced} points)"
    return f"{value * PER:.2f} points ({reduced} for {cost_range(action.cost_low, action.cost_high)})"
