"""Properties of sight that hold for any camera, target and walls."""

from __future__ import annotations

import dataclasses
import math
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safety_assess.domain.sitemap.coverage import CoverageIndex, coverage_report
from safety_assess.domain.sitemap.geometry import angle_off, bearing, direction, sees, visibility_cone
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
