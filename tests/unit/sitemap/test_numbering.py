"""Exterior doors numbered clockwise on screen from the main entrance."""

from __future__ import annotations

import dataclasses

from safety_assess.domain.sitemap.numbering import next_number, number_doors
from tests.unit.sitemap.plans import door, ident

NORTH, EAST, SOUTH, WEST = door(1, (500, 100)), door(2, (900, 500)), door(3, (500, 900)), door(4, (100, 500))


def numbers(found: dict[object, int]) -> list[int]:
    return [found[ident(n)] for n in (1, 2, 3, 4)]


def test_clockwise_from_the_main_entrance() -> None:
    # clockwise on screen from the west door: up to north, right to east, down to south
    assert numbers(number_doors([SOUTH, NORTH, WEST, EAST], ident(4))) == [2, 3, 4, 1]


def test_the_main_entrance_defaults_to_door_1_then_the_topmost() -> None:
    assert numbers(number_doors([NORTH, EAST, SOUTH, WEST])) == [1, 2, 3, 4]
    east_first = [NORTH, dataclasses.replace(EAST, number=1), SOUTH, WEST]
    assert numbers(number_doors(east_first)) == [4, 1, 2, 3]


def test_around_a_given_centre() -> None:
    # seen from (500, 50), just above the north door: north and south both at bearing 180 (north nearer), then
    # west at 221.6, then east at 138.4 (318.4 on from north)
    found = number_doors([NORTH, EAST, SOUTH, WEST], ident(1), centre=(500, 50))
    assert numbers(found) == [1, 4, 2, 3]


def test_doors_in_line_with_the_centre_go_nearer_first() -> None:
    near, far = door(5, (500, 300)), door(6, (500, 200))
    found = number_doors([far, WEST, near, SOUTH], ident(3), centre=(500, 500))
    assert [found[ident(n)] for n in (3, 4, 5, 6)] == [1, 2, 3, 4]


def test_one_door_or_none() -> None:
    assert number_doors([EAST]) == {ident(2): 1}
    assert number_doors([]) == {}
    assert number_doors([EAST], ident(99)) == {ident(2): 1}


def test_next_number_follows_the_highest() -> None:
    assert next_number([]) == 1
    assert next_number([door(1, (0, 0), number=4), door(2, (0, 0)), door(3, (0, 0), number=2)]) == 5
