"""A plan as printed: whatever the depth of its stored image, its greys are kept (faded), not clipped to white."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from safety_assess.reports.plan_view import FADED, printed_image
from tests.unit.reports.site_plans import site_plan

GREY = 0.3
"""A fill 30% of the way from black to white."""


@pytest.mark.parametrize(("mode", "white"), [("L", 255), ("I;16", 65535)])
def test_a_plan_of_any_depth_prints_its_greys(tmp_path: Path, mode: str, white: int) -> None:
    image = Image.new(mode, (1200, 800), white)
    ImageDraw.Draw(image).rectangle((100, 100, 500, 500), fill=round(white * GREY))
    image.save(tmp_path / "plan.png")
    printed = printed_image(site_plan(), tmp_path / "plan.png", 1200)
    assert printed.mode == "L"
    assert printed.getpixel((300, 300)) == pytest.approx(FADED[round(255 * GREY)], abs=1)
    assert printed.getpixel((800, 600)) == 255
