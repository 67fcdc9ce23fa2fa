"""A bundle's plan records, signed but odd: a NUL (which PostgreSQL refuses to store), an escape, a bell in a plan
title, a marker label and a zone name, stored without them; a plan or marker with the id of one here of another
campus, refused with nothing applied. Never an internal error."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.sitemap.model import MarkerKind
from safety_assess.services import site_maps
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.workspace import Workspace
from safety_assess.storage.bundle_apply import ImportRefused
from tests import plan_files
from tests.unit.bundles.conftest import always
from tests.unit.bundles.plan_rows import Planned, add_plans
from tests.unit.bundles.test_verify import Files, resign, rewrite


@pytest.fixture
def planned(workspace: Workspace, reported: AssessmentSummary) -> Planned:
    return add_plans(workspace, reported)


def _with_control_characters(files: Files) -> Files:
    name = next(n for n in files if n.startswith("site-plans/"))
    document = json.loads(files[name])
    document["maps"][0]["title"] = "Site\u0000 plan\u0007"
    document["markers"][0]["label"] = "Gym\u001b[31m door\u0000"
    next(s for s in document["shapes"] if s["kind"] == "zone")["name"] = "Bus\u0000 loop"
    return {**files, name: json.dumps(document).encode()}


def test_control_characters_in_plan_records_are_not_stored(
    workspace: Workspace, reported: AssessmentSummary, planned: Planned, district: Workspace, tmp_path: Path
) -> None:
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], bundle)
    forged = rewrite(bundle, lambda files: resign(_with_control_characters(files), workspace.device_key))
    import_bundle(district, forged, trust=always)
    campus = district.campuses.list()[0]
    stored = {p.title: p for p in site_maps.list_maps(district, campus.id)}
    texts = [p.title for p in stored.values()]
    texts += [m.label for p in stored.values() for m in p.markers] + [z.name for p in stored.values() for z in p.zones]
    assert "Site plan" in stored and not any(c in text for text in texts for c in "\x00\x07\x1b")


def _taking(plan_id: str, marker_id: str) -> Callable[[Files], Files]:
    """The bundle's first plan given the id of a plan here of another campus, its first marker that of a marker on
    that plan; both at a high revision, so that they would win."""

    def change(files: Files) -> Files:
        name = next(n for n in files if n.startswith("site-plans/"))
        document = json.loads(files[name])
        first = document["maps"][0]
        for record in document["markers"] + document["shapes"]:
            record["map_id"] = plan_id if record["map_id"] == first["id"] else record["map_id"]
        first["id"], first["revision"] = plan_id, 99
        marker = next(m for m in document["markers"] if m["map_id"] == plan_id)
        marker["id"], marker["revision"] = marker_id, 99
        return {**files, name: json.dumps(document).encode()}

    return change


@pytest.mark.parametrize("what", ["plan", "marker"])
def test_a_bundle_cannot_take_a_plan_or_marker_of_another_campus(
    workspace: Workspace,
    reported: AssessmentSummary,
    planned: Planned,
    district: Workspace,
    tmp_path: Path,
    what: str,
) -> None:
    other = district.campuses.add("Washington Middle", "WMS", "")
    theirs = site_maps.add_map(district, other.id, plan_files.png_with_metadata(tmp_path / "Theirs.png"))
    theirs, door = site_maps.add_marker(district, theirs.id, MarkerKind.DOOR, (5, 5))
    bundle = tmp_path / "lhs.sabundle"
    export_bundle(workspace, [reported.id], bundle)
    plan_id = str(theirs.id) if what == "plan" else str(uuid.uuid4())
    forged = rewrite(bundle, lambda files: resign(_taking(plan_id, str(door))(files), workspace.device_key))
    with pytest.raises(ImportRefused, match=f"{what} {plan_id if what == 'plan' else door} is .* another"):
        import_bundle(district, forged, trust=always)
    assert site_maps.list_maps(district, other.id) == [theirs]
    assert [c.code for c in district.campuses.list()] == ["WMS"]
