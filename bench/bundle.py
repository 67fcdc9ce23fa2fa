"""Exporting and importing a sync bundle of 300 camera photos (about 1.2 GB), against the command-line tools.

export baseline: `zip -0` of the same 300 stored originals plus `sha256sum` over them (what any export must do at
least: read every byte, hash it, write it into one archive).
import baseline: `unzip -t` of the app's bundle plus `sha256sum` over the photos (read and check every byte).
app: safety_assess.bundles.export.export_bundle and safety_assess.bundles.importer.import_bundle (into a fresh data
folder), each in a separate process, timed inside it around the call; peak_mb is the larger of the two
processes' peak resident sizes. Files are in the page cache for both sides (each side runs twice, alternating).
many_ratio: the import of a bundle of 10,000 small photos (about 2 KB each), against the same baseline on that
bundle: it shows the import takes time in proportion to the number of entries (an archive parsed per entry made it
quadratic).
merge_ratio: two laptops work on one assessment of 1,000 items (all answered on the lead's laptop, which gave it to
a second laptop; then the lead re-answers the first half and the second laptop the other half, with notes); the
district, already holding the lead's bundle, imports the second laptop's and merges it record by record and field by
field, against the import of the lead's bundle alone into a fresh data folder. Each in its own process, timed around
the import call, median of the rounds.

    python bench/bundle.py [--rounds N] [--photos N] [--many N] [--merge-items N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from generated import generated_checklist  # beside this script
from photo_ingest import make_photos  # beside this script: the same camera-like photos (about 4 MB at quality 94)
from safety_assess.base.datadir import DataDir
from safety_assess.photos.decode import open_image, read_meta
from safety_assess.photos.ingest import Ingested
from safety_assess.services.workspace import Workspace

ITEMS = 150
CLOCK = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def build(root: Path, photos: list[Path]) -> tuple[uuid.UUID, list[Path]]:
    """An assessment with the photos on its items (stored as the app stores them; their renditions are not made,
    an export of JPEGs without redactions does not read them). Returns the stored originals too."""
    workspace = Workspace.open(DataDir(root))
    campus = workspace.campuses.add("Bench High", "BH", "1 Bench Road")
    snapshot = workspace.snapshots.snapshot(generated_checklist("bench-bundle", ITEMS, 10))
    assessment_id = workspace.assessments.create(campus.id, snapshot.id, ["Bench"], CLOCK.date()).id
    stored = []
    for n, path in enumerate(photos):
        workspace.answers.save_answer(assessment_id, f"i{n % ITEMS}", None, "no", f"Note {n}.")
        with open_image(path) as image:
            meta = read_meta(image)
        sha256, original = workspace.photo_store.put(path, meta.extension)
        workspace.photos.add(assessment_id, f"i{n % ITEMS}", None, Ingested(sha256, meta, path.name, 0))
        stored.append(original)
    workspace.close()
    return assessment_id, stored


def small_photos(folder: Path, count: int) -> list[Path]:
    """``count`` different small JPEGs (noise, so no two are alike)."""
    from PIL import Image

    paths = []
    for n in range(count):
        path = folder / f"small-{n:05d}.jpg"
        Image.effect_noise((48, 32), 40 + n % 50).convert("RGB").save(path, "JPEG", quality=70 + n % 25)
        paths.append(path)
    return paths


def timed(command: list[str]) -> float:
    began = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def run_child(*args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--child", *args], check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def child(action: str, root: Path, bundle: Path, assessment: str) -> None:
    """In its own process, so its peak resident size is the export's or the import's alone."""
    from safety_assess.services.bundles import export_bundle, import_bundle

    workspace = Workspace.open(DataDir(root))
    workspace.database  # noqa: B018  (opened before the clock starts, as in the app)
    began = time.perf_counter()
    if action == "export":
        export_bundle(workspace, [uuid.UUID(assessment)], bundle, clock=CLOCK)
    elif action == "merge":  # the first bundle is there already (not timed); the second merges into it
        first, second = str(bundle).split(",")
        import_bundle(workspace, Path(first), trust=lambda _: True)
        began = time.perf_counter()
        report = import_bundle(workspace, Path(second), trust=lambda _: True)
        assert [o.result.value for o in report.outcomes] == ["updated"], report.outcomes
    else:
        report = import_bundle(workspace, bundle, trust=lambda _: True)
        assert report.outcomes, report
    elapsed = time.perf_counter() - began
    workspace.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": peak}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--photos", type=int, default=300)
    parser.add_argument("--many", type=int, default=10_000)
    parser.add_argument("--merge-items", type=int, default=1_000)
    parser.add_argument("--child", nargs=4, metavar=("ACTION", "ROOT", "BUNDLE", "ASSESSMENT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]), args.child[3])
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "src").mkdir()
        assessment_id, originals = build(folder / "laptop", make_photos(folder / "src", args.photos, quality=94))
        total = sum(p.stat().st_size for p in originals) / 1e6
        files = [str(p) for p in originals]
        bundle = folder / "bench.sabundle"
        times: dict[str, list[float]] = {"zip": [], "export": [], "unzip": [], "import": []}
        peaks = []
        for round_ in range(args.rounds):
            (folder / "base.zip").unlink(missing_ok=True)
            times["zip"].append(timed(["zip", "-0", "-q", "-j", str(folder / "base.zip"), *files]))
            times["zip"][-1] += timed(["sha256sum", *files])
            exported = run_child("export", str(folder / "laptop"), str(bundle), str(assessment_id))
            times["export"].append(exported["seconds"])
            times["unzip"].append(timed(["unzip", "-tq", str(bundle)]) + timed(["sha256sum", *files]))
            imported = run_child("import", str(folder / f"district-{round_}"), str(bundle), str(assessment_id))
            times["import"].append(imported["seconds"])
            peaks += [exported["peak_mb"], imported["peak_mb"]]
        size = bundle.stat().st_size / 1e6
        many = many_ratio(folder / "many", args.many, args.rounds)
        merged = merge_ratio(folder / "merge", args.merge_items, args.rounds)
    median = {key: statistics.median(values) for key, values in times.items()}
    export_ratio, import_ratio = median["export"] / median["zip"], median["import"] / median["unzip"]
    print(f"photos: {args.photos} ({total:.0f} MB), bundle {size:.0f} MB, rounds: {args.rounds}")
    for key, values in times.items():
        print(f"{key:>7}: {median[key]:.2f} s (all: {', '.join(f'{v:.2f}' for v in values)})")
    print(f"peak resident size of the export and import processes: {max(peaks):.0f} MB")
    print(
        f"RESULT bundle export_ratio={export_ratio:.2f} import_ratio={import_ratio:.2f} peak_mb={max(peaks):.0f} "
        f"export_s={median['export']:.2f} zip_s={median['zip']:.2f} import_s={median['import']:.2f} "
        f"unzip_s={median['unzip']:.2f} many_ratio={many:.2f} merge_ratio={merged:.2f}"
    )


def many_ratio(folder: Path, count: int, rounds: int) -> float:
    """Import of a bundle of ``count`` small photos against ``unzip -t`` + ``sha256sum`` of the same photos."""
    (folder / "src").mkdir(parents=True)
    assessment_id, originals = build(folder / "laptop", small_photos(folder / "src", count))
    bundle = folder / "many.sabundle"
    run_child("export", str(folder / "laptop"), str(bundle), str(assessment_id))
    files = [str(p) for p in originals]
    app, base = [], []
    for round_ in range(rounds):
        base.append(timed(["unzip", "-tq", str(bundle)]) + timed(["sha256sum", *files]))
        app.append(run_child("import", str(folder / f"district-{round_}"), str(bundle), str(assessment_id))["seconds"])
    app_s, base_s, size = statistics.median(app), statistics.median(base), bundle.stat().st_size / 1e6
    print(
        f"many: {count} small photos, bundle {size:.1f} MB; import {app_s:.2f} s, unzip -t + sha256sum {base_s:.2f} s"
    )
    return app_s / base_s


def merge_ratio(folder: Path, items: int, rounds: int) -> float:
    """The second laptop's bundle merged into the district's copy of the lead's, against the lead's imported alone."""
    lead, second = team_assessment(folder, items)
    both = f"{lead[1]},{second}"
    app, base = [], []
    for round_ in range(rounds):
        base.append(run_child("import", str(folder / f"fresh-{round_}"), str(lead[1]), str(lead[0]))["seconds"])
        app.append(run_child("merge", str(folder / f"district-{round_}"), both, str(lead[0]))["seconds"])
    app_s, base_s = statistics.median(app), statistics.median(base)
    print(f"merge: {items} items; merging the second laptop's bundle {app_s:.2f} s, importing one {base_s:.2f} s")
    return app_s / base_s


def team_assessment(folder: Path, items: int) -> tuple[tuple[uuid.UUID, Path], Path]:
    """The lead's and the second laptop's bundles of one assessment both worked on (see the module's docstring)."""
    from sqlalchemy import text

    from safety_assess.services.bundles import export_bundle, import_bundle

    lead = Workspace.open(DataDir(folder / "lead"))
    campus = lead.campuses.add("Bench High", "BH", "1 Bench Road")
    snapshot = lead.snapshots.snapshot(generated_checklist("bench-merge", items, 20))
    assessment_id = lead.assessments.create(campus.id, snapshot.id, ["Bench"], CLOCK.date()).id
    for n in range(items):
        lead.answers.save_answer(assessment_id, f"i{n}", None, "yes")
    export_bundle(lead, [assessment_id], folder / "pack.sabundle", clock=CLOCK)
    second = Workspace.open(DataDir(folder / "second"))
    import_bundle(second, folder / "pack.sabundle", trust=lambda _: True)
    with second.database.engine.begin() as connection:  # what a team pack does: the assessment is its to work on
        connection.execute(text("UPDATE assessments SET source_installation = NULL"))
    for n in range(items):
        mine = lead if n < items // 2 else second
        mine.answers.save_answer(assessment_id, f"i{n}", None, "no", f"Seen on round {n}.")
    paths = folder / "lead.sabundle", folder / "second.sabundle"
    for workspace, path in zip((lead, second), paths, strict=True):
        export_bundle(workspace, [assessment_id], path, clock=CLOCK)
        workspace.close()
    return (assessment_id, paths[0]), paths[1]


if __name__ == "__main__":
    main()
