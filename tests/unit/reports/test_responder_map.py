"""The responder map: its grid cells, one page per plan with grid letters, door numbers, legend and marking, black
and white, no metadata, and the paper turned to fit the plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import uuid
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from safety_assess.domain.sitemap.model import MapError, MarkerKind
from safety_assess.reports.responder_grid import column_name, grid_for
from safety_assess.reports.responder_map import ResponderSheet, cell_of, layout, write_responder_pdf
from tests.phone_photos import phone_jpeg, phone_png
from tests.unit.reports.site_plans import FEATURES, marker, plan_png, site_plan

SHEET = ResponderSheet(
    campus="Lincoln High School",
    address="1200 Main St, Springfield",
    district="Springfield Unified",
    date=dt.date(2026, 12, 6),
    marking="Confidential - police and fire only",
)
INFO = {
    "/Title": "Responder map: Lincoln High School, Site plan",
    "/Author": "Springfield Unified",
    "/Subject": "Confidential - police and fire only",
    "/Keywords": "",
    "/Creator": "Safety Assess",
    "/Producer": "Safety Assess (ReportLab)",
    "/CreationDate": "D:20261206000000+00'00'",
    "/ModDate": "D:20261206000000+00'00'",
    "/Trapped": "/False",
}
"""All the document says of itself: what the sheet says, dated by the sheet."""


def text_of(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def png(tmp_path: Path) -> Path:
    return plan_png(tmp_path / "plan.png")


# A plan 1200 x 800 pixels at 5 px/m is 240 m x 160 m: 20 m cells (100 px) make 12 columns (A-L) and 8 rows.


@pytest.mark.parametrize(
    ("rotation", "point", "cell"),
    [
        (0, (0, 0), "A1"),
        (0, (250, 150), "C2"),
        (0, (1200, 800), "L8"),  # the far edge belongs to the last cell
        (90, (0, 0), "H1"),  # turned clockwise: the image's top left is the printed top right
        (180, (0, 0), "L8"),
        (270, (0, 0), "A12"),
        (90, (250, 150), "G3"),
    ],
)
def test_the_cell_of_a_point_on_a_turned_plan(rotation: int, point: tuple[float, float], cell: str) -> None:
    assert cell_of(site_plan(rotation=rotation), point, 20.0) == cell


def test_cells_in_metres_or_a_tenth_of_the_width_without_a_scale() -> None:
    assert cell_of(site_plan(), (249, 150), 50.0) == "A1"  # 250 px cells; a line belongs to the cell after it
    assert cell_of(site_plan(), (250, 150), 50.0) == "B1"
    unscaled = site_plan(pixels_per_metre=None)
    grid = grid_for(unscaled, 20.0)
    assert (grid.columns, grid.rows, grid.metres) == (10, 7, None)  # 120 px cells; 800 / 120 = 6.7 rows
    assert cell_of(unscaled, (250, 150)) == "C2"
    assert "No scale set" in grid.describe()


def test_columns_go_on_after_z() -> None:
    assert [column_name(n) for n in (0, 25, 26, 27, 51, 52)] == ["A", "Z", "AA", "AB", "AZ", "BA"]


@pytest.mark.parametrize(("grid_m", "message"), [(0.0, "more than 0 metres"), (1.0, "choose larger cells")])
def test_a_grid_that_cannot_be_drawn_is_refused(grid_m: float, message: str) -> None:
    with pytest.raises(MapError, match=message):
        grid_for(site_plan(), grid_m)


def test_the_responder_map(png: Path, tmp_path: Path) -> None:
    plan = site_plan()
    out = tmp_path / "responder.pdf"
    write_responder_pdf(plan, png, SHEET, out)
    with pikepdf.open(out) as pdf:
        assert len(pdf.pages) == 1
        assert [float(v) for v in pdf.pages[0].mediabox] == [0, 0, 792, 612]  # letter, turned for a wide plan
    text = text_of(out)
    for expected in (SHEET.campus, SHEET.address, SHEET.district, "2026-12-06", "Site plan", "Grid cells 20 m"):
        assert expected in text
    assert text.count(SHEET.marking) == 2  # above and below
    assert len(re.findall(r"\bA\s+B\s+C\s+D\s+E\s+F\s+G\s+H\s+I\s+J\s+K\s+L\s+[^M]", text)) == 2  # above, below
    assert len(re.findall(r"^8\s+8\s", text, re.MULTILINE)) == 1  # rows numbered down both sides
    for label in ("Exterior door", "Camera", *[kind.label for kind in FEATURES if kind is not MarkerKind.FIRE_PANEL]):
        assert label in text
    assert "Fire alarm control panel" in text
    door = plan.of_kind(MarkerKind.EXTERIOR_DOOR)[2]
    assert re.search(rf"Door 3\s+{cell_of(plan, door.position)}\b", text)
    knox = plan.of_kind(MarkerKind.KNOX_BOX)[0]
    assert re.search(rf"Knox box\s+{cell_of(plan, knox.position)}\n", text)  # the legend says where
    assert "Assembly area here" in text  # a feature's label, beside it
    assert "PINNED-FINDING" not in text  # findings never go to police and fire


def test_the_paper_is_turned_and_sized_to_the_plan(tmp_path: Path) -> None:
    tall = plan_png(tmp_path / "tall.png", (600, 1000))
    out = tmp_path / "tall.pdf"
    write_responder_pdf(site_plan(size=(600, 1000)), tall, SHEET, out, size="tabloid")
    with pikepdf.open(out) as pdf:
        assert [float(v) for v in pdf.pages[0].mediabox] == [0, 0, 792, 1224]
    wide_when_turned = tmp_path / "turned.pdf"
    write_responder_pdf(site_plan(size=(600, 1000), rotation=90), tall, SHEET, wide_when_turned, size="tabloid")
    with pikepdf.open(wide_when_turned) as pdf:
        assert [float(v) for v in pdf.pages[0].mediabox] == [0, 0, 1224, 792]


def test_an_unknown_paper_size_is_refused(png: Path, tmp_path: Path) -> None:
    out = tmp_path / "a4.pdf"
    with pytest.raises(MapError, match="unknown paper size 'a4': use letter or tabloid"):
        write_responder_pdf(site_plan(), png, SHEET, out, size="a4")
    assert not out.exists()


def test_a_plan_without_scale_or_north_says_so(png: Path, tmp_path: Path) -> None:
    out = tmp_path / "plain.pdf"
    write_responder_pdf(site_plan(pixels_per_metre=None, north=None), png, SHEET, out)
    text = text_of(out)
    assert "No scale set: a grid of 10 columns" in text
    assert "No north or scale set" in text
    assert " m = " not in text  # no scale bar


@pytest.mark.filterwarnings("ignore:Image appears to be a malformed MPO file")  # the test's JPEG, read for its size
@pytest.mark.parametrize("make", [phone_png, phone_jpeg])
def test_nothing_of_the_plans_file_goes_into_the_pdf(make, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "phone"
    planted = make(source)
    with Image.open(source) as image:
        width, height = image.size
    out, expanded = tmp_path / "map.pdf", tmp_path / "expanded.pdf"
    write_responder_pdf(site_plan(size=(width, height), pixels_per_metre=None), source, SHEET, out)
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(out), str(expanded)], check=True)
    data = expanded.read_bytes()
    assert all(marker.encode() not in data for marker in planted)
    with pikepdf.open(out) as pdf:
        assert {key: str(value) for key, value in pdf.docinfo.items()} == INFO
        assert "/Metadata" not in pdf.Root


def test_the_same_plan_and_sheet_give_the_same_bytes(png: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    write_responder_pdf(site_plan(), png, SHEET, first)
    write_responder_pdf(site_plan(), png, SHEET, second)
    assert first.read_bytes() == second.read_bytes()


def test_it_is_black_and_white(png: Path, tmp_path: Path) -> None:
    """No colour anywhere, the plan's own (a green playground) greyed down: every rendered pixel is a grey."""
    out = tmp_path / "map.pdf"
    write_responder_pdf(site_plan(), png, SHEET, out, size="tabloid")
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")], check=True)
    with Image.open(tmp_path / "page-1.png") as page:
        saturation = page.convert("RGB").convert("HSV").getchannel("S")
        lightness = page.convert("L")
    assert saturation.getextrema() == (0, 0)
    assert lightness.getextrema() == (0, 255)


def test_doors_not_numbered_yet_are_counted_not_listed(png: Path, tmp_path: Path) -> None:
    plan = site_plan(doors=3)
    unnumbered = [dataclasses.replace(m, number=None) if m.number == 2 else m for m in plan.markers]
    out = tmp_path / "map.pdf"
    write_responder_pdf(dataclasses.replace(plan, markers=tuple(unnumbered)), png, SHEET, out)
    text = text_of(out)
    assert "1 not numbered yet" in text
    assert re.search(r"Door 1\s", text) and re.search(r"Door 3\s", text) and not re.search(r"Door [2?]\s", text)


@pytest.mark.parametrize("grid_m", [1e-320, 1e-300, 0.001])
def test_a_grid_of_cells_too_small_to_count_is_refused_in_plain_numbers(grid_m: float) -> None:
    with pytest.raises(MapError, match="would have more than 60 cells a side") as refused:
        grid_for(site_plan(pixels_per_metre=0.01), grid_m)
    assert len(str(refused.value)) < 160


def words(path: Path) -> list[tuple[str, float, float, float, float]]:
    """Each word on the page with its box (x min, y min, x max, y max; points from the top left)."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)
    return [(text, float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, text in found]


def test_a_long_label_stays_on_the_plan(png: Path, tmp_path: Path) -> None:
    long_label = "Portable classroom " + "W" * 150
    extra = tuple(
        marker(uuid.uuid4(), kind, 1150, 100 + 100 * n, label=long_label)
        for n, kind in enumerate((MarkerKind.OTHER, MarkerKind.HAZARD, MarkerKind.ASSEMBLY_AREA))
    )
    plan = site_plan(extra=extra)
    out = tmp_path / "map.pdf"
    write_responder_pdf(plan, png, SHEET, out)
    where = layout(plan, "letter")
    right = where.x + plan.width * where.scale
    placed = [w for w in words(out) if w[0].startswith(("Portable", "WWW"))]
    assert len(placed) >= 3 and all(x1 <= right + 0.5 for _, _, _, x1, _ in placed)


def test_a_long_campus_name_and_address_leave_room_for_the_key_and_the_doors(png: Path, tmp_path: Path) -> None:
    sheet = dataclasses.replace(
        SHEET,
        campus="Extraordinarily long campus name " * 15,
        address="\n".join(f"Address line {n}" for n in range(60)),
        district="A district " * 30,
    )
    plan = dataclasses.replace(site_plan(), title="Ground floor west wing " * 9)
    out = tmp_path / "map.pdf"
    write_responder_pdf(plan, png, sheet, out)
    text = text_of(out)
    for expected in ("Prepared 2026-12-06", "Grid cells 20 m", "Legend", "Exterior doors", "Door 6"):
        assert expected in text
    assert "Address line 0" in text and "Address line 59" not in text
    width, height = layout(plan, "letter").page
    assert all(min(x0, y0) >= 0 and x1 <= width and y1 <= height for _, x0, y0, x1, y1 in words(out))


def test_the_paper_size_is_read_as_typed_in_any_case(png: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    write_responder_pdf(site_plan(), png, SHEET, out, size=" Tabloid")
    with pikepdf.open(out) as pdf:
        assert [float(v) for v in pdf.pages[0].mediabox] == [0, 0, 1224, 792]
