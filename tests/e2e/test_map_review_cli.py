"""Site plans from the command line as a careless or hostile user meets them: bundles that say what plans they carry,
odd numbers, odd text and odd files, each refused in one line with nothing stored, or handled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safety_assess.domain.sitemap.model import SiteMap
from safety_assess.services import site_maps
from safety_assess.services.workspace import Workspace
from tests import plan_files
from tests.e2e.conftest import Run
from tests.e2e.test_map_cli import ok, one_line_error
from tests.e2e.test_map_cli import plan as plan  # a fixture


def test_a_bundle_says_how_many_plans_it_carries_and_the_import_what_they_brought(cli: Run, tmp_path: Path) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    ok(cli("campus", "add", "Lincoln High", "--code", "LHS", data_dir=laptop))
    new = ("assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility")
    assessment = ok(cli(*new, data_dir=laptop))
    site = ok(cli("map", "add", "LHS", str(plan_files.png_with_metadata(tmp_path / "Site.png")), data_dir=laptop))
    ok(cli("map", "add", "LHS", str(plan_files.jpeg_with_metadata(tmp_path / "Floor.jpg")), data_dir=laptop))
    ok(cli("map", "mark", site, "exterior-door", "20,20", data_dir=laptop))
    bundle = tmp_path / "lhs.sabundle"
    made = ok(cli("bundle", "export", assessment, "--out", str(bundle), data_dir=laptop))
    assert "1 assessment, 0 photos, 2 site plans, " in made
    fingerprint = json.loads(ok(cli("device", "show", "--json", data_dir=laptop)))["fingerprint"]
    done = json.loads(ok(cli("bundle", "import", str(bundle), "--trust", fingerprint, "--json", data_dir=district)))
    campus = json.loads(ok(cli("campus", "list", "--json", data_dir=district)))[0]
    assert done[0]["plans"] == [{"campus_id": campus["id"], "campus": "Lincoln High", "added": 3, "updated": 0}]
    again = json.loads(ok(cli("bundle", "import", str(bundle), "--json", data_dir=district)))
    assert again[0]["plans"] == [dict(done[0]["plans"][0], added=0)]
    assert [p["title"] for p in json.loads(ok(cli("map", "list", "LHS", "--json", data_dir=district)))] == [
        "Site",
        "Floor",
    ]


HOSTILE = [
    ("scale-1e-300", ["scale", "{map}", "0,0", "100,0", "1e-300"], "pixels a metre: a plan's scale is between 0.01"),
    ("scale-1e300", ["scale", "{map}", "0,0", "100,0", "1e300"], "pixels a metre: a plan's scale is between 0.01"),
    ("range-1e300", ["mark", "{map}", "camera", "5,5", "--range", "1e300"], "a camera's range is at most 10,000"),
    ("resolution-huge", ["mark", "{map}", "camera", "5,5", "--resolution", "99999999999x1080"], "at most 100,000"),
    ("folder", ["add", "LHS", "{folder}"], "is a folder, not a plan; choose the plan's file in it"),
    ("gif", ["add", "LHS", "{gif}"], "GIF images are not supported (PNG, JPEG, WebP, TIFF, HEIC or PDF)"),
    ("grid-tiny", ["responder", "{map}", "--out", "{out}", "--grid-m", "1e-320"], "would have more than 60 cells"),
]


@pytest.mark.parametrize(("arguments", "message"), [case[1:] for case in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_hostile_numbers_and_files_are_one_line_and_nothing_is_stored(
    cli: Run, plan: tuple[Workspace, SiteMap], tmp_path: Path, arguments: list[str], message: str
) -> None:
    workspace, made = plan
    site_maps.set_scale(workspace, made.id, (0, 0), (100, 0), 10)
    workspace.database.engine.dispose()  # the program opens it next
    (tmp_path / "folder.png").mkdir()
    plan_files.drawing().save(tmp_path / "plan.gif", "GIF")
    files = {"map": str(made.id), "folder": str(tmp_path / "folder.png"), "gif": str(tmp_path / "plan.gif")}
    files["out"] = str(tmp_path / "responder.pdf")
    stored = sorted(workspace.photo_store.root.rglob("*"))
    before = site_maps.list_maps(workspace, made.campus_id)
    assert message in one_line_error(cli("map", *(a.format(**files) for a in arguments)))
    assert site_maps.list_maps(workspace, made.campus_id) == before
    assert sorted(workspace.photo_store.root.rglob("*")) == stored and not (tmp_path / "responder.pdf").exists()
