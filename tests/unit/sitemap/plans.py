"""Small plans built by hand for the tests of the plan geometry."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from safety_assess.domain.sitemap.model import CameraSpec, Marker, MarkerKind, Point, Scale, SiteMap, Wall, Zone

MAP = uuid.UUID(int=1)
TEN_PX_A_METRE = Scale((0.0, 0.0), (100.0, 0.0), 10.0)


def ident(n: int) -> uuid.UUID:
    return uuid.UUID(int=1000 + n)


def camera(
    n: int,
    at: Point,
    heading: float = 0.0,
    fov: float = 90.0,
    range_m: float | None = None,
    resolution: tuple[int, int] | None = None,
    label: str = "",
) -> Marker:
    spec = CameraSpec(heading, fov, range_m, resolution)
    return Marker(ident(n), MAP, MarkerKind.CAMERA, at[0], at[1], label or f"Camera {n}", camera=spec)


def door(n: int, at: Point, exterior: bool = True, number: int | None = None, label: str = "") -> Marker:
    kind = MarkerKind.EXTERIOR_DOOR if exterior else MarkerKind.DOOR
    return Marker(ident(n), MAP, kind, at[0], at[1], label or f"Door {n}", number=number)


def wall(n: int, *points: Point) -> Wall:
    return Wall(ident(n), MAP, tuple(points))


def zone(n: int, name: str, *points: Point) -> Zone:
    return Zone(ident(n), MAP, name, tuple(points))


def plan(
    markers: Sequence[Marker] = (),
    walls: Sequence[Wall] = (),
    zones: Sequence[Zone] = (),
    scale: Scale | None = TEN_PX_A_METRE,
    size: tuple[int, int] = (1000, 1000),
) -> SiteMap:
    return SiteMap(
        MAP,
        uuid.UUID(int=2),
        "Site",
        "0" * 64,
        "png",
        size[0],
        size[1],
        scale=scale,
        markers=tuple(markers),
        walls=tuple(walls),
        zones=tuple(zones),
    )
