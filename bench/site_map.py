"""A campus plan with 60 cameras, 80 doors, 300 wall segments and 200 finding pins (bench/site_plan.py).

coverage_ms: moving one camera and getting the coverage report (every door and zone, who sees it, at which level),
as JSON, through the incremental CoverageIndex the window keeps: the median of many moves, each of a different
camera to a nearby place. Goal: 30 ms.
bare_ms: the baseline, a QGraphicsView (offscreen) with the same number of plain items (an ellipse per marker, a
line per wall segment, a polygon per zone and per camera's cone), shown and painted once: the median of rounds.
cones_ms: every camera's cone clipped by the walls and cut at its DORI distances, as the map draws them.
index_ms: building the CoverageIndex of the plan from nothing (what opening a plan costs before the first report).
open_ms: the map window opened on the plan and painted, against bare_ms. Goal: 150 ms.
responder_s: the responder PDF of the plan written. Goal: 2 s.

all_cones_ms: the same until every camera's cone is drawn as well (cones follow the first paint, a few per turn of the
event loop, so the window answers meanwhile).
image_ms: reading the plan's image (a 4000 x 3000 PNG made for the run), which the window does in the background.

    python bench/site_map.py [--moves N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPolygonF
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from safety_assess.domain.sitemap.coverage import CoverageIndex, coverage_report
from safety_assess.domain.sitemap.model import MarkerKind, SiteMap
from site_plan import synthetic_plan  # beside this script


def measure_coverage(plan: SiteMap, moves: int) -> tuple[float, float, float]:
    """Median and worst milliseconds of "move one camera, get the report as JSON", and of building the index."""
    began = time.perf_counter()
    index = CoverageIndex(plan)
    built = (time.perf_counter() - began) * 1000
    cameras = plan.of_kind(MarkerKind.CAMERA)
    rng = random.Random(7)
    times = []
    for move in range(moves):
        camera = cameras[move % len(cameras)]
        to = (camera.x + rng.uniform(-40, 40), camera.y + rng.uniform(-40, 40))
        began = time.perf_counter()
        index.move_camera(camera.id, to)
        json.dumps(index.report().to_json())
        times.append((time.perf_counter() - began) * 1000)
    assert index.report() == coverage_report(index.plan)  # the incremental report is the whole one
    return statistics.median(times), max(times), built


def measure_cones(plan: SiteMap) -> float:
    """Milliseconds to work out every camera's cone, clipped by the walls and cut by level, as a map draws them."""
    index = CoverageIndex(plan)
    began = time.perf_counter()
    for camera in plan.of_kind(MarkerKind.CAMERA):
        index.cone(camera.id)
    return (time.perf_counter() - began) * 1000


def measure_bare(app: QApplication, plan: SiteMap) -> float:
    """A scene of plain items, as many as the plan draws, shown and painted once."""
    began = time.perf_counter()
    scene = QGraphicsScene(0, 0, plan.width, plan.height)
    for marker in plan.markers:
        scene.addEllipse(marker.x - 8, marker.y - 8, 16, 16)
    for wall in plan.walls:
        for (ax, ay), (bx, by) in wall.segments:
            scene.addLine(ax, ay, bx, by)
    for zone in plan.zones:
        scene.addPolygon(QPolygonF([QPointF(x, y) for x, y in zone.points]))
    for camera in plan.of_kind(MarkerKind.CAMERA):
        wedge = [(camera.x, camera.y), (camera.x - 200, camera.y - 300), (camera.x + 200, camera.y - 300)]
        scene.addPolygon(QPolygonF([QPointF(x, y) for x, y in wedge]))
    view = QGraphicsView(scene)
    view.resize(1200, 800)
    view.fitInView(scene.sceneRect())
    view.show()
    app.processEvents()
    view.viewport().grab()
    elapsed = (time.perf_counter() - began) * 1000
    view.close()
    view.deleteLater()
    app.processEvents()
    return elapsed


def plan_image(folder: Path, plan: SiteMap) -> Path:
    """A plan-sized PNG with building outlines, as a scanned site plan would be (made once per run)."""
    from PIL import Image, ImageDraw

    path = folder / "site.png"
    image = Image.new("RGB", (plan.width, plan.height), "white")
    draw = ImageDraw.Draw(image)
    for wall in plan.walls:
        draw.line(list(wall.points), fill="black", width=6)
    for x in range(0, plan.width, 250):
        draw.line([(x, 0), (x, plan.height)], fill=(220, 220, 220), width=2)
    image.save(path)
    return path


def measure_open(app: QApplication, plan: SiteMap, image: Path) -> tuple[float, float, float]:
    """Milliseconds until the plan view has painted once, as the map window opens a plan this large: markers,
    walls and zones at once, the image read in the background (``image_ms``, the read alone) and set when read;
    and until every camera's cone is drawn too (they follow the first paint, a few per turn of the event loop)."""
    from PySide6.QtGui import QImage

    from safety_assess.ui.maps.image import QUICK_PIXELS, display_copy, pixels
    from safety_assess.ui.maps.standalone import open_plan_view

    assert pixels(image) > QUICK_PIXELS  # the window reads it in the background
    began = time.perf_counter()
    view = open_plan_view(plan, QImage())
    app.processEvents()
    view.viewport().grab()
    painted = (time.perf_counter() - began) * 1000
    scene = view.scene()
    while scene.waiting:  # type: ignore[attr-defined]
        app.processEvents()
    view.viewport().grab()
    cones = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    copy = display_copy(image)
    read = (time.perf_counter() - began) * 1000
    scene.set_image(copy)  # type: ignore[attr-defined]
    view.viewport().grab()
    view.close()
    view.deleteLater()
    app.processEvents()
    return painted, cones, read


def measure_responder(plan: SiteMap, image: Path, folder: Path) -> float:
    """Seconds to write the plan's responder PDF (Letter, 20 m grid): the median of three."""
    import datetime as dt

    from safety_assess.reports.responder_map import ResponderSheet, write_responder_pdf

    sheet = ResponderSheet("Synthetic High", "1 Bench Road", "Bench District", dt.date(2026, 12, 6), "Confidential")
    times = []
    for round_ in range(3):
        began = time.perf_counter()
        write_responder_pdf(plan, image, sheet, folder / f"responder-{round_}.pdf")
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moves", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    plan = synthetic_plan()
    cameras, pins = len(plan.of_kind(MarkerKind.CAMERA)), len(plan.of_kind(MarkerKind.FINDING))
    doors = sum(1 for m in plan.markers if m.kind.is_door)
    segments = sum(len(w.segments) for w in plan.walls)
    print(f"cameras: {cameras}, doors: {doors}, wall segments: {segments}, pins: {pins}, zones: {len(plan.zones)}")
    coverage, worst, built = measure_coverage(plan, args.moves)
    print(f"coverage after a camera moves: median {coverage:.2f} ms (max {worst:.2f}); index built in {built:.0f} ms")
    cones = statistics.median(measure_cones(plan) for _ in range(5))
    print(f"every camera's cone clipped and cut by level: {cones:.0f} ms")
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        image = plan_image(Path(folder), plan)
        opens, all_cones, reads, bares = [], [], [], []
        for _ in range(args.rounds):
            painted, drawn, read = measure_open(app, plan, image)
            opens.append(painted)
            all_cones.append(drawn)
            reads.append(read)
            bares.append(measure_bare(app, plan))
        responder = measure_responder(plan, image, Path(folder))
    bare, opened, drawn = statistics.median(bares), statistics.median(opens), statistics.median(all_cones)
    read = statistics.median(reads)
    print(
        f"bare scene shown and painted: median {bare:.0f} ms; plan view: {opened:.0f} ms, every cone in {drawn:.0f} ms"
    )
    print(f"responder PDF: {responder:.2f} s")
    print(
        f"RESULT site_map open_ms={opened:.0f} coverage_ms={coverage:.2f} responder_s={responder:.2f} "
        f"bare_ms={bare:.0f} cones_ms={cones:.0f} index_ms={built:.0f} all_cones_ms={drawn:.0f} image_ms={read:.0f}"
    )


if __name__ == "__main__":
    main()
