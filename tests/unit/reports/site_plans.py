"""Site plans made in the test: a drawn PNG and a SiteMap with exterior doors, cameras, every other key feature and
a pinned finding, for responder maps and the action plan's plan pages."""

from __future__ import annotations

import uuid
from pathlib import Path

from PIL import Image, ImageDraw

from safety_assess.domain.sitemap.model import KEY_FEATURES, CameraSpec, Marker, MarkerKind, Scale, SiteMap

WIDTH, HEIGHT = 1200, 800
FEATURES = [k for k in KEY_FEATURES if k not in (MarkerKind.EXTERIOR_DOOR, MarkerKind.CAMERA)]


def plan_png(path: Path, size: tuple[int, int] = (WIDTH, HEIGHT)) -> Path:
    """Two buildings and a playground, drawn."""
    width, height = size
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((width // 8, height // 8, width * 5 // 8, height * 5 // 8), outline="black", width=5)
    draw.rectangle((width * 3 // 4, height // 4, width * 15 // 16, height * 7 // 8), outline="black", width=5)
    draw.rectangle((width // 8, height * 3 // 4, width // 2, height * 15 // 16), fill=(110, 190, 110))
    image.save(path)
    return path


def marker(plan_id: uuid.UUID, kind: MarkerKind, x: float, y: float, **fields: object) -> Marker:
    return Marker(uuid.uuid4(), plan_id, kind, x, y, **fields)  # type: ignore[arg-type]


def site_plan(
    *,
    size: tuple[int, int] = (WIDTH, HEIGHT),
    rotation: int = 0,
    north: float | None = 30.0,
    pixels_per_metre: float | None = 5.0,
    doors: int = 6,
    cameras: int = 4,
    extra: tuple[Marker, ...] = (),
    plan_id: uuid.UUID | None = None,
) -> SiteMap:
    """A plan ``size`` pixels; doors along the top and bottom edges of the first building, numbered 1, 2, 3…; a
    camera looking each way; every other key feature once, labelled with its kind; a finding pinned at the centre."""
    plan_id = plan_id or uuid.uuid4()
    width, height = size
    markers = [
        marker(plan_id, MarkerKind.EXTERIOR_DOOR, width * (0.15 + 0.45 * n / doors), height / 8, number=n + 1)
        for n in range(doors)
    ]
    markers += [
        marker(plan_id, MarkerKind.CAMERA, width * (0.2 + 0.15 * n), height * 0.7, camera=CameraSpec(heading=90 * n))
        for n in range(cameras)
    ]
    markers += [
        marker(plan_id, kind, width * (0.15 + 0.06 * n), height * (0.3 + 0.1 * (n % 3)), label=f"{kind.label} here")
        for n, kind in enumerate(FEATURES)
    ]
    markers.append(marker(plan_id, MarkerKind.FINDING, width / 2, height / 2, label="PINNED-FINDING"))
    scale = Scale((0.0, 0.0), (pixels_per_metre * 100, 0.0), 100.0) if pixels_per_metre else None
    return SiteMap(
        id=plan_id,
        campus_id=uuid.uuid4(),
        title="Site plan",
        sha256="0" * 64,
        extension="png",
        width=width,
        height=height,
        rotation=rotation,
        north=north,
        scale=scale,
        markers=(*markers, *extra),
    )
