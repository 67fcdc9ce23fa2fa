"""The action plan's site plans: each plan with the assessment's findings pinned by band, in the full version; in
the public one only when the district's settings say so."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.scoring.findings import Finding
from safety_assess.domain.sitemap.model import MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.plan import load_plan
from safety_assess.services.reports import export_report
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from tests.lost_photos import lose
from tests.unit.reports.conftest import CLOCK
from tests.unit.reports.site_plans import plan_png
from tests.unit.reports.test_pdf import text_of


@dataclasses.dataclass
class Pinned:
    plan: SiteMap
    findings: list[Finding]
    """The report's findings in their order (numbered from 1 in the report)."""


@pytest.fixture
def pinned(workspace: Workspace, reported: AssessmentSummary, tmp_path: Path) -> Pinned:
    """A site plan with the highest finding pinned at its centre and the second linked to an exterior door, and an
    empty floor plan."""
    findings = load_plan(workspace, reported.id).findings
    first, second = findings[0], findings[1]
    assert first.id is not None and second.id is not None
    campus = reported.campus.id
    plan = site_maps.add_map(workspace, campus, plan_png(tmp_path / "site.png"), title="Whole site")
    site_maps.add_marker(workspace, plan.id, MarkerKind.FINDING, (600, 400), MarkerFields(finding_id=first.id))
    plan, _ = site_maps.add_marker(
        workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (150, 100), MarkerFields(finding_id=second.id)
    )
    site_maps.add_map(workspace, campus, plan_png(tmp_path / "floor.png", (500, 900)), title="Second floor")
    return Pinned(plan, findings)


def page_of(text: str, heading: str) -> int:
    """The page (from 1) whose text holds ``heading`` first."""
    return next(n for n, page in enumerate(text.split("\f"), start=1) if heading in page)


def test_the_full_version_shows_each_plan_with_its_findings_pinned_by_band(
    workspace: Workspace, reported: AssessmentSummary, pinned: Pinned, tmp_path: Path
) -> None:
    out = tmp_path / "full.pdf"
    result = export_report(workspace, reported.id, out, clock=CLOCK)
    text = text_of(out)
    assert "Site plans" in text and "Whole site" in text and "Second floor" in text
    assert page_of(text, "Whole site") < page_of(text, "Second floor") < page_of(text, "Methodology")
    first, second = pinned.findings[0], pinned.findings[1]
    assert re.search(rf"\n\s*1\s+{re.escape(first.title)}\s+{first.band().name} {first.risk}", text)
    assert re.search(rf"\n\s*2\s+{re.escape(second.title)}", text)
    assert "No finding of this assessment is pinned on this plan." in text  # the second floor
    page = page_of(text, "Whole site")
    subprocess.run(["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), "-png", str(out), str(tmp_path / "p")])
    [rendered] = tmp_path.glob("p-*.png")
    with Image.open(rendered) as image:
        colours = {colour for _, colour in image.convert("RGB").getcolors(1 << 20) or []}
    band = tuple(int(first.band().color[i : i + 2], 16) for i in (1, 3, 5))
    assert band in colours  # the pin, in its band's colour, over a plan greyed down
    assert result.warnings == []


def test_the_public_version_leaves_plans_out_unless_the_settings_say(
    workspace: Workspace, reported: AssessmentSummary, pinned: Pinned, tmp_path: Path
) -> None:
    out = tmp_path / "public.pdf"
    export_report(workspace, reported.id, out, public=True, clock=CLOCK)
    assert "Site plans" not in text_of(out) and "Whole site" not in text_of(out)
    workspace.settings_store.save(dataclasses.replace(workspace.settings, public_report_plans=True))
    export_report(workspace, reported.id, out, public=True, clock=CLOCK)
    text = text_of(out)
    assert "Site plans" in text and "Whole site" in text
    assert pinned.findings[0].title not in text  # finding details stay out: pins by band, not numbered or listed
    plans = text.split("Site plans")[1]
    assert "numbered" not in plans
    assert re.search(rf"{pinned.findings[0].band().name}\s+\d+-\d+\s+1\n", plans)  # the band legend counts the pins


def test_a_missing_plan_image_leaves_a_placeholder_and_a_warning(
    workspace: Workspace, reported: AssessmentSummary, pinned: Pinned, tmp_path: Path
) -> None:
    lose(workspace, site_maps.plan_image(workspace, pinned.plan))
    out = tmp_path / "full.pdf"
    result = export_report(workspace, reported.id, out, clock=CLOCK)
    assert "Plan not available" in text_of(out)
    assert result.warnings == ["the image of site plan 'Whole site' is missing; a placeholder is printed"]


def test_the_same_plans_and_clock_give_the_same_bytes(
    workspace: Workspace, reported: AssessmentSummary, pinned: Pinned, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_report(workspace, reported.id, first, clock=CLOCK)
    export_report(workspace, reported.id, second, clock=CLOCK)
    assert first.read_bytes() == second.read_bytes()
