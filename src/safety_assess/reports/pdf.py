"""The action-plan PDF: chapters laid out by ReportLab's Platypus in the report page frame."""

from __future__ import annotations

from pathlib import Path

from reportlab import rl_config

from safety_assess.reports.chapters.appendix import appendix
from safety_assess.reports.chapters.commendations import commendations_chapter
from safety_assess.reports.chapters.common import Story
from safety_assess.reports.chapters.cover import cover
from safety_assess.reports.chapters.findings import findings_chapter
from safety_assess.reports.chapters.plan import action_plan
from safety_assess.reports.chapters.review import review_chapter
from safety_assess.reports.chapters.site_plans import site_plans_chapter
from safety_assess.reports.chapters.summary import charts, executive_summary
from safety_assess.reports.content import ReportContent
from safety_assess.reports.fonts import missing, register_fonts
from safety_assess.reports.page import ReportDocument, report_canvas

rl_config.useA85 = 0  # embed photos as they are (binary), not a quarter larger in ASCII85


def story(content: ReportContent) -> Story:
    return [
        *cover(content),
        *executive_summary(content),
        *charts(content),
        *findings_chapter(content),
        *action_plan(content),
        *review_chapter(content),
        *commendations_chapter(content),
        *site_plans_chapter(content),
        *appendix(content),
    ]


def write_pdf(content: ReportContent, out: Path) -> list[str]:
    """Lay the report out into ``out``; returns warnings (text no font can show), added to the content's own."""
    register_fonts()
    plan, options = content.plan, content.options
    campus = plan.summary.campus
    header = " · ".join(part for part in (options.district, campus.name, "Campus safety action plan") if part)
    marking = "Public version" if options.public else options.marking
    footer = f"{plan.summary.checklist.title} {plan.summary.checklist.version} · assessed {plan.summary.assessed_on}"
    document = ReportDocument(
        str(out),
        header=header,
        marking=marking,
        footer=footer,
        title=f"Campus safety action plan: {campus.name}" + (" (public version)" if options.public else ""),
        author=", ".join(plan.summary.assessors),
        subject=f"{plan.summary.checklist.title}, assessed {plan.summary.assessed_on}",
        creator=f"Safety Assess {options.app_version}".strip(),
        producer="Safety Assess (ReportLab)",
        keywords=["school safety", "action plan", "public" if options.public else marking],
        lang="en",
    )
    document.build(story(content), canvasmaker=report_canvas(options.generated_at))
    return content.warnings + lost_characters(user_texts(content))


def user_texts(content: ReportContent) -> list[str]:
    """Everything people typed that the report prints."""
    plan = content.plan
    texts = [plan.summary.campus.name, plan.summary.campus.address, content.options.district, *plan.summary.assessors]
    for finding in plan.findings:
        texts += [finding.title, finding.location, finding.description, finding.rationale, finding.action]
    for action in plan.actions:
        texts += [action.description, action.owner, action.funding, action.note]
    texts += [photo.caption for photos in content.photos.values() for photo in photos]
    texts += [picture.plan.title for picture in content.site_plans]
    texts += [line.note for line in content.responses] + [line.answer for line in content.responses]
    return texts + review_texts(content)


def review_texts(content: ReportContent) -> list[str]:
    """What reviewers and the district wrote that the Review chapter prints."""
    review = content.review
    texts = [f"{name} {text}" for tally in review.tallies.values() for name, _, text, _ in tally.comments]
    texts += [f"{response.text} {response.by}" for response in review.responses.values()]
    return texts + [f"{decision.minutes} {decision.note}" for decision in review.decisions]


def page_count(path: Path, password: str = "") -> int:
    """The pages of the PDF at ``path``; an encrypted one needs its password (none given: pikepdf's error)."""
    import pikepdf

    with pikepdf.open(path, password=password) as pdf:
        return len(pdf.pages)


def lost_characters(texts: list[str]) -> list[str]:
    found: set[str] = set()
    for text in texts:
        found |= missing(text)
    if not found:
        return []
    shown = " ".join(sorted(found))
    return [f"{len(found)} character(s) have no glyph in the report fonts and print as \ufffd: {shown}"]
