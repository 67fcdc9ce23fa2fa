"""A sample campus to try every feature on: a half-finished assessment with deficiencies, notes, generated photos
and a phased action plan. Made by the welcome screen, ``safety-assess demo`` and the packaged app's self-test.

Everything is invented: no real school, person or photo. The campus code marks it, so it is made only once.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from safety_assess.domain.errors import NotFoundError, SafetyAssessError
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle
from safety_assess.services.photos import add_photos
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace

CODE = "DEMO"
NAME = "Sample Elementary (demo)"
ADDRESS = "100 Example Road"
CHECKLIST = "comprehensive-facility"
ASSESSOR = "Sample Assessor"

ANSWERS: tuple[tuple[str, str, str], ...] = (
    ("grounds.natural-surveillance", "mostly", ""),
    ("grounds.natural-access-control", "slightly", "Worn shortcut through the planting by the east portables."),
    ("grounds.territoriality", "moderately", ""),
    ("grounds.maintenance", "mostly", ""),
    ("grounds.perimeter-fence", "yes", ""),
    ("grounds.gates-locked", "no", "North service gate found open at 10:40, chain hanging loose."),
    ("grounds.hiding-places", "yes", "Dense shrubs along the gym wall hide a person standing."),
    ("grounds.graffiti-removal", "yes", ""),
    ("parking.drop-off-separated", "yes", ""),
    ("parking.pedestrian-routes", "no", "Walkers cross the bus loop; no marked crossing."),
    ("parking.supervision", "yes", ""),
    ("parking.fire-lanes", "yes", ""),
    ("entry.single-entrance", "no", "Side doors by the cafeteria are propped open at lunch."),
)
"""About half of the first sections answered, a few deficient, as a walk interrupted by lunch."""

PHOTOGRAPHED = ("grounds.gates-locked", "grounds.hiding-places", "entry.single-entrance")


@dataclass(frozen=True)
class Sample:
    campus_code: str
    assessment_id: uuid.UUID
    made: bool
    """False when the sample campus was already there (it is made once)."""


def make_sample(workspace: Workspace, assessor: str = "") -> Sample:
    """The sample campus and its half-finished assessment, made if not there yet."""
    existing = _existing(workspace)
    if existing is not None:
        return Sample(CODE, existing, made=False)
    workspace.campuses.add(NAME, CODE, ADDRESS)
    summary = start_assessment(workspace, CODE, CHECKLIST, [assessor or ASSESSOR], dt.date.today())
    for item_id, value, note in ANSWERS:
        record_answer(workspace, summary.id, item_id, value, note=note or None)
    with tempfile.TemporaryDirectory(prefix="safety-assess-demo-") as folder:
        for number, item_id in enumerate(PHOTOGRAPHED):
            photo = sample_photo(Path(folder) / f"sample-{number + 1}.jpg", item_id, number)
            add_photos(workspace, summary.id, item_id, [photo], caption="Sample photo (generated)")
    _plan_actions(workspace, summary.id, assessor or ASSESSOR)
    return Sample(CODE, summary.id, made=True)


def _existing(workspace: Workspace) -> uuid.UUID | None:
    try:
        campus = workspace.campuses.by_code(CODE)
    except NotFoundError:
        return None
    ours = [s for s in workspace.assessments.list() if s.campus.id == campus.id]
    return ours[0].id if ours else None


def _plan_actions(workspace: Workspace, assessment_id: uuid.UUID, by: str) -> None:
    """The suggested action of every finding, in the phase its risk calls for, with the checklist's cost band."""
    plan = load_plan(workspace, assessment_id, compare_earlier=False)
    PlanEditor(workspace, assessment_id, by=by).plan_suggested(plan)


def sample_photo(path: Path, label: str, number: int) -> Path:
    """A small generated picture (sky, ground, a fence) with its label, saved as a JPEG."""
    from PIL import Image, ImageDraw

    width, height = 1200, 900
    image = Image.new("RGB", (width, height), (150, 190, 225))
    draw = ImageDraw.Draw(image)
    ground = (95 + 20 * number, 135, 80)
    draw.rectangle((0, height * 3 // 5, width, height), fill=ground)
    for x in range(40, width, 90):  # fence posts and rails
        draw.rectangle((x, 330, x + 12, 640), fill=(70, 70, 75))
    for y in (360, 480, 600):
        draw.rectangle((0, y, width, y + 8), fill=(90, 90, 95))
    draw.rectangle((0, 0, width, 70), fill=(30, 30, 30))
    draw.text((20, 20), f"Sample photo {number + 1} (generated): {label}", fill=(255, 255, 255), font_size=32)
    image.save(path, "JPEG", quality=85)
    return path


@dataclass(frozen=True)
class DemoFiles:
    sample: Sample
    report: Path
    pages: int
    bundle: Path


def write_demo(workspace: Workspace, out: Path, assessor: str = "") -> DemoFiles:
    """The sample campus (made if needed), its action-plan PDF and a sync bundle of it, written into ``out``."""
    sample = make_sample(workspace, assessor)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DemoError(f"cannot make the folder {out}: {error.strerror or error}") from None
    report = export_report(workspace, sample.assessment_id, out / "sample-action-plan.pdf")
    bundle = export_bundle(workspace, [sample.assessment_id], out / "sample-assessment.sabundle", exporter=assessor)
    return DemoFiles(sample, report.path, report.pages, bundle.path)


class DemoError(SafetyAssessError):
    """The demo files cannot be written."""
