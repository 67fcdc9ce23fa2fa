"""Site plans from the command line as a careless or hostile user meets them: bundles that say what plans they carry,
odd numbers, odd text and odd files, each refused in one line with nothing stored, or handled."""

from __future__ import annotations

import json
from pathlib import Path

from tests import plan_files
from tests.e2e.conftest import Run
from tests.e2e.test_map_cli import ok


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
