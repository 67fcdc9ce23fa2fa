"""Properties of sight that hold for any camera, target and walls."""

from __future__ import annotations

import dataclasses
import math
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety_assess.domain.sitemap.cone import visibility_cone
from safety_assess.domain.sitemap.coverage import CoverageIndex, coverage_report
from safety_assess.domain.sitemap.geometry import angle_off, bearing, direction, sees
from safety_assess.domain.sitemap.model import Point
from safety_assess.domain.sitemap.numbering import number_doors
from tests.unit.sitemap.plans import camera, door, plan, wall, zone

coordinate = st.floats(0, 200, allow_nan=False)
points = st.tuples(coordinate, coordinate)
segments = st.tuples(points, points).filter(lambda s: math.dist(*s) > 1)
headings = st.floats(0, 360, exclude_max=True)
fovs = st.floats(1, 359)
reaches = st.floats(1, 300)


@given(points, headings, fovs, reaches, points, st.lists(segments, max_size=6))
def test_a_seen_point_is_within_range_and_angle(
    eye: Point, heading: float, fov: float, reach: float, target: Point, walls: list[tuple[Point, Point]]
) -> None:
    if sees(eye, heading, fov, reach, target, walls) and target != eye:
        assert math.dist(eye, target) <= reach + 1e-6
        assert abs(angle_off(heading, bearing(eye, target))) <= fov / 2 + 1e-6


@given(points, headings, fovs, reaches, points, st.lists(segments, max_size=6), segments)
def test_a_wall_never_makes_more_seen(
    eye: Point,
    heading: float,
    fov: float,
    reach: float,
    target: Point,
    walls: list[tuple[Point, Point]],
    extra: tuple[Point, Point],
) -> None:
    if sees(eye, heading, fov, reach, target, [*walls, extra]):
        assert sees(eye, heading, fov, reach, target, walls)


@given(points, headings, fovs, reaches, st.lists(segments, max_size=6))
def test_the_drawn_cone_stays_within_its_range_and_angle(
    eye: Point, heading: float, fov: float, reach: float, walls: list[tuple[Point, Point]]
) -> None:
    cone = visibility_cone(eye, heading, fov, reach, walls)
    assert all(0 <= ray.reach <= reach for ray in cone.rays)
    assert all(abs(angle_off(heading, ray.heading)) <= fov / 2 + 1e-6 for ray in cone.rays)
    assert cone.rays[0].heading == pytest.approx(heading - fov / 2)
    assert cone.rays[-1].heading == pytest.approx(heading + fov / 2)


@given(points, headings, fovs, reaches, st.lists(segments, max_size=6))
def test_what_the_drawn_cone_shows_is_seen(
    eye: Point, heading: float, fov: float, reach: float, walls: list[tuple[Point, Point]]
) -> None:
    for ray in visibility_cone(eye, heading, fov, reach, walls).rays:
        dx, dy = direction(ray.heading)
        inside = (eye[0] + dx * ray.reach * 0.98, eye[1] + dy * ray.reach * 0.98)
        assert ray.reach < 1e-6 or sees(eye, heading, fov, reach, inside, walls)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(points, headings), min_size=1, max_size=4), st.lists(segments, max_size=5))
def test_moving_cameras_one_by_one_gives_a_fresh_report(
    moves: list[tuple[Point, float]], walls: list[tuple[Point, Point]]
) -> None:
    cameras = [camera(n, (50 + 40 * n, 100), heading=45 * n, range_m=8) for n in range(3)]
    doors = [door(10 + n, (30 + 35 * n, 20 + 30 * (n % 3))) for n in range(5)]
    site = plan(
        [*cameras, *doors],
        [wall(20 + n, *s) for n, s in enumerate(walls)],
        [zone(30, "Yard", (120, 120), (190, 130), (170, 190))],
        size=(200, 200),
    )
    index = CoverageIndex(site)
    for n, (to, heading) in enumerate(moves):
        chosen = cameras[n % len(cameras)]
        spec = dataclasses.replace(chosen.camera, heading=heading) if chosen.camera else None
        index.update_marker(dataclasses.replace(chosen, x=to[0], y=to[1], camera=spec))
        assert index.report() == coverage_report(index.plan)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(segments, max_size=5), min_size=1, max_size=4))
def test_changing_walls_gives_a_fresh_report(steps: list[list[tuple[Point, Point]]]) -> None:
    cameras = [camera(n, (30 + 60 * n, 100), heading=90 * n, fov=120, range_m=6) for n in range(3)]
    doors = [door(10 + n, (30 + 35 * n, 20 + 30 * (n % 3))) for n in range(5)]
    site = plan([*cameras, *doors], zones=[zone(30, "Yard", (120, 120), (190, 130), (170, 190))], size=(200, 200))
    index = CoverageIndex(site)
    for walls in steps:
        index.replace(dataclasses.replace(site, walls=tuple(wall(20 + n, *s) for n, s in enumerate(walls))))
        assert index.report() == coverage_report(index.plan)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(points, headings, fovs), min_size=1, max_size=3), st.lists(segments, max_size=6))
def test_the_report_says_what_sees_says(
    cameras: list[tuple[Point, float, float]], walls: list[tuple[Point, Point]]
) -> None:
    placed = [camera(n, at, heading=h, fov=f, range_m=10) for n, (at, h, f) in enumerate(cameras)]
    doors = [door(10 + n, (20 * n, 10 + 37 * n % 190)) for n in range(10)]
    site = plan([*placed, *doors], [wall(20 + n, *s) for n, s in enumerate(walls)], size=(200, 200))
    tolerance = 2.0  # tolerance_of a 200 px plan; every range is 10 m, 100 px
    for item in coverage_report(site).items:
        target = next(d.position for d in doors if d.id == item.id)
        specs = [(c.id, c.position, c.camera) for c in placed if c.camera]
        expected = {i for i, at, spec in specs if sees(at, spec.heading, spec.fov, 100, target, walls, tolerance)}
        assert {s.camera for s in item.covered_by} == expected


@given(st.lists(points, min_size=1, max_size=8, unique=True), st.data())
def test_numbers_run_from_1_without_gaps_and_start_at_the_main_entrance(
    points: list[Point], data: st.DataObject
) -> None:
    doors = [door(n, p) for n, p in enumerate(points)]
    main = data.draw(st.sampled_from(doors))
    found = number_doors(doors, main.id)
    assert sorted(found.values()) == list(range(1, len(doors) + 1))
    assert found[main.id] == 1
    assert number_doors(list(reversed(doors)), main.id) == found
    assert set(found) == {d.id for d in doors} and all(isinstance(k, uuid.UUID) for k in found)
