"""Site plans in bundles: a campus's two plans with everything drawn on them arrive whole in a fresh data folder,
images byte for byte; the same bundle twice changes nothing; each record keeps the newer of ours and the bundle's;
a tampered plan image or document is refused with nothing applied; a bundle of format 1 imports as before; a
campus pack carries the district's plans back to the laptop."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from safety_assess.base.jobs import Progress
from safety_assess.bundles.safezip import BundleError
from safety_assess.bundles.verify import opened_bundle
from safety_assess.domain.records import AssessmentSummary
from safety_assess.keys.device import DeviceKey
from safety_assess.services.bundles import (
    changed_assessments,
    export_bundle,
    export_campus_pack,
    export_changed,
    import_bundle,
    import_bundles,
)
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import Result
from safety_assess.storage.orm import AssessmentRow
from safety_assess.storage.orm_maps import MapMarkerRow, MapShapeRow, SiteMapRow
from tests import plan_files
from tests.lost_photos import lose
from tests.unit.bundles.conftest import always
from tests.unit.bundles.plan_rows import EDITED, Planned, add_plans, edit, plan_image, plans_of
from tests.unit.bundles.test_verify import Files, resign, rewrite

CLOCK = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)
RECORDS = 2 + 5 + 3
"""Two plans, five markers (one removed), three walls and zones."""


@pytest.fixture
def planned(workspace: Workspace, reported: AssessmentSummary) -> Planned:
    return add_plans(workspace, reported)


def export(workspace: Workspace, summary: AssessmentSummary, path: Path) -> Path:
    export_bundle(workspace, [summary.id], path, clock=CLOCK)
    return path


def count(workspace: Workspace, table: object) -> int:
    with workspace.database.session() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)  # type: ignore[arg-type]


def test_a_campus_with_two_plans_arrives_whole_in_a_fresh_data_folder(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    bundle = tmp_path / "lhs.sabundle"
    assert export_bundle(workspace, [reported.id], bundle, clock=CLOCK).plans == 2
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
    assert f"site-plans/{planned.campus_id}.json" in names
    assert len([n for n in names if n.startswith("plan-images/")]) == 2
    with opened_bundle(bundle) as verified:
        assert list(verified.plans) == [planned.campus_id] and len(verified.plan_images) == 2

    report = import_bundle(district, bundle, trust=always)
    assert [o.result for o in report.outcomes] == [Result.ADDED]
    assert [(p.added, p.updated) for p in report.plans] == [(RECORDS, 0)]
    assert report.summary().endswith("; plans, markers, walls or zones: 10 added") and report.result == "added"
    theirs = district.campuses.by_code("LHS").id
    assert report.maps_changed == {theirs}
    assert plans_of(district, theirs) == plans_of(workspace, planned.campus_id)
    with district.database.session() as session:
        for plan_id, data in planned.images.items():
            plan = session.get(SiteMapRow, plan_id)
            assert plan is not None and plan.campus_id == theirs
            assert district.photo_store.original(plan.sha256, plan.extension).read_bytes() == data
        removed = session.get(MapMarkerRow, planned.removed)
        assert removed is not None and removed.deleted_at == EDITED  # a removal travels too
    assert not list(district.photo_store.root.glob(".scratch*"))


def test_the_same_bundle_twice_changes_nothing(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")
    import_bundle(district, bundle, trust=always)
    before = plans_of(district, planned.campus_id)
    again = import_bundle(district, bundle)
    assert again.already_imported and again.summary() == "lhs.sabundle: already imported"
    assert [(p.added, p.updated) for p in again.plans] == [(0, 0)] and not again.maps_changed
    assert plans_of(district, planned.campus_id) == before
    assert (count(district, SiteMapRow), count(district, MapMarkerRow), count(district, MapShapeRow)) == (2, 5, 3)


def test_each_plan_record_keeps_the_newer_of_ours_and_the_bundles(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    import_bundle(district, export(workspace, reported, tmp_path / "first.sabundle"), trust=always)
    at = dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)
    edit(workspace, MapMarkerRow, planned.door, label="Main entrance (laptop)")  # a higher revision: wins
    edit(district, MapShapeRow, planned.wall, points=[[0.0, 0.0], [10.0, 10.0]])  # ours is newer: stays
    edit(district, MapMarkerRow, planned.camera, at, label="Camera (district)")  # the same revision, saved ...
    edit(workspace, MapMarkerRow, planned.camera, at + dt.timedelta(hours=1), label="Camera (laptop)")  # ... later
    edit(district, SiteMapRow, planned.floor, at + dt.timedelta(hours=2), title="Floor 1 (district)")  # later: stays
    edit(workspace, SiteMapRow, planned.floor, at + dt.timedelta(hours=1), title="Floor 1 (laptop)")

    report = import_bundle(district, export(workspace, reported, tmp_path / "second.sabundle"))
    assert [(p.added, p.updated) for p in report.plans] == [(0, 2)] and report.maps_changed == {planned.campus_id}
    with district.database.session() as session:
        door, camera = session.get(MapMarkerRow, planned.door), session.get(MapMarkerRow, planned.camera)
        wall, floor = session.get(MapShapeRow, planned.wall), session.get(SiteMapRow, planned.floor)
        assert door is not None and (door.label, door.revision) == ("Main entrance (laptop)", 2)
        assert camera is not None and camera.label == "Camera (laptop)"
        assert camera.updated_at == at + dt.timedelta(hours=1)  # as saved on the laptop, not stamped now
        assert wall is not None and wall.points == [[0.0, 0.0], [10.0, 10.0]]
        assert floor is not None and floor.title == "Floor 1 (district)"


def _swap_image(files: Files, data: bytes) -> Files:
    name = next(n for n in files if n.startswith("plan-images/") and n.endswith(".png"))
    return {**files, name: data}


def _flipped(files: Files) -> bytes:
    """The PNG plan image with one bit changed (the same size, so only its hash tells)."""
    data = next(v for n, v in files.items() if n.startswith("plan-images/") and n.endswith(".png"))
    return data[:100] + bytes([data[100] ^ 1]) + data[101:]


def _huge(width: int, height: int) -> bytes:
    """A PNG whose header claims a plan this large, with almost no data."""
    with tempfile.TemporaryDirectory() as folder:
        return plan_files.huge_png(Path(folder) / "huge.png", width, height).read_bytes()


def _replaced(files: Files, old: bytes, new: bytes) -> Files:
    name = next(n for n in files if n.startswith("site-plans/"))
    assert old in files[name] and len(old) == len(new)
    return {**files, name: files[name].replace(old, new)}


def _plans_json(files: Files, change: Callable[[dict], None]) -> Files:  # type: ignore[type-arg]
    name = next(n for n in files if n.startswith("site-plans/"))
    document = json.loads(files[name])
    change(document)
    return {**files, name: json.dumps(document).encode()}


def _unknown_kind(document: dict) -> None:  # type: ignore[type-arg]
    document["markers"][0]["kind"] = "trapdoor"


def _zone_of_two_points(document: dict) -> None:  # type: ignore[type-arg]
    zone = next(s for s in document["shapes"] if s["kind"] == "zone")
    zone["points"] = zone["points"][:2]


def _camera_all_around(document: dict) -> None:  # type: ignore[type-arg]
    camera = next(m for m in document["markers"] if m["kind"] == "camera")
    camera["camera"]["fov"] = 360


def _no_such_plan(document: dict) -> None:  # type: ignore[type-arg]
    document["shapes"][0]["map_id"] = "0b9f3c1e-7d2a-4c55-9a61-3f2b8c4d5e6f"


def _wrong_type(document: dict) -> None:  # type: ignore[type-arg]
    document["maps"][0]["rotation"] = "upside down"


def _scale_of_one_point(document: dict) -> None:  # type: ignore[type-arg]
    scale = next(m["scale"] for m in document["maps"] if m["scale"])
    scale["second"] = scale["first"]


def _absurd_scale(document: dict) -> None:  # type: ignore[type-arg]
    next(m["scale"] for m in document["maps"] if m["scale"])["metres"] = 1e-300


def _turned_45(document: dict) -> None:  # type: ignore[type-arg]
    document["maps"][0]["rotation"] = 45


def _north_not_a_number(document: dict) -> None:  # type: ignore[type-arg]
    document["maps"][0]["north"] = float("nan")  # json writes NaN, and Python's json reads it


def _door_number_huge(document: dict) -> None:  # type: ignore[type-arg]
    next(m for m in document["markers"] if m["number"] is not None)["number"] = 10**20


def _marker_far_away(document: dict) -> None:  # type: ignore[type-arg]
    document["markers"][0]["x"] = 1e300


def _wall_far_away(document: dict) -> None:  # type: ignore[type-arg]
    next(s for s in document["shapes"] if s["kind"] == "wall")["points"][0] = [-5e9, 10.0]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda f, _: _swap_image(f, _flipped(f)),
            r"entry 'plan-images/.*\.png' does not match its hash",
        ),
        (
            lambda f, _: _replaced(f, b'"exterior-door"', b'"interior-door"'),
            r"entry 'site-plans/.*\.json' does not match its hash",
        ),
        (
            lambda f, key: resign(_swap_image(f, b"\x89PNG not really"), key),
            r"plan image '.*\.png': not an image this app can read",
        ),
        (lambda f, key: resign(_swap_image(f, plan_image((80, 60), "PNG")), key), r"80 x 60 pixels, not the size"),
        (lambda f, key: resign(_swap_image(f, plan_image((800, 600), "JPEG")), key), "not the PNG image its name says"),
        (lambda f, key: resign(_swap_image(f, _huge(7000, 7000)), key), "at 49 MP it is larger than a plan may be"),
        (lambda f, key: resign(_swap_image(f, _huge(15000, 15000)), key), "larger than the 200 MP limit"),
        (lambda f, key: resign(_plans_json(f, _unknown_kind), key), "is of an unknown kind 'trapdoor'"),
        (lambda f, key: resign(_plans_json(f, _zone_of_two_points), key), "is not a zone of at least 3 points"),
        (lambda f, key: resign(_plans_json(f, _camera_all_around), key), "has a camera that is not a heading"),
        (lambda f, key: resign(_plans_json(f, _no_such_plan), key), "is on a plan the bundle does not hold"),
        (lambda f, key: resign(_plans_json(f, _wrong_type), key), "site_maps.rotation has a value of the wrong kind"),
        (lambda f, key: resign(_plans_json(f, _scale_of_one_point), key), "has a scale that is not two points"),
        (lambda f, key: resign(_plans_json(f, _absurd_scale), key), "has a scale that is not two points"),
        (lambda f, key: resign(_plans_json(f, _marker_far_away), key), "is outside its plan"),
        (lambda f, key: resign(_plans_json(f, _door_number_huge), key), "has a door number that is not 1 to 9999"),
        (lambda f, key: resign(_plans_json(f, _turned_45), key), "is turned 45 degrees, not 0, 90, 180 or 270"),
        (lambda f, key: resign(_plans_json(f, _north_not_a_number), key), "has a north that is not a number of deg"),
        (lambda f, key: resign(_plans_json(f, _wall_far_away), key), "is outside its plan"),
    ],
)
def test_a_tampered_plan_image_or_document_is_refused_with_nothing_applied(
    workspace: Workspace,
    reported: AssessmentSummary,
    planned: Planned,
    district: Workspace,
    tmp_path: Path,
    change: Callable[[Files, DeviceKey], Files],
    message: str,
) -> None:
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")
    forged = rewrite(bundle, lambda files: change(files, workspace.device_key))
    with pytest.raises(Exception, match=message) as refused:
        import_bundle(district, forged, trust=always)
    assert str(refused.value).count("\n") == 0 and "Traceback" not in str(refused.value)
    assert count(district, AssessmentRow) == count(district, SiteMapRow) == count(district, MapMarkerRow) == 0
    assert not [p for p in district.photo_store.root.rglob("*") if p.is_file()]


def test_a_bundle_of_format_1_without_plans_imports_as_before(
    workspace: Workspace, reported: AssessmentSummary, district: Workspace, tmp_path: Path
) -> None:
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")

    def as_format_1(files: Files) -> Files:
        raw = json.loads(files["manifest.json"])
        assert raw.pop("site_plans") == raw.pop("reviews") == raw.pop("drills") == [] and raw["format_version"] == 6
        assert raw.pop("readiness") is False and raw.pop("team") is None and raw.pop("team_work") == {}
        data = json.dumps({**raw, "format_version": 1}, sort_keys=True, separators=(",", ":")).encode()
        return {**files, "manifest.json": data, "manifest.sig": workspace.device_key.sign(data)}

    report = import_bundle(district, rewrite(bundle, as_format_1), trust=always)
    assert [o.result for o in report.outcomes] == [Result.ADDED] and report.plans == []
    assert "plans, markers" not in report.summary() and count(district, SiteMapRow) == 0


def test_a_bundle_of_format_1_cannot_hold_plans(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")

    def as_format_1(files: Files) -> Files:
        raw = {**json.loads(files["manifest.json"]), "format_version": 1}
        data = json.dumps(raw, sort_keys=True, separators=(",", ":")).encode()
        return {**files, "manifest.json": data, "manifest.sig": workspace.device_key.sign(data)}

    with pytest.raises(BundleError, match=r"damaged or was altered .*a bundle of format 1 holds no site plans"):
        import_bundle(district, rewrite(bundle, as_format_1), trust=always)
    assert count(district, SiteMapRow) == 0


def test_a_campus_pack_carries_the_districts_plans_back_to_the_laptop(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    progress = Progress()
    bundle = export(workspace, reported, tmp_path / "lhs.sabundle")
    import_bundles(district, [bundle], {workspace.device_key.fingerprint}, progress)
    assert progress.changes.maps == {planned.campus_id}
    edit(district, MapMarkerRow, planned.door, label="Door 1 - front office")
    edit(district, MapMarkerRow, planned.camera, deleted_at=EDITED)  # removed at the district

    pack = tmp_path / "pack.sabundle"
    export_campus_pack(district, "LHS", pack)
    with opened_bundle(pack) as verified:
        assert list(verified.plans) == [planned.campus_id] and len(verified.plan_images) == 2
    report = import_bundle(workspace, pack, trust=always)
    assert [(p.added, p.updated) for p in report.plans] == [(0, 2)]
    assert plans_of(workspace, planned.campus_id) == plans_of(district, planned.campus_id)
    with workspace.database.session() as session:
        door, camera = session.get(MapMarkerRow, planned.door), session.get(MapMarkerRow, planned.camera)
        assert door is not None and door.label == "Door 1 - front office"
        assert camera is not None and camera.deleted_at == EDITED


def test_a_plan_whose_image_is_missing_is_left_out_and_named(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    with workspace.database.session() as session:
        floor = session.get(SiteMapRow, planned.floor)
        assert floor is not None
        lose(workspace, workspace.photo_store.original(floor.sha256, floor.extension))
    out = tmp_path / "lhs.sabundle"
    result = export_bundle(workspace, [reported.id], out, clock=CLOCK)
    assert result.plans == 1
    assert [w for w in result.warnings if "plan" in w] == [
        f"plan First floor ({planned.floor}) not in the bundle: its file is missing from the photo store"
    ]
    report = import_bundle(district, out, trust=always)
    assert [(p.added, p.updated) for p in report.plans] == [(1 + 4 + 2, 0)]  # the site plan and what is on it
    assert count(district, SiteMapRow) == 1


def test_a_plan_changed_since_the_last_export_sends_its_campus_latest_assessment_again(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, tmp_path: Path
) -> None:
    assert export_changed(workspace, tmp_path / "one.sabundle") is not None
    assert export_changed(workspace, tmp_path / "two.sabundle") is None
    edit(workspace, MapShapeRow, planned.wall, points=[[20.0, 20.0], [780.0, 20.0]])
    assert changed_assessments(workspace)[0] == [reported.id]
    again = export_changed(workspace, tmp_path / "three.sabundle")
    assert again is not None and again.assessments == [reported.id]
    with opened_bundle(again.path) as verified:
        assert list(verified.plans) == [planned.campus_id]


def test_plans_land_on_the_districts_own_campus_of_the_same_code(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    own = district.campuses.add("Lincoln High School", "lhs", "1200 Main St")
    assert own.id != planned.campus_id
    report = import_bundle(district, export(workspace, reported, tmp_path / "lhs.sabundle"), trust=always)
    assert report.maps_changed == {own.id}
    assert plans_of(district, own.id) == plans_of(workspace, planned.campus_id)
    with district.database.session() as session:
        assert session.scalars(select(SiteMapRow.campus_id).distinct()).all() == [own.id]
