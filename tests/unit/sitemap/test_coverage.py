"""Which cameras see which doors and zones, and at which level, on a hand-worked plan (10 px a metre)."""

from __future__ import annotations

import dataclasses

import pytest

from safety_assess.domain.sitemap.coverage import (
    DEFAULT_RANGE_M,
    CoverageIndex,
    camera_cone,
    coverage_report,
    reach_of,
)
from safety_assess.domain.sitemap.dori import Level
from safety_assess.domain.sitemap.model import CameraSpec
from tests.unit.sitemap.plans import camera, door, ident, plan, wall, zone

# Camera 1 at (500, 500) looks up, 90 degrees, 1920 px wide: identification to 38.4 px, recognition 76.8,
# observation 153.6, detection 384 (its range). Camera 2 at (900, 100) looks left, 60 degrees, 50 m typed, no
# resolution: it sees to 500 px at no known level.
CAM1 = camera(1, (500, 500), heading=0, fov=90, resolution=(1920, 1080), label="Gym")
CAM2 = camera(2, (900, 100), heading=270, fov=60, range_m=50, label="Roof")
D1 = door(11, (500, 470), number=1)  # 30 px up: identification
D2 = door(12, (500, 300), number=2)  # 200 px up: detection; and camera 2 at 447 px, 26.6 degrees off
D3 = door(13, (500, 100), exterior=False)  # 400 px up: beyond camera 1; camera 2 straight ahead at 400 px
D4 = door(14, (540, 400), number=3)  # observation distance, but the wall crosses the sight line at (532, 420)
SHED = wall(21, (520, 420), (580, 420))
PLAYGROUND = zone(31, "Playground", (450, 150), (550, 150), (550, 250), (450, 250))
OFFICE = zone(32, "Office", (100, 700), (200, 700), (200, 800), (100, 800))
SITE = plan([CAM1, CAM2, D1, D2, D3, D4], [SHED], [PLAYGROUND, OFFICE])


def test_the_report_names_every_door_and_zone_and_who_sees_it() -> None:
    found = coverage_report(SITE).to_json()
    assert {k: v for k, v in found.items() if k not in ("items", "cameras")} == {
        "doors": 4,
        "covered": 3,
        "exterior_doors": 3,
        "exterior_covered": 2,
        "zones": 2,
        "zones_covered": 1,
        "scaled": True,
    }
    items = found["items"]
    assert isinstance(items, list)
    assert [(i["label"], i["kind"], i["number"]) for i in items] == [
        ("Door 11", "exterior-door", 1),
        ("Door 12", "exterior-door", 2),
        ("Door 14", "exterior-door", 3),
        ("Door 13", "door", None),
        ("Office", "zone", None),
        ("Playground", "zone", None),
    ]
    seen = {i["label"]: [(c["label"], c["level"]) for c in i["covered_by"]] for i in items}
    assert seen == {
        "Door 11": [("Gym", "identification")],
        "Door 12": [("Gym", "detection"), ("Roof", None)],
        "Door 14": [],
        "Door 13": [("Roof", None)],
        "Office": [],
        "Playground": [("Gym", "detection"), ("Roof", None)],
    }
    assert items[0]["id"] == str(ident(11)) and items[0]["covered_by"][0]["camera"] == str(ident(1))
    assert items[5]["seen_share"] == 1.0 and items[4]["seen_share"] == 0.0


def test_the_report_lists_the_cameras_ranges() -> None:
    cameras = coverage_report(SITE).to_json()["cameras"]
    assert cameras == [
        {"camera": str(ident(1)), "label": "Gym", "range_m": 38.4, "range_px": 384.0, "assumed": False},
        {"camera": str(ident(2)), "label": "Roof", "range_m": 50.0, "range_px": 500.0, "assumed": False},
    ]


def test_a_zone_partly_behind_a_wall_is_partly_seen() -> None:
    # the wall at y = 200 hides the playground's top half from camera 1 (and camera 2 is gone)
    hedge = wall(22, (400, 200), (600, 200))
    site = plan([CAM1], [hedge], [PLAYGROUND])
    (item,) = coverage_report(site).items
    assert [s.level for s in item.covered_by] == [Level.DETECTION]
    assert item.seen_share == pytest.approx(0.5)


def test_a_zone_drawn_along_a_wall_is_not_seen_from_behind_the_wall() -> None:
    # the office's left edge lies on the wall x = 100; a camera outside, left of the wall, looks at it
    along = wall(23, (100, 650), (100, 850))
    outside = camera(3, (50, 750), heading=90, fov=90, range_m=30)
    site = plan([outside], [along], [OFFICE])
    assert coverage_report(site).items[0].covered_by == ()
    inside = camera(4, (150, 750), heading=270, fov=90, range_m=30)
    assert len(coverage_report(plan([inside], [along], [OFFICE])).items[0].covered_by) == 1


def test_range_typed_else_from_resolution_else_assumed() -> None:
    scaled = plan()
    assert reach_of(scaled, CameraSpec(range_m=12)).pixels == 120
    derived = reach_of(scaled, CameraSpec(fov=90, resolution=(1920, 1080)))
    assert (derived.pixels, derived.assumed) == (pytest.approx(384), False)
    assert derived.levels[Level.IDENTIFICATION] == pytest.approx(38.4)
    guessed = reach_of(scaled, CameraSpec(fov=90))
    assert (guessed.metres, guessed.assumed, guessed.levels) == (DEFAULT_RANGE_M, True, {})
    fisheye = reach_of(scaled, CameraSpec(fov=300, resolution=(4000, 3000)))
    assert (fisheye.metres, fisheye.assumed) == (DEFAULT_RANGE_M, True)


def test_a_plan_without_a_scale_knows_no_levels() -> None:
    site = dataclasses.replace(SITE, scale=None)
    reach = reach_of(site, CAM1.camera or CameraSpec())
    assert (reach.pixels, reach.metres, reach.assumed, reach.levels) == (250, None, True, {})
    found = coverage_report(site).to_json()
    assert found["scaled"] is False
    levels = {c["level"] for i in found["items"] for c in i["covered_by"]}  # type: ignore[union-attr]
    assert levels == {None}
    assert found["cameras"][0]["range_m"] is None  # type: ignore[index]


def test_a_cone_for_drawing_with_its_bands_by_level() -> None:
    cone = camera_cone(SITE, CAM1)
    assert [level for level, _ in cone.bands] == [
        Level.DETECTION,
        Level.OBSERVATION,
        Level.RECOGNITION,
        Level.IDENTIFICATION,
    ]
    assert cone.polygon[0] == (500, 500)
    assert camera_cone(SITE, CAM2).bands == []


def test_moving_a_camera_changes_only_what_it_sees() -> None:
    index = CoverageIndex(SITE)
    index.move_camera(CAM1.id, (540, 380))  # past the shed, still looking up: door 14 is behind it
    turned = dataclasses.replace(CAM1, x=540, y=380, camera=CameraSpec(180, 90, None, (1920, 1080)))
    index.update_marker(turned)  # now looking down: door 14 is 20 px away, the shed hides door 11
    moved = turned
    expected = coverage_report(dataclasses.replace(SITE, markers=(moved, CAM2, D1, D2, D3, D4)))
    assert index.report() == expected
    by_label = {i.label: i for i in expected.items}
    assert by_label["Door 11"].covered_by == ()
    assert [s.level for s in by_label["Door 14"].covered_by] == [Level.IDENTIFICATION]


def test_every_change_gives_the_report_a_fresh_start_would() -> None:
    index = CoverageIndex(SITE)
    steps = [
        dataclasses.replace(SITE, markers=(CAM1, CAM2, D1, dataclasses.replace(D2, x=800, y=120), D3, D4)),
        dataclasses.replace(SITE, markers=(CAM2, D1, D2, D3, D4)),  # camera 1 removed
        dataclasses.replace(SITE, markers=(CAM1, CAM2, D1, D3)),  # doors removed
        dataclasses.replace(SITE, zones=(PLAYGROUND,)),
        dataclasses.replace(SITE, zones=(dataclasses.replace(OFFICE, points=((450, 300), (550, 300), (500, 200))),)),
        dataclasses.replace(SITE, walls=()),
        dataclasses.replace(SITE, scale=None),
        dataclasses.replace(
            SITE, markers=(dataclasses.replace(CAM1, camera=CameraSpec(180, 90, 30, None)), CAM2, D1, D2, D3, D4)
        ),
    ]
    for step in steps:
        index.replace(step)
        assert index.report() == coverage_report(step)


def test_update_marker_places_a_new_camera() -> None:
    index = CoverageIndex(SITE)
    new = camera(5, (100, 900), heading=0, fov=60, range_m=30)
    index.update_marker(new)
    office = next(i for i in index.report().items if i.label == "Office")
    assert [s.camera for s in office.covered_by] == [new.id]
    assert index.cone(new.id).reach.pixels == 300
