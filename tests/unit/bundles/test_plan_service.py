"""Site plans made through the service travel whole and clean: the bundle carries nothing of the metadata planted in
the source files, and the district reads the same plans, markers, walls, zones and images through the service."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.sitemap.model import CameraSpec, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.plan import load_plan
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from tests import plan_files
from tests.plan_files import SECRET
from tests.unit.bundles.conftest import always

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def drawn(workspace: Workspace, summary: AssessmentSummary, folder: Path) -> list[SiteMap]:
    """Two plans from files carrying metadata, with a door, a camera, a finding pin, a removed marker, walls, a zone."""
    campus = summary.campus.id
    site = site_maps.add_map(workspace, campus, plan_files.png_with_metadata(folder / "Site.png"))
    floor = site_maps.add_map(workspace, campus, plan_files.jpeg_with_metadata(folder / "Floor 1.jpg"), title="1st")
    site_maps.set_scale(workspace, site.id, (10, 290), (390, 290), 76)
    site_maps.add_marker(workspace, site.id, MarkerKind.EXTERIOR_DOOR, (200, 290), MarkerFields(label="Main"))
    lens = CameraSpec(heading=0, fov=80, resolution=(2560, 1440))
    site_maps.add_marker(workspace, site.id, MarkerKind.CAMERA, (200, 250), MarkerFields(camera=lens))
    finding = load_plan(workspace, summary.id).findings[0]
    site_maps.add_marker(workspace, site.id, MarkerKind.FINDING, (50, 60), MarkerFields(finding_id=finding.id))
    _, hazard = site_maps.add_marker(workspace, site.id, MarkerKind.HAZARD, (300, 40))
    site_maps.remove_marker(workspace, hazard)
    site_maps.add_wall(workspace, site.id, [(0, 150), (250, 150), (250, 0)])
    site_maps.add_zone(workspace, site.id, "Playground", [(260, 10), (390, 10), (390, 140)])
    site_maps.add_marker(workspace, floor.id, MarkerKind.STAIRS, (20, 20))
    site_maps.add_wall(workspace, floor.id, [(0, 100), (300, 100)])
    return site_maps.list_maps(workspace, campus)


def test_plans_made_in_the_app_arrive_clean_and_read_the_same_at_the_district(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    plans = drawn(workspace, reported, tmp_path)
    assert [len(p.markers) for p in plans] == [3, 1]  # the removed hazard is not shown
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], bundle, clock=CLOCK)
    with zipfile.ZipFile(bundle) as archive:
        for name in archive.namelist():
            data = archive.read(name)
            assert SECRET.encode() not in data and b"trailing" not in data, name
    assert SECRET.encode() not in bundle.read_bytes()

    import_bundle(district, bundle, trust=always)
    arrived = site_maps.list_maps(district, district.campuses.by_code("LHS").id)
    assert arrived == plans
    for theirs, ours in zip(arrived, plans, strict=True):
        assert site_maps.plan_image(district, theirs).read_bytes() == site_maps.plan_image(workspace, ours).read_bytes()
    camera = next(m for m in arrived[0].markers if m.kind is MarkerKind.CAMERA)
    assert camera.camera is not None and camera.camera.resolution == (2560, 1440)
