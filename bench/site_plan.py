"""A synthetic campus plan for the benches: 60 cameras, 80 doors, 300 wall segments, 200 finding pins, 6 zones.

Plain domain values, no Qt and no database, so any bench can use it:

    from site_plan import synthetic_plan        # from a script in bench/
    from bench.site_plan import synthetic_plan  # from the repository root

The site is 4,000 x 3,000 pixels at 20 px a metre (200 m x 150 m): twelve buildings of 30 m x 25 m in a 4 x 3 grid,
each with its outline (4 segments, a door in the middle of each side and a camera on each face looking out), a
corridor and rooms (21 interior segments, with interior doors), and one camera in its corridor; zones between the
buildings; finding pins scattered over the site. The same seed gives the same plan.
"""

from __future__ import annotations

import itertools
import random
import uuid

from safety_assess.domain.sitemap.model import (
    CameraSpec,
    Marker,
    MarkerKind,
    Point,
    Scale,
    SiteMap,
    Wall,
    Zone,
)

WIDTH, HEIGHT, PX_PER_M = 4000, 3000, 20.0
BUILDING_W, BUILDING_H = 600, 500
COLUMNS, ROWS = 4, 3
PINS = 200


def synthetic_plan(seed: int = 19) -> SiteMap:
    rng = random.Random(seed)
    map_id = uuid.UUID(int=rng.getrandbits(128))
    walls: list[Wall] = []
    markers: list[Marker] = []
    for row in range(ROWS):
        for column in range(COLUMNS):
            left, top = 250 + column * 950, 250 + row * 950
            walls.extend(_building_walls(rng, map_id, left, top))
            markers.extend(_building_markers(rng, map_id, left, top, row * COLUMNS + column))
    markers.extend(_pins(rng, map_id))
    return SiteMap(
        map_id,
        uuid.UUID(int=rng.getrandbits(128)),
        "Site",
        "0" * 64,
        "png",
        WIDTH,
        HEIGHT,
        scale=Scale((100.0, 2900.0), (100.0 + 10 * PX_PER_M, 2900.0), 10.0),
        markers=tuple(markers),
        walls=tuple(walls),
        zones=tuple(_zones(rng, map_id)),
    )


def _building_walls(rng: random.Random, map_id: uuid.UUID, left: float, top: float) -> list[Wall]:
    right, bottom, middle = left + BUILDING_W, top + BUILDING_H, top + BUILDING_H / 2
    outline = ((left, top), (right, top), (right, bottom), (left, bottom), (left, top))
    walls = [Wall(_id(rng), map_id, outline)]
    for side in (middle - 40, middle + 40):  # the corridor's two walls, broken at the doors: 7 segments
        xs = [left, left + 150, left + 300, left + 450, right]
        walls.extend(Wall(_id(rng), map_id, ((a + 10, side), (b - 10, side))) for a, b in itertools.pairwise(xs))
    for x in (left + 150, left + 300, left + 450):  # partitions between rooms, above and below the corridor
        walls.append(Wall(_id(rng), map_id, ((x, top), (x, middle - 40))))
        walls.append(Wall(_id(rng), map_id, ((x, middle + 40), (x, bottom))))
    for x in (left + 75, left + 225, left + 375, left + 525):  # cupboards: short walls in the rooms
        walls.append(Wall(_id(rng), map_id, ((x - 20, top + 60), (x + 20, top + 60))))
    for x in (left + 75, left + 225, left + 375):
        walls.append(Wall(_id(rng), map_id, ((x - 20, bottom - 60), (x + 20, bottom - 60))))
    return walls  # 1 outline of 4 + 8 corridor + 6 partitions + 7 cupboards = 25 segments; 12 buildings: 300


def _building_markers(rng: random.Random, map_id: uuid.UUID, left: float, top: float, number: int) -> list[Marker]:
    right, bottom, middle, centre = left + BUILDING_W, top + BUILDING_H, top + BUILDING_H / 2, left + BUILDING_W / 2
    doors: list[tuple[MarkerKind, Point]] = [
        (MarkerKind.EXTERIOR_DOOR, (centre, top)),
        (MarkerKind.EXTERIOR_DOOR, (right, middle)),
        (MarkerKind.EXTERIOR_DOOR, (centre, bottom)),
        (MarkerKind.EXTERIOR_DOOR, (left, middle)),
    ]
    doors += [(MarkerKind.DOOR, (left + 75 + 300 * (number % 2), middle - 40))]
    doors += [(MarkerKind.DOOR, (left + 225 + 300 * (number % 2), middle + 40))]
    if number < 8:  # 12 x 6 doors, and a second back door on eight buildings: 80
        doors.append((MarkerKind.EXTERIOR_DOOR, (left + 450, bottom)))
    found = [
        Marker(_id(rng), map_id, kind, x, y, f"Door {number}-{n}", number=None)
        for n, (kind, (x, y)) in enumerate(doors)
    ]
    faces = [
        ((left + 100, top), 0.0),
        ((right, top + 100), 90.0),
        ((right - 100, bottom), 180.0),
        ((left, bottom - 100), 270.0),
    ]
    for n, ((x, y), heading) in enumerate(faces):
        spec = CameraSpec(heading, rng.choice((60.0, 90.0, 110.0)), None, (1920, 1080) if n % 2 else (2688, 1520))
        found.append(Marker(_id(rng), map_id, MarkerKind.CAMERA, x, y, f"Camera {number}-{n}", camera=spec))
    spec = CameraSpec(90.0, 80.0, 35.0, None)
    found.append(Marker(_id(rng), map_id, MarkerKind.CAMERA, left + 5, middle, f"Camera {number}-hall", camera=spec))
    return found


def _pins(rng: random.Random, map_id: uuid.UUID) -> list[Marker]:
    return [
        Marker(
            _id(rng),
            map_id,
            MarkerKind.FINDING,
            rng.uniform(50, WIDTH - 50),
            rng.uniform(50, HEIGHT - 50),
            f"Finding {n}",
            finding_id=_id(rng),
        )
        for n in range(PINS)
    ]


def _zones(rng: random.Random, map_id: uuid.UUID) -> list[Zone]:
    names = ("Playground", "Bus loop", "Front lawn", "Car park", "Field", "Courtyard")
    zones = []
    for n, name in enumerate(names):
        left, top = 900 + (n % 3) * 950, 300 + (n // 3) * 950
        points = ((left, top), (left + 250, top + 30), (left + 230, top + 400), (left + 20, top + 380))
        zones.append(Zone(_id(rng), map_id, name, points))
    return zones


def _id(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)
