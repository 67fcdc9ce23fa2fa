"""Exterior doors numbered 1, 2, 3… clockwise from the main entrance, as responder maps number them.

Clockwise as seen on screen (image y down), around the doors' centroid or a given centre. Doors at the same bearing
from the centre are numbered nearer first, then by id, so the numbering never depends on the order they come in.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from safety_assess.domain.sitemap.geometry import bearing
from safety_assess.domain.sitemap.model import Marker, Point, distance


def number_doors(
    doors: Sequence[Marker], main_entrance: uuid.UUID | None = None, centre: Point | None = None
) -> dict[uuid.UUID, int]:
    """Each door's new number. The main entrance is ``main_entrance`` when given, else the door numbered 1 now,
    else the topmost (then leftmost) door."""
    if not doors:
        return {}
    first = _main(doors, main_entrance)
    middle = centre if centre is not None else _centroid(doors)
    start = _bearing(middle, first.position)

    def order(door: Marker) -> tuple[float, float, str]:
        turn = (_bearing(middle, door.position) - start) % 360
        return (round(turn, 9) % 360, distance(middle, door.position), str(door.id))

    rest = sorted((d for d in doors if d.id != first.id), key=order)
    return {door.id: number for number, door in enumerate([first, *rest], start=1)}


def next_number(doors: Sequence[Marker]) -> int:
    """The number a newly placed exterior door gets: one after the highest in use."""
    return max((d.number for d in doors if d.number is not None), default=0) + 1


def _main(doors: Sequence[Marker], main_entrance: uuid.UUID | None) -> Marker:
    chosen = next((d for d in doors if d.id == main_entrance), None)
    chosen = chosen or next((d for d in doors if d.number == 1), None)
    return chosen or min(doors, key=lambda d: (d.y, d.x, str(d.id)))


def _centroid(doors: Sequence[Marker]) -> Point:
    return (sum(d.x for d in doors) / len(doors), sum(d.y for d in doors) / len(doors))


def _bearing(centre: Point, point: Point) -> float:
    return 0.0 if point == centre else bearing(centre, point)
