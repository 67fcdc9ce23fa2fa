"""A campus plan with 60 cameras, 80 doors, 300 wall segments and 200 finding pins (bench/site_plan.py).

coverage_ms: moving one camera and getting the coverage report (every door and zone, who sees it, at which level),
as JSON, through the incremental CoverageIndex the window keeps: the median of many moves, each of a different
camera to a nearby place. Goal: 30 ms.
bare_ms: the baseline, a QGraphicsView (offscreen) with the same number of plain items (an ellipse per marker, a
line per wall segment, a polygon per zone and per camera's cone), shown and painted once: the median of rounds.
open_ms: the map window opened on the plan and painted, against bare_ms. Goal: 150 ms.
responder_s: the responder PDF of the plan written. Goal: 2 s.

open_ms and responder_s need the map window and the responder map (other branches of issue 19): until they are
merged, ``measure_open`` and ``measure_responder`` return nan and the RESULT line says so.

    python bench/site_map.py [--moves N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import time

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


def measure_open(app: QApplication, plan: SiteMap) -> float:
    """LEAD: fill in after merging maps-ui: store the plan (the store's service), open the map window on it,
    show it and wait for its first paint; milliseconds. Until then: nan."""
    return math.nan


def measure_responder(plan: SiteMap) -> float:
    """LEAD: fill in after merging maps-reports and maps-store: write the plan's responder PDF (Letter, 20 m grid);
    seconds. Until then: nan."""
    return math.nan


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
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    opens, bares = [], []
    for _ in range(args.rounds):
        opens.append(measure_open(app, plan))
        bares.append(measure_bare(app, plan))
    bare, opened = statistics.median(bares), statistics.median(opens)
    print(f"bare scene shown and painted: median {bare:.0f} ms; map window: {opened:.0f} ms")
    responder = measure_responder(plan)
    print(f"responder PDF: {responder:.2f} s")
    print(
        f"RESULT site_map open_ms={opened:.0f} coverage_ms={coverage:.2f} responder_s={responder:.2f} "
        f"bare_ms={bare:.0f}"
    )


if __name__ == "__main__":
    main()
