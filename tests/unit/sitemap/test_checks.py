"""Checks a plan's scale and cameras must pass: two points and a distance that make a plan's scale, not one a typo or
a forged file made (a scale of 10^302 pixels a metre, or a pixel 10^298 metres wide); a camera's range and sensor
within what cameras have."""

from __future__ import annotations

import pytest

from safety_assess.domain.sitemap.checks import check_camera, check_scale, sane_pixels_per_metre
from safety_assess.domain.sitemap.model import MAX_RANGE_M, CameraSpec, MapError, Scale
from safety_assess.domain.sitemap.reach import reach_of
from tests.unit.sitemap.plans import plan


@pytest.mark.parametrize("metres", [1e-300, 0.001, 1e300, 2e7])
def test_a_scale_no_plan_has_is_refused_in_plain_numbers(metres: float) -> None:
    with pytest.raises(MapError, match=r"pixels a metre: a plan's scale is between 0\.01 and 10,000") as refused:
        check_scale(plan(), (0.0, 0.0), (100.0, 0.0), metres)
    assert len(str(refused.value)) < 200


@pytest.mark.parametrize("metres", [0.01, 10.0, 9000.0])
def test_a_scale_from_a_centimetre_to_kilometres_is_taken(metres: float) -> None:
    assert check_scale(plan(), (0.0, 0.0), (100.0, 0.0), metres) == Scale((0.0, 0.0), (100.0, 0.0), metres)


def test_the_pixels_a_metre_a_plan_may_have() -> None:
    assert sane_pixels_per_metre(0.01) and sane_pixels_per_metre(10_000)
    assert not any(sane_pixels_per_metre(v) for v in (0.0, 0.0099, 10_001, float("inf"), float("nan"), -5.0))


@pytest.mark.parametrize(
    ("camera", "message"),
    [
        (CameraSpec(range_m=1e300), "a camera's range is at most 10,000 metres, not 1e"),
        (CameraSpec(resolution=(99_999_999_999, 1080)), "a camera's resolution is at most 100,000 pixels a side"),
    ],
)
def test_a_camera_no_one_makes_is_refused(camera: CameraSpec, message: str) -> None:
    with pytest.raises(MapError, match=message):
        check_camera(plan(), camera)


def test_a_range_worked_out_from_a_needle_thin_lens_stops_at_the_longest_range() -> None:
    """1920 pixels across a billionth of a degree would detect a person 10^13 metres away: drawn, such a cone
    would reach past any plan by far more than a drawing can hold."""
    reach = reach_of(plan(), CameraSpec(fov=1e-9, resolution=(1920, 1080)))
    assert (reach.metres, reach.pixels) == (MAX_RANGE_M, MAX_RANGE_M * 10)
