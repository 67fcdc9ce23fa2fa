"""Site plans from the command line: import (an image, a PDF page drawn by the real program), scale, markers, walls,
zones, show and list as JSON; and every bad input of issue 19 refused with one line, exit status 1, nothing stored."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from safety_assess.base.datadir import DataDir
from safety_assess.domain.sitemap.model import SiteMap
from safety_assess.services import site_maps
from safety_assess.services.workspace import Workspace
from tests import plan_files
from tests.e2e.conftest import Run
from tests.postgres import FolderDatabases

SHOW_KEYS = {"id", "campus_id", "title", "width", "height", "rotation", "north", "scale", "image", "markers", "walls"}
MARKER_KEYS = {"id", "kind", "x", "y", "label", "number", "camera", "finding_id", "photo_id", "camera_instance"}


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0 and not result.stderr, result
    return result.stdout.strip()


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr and not result.stdout, result
    return lines[0]


@pytest.fixture
def plan(tmp_path: Path, database_url_for: FolderDatabases) -> Iterator[tuple[Workspace, SiteMap]]:
    """The data folder the ``cli`` fixture uses, with campus LHS and a 400 x 300 plan (made in this process)."""
    workspace = Workspace.open(DataDir(tmp_path / "data"), database_url_for(tmp_path / "data"))
    campus = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    made = site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "Site.png"))
    workspace.database.engine.dispose()  # the program opens it next
    yield workspace, made
    workspace.close()


def test_a_plan_from_import_to_removal(cli: Run, tmp_path: Path) -> None:
    ok(cli("campus", "add", "Lincoln High", "--code", "LHS"))
    plan_id = ok(cli("map", "add", "LHS", str(plan_files.pdf(tmp_path / "Campus.pdf")), "--page", "2"))
    image_id = ok(cli("map", "add", "lhs", str(plan_files.jpeg_with_metadata(tmp_path / "Floor.jpg")), "--title", "F1"))
    ok(cli("map", "scale", plan_id, "0,0", "100,0", "10"))
    main = ok(cli("map", "mark", plan_id, "exterior-door", "20,20", "--label", "Main entrance"))
    ok(cli("map", "mark", plan_id, "exterior-door", "800,20"))
    camera = ok(cli("map", "mark", plan_id[:8], "camera", "100,100", "--heading", "90", "--fov", "60", "--range", "25"))
    ok(cli("map", "mark", plan_id, "camera", "200,100", "--resolution", "1920x1080", "--camera-instance", "Cam 2"))
    wall = ok(cli("map", "wall", plan_id, "0,300", "400,300", "400,600"))
    ok(cli("map", "zone", plan_id, "Bus loop", "500,400", "800,400", "800,600"))
    ok(cli("map", "rename", plan_id, "Campus site"))
    ok(cli("map", "rotate", plan_id, "90"))
    ok(cli("map", "north", plan_id, "15"))
    shown = json.loads(ok(cli("map", "show", plan_id, "--json")))
    assert SHOW_KEYS | {"zones"} == set(shown) and all(set(m) == MARKER_KEYS for m in shown["markers"])
    assert (shown["title"], shown["width"], shown["height"], shown["rotation"], shown["north"]) == (
        "Campus site",
        833,
        625,
        90,
        15,
    )
    assert shown["scale"] == {"first": [0, 0], "second": [100, 0], "metres": 10, "pixels_per_metre": 10}
    assert [(m["kind"], m["number"]) for m in shown["markers"]] == [
        ("exterior-door", 1),
        ("exterior-door", 2),
        ("camera", None),
        ("camera", None),
    ]
    assert shown["markers"][0]["id"] == main and shown["markers"][0]["label"] == "Main entrance"
    assert shown["markers"][2]["camera"] == {"heading": 90, "fov": 60, "range_m": 25, "resolution": None}
    assert shown["markers"][3]["camera"]["resolution"] == [1920, 1080]
    assert shown["markers"][3]["camera_instance"] == "Cam 2"
    assert shown["walls"] == [{"id": wall, "points": [[0, 300], [400, 300], [400, 600]]}]
    assert [z["name"] for z in shown["zones"]] == ["Bus loop"]
    assert "Main entrance" in ok(cli("map", "show", plan_id))
    ok(cli("map", "unmark", camera))
    listed = json.loads(ok(cli("map", "list", "LHS", "--json")))
    assert [(p["id"], p["title"], p["markers"], p["scaled"]) for p in listed] == [
        (plan_id, "Campus site", 3, True),
        (image_id, "F1", 0, False),
    ]
    ok(cli("map", "remove", image_id))
    assert [p["id"] for p in json.loads(ok(cli("map", "list", "LHS", "--json")))] == [plan_id]
    assert "no plan with id" in one_line_error(cli("map", "show", image_id))


def test_the_help_lists_the_json_keys(cli: Run) -> None:
    shown = ok(cli("map", "show", "--help", data_dir=None))
    assert "camera_instance" in shown and "pixels_per_metre" in shown
    assert "scaled" in ok(cli("map", "list", "--help", data_dir=None))


BAD_INPUT = [
    ("not-an-image", ["add", "LHS", "{text}"], "notes.png: not an image or PDF this app can read"),
    (
        "over-the-pixel-limit",
        ["add", "LHS", "{huge}"],
        "huge.png: 15000 x 15000 pixels is larger than the 200 MP limit",
    ),
    ("missing-pdf-page", ["add", "LHS", "{pdf}", "--page", "5"], "page 5 of plan.pdf does not exist: it has 2 pages"),
    ("mark-outside", ["mark", "{map}", "aed", "401,20"], "the aed 401,20 is outside the plan 'Site' (0,0 to 400,300)"),
    ("scale-one-point", ["scale", "{map}", "10,10", "10,10", "5"], "the scale needs two different points"),
    ("scale-zero", ["scale", "{map}", "10,10", "90,10", "0"], "must be more than 0 metres, not 0"),
    ("fov-360", ["mark", "{map}", "camera", "5,5", "--fov", "360"], "field of view must be more than 0 and less"),
    ("fov-0", ["mark", "{map}", "camera", "5,5", "--fov", "0"], "field of view must be more than 0 and less"),
    ("range-unscaled", ["mark", "{map}", "camera", "5,5", "--range", "30"], "has no scale, so a range in metres"),
    ("unknown-kind", ["mark", "{map}", "sprinkler", "5,5"], "unknown marker kind 'sprinkler': use one of"),
    ("wall-one-point", ["wall", "{map}", "5,5"], "a wall needs at least two points"),
    ("zone-two-points", ["zone", "{map}", "Yard", "5,5", "50,5"], "zone 'Yard' needs at least three points; 2 given"),
    ("not-a-point", ["mark", "{map}", "aed", "5;5"], "'5;5' is not a point: write X,Y"),
]


@pytest.mark.parametrize(("arguments", "message"), [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_bad_input_is_one_line_and_nothing_is_stored(
    cli: Run, plan: tuple[Workspace, SiteMap], tmp_path: Path, arguments: list[str], message: str
) -> None:
    workspace, made = plan
    (tmp_path / "notes.png").write_text("meeting notes, not a plan")
    files = {
        "text": str(tmp_path / "notes.png"),
        "huge": str(plan_files.huge_png(tmp_path / "huge.png")),
        "pdf": str(plan_files.pdf(tmp_path / "plan.pdf")),
        "map": str(made.id),
    }
    stored = sorted(workspace.photo_store.root.rglob("*"))
    assert message in one_line_error(cli("map", *(a.format(**files) for a in arguments)))
    assert site_maps.list_maps(workspace, made.campus_id) == [made]
    assert sorted(workspace.photo_store.root.rglob("*")) == stored


def test_coverage_renumbering_and_the_responder_map(cli: Run, plan: tuple[Workspace, SiteMap], tmp_path: Path) -> None:
    _, made = plan
    map_id = str(made.id)
    ok(cli("map", "scale", map_id, "0,0", "100,0", "10"))
    ok(cli("map", "wall", map_id, "40,40", "360,40", "360,260", "40,260", "40,40"))
    front = ok(cli("map", "mark", map_id, "exterior-door", "200,260", "--label", "Front"))
    back = ok(cli("map", "mark", map_id, "exterior-door", "200,40", "--label", "Back"))
    ok(cli("map", "zone", map_id, "Bus loop", "100,270", "300,270", "300,299"))
    camera = ok(
        cli("map", "mark", map_id, "camera", "200,295", "--heading", "0", "--fov", "90", "--resolution", "1920x1080")
    )
    coverage = json.loads(ok(cli("map", "coverage", map_id, "--json")))
    assert (coverage["doors"], coverage["covered"]) == (2, 1)
    items = {item["id"]: item for item in coverage["items"]}
    assert set(items) == {front, back, *(z for z in items if items[z]["kind"] == "zone")} and len(items) == 3
    assert [s["camera"] for s in items[front]["covered_by"]] == [camera] and items[back]["covered_by"] == []
    assert items[front]["covered_by"][0]["level"] == "identification"  # 1920 px over 7 m at 3.5 m: 274 px/m
    assert "NOT SEEN" in ok(cli("map", "coverage", map_id))
    renumbered = ok(cli("map", "renumber", map_id, "--main", front[:8]))
    assert renumbered.splitlines()[1].startswith("1   Front")
    shown = json.loads(ok(cli("map", "show", map_id, "--json")))
    assert {m["label"]: m["number"] for m in shown["markers"] if m["kind"] == "exterior-door"} == {
        "Front": 1,
        "Back": 2,
    }
    ok(cli("map", "responder", map_id, "--out", str(tmp_path / "responder.pdf"), "--size", "tabloid"))
    assert (tmp_path / "responder.pdf").read_bytes().startswith(b"%PDF-")
    ok(cli("map", "responder", map_id, "--out", str(tmp_path / "responder.png"), "--grid-m", "10"))
    data = (tmp_path / "responder.png").read_bytes()
    assert plan_files.png_chunks(data)[0] == "IHDR" and not {"tEXt", "iTXt", "zTXt", "eXIf"} & set(
        plan_files.png_chunks(data)
    )
    assert "unknown paper size 'a3'" in one_line_error(
        cli("map", "responder", map_id, "--out", str(tmp_path / "r.pdf"), "--size", "a3")
    )
    assert not (tmp_path / "r.pdf").exists()


def test_a_pdf_plan_is_drawn_without_a_display(cli: Run, tmp_path: Path) -> None:
    """The command makes its own offscreen application to draw the page: no screen, and a platform that would
    need one, are not in its way."""
    no_screen = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "WAYLAND_DISPLAY": ""}
    ok(cli("campus", "add", "District Office", "--code", "DO"))
    plan_id = ok(cli("map", "add", "DO", str(plan_files.pdf(tmp_path / "Office.pdf", pages=1)), env=no_screen))
    shown = json.loads(ok(cli("map", "show", plan_id, "--json")))
    assert (shown["title"], shown["width"], shown["height"]) == ("Office", 833, 625)
