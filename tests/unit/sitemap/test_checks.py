"""Checks a plan's scale must pass: two points and a distance that make a plan's scale, not one a typo or a forged
file made (a scale of 10^302 pixels a metre, or a pixel 10^298 metres wide)."""

from __future__ import annotations

import pytest

from safety_assess.domain.sitemap.checks import check_scale, sane_pixels_per_metre
from safety_assess.domain.sitemap.model import MapError, Scale
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
