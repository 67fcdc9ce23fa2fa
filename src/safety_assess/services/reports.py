"""Making the action-plan report of an assessment: gather its content (photos made ready to print, responses),
lay it out, optionally encrypt it, and write the file only once it is complete."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess import __version__
from safety_assess.base.files import writing
from safety_assess.base.jobs import Progress
from safety_assess.domain.checklist.values import asks_follow_up, shown_as_typed
from safety_assess.domain.plan.assessment_plan import Plan
from safety_assess.domain.records import PhotoRecord
from safety_assess.domain.review.model import tallies
from safety_assess.reports.content import PlanPicture, ReportContent, ReportOptions, ResponseLine, ReviewContent
from safety_assess.reports.errors import ReportError
from safety_assess.services import reviews, site_maps
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.report_photos import PhotoPrinter
from safety_assess.services.workspace import Workspace


@dataclass
class ReportResult:
    path: Path
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


def report_options(
    workspace: Workspace, public: bool, clock: dt.datetime | None = None, include_responses: bool = True
) -> ReportOptions:
    settings = workspace.settings
    return ReportOptions(
        public=public,
        include_responses=include_responses,
        omits=frozenset(settings.public_report_omits),
        marking=settings.confidentiality_marking.strip() or "Confidential - security-sensitive",
        district=settings.district_name,
        public_plans=settings.public_report_plans,
        generated_at=clock or dt.datetime.now(dt.UTC),
        app_version=__version__,
    )


def gather(
    plan: Plan,
    options: ReportOptions,
    photos: dict[str, list[PhotoRecord]],
    printer: PhotoPrinter,
    plans: list[PlanPicture] | None = None,
) -> ReportContent:
    """The report's content; its photos (by finding key) go to ``printer``, which makes them as the layout goes."""
    content = ReportContent(plan, options, responses=_responses(plan))
    content.photos = {key: [printer.submit(photo) for photo in found] for key, found in photos.items()}
    content.site_plans = plans or []
    content.warnings += [
        f"the image of site plan '{p.plan.title}' is missing; a placeholder is printed"
        for p in content.site_plans
        if not p.image.is_file()
    ]
    return content


def _responses(plan: Plan) -> list[ResponseLine]:
    state, lines = plan.state, []
    labels = {i.id: i.label for i in state.instances}
    for slot in state.slots:
        response = state.responses.get(slot.key)
        if response is None or not state.is_visible(slot.key):
            continue
        typed = response.typed  # an amount converted: "4 ft (48 in)"
        answer = "" if response.value is None else shown_as_typed(state.checklist, slot.item, response.value, typed)
        if response.follow_up and asks_follow_up(state.checklist, slot.item, response.value):
            # what the item's follow-up asked for: "Yes: I-95, 200 m away" (kept, not shown, once the answer changed)
            answer = f"{answer}: {response.follow_up}" if answer else response.follow_up
        result = state.outcome(slot.key)
        lines.append(
            ResponseLine(
                slot.section.title,
                slot.item.prompt,
                labels.get(slot.key.instance_id, "") if slot.key.instance_id else "",
                answer,
                result.value if result else "",
                response.note,
            )
        )
    return lines


def export_report(
    workspace: Workspace,
    assessment_id: uuid.UUID,
    out: Path,
    *,
    public: bool = False,
    password: str | None = None,
    clock: dt.datetime | None = None,
    include_responses: bool = True,
    progress: Progress | None = None,
) -> ReportResult:
    """Write the assessment's action-plan PDF to ``out`` (whole, or not at all); warnings list what is missing."""
    progress = progress or Progress()
    if password is not None and public:
        raise ReportError("the public version is meant to be handed out; it takes no password")
    if password is not None:
        # ReportLab and pikepdf load when a report is written, not when a window offering the export opens
        from safety_assess.reports.encrypt import check_password

        check_password(password)  # before hours of layout, not after
    options = report_options(workspace, public, clock, include_responses)
    plan = load_plan(workspace, assessment_id)
    photos = PlanEditor(workspace, assessment_id).photos_by_finding(plan.findings) if options.shows("photos") else {}
    # Photos made ready to print go to the data folder, never the system's: cut off, they stay with the data.
    folder = workspace.photo_store.scratch()
    try:
        printer = PhotoPrinter(workspace, folder, progress, sum(map(len, photos.values())))
        try:
            content = gather(plan, options, photos, printer, _site_plans(workspace, plan, options))
            content.review = review_content(workspace, assessment_id, content.plan)
            printer.wait()
            progress.report(0, 1, "Laying out the report")
            with writing(workspace.data_dir, out) as partial:
                warnings, pages = _lay_out(content, partial, folder / "unprotected.pdf", password)
        finally:
            printer.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    progress.report(1, 1)
    return ReportResult(out, pages, printer.warnings + warnings)


def review_content(workspace: Workspace, assessment_id: uuid.UUID, plan: Plan | None = None) -> ReviewContent:
    """The advisory group's review of the assessment's plan, as the Review chapter prints it (``plan``: as loaded)."""
    found = reviews.reviews(workspace, assessment_id)
    answered = {response.action_id: response for response in reviews.responses(workspace, assessment_id)}
    made = reviews.decisions(workspace, assessment_id)
    return ReviewContent(
        len(found), tallies(found), answered, made, reviews.since_adopted(workspace, assessment_id, plan)
    )


def _site_plans(workspace: Workspace, plan: Plan, options: ReportOptions) -> list[PlanPicture]:
    """The campus's plans and their images, when the report shows them."""
    if not options.shows("plans"):
        return []
    maps = site_maps.list_maps(workspace, plan.summary.campus.id)
    return [PlanPicture(m, site_maps.plan_image(workspace, m)) for m in maps]


def _lay_out(content: ReportContent, partial: Path, unprotected: Path, password: str | None) -> tuple[list[str], int]:
    """The report into ``partial``, with its warnings and its page count; laid out first in the data folder
    (``unprotected``) when it gets a password, and counted there, before it is encrypted."""
    from safety_assess.reports.pdf import page_count, write_pdf

    if password is None:
        return write_pdf(content, partial), page_count(partial)
    from safety_assess.reports.encrypt import encrypt

    warnings = write_pdf(content, unprotected)
    pages = page_count(unprotected)
    encrypt(unprotected, partial, password)
    return warnings, pages
