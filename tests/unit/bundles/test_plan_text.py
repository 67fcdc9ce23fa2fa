"""Text a bundle's plan records carry, signed but odd: a NUL (which PostgreSQL refuses to store), an escape, a bell,
in a plan title, a marker label and a zone name. Refused in one line with nothing applied, on SQLite and PostgreSQL
alike, or stored without them; never an internal error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services import site_maps
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.workspace import Workspace
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
