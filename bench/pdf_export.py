"""The action-plan PDF of an assessment with 150 photos and 120 findings, against producing its photos alone.

bare: the least a report with these photos must do: for each of the 150 photos, decode its stored report
rendition (1600 px) at reduced size, resize it to print size (800 px), burn in the annotations of those that have
some, and encode it as JPEG, with Pillow directly.
app: safety_assess.services.reports.export_report, whole: plan, photos, layout, fonts, file written.
peak_mb: the largest resident size of a separate process making the report. size_mb: the PDF's size.

    python bench/pdf_export.py [--rounds N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from generated import generated_checklist  # beside this script
from safety_assess.base.datadir import DataDir
from safety_assess.photos.annotations import Annotation, Shape, burn_in, parse_annotations
from safety_assess.services.photos import add_photos, annotate_photo
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.reports import export_report
from safety_assess.services.workspace import Workspace

FINDINGS, PHOTOS = 120, 150
CLOCK = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def make_photos(folder: Path) -> list[Path]:
    """Camera-like JPEGs of 2000 x 1500 (texture, so they compress like real photos)."""
    chance = random.Random(11)
    base = Image.effect_noise((500, 375), 60).convert("RGB").resize((2000, 1500)).filter(ImageFilter.GaussianBlur(1))
    paths = []
    for n in range(PHOTOS):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        for _ in range(30):
            x, y = chance.randrange(2000), chance.randrange(1500)
            draw.rectangle((x, y, x + 160, y + 110), fill=tuple(chance.randrange(256) for _ in range(3)))
        path = folder / f"photo-{n:03d}.jpg"
        image.save(path, "JPEG", quality=90)
        paths.append(path)
    return paths


def build(root: Path, photos: list[Path]) -> tuple[Workspace, uuid.UUID]:
    workspace = Workspace.open(DataDir(root))
    campus = workspace.campuses.add("Bench High", "BH", "1 Bench Road")
    snapshot = workspace.snapshots.snapshot(generated_checklist("bench-pdf", FINDINGS + 30, 10))
    assessment_id = workspace.assessments.create(campus.id, snapshot.id, ["Bench"], CLOCK.date()).id
    for n in range(FINDINGS + 30):
        workspace.answers.save_answer(assessment_id, f"i{n}", None, "no" if n < FINDINGS else "yes", f"Note {n}.")
    for n, path in enumerate(photos):
        added = add_photos(workspace, assessment_id, f"i{n % FINDINGS}", [path], caption=f"Photo {n}").added[0]
        if n % 5 == 0:
            annotate_photo(workspace, added.id, [Annotation(Shape.REDACT_BOX, 0.1, 0.1, 0.4, 0.4)])
    editor, plan = PlanEditor(workspace, assessment_id, by="Bench"), load_plan(workspace, assessment_id)
    for finding in plan.findings:
        editor.add_action(finding, editor.suggested_action(finding, plan.phases), plan.phases)
    return workspace, assessment_id


def bare(workspace: Workspace, assessment_id: uuid.UUID) -> None:
    for photo in workspace.photos.list(assessment_id):
        data = workspace.photo_store.rendition(photo.sha256, "report").read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            image.draft("RGB", (800, 600))
            image.thumbnail((800, 800), Image.Resampling.LANCZOS)
            small = burn_in(image, parse_annotations(list(photo.annotations))) if photo.annotations else image
            small.save(io.BytesIO(), "JPEG", quality=80)


def app(workspace: Workspace, assessment_id: uuid.UUID, out: Path) -> None:
    result = export_report(workspace, assessment_id, out, clock=CLOCK)
    assert not result.warnings, result.warnings


def child(root: Path, assessment: str, out: Path) -> None:
    """Run in a separate process, so its peak resident size is the report's alone."""
    workspace = Workspace.open(DataDir(root))
    app(workspace, uuid.UUID(assessment), out)
    workspace.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", nargs=3, metavar=("ROOT", "ASSESSMENT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), args.child[1], Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workspace, assessment_id = build(folder / "data", make_photos(folder))
        out = folder / "report.pdf"
        app_times, bare_times = [], []
        for _ in range(args.rounds):
            began = time.perf_counter()
            bare(workspace, assessment_id)
            bare_times.append(time.perf_counter() - began)
            began = time.perf_counter()
            app(workspace, assessment_id, out)
            app_times.append(time.perf_counter() - began)
        workspace.close()
        size = out.stat().st_size / 1e6
        subprocess.run(
            [sys.executable, __file__, "--child", str(folder / "data"), str(assessment_id), str(folder / "c.pdf")],
            check=True,
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    app_time, bare_time = statistics.median(app_times), statistics.median(bare_times)
    print(f"photos: {PHOTOS}, findings: {FINDINGS}, rounds: {args.rounds}")
    print(f"report {app_time:.2f} s (all: {', '.join(f'{t:.2f}' for t in app_times)}); photos alone {bare_time:.2f} s")
    print(f"peak resident size of a process making it: {peak:.0f} MB; PDF {size:.1f} MB")
    print(
        f"RESULT pdf_export app={app_time:.2f} bare={bare_time:.2f} ratio={app_time / bare_time:.2f} "
        f"peak_mb={peak:.0f} size_mb={size:.1f}"
    )


if __name__ == "__main__":
    main()
