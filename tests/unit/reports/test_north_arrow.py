"""The responder map's north arrow: turned to where north is, its N always upright (turned, an N reads as a Z) and
clear of the scale bar beside it."""

from __future__ import annotations

import math
from typing import Any

import pytest

from safety_assess.reports.responder_panel import ARROW_X, SCALE_BAR_X, north_arrow


class Recorder:
    """A canvas that keeps where each letter is written and how far the page is turned there."""

    def __init__(self) -> None:
        self.turned, self.at, self.saved = 0.0, (0.0, 0.0), list[tuple[float, tuple[float, float]]]()
        self.letters: list[tuple[str, float, float, float]] = []

    def saveState(self) -> None:
        self.saved.append((self.turned, self.at))

    def restoreState(self) -> None:
        self.turned, self.at = self.saved.pop()

    def rotate(self, degrees: float) -> None:
        self.turned += degrees

    def translate(self, x: float, y: float) -> None:
        assert self.turned == 0  # the arrow is moved into place before it is turned
        self.at = (self.at[0] + x, self.at[1] + y)

    def drawCentredString(self, x: float, y: float, text: str) -> None:
        self.letters.append((text, self.at[0] + x, self.at[1] + y, self.turned))

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: self


@pytest.mark.parametrize("degrees", [0.0, 45.0, 90.0, 180.0, 270.0, 315.0])
def test_the_n_is_upright_beyond_the_tip_and_clear_of_the_scale_bar(degrees: float) -> None:
    canvas = Recorder()
    north_arrow(canvas, ARROW_X, 0.0, degrees)
    [(text, x, y, turned)] = canvas.letters
    assert (text, turned) == ("N", 0.0)
    bearing = math.degrees(math.atan2(x - ARROW_X, y)) % 360  # where the N is, clockwise from the page's up
    assert min(abs(bearing - degrees), 360 - abs(bearing - degrees)) < 15
    assert x + 4 < SCALE_BAR_X and x - 4 > 0  # half an N's width either side, inside the panel
