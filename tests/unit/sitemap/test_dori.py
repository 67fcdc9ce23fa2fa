"""DORI distances from resolution and lens angle, against hand-worked figures."""

from __future__ import annotations

import math

import pytest

from safety_assess.domain.sitemap.dori import LEVELS, Level, density_at, distances, farthest, has_distances, level_at
from safety_assess.domain.sitemap.model import CameraSpec, MapError


def test_levels_are_ordered_by_detail() -> None:
    assert LEVELS == (Level.DETECTION, Level.OBSERVATION, Level.RECOGNITION, Level.IDENTIFICATION)
    assert Level.DETECTION < Level.OBSERVATION < Level.RECOGNITION < Level.IDENTIFICATION
    assert max(Level.RECOGNITION, Level.DETECTION) is Level.RECOGNITION
    assert [level.density for level in LEVELS] == [25, 62.5, 125, 250]
    assert Level.OBSERVATION.text == "observation"


def test_1920_pixels_at_90_degrees() -> None:
    # tan(45°) = 1, so d = 1920 / (2 · density): 1920/500, 1920/250, 1920/125, 1920/50
    found = distances(CameraSpec(fov=90, resolution=(1920, 1080)))
    assert found[Level.IDENTIFICATION] == pytest.approx(3.84)
    assert found[Level.RECOGNITION] == pytest.approx(7.68)
    assert found[Level.OBSERVATION] == pytest.approx(15.36)
    assert found[Level.DETECTION] == pytest.approx(38.4)


def test_narrow_lens_sees_farther() -> None:
    # 60°: tan(30°) = 0.57735, identification = 1920 / (500 · 0.57735) = 6.651 m
    assert farthest(1920, 60, Level.IDENTIFICATION) == pytest.approx(6.6511, abs=1e-3)


def test_density_and_level_at_a_distance() -> None:
    assert density_at(1920, 90, 3.84) == pytest.approx(250)
    assert density_at(1920, 90, 0) == math.inf
    assert level_at(1920, 90, 3.84) is Level.IDENTIFICATION  # exactly at the limit still reaches it
    assert level_at(1920, 90, 3.85) is Level.RECOGNITION
    assert level_at(1920, 90, 10) is Level.OBSERVATION
    assert level_at(1920, 90, 38.4) is Level.DETECTION
    assert level_at(1920, 90, 38.5) is None


def test_a_camera_too_wide_for_the_formula_is_refused_plainly() -> None:
    assert farthest(1920, 179, Level.DETECTION) > 0
    with pytest.raises(MapError, match="type its range in metres"):
        farthest(1920, 180, Level.DETECTION)
    with pytest.raises(MapError, match="270 degrees wide"):
        distances(CameraSpec(fov=270, resolution=(4000, 3000)))
    assert not has_distances(CameraSpec(fov=270, resolution=(4000, 3000)))


def test_no_resolution_no_distances() -> None:
    assert not has_distances(CameraSpec(fov=90, range_m=12))
    with pytest.raises(MapError, match="resolution is not known"):
        distances(CameraSpec(fov=90))
