"""Importing 12-megapixel JPEGs: hash, store, thumbnail and report rendition, against the bare Pillow work.

bare: what any import must do at least: a draft decode, two resizes (1600 px, 256 px) and two JPEG encodes.
app: safety_assess.photos.ingest on the same files (a fresh store each round, so nothing is de-duplicated).
peak_mb: the largest resident size of a separate process importing 50 such photos through the photo service.
peak_large_mb: the same for the largest photo the app accepts, in every format (each made at its format's limit:
a 200 MP baseline JPEG, and progressive JPEG, PNG, TIFF, WebP and HEIC at the pixel count the decoding budget
allows them); the figure is the worst of them.

    python bench/photo_ingest.py [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

from safety_assess.photos.ingest import ingest
from safety_assess.photos.store import PhotoStore

WIDTH, HEIGHT = 4000, 3000


def make_photos(folder: Path, count: int, quality: int = 92) -> list[Path]:
    """Camera-like 12 MP JPEGs (texture, not flat colour, so they compress like real photos)."""
    chance = random.Random(7)
    base = Image.effect_noise((WIDTH // 4, HEIGHT // 4), 60).convert("RGB").resize((WIDTH, HEIGHT))
    base = base.filter(ImageFilter.GaussianBlur(1))
    paths = []
    for n in range(count):
        image = base.copy()
        draw = ImageDraw.Draw(image)
        for _ in range(40):
            x, y = chance.randrange(WIDTH), chance.randrange(HEIGHT)
            draw.rectangle((x, y, x + 300, y + 200), fill=tuple(chance.randrange(256) for _ in range(3)))
        path = folder / f"photo-{n:03d}.jpg"
        image.save(path, "JPEG", quality=quality)
        paths.append(path)
    return paths


def bare(path: Path) -> None:
    with Image.open(path) as image:
        image.draft("RGB", (1600, 1200))
        report = image.resize((1600, 1200), Image.Resampling.LANCZOS)
    thumb = report.resize((256, 192), Image.Resampling.LANCZOS)
    for picture in (report, thumb):
        picture.save(io.BytesIO(), "JPEG", quality=85, optimize=True)


def app(path: Path, store_root: Path) -> None:
    ingest(PhotoStore(store_root), path)


PEAK_CHILD = """
import datetime as dt, sys
from pathlib import Path
Path("/proc/self/clear_refs").write_text("5")  # forget the peak inherited from the parent process
from pathlib import Path
from safety_assess.base.datadir import DataDir
from safety_assess.services.assessments import start_assessment
from safety_assess.services.photos import add_photos
from safety_assess.services.workspace import Workspace
workspace = Workspace.open(DataDir(Path(sys.argv[1])))
workspace.campuses.add("Bench", "B")
summary = start_assessment(workspace, "B", "cameras-technology", [], dt.date(2026, 11, 23))
files = [Path(p) for p in sys.argv[2:]]
result = add_photos(workspace, summary.id, "video.retention-days", files)
assert len(result.added) == len(files), result.refused
peak_kb = next(line for line in Path("/proc/self/status").read_text().splitlines() if line.startswith("VmHWM"))
print(int(peak_kb.split()[1]) / 1024)
"""


LARGE: dict[str, dict[str, object]] = {
    "JPEG": {},
    "JPEG progressive": {"progressive": True},
    "PNG": {"compress_level": 1},
    "TIFF": {},
}
LARGE_MORE: dict[str, dict[str, object]] = {"WEBP": {"quality": 50, "method": 0}, "HEIF": {"quality": 30}}


def largest_accepted(folder: Path) -> dict[str, Path]:
    """One photo per format at the largest size the app accepts (4:3, just under the format's limit)."""
    from pillow_heif import register_heif_opener

    from safety_assess.photos.decode import DECODE_BUDGET, MAX_PIXELS, decode_bytes_per_pixel

    register_heif_opener()
    made: dict[str, Path] = {}
    for name, options in {**LARGE, **LARGE_MORE}.items():
        probe = folder / f"probe-{len(made)}.{'jpg' if 'JPEG' in name else name.lower()}"
        Image.new("RGB", (64, 48)).save(probe, name.split()[0], **options)
        with Image.open(probe) as opened:
            pixels = min(MAX_PIXELS, DECODE_BUDGET / decode_bytes_per_pixel(opened)) * 0.98
        width = int((pixels * 4 / 3) ** 0.5)
        picture = Image.linear_gradient("L").resize((width, int(width * 3 / 4))).convert("RGB")
        path = folder / f"large-{len(made)}{probe.suffix}"
        picture.save(path, name.split()[0], **options)
        made[f"{name} {picture.width * picture.height / 1e6:.0f} MP"] = path
        del picture
    return made


def peak_of(folder: Path, files: list[Path]) -> float:
    child = subprocess.run(
        [sys.executable, "-c", PEAK_CHILD, str(folder), *map(str, files)], capture_output=True, text=True, check=True
    )
    return float(child.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        photos = make_photos(folder, 50)
        app_times, bare_times = [], []
        for round_no in range(args.rounds):
            for n, path in enumerate(photos[:4]):
                began = time.perf_counter()
                bare(path)
                bare_times.append(time.perf_counter() - began)
                began = time.perf_counter()
                app(path, folder / f"store-{round_no}-{n}")
                app_times.append(time.perf_counter() - began)
        peak = peak_of(folder / "data", photos)
        large = {
            name: peak_of(folder / f"data-large-{n}", [path])
            for n, (name, path) in enumerate(largest_accepted(folder).items())
        }
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"photos: {WIDTH} x {HEIGHT} JPEG, {len(app_times)} imports each way, alternating")
    print(f"app  median {app_median:.3f} s per photo; bare {bare_median:.3f} s")
    print(
        f"peak resident memory importing {len(photos)} photos: {peak:.1f} MB "
        f"(this process, making them: {own_peak:.1f} MB)"
    )
    for name, figure in large.items():
        print(f"peak resident memory importing the largest {name}: {figure:.1f} MB")
    print(
        f"RESULT photo_ingest app={app_median:.3f} bare={bare_median:.3f} ratio={app_median / bare_median:.2f} "
        f"peak_mb={peak:.0f} peak_large_mb={max(large.values()):.0f}"
    )


if __name__ == "__main__":
    main()
