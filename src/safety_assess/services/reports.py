"""Making the action-plan report of an assessment: gather its content (photos made ready to print, responses),
lay it out, optionally encrypt it, and write the file only once it is complete."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from safety_assess import __version__
from safety_assess.domain.checklist.values import display_value
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.domain.records import PhotoRecord
from safety_assess.photos.annotations import burn_in, parse_annotations
from safety_assess.photos.decode import PhotoError
from safety_assess.photos.render import print_rendition, renditions
from safety_assess.reports.content import ReportContent, ReportOptions, ReportPhoto, ResponseLine
from safety_assess.services.plan import Plan, PlanEditor, load_plan
from safety_assess.services.progress import Progress
from safety_assess.services.workspace import Workspace


class ReportError(SafetyAssessError):
    """The report could not be written (disk full, folder missing, bad password)."""


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
        generated_at=clock or dt.datetime.now(dt.UTC),
        app_version=__version__,
    )


def gather(workspace: Workspace, plan: Plan, options: ReportOptions, folder: Path, progress: Progress) -> ReportContent:
    """The report's content; photos are written into ``folder`` as small JPEGs with annotations burned in."""
    content = ReportContent(plan, options, responses=_responses(plan))
    if not options.shows("photos"):
        return content
    photos = [
        (key, photo)
        for key, found in PlanEditor(workspace, plan.summary.id).photos_by_finding(plan.findings).items()
        for photo in found
    ]
    pool = ThreadPoolExecutor(max_workers=os.cpu_count() or 2)  # Pillow decodes and encodes outside the GIL
    try:
        made = pool.map(lambda pair: _printable(workspace, pair[1], folder), photos)
        for done, ((key, _photo), (printable, problem)) in enumerate(zip(photos, made, strict=True)):
            progress.check()
            progress.report(done, len(photos), f"Preparing photo {done + 1} of {len(photos)}")
            content.photos.setdefault(key, []).append(printable)
            if problem:
                content.warnings.append(problem)
    finally:
        pool.shutdown(cancel_futures=True)  # when cancelled, the photos not started yet are not made
    return content


def _printable(workspace: Workspace, photo: PhotoRecord, folder: Path) -> tuple[ReportPhoto, str]:
    """The photo ready to print, or a placeholder and the warning saying why."""
    caption = photo.caption or photo.filename
    data = _report_rendition(workspace, photo)
    if data is None:
        return _missing(photo, caption, "its file is missing from the photo store")
    try:
        notes = parse_annotations(list(photo.annotations))
        printed = print_rendition(data, (lambda image: burn_in(image, notes)) if notes else None)
    except (PhotoError, SafetyAssessError) as error:
        return _missing(photo, caption, str(error))
    path = folder / f"{photo.id}.jpg"
    path.write_bytes(printed)
    width, height = _jpeg_size(printed)
    return ReportPhoto(caption, path, width, height), ""


def _report_rendition(workspace: Workspace, photo: PhotoRecord) -> bytes | None:
    """The photo's report rendition; made again from the original when only the rendition was lost."""
    store = workspace.photo_store
    try:
        return store.rendition(photo.sha256, "report").read_bytes()
    except OSError:
        pass
    original = store.original(photo.sha256, photo.extension)
    if not original.is_file():
        return None
    try:
        made = renditions(original)
    except PhotoError:
        return None
    for kind, data in made.items():
        store.write_rendition(photo.sha256, kind, data)
    return made["report"]


def _missing(photo: PhotoRecord, caption: str, problem: str) -> tuple[ReportPhoto, str]:
    return ReportPhoto(caption, None, photo.width, photo.height, problem), (
        f"photo {photo.filename} ({photo.id}) left out: {problem}"
    )


def _jpeg_size(data: bytes) -> tuple[int, int]:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image.size


def _responses(plan: Plan) -> list[ResponseLine]:
    state, lines = plan.state, []
    labels = {i.id: i.label for i in state.instances}
    for slot in state.slots:
        response = state.responses.get(slot.key)
        if response is None or not state.is_visible(slot.key):
            continue
        answer = "" if response.value is None else display_value(state.checklist, slot.item, response.value)
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
    from safety_assess.reports.pdf import page_count, write_pdf

    progress = progress or Progress()
    if password is not None and public:
        raise ReportError("the public version is meant to be handed out; it takes no password")
    options = report_options(workspace, public, clock, include_responses)
    plan = load_plan(workspace, assessment_id)
    with tempfile.TemporaryDirectory(prefix="safety-assess-report-") as tmp:
        content = gather(workspace, plan, options, Path(tmp), progress)
        progress.report(0, 1, "Laying out the report")
        with _replacing(out) as partial:
            warnings = write_pdf(content, partial)
            if password is not None:
                from safety_assess.reports.encrypt import encrypt

                encrypt(partial, password)
            pages = page_count(partial)
    progress.report(1, 1)
    return ReportResult(out, pages, warnings)


@contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out``, flushed and renamed over it only when the body succeeds."""
    folder = out.resolve().parent
    if not folder.is_dir():
        raise ReportError(f"cannot write {out}: the folder {folder} does not exist")
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        with partial.open("rb+") as written:
            os.fsync(written.fileno())
        partial.replace(out)
    except OSError as error:
        raise ReportError(f"cannot write {out}: {error.strerror or error}") from None
    finally:
        partial.unlink(missing_ok=True)
