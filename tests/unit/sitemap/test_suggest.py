"""Checklist answers suggested by the plan's coverage."""

from __future__ import annotations

import dataclasses

from safety_assess.base.resources import builtin_checklists_dir
from safety_assess.domain.checklist.catalog import load_catalog
from safety_assess.domain.checklist.model import Group
from safety_assess.domain.sitemap.coverage import coverage_report
from safety_assess.domain.sitemap.suggest import RULES, Suggestion, suggestions
from tests.unit.sitemap.plans import camera, door, ident, plan, wall

# A camera at (500, 500) looking up, 1920 px wide, 90 degrees, 10 px a metre: door 1 at 30 px (identification);
# door 2 is behind the wall; door 3 is seen at 200 px (detection).
CAM = camera(1, (500, 500), heading=0, fov=90, resolution=(1920, 1080), label="Camera 4 - gym")
D1 = dataclasses.replace(door(11, (500, 470), number=1, label="Main"), camera_instance="Entry 1")
D2 = dataclasses.replace(door(12, (540, 400), number=2), label="", camera_instance="Entry 2")
D3 = dataclasses.replace(door(13, (500, 300), number=3), label="", camera_instance="Entry 2 ")
D4 = door(14, (480, 460), number=4)  # not linked: no suggestion
SHED = wall(21, (520, 420), (580, 420))


def test_a_door_a_camera_sees_suggests_camera_and_an_unseen_one_none() -> None:
    site = plan([CAM, D1, D2, D3, D4], [SHED])
    found = suggestions(site, coverage_report(site))
    assert found == [
        Suggestion(
            "exterior-entry",
            "Entry 1",
            "entry.door-visibility",
            "camera",
            "seen on the plan: exterior door 1 (Main) by Camera 4 - gym (identification)",
            (ident(11),),
        ),
        Suggestion(
            "exterior-entry",
            "Entry 2",
            "entry.door-visibility",
            "none",
            "no camera on the plan sees exterior door 2; choose 'Direct view from an occupied room only' if a "
            "staffed room looks onto it",
            (ident(12), ident(13)),
        ),
    ]


def test_a_pair_of_doors_both_seen_suggests_camera() -> None:
    site = plan([CAM, D1, D3, dataclasses.replace(D2, x=520, y=440)], [SHED])
    entry2 = suggestions(site, coverage_report(site))[1]
    assert entry2.value == "camera"
    assert entry2.reason.startswith("seen on the plan: exterior door 3 by Camera 4 - gym (detection); exterior door 2")


def test_the_rules_name_real_items_and_values_of_the_builtin_checklists() -> None:
    groups = {
        entry.group: entry
        for catalog_entry in load_catalog(builtin_checklists_dir(), None).entries
        for section in catalog_entry.checklist.sections
        for entry in section.items
        if isinstance(entry, Group)
    }
    for rule in RULES:
        item = next(i for i in groups[rule.group].items if i.id == rule.item_id)
        values = {option.value for option in getattr(item.answer, "options", None) or []}
        assert {rule.seen, rule.unseen} <= values
