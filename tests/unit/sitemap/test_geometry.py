"""The rules of sight, each against a hand-worked case (image y down, headings clockwise from up)."""

from __future__ import annotations

import math

import pytest

from safety_assess.domain.sitemap.geometry import (
    angle_off,
    bearing,
    blocks,
    direction,
    distance_to_segment,
    in_cone,
    intersection,
    point_in_polygon,
    sees,
    segments_intersect,
    visibility_cone,
)

EYE = (100.0, 100.0)


def test_headings_turn_clockwise_on_screen() -> None:
    assert direction(0) == pytest.approx((0, -1))  # up
    assert direction(90) == pytest.approx((1, 0))  # right
    assert direction(180) == pytest.approx((0, 1))  # down
    assert bearing(EYE, (100, 50)) == 0
    assert bearing(EYE, (150, 100)) == 90
    assert bearing(EYE, (50, 100)) == 270
    assert angle_off(350, 10) == 20
    assert angle_off(10, 350) == -20


def test_segments_and_polygons() -> None:
    assert segments_intersect((0, 0), (10, 10), (0, 10), (10, 0))
    assert segments_intersect((0, 0), (10, 0), (10, 0), (20, 5))  # touching at an end
    assert segments_intersect((0, 0), (10, 0), (5, 0), (20, 0))  # collinear, overlapping
    assert not segments_intersect((0, 0), (10, 0), (11, 0), (20, 0))  # collinear, apart
    assert not segments_intersect((0, 0), (10, 0), (0, 1), (10, 1))  # parallel
    assert intersection((0, 0), (10, 10), (0, 10), (10, 0)) == pytest.approx((5, 5))
    assert intersection((0, 0), (10, 0), (0, 1), (10, 1)) is None
    assert intersection((0, 0), (1, 1), (0, 10), (10, 0)) is None
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    assert point_in_polygon((5, 5), square)
    assert point_in_polygon((10, 5), square)  # on the boundary
    assert not point_in_polygon((11, 5), square)
    notch = [(0, 0), (10, 0), (10, 10), (5, 5), (0, 10)]
    assert not point_in_polygon((5, 8), notch)
    assert distance_to_segment((5, 3), (0, 0), (10, 0)) == 3
    assert distance_to_segment((13, 4), (0, 0), (10, 0)) == 5


def test_a_target_exactly_on_the_cone_edge_is_seen() -> None:
    # up, 90 degrees wide, 50 px: (130, 70) is at bearing 45 exactly, 42.4 px away; (100, 50) is exactly 50 px up
    assert in_cone(EYE, 0, 90, 50, (130, 70))
    assert in_cone(EYE, 0, 90, 50, (70, 70))
    assert in_cone(EYE, 0, 90, 50, (100, 50))
    assert not in_cone(EYE, 0, 90, 50, (131, 70))
    assert not in_cone(EYE, 0, 90, 50, (100, 49.9))
    assert in_cone(EYE, 0, 90, 50, EYE)  # at the camera itself


def test_the_cone_wraps_round_north() -> None:
    assert in_cone(EYE, 350, 60, 50, (110, 70))  # bearing 18.4: 28.4 from 350, within 30
    assert not in_cone(EYE, 350, 60, 50, (130, 70))  # bearing 45: 55 from 350


def test_a_wall_between_blocks() -> None:
    wall = ((80.0, 80.0), (120.0, 80.0))
    assert not sees(EYE, 0, 90, 50, (100, 60), [wall])
    assert sees(EYE, 0, 90, 50, (100, 60), [])
    assert sees(EYE, 0, 90, 50, (100, 85), [wall])  # in front of the wall


def test_a_wall_beside_or_along_the_sight_line_does_not_block() -> None:
    beside = ((105.0, 90.0), (105.0, 50.0))
    along = ((100.0, 90.0), (100.0, 70.0))  # collinear: walls have no thickness
    assert sees(EYE, 0, 90, 50, (100, 60), [beside, along])


def test_a_door_on_a_wall_is_seen_from_either_side() -> None:
    wall = ((80.0, 60.0), (120.0, 60.0))
    assert sees(EYE, 0, 90, 50, (100, 60), [wall])
    assert sees((100, 20), 180, 90, 50, (100, 60), [wall])
    assert sees(EYE, 0, 90, 50, (100, 61.5), [wall], tolerance=2)  # placed by mouse, a little off the wall
    assert not sees(EYE, 0, 90, 50, (100, 57), [wall], tolerance=2)  # really behind it


def test_a_camera_on_a_wall_sees_the_side_it_faces() -> None:
    wall = ((50.0, 100.0), (150.0, 100.0))
    assert sees(EYE, 0, 359, 50, (120, 80), [wall])
    assert not sees(EYE, 0, 359, 50, (110, 130), [wall])  # behind its own wall
    assert sees(EYE, 0, 359, 50, (130, 100), [wall])  # along the wall
    assert sees((100, 101.5), 0, 90, 50, (100, 70), [wall])  # placed a little off, on the far side
    # facing along the wall: the wall does not hide either side
    assert sees(EYE, 90, 270, 50, (110, 130), [wall])


def test_a_wall_at_the_camera_does_not_hide_a_target_on_the_other_wall() -> None:
    own, other = ((50.0, 100.0), (150.0, 100.0)), ((50.0, 60.0), (150.0, 60.0))
    assert sees(EYE, 0, 90, 50, (110, 60), [own, other])


def test_sight_never_slips_through_the_joint_of_a_wall() -> None:
    straight = [((80.0, 70.0), (100.0, 70.0)), ((100.0, 70.0), (120.0, 70.0))]
    vee = [((80.0, 60.0), (100.0, 70.0)), ((100.0, 70.0), (120.0, 60.0))]
    assert not sees(EYE, 0, 90, 50, (100, 55), straight)
    assert not sees(EYE, 0, 90, 50, (100, 55), vee)
    assert any(blocks(EYE, (100, 55), segment, direction(0)) for segment in vee)


def test_fov_near_360_leaves_only_a_sliver_behind() -> None:
    assert not in_cone(EYE, 0, 359.9, 100, (100, 150))  # exactly behind
    assert in_cone(EYE, 0, 359.9, 100, (101, 150))
    assert in_cone(EYE, 0, 359.9, 100, (150, 100))


def test_an_open_cone_is_a_sector() -> None:
    cone = visibility_cone((500, 500), 0, 90, 100, [])
    assert len(cone.rays) == 46  # every 2 degrees, both edges included
    assert cone.rays[0].heading == -45 and cone.rays[-1].heading == 45
    assert all(ray.reach == 100 for ray in cone.rays)
    polygon = cone.polygon()
    assert polygon[0] == (500, 500)
    assert polygon[1] == pytest.approx((500 - 100 / math.sqrt(2), 500 - 100 / math.sqrt(2)))
    assert _area(polygon) == pytest.approx(math.pi * 100**2 / 4, rel=0.001)


def test_a_wall_across_the_cone_cuts_it() -> None:
    cone = visibility_cone((500, 500), 0, 90, 100, [((400.0, 450.0), (600.0, 450.0))])
    assert all(y == pytest.approx(450) for _, y in cone.polygon()[1:])
    assert _area(cone.polygon()) == pytest.approx(50 * 100 / 2)  # a triangle 100 wide, 50 high


def test_half_a_wall_leaves_a_step_at_its_end() -> None:
    cone = visibility_cone((500, 500), 0, 90, 100, [((500.0, 450.0), (600.0, 450.0))])
    before = [ray for ray in cone.rays if ray.heading < 0]
    after = [ray for ray in cone.rays if ray.heading > 0]
    assert all(ray.reach == 100 for ray in before)
    assert after[0].reach == pytest.approx(50)
    assert all(ray.reach < 100 for ray in after)
    assert before[-1].heading > -0.01  # the extra ray just before the wall's end


def test_a_camera_on_a_wall_sees_nothing_behind_it() -> None:
    cone = visibility_cone((500, 500), 0, 359, 100, [((400.0, 500.0), (600.0, 500.0))])
    for ray in cone.rays:
        behind = 90 < ray.heading % 360 < 270
        assert ray.reach == (0 if behind else 100)


def test_bands_cut_the_same_cone_at_each_distance() -> None:
    cone = visibility_cone((500, 500), 0, 90, 100, [((400.0, 440.0), (600.0, 440.0))])
    far, near = cone.bands([100, 30])
    assert max(math.dist((500, 500), p) for p in far) == pytest.approx(60 * math.sqrt(2))
    assert max(math.dist((500, 500), p) for p in near) == pytest.approx(30)


def _area(polygon: list[tuple[float, float]]) -> float:
    pairs = zip(polygon, polygon[1:] + polygon[:1], strict=True)
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in pairs)) / 2
