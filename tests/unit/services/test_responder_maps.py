"""The responder map written from a stored plan: a PDF, or its page as a PNG without metadata; refused as a whole."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, PngImagePlugin

from safety_assess.domain.sitemap.model import MapError, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.responder_maps import PNG_MAX_PIXELS, write_responder_map
from safety_assess.services.workspace import Workspace
from tests import plan_files


@pytest.fixture
def plan(workspace: Workspace, tmp_path: Path) -> SiteMap:
    campus = workspace.campuses.add("Lincoln High", "LHS", "1 Main Street")
    made = site_maps.add_map(workspace, campus.id, plan_files.png_with_metadata(tmp_path / "Site.png"))
    site_maps.set_scale(workspace, made.id, (0, 0), (100, 0), 10)
    site_maps.add_marker(workspace, made.id, MarkerKind.EXTERIOR_DOOR, (50, 50))
    return made


def test_a_pdf_with_the_campus_and_the_date(workspace: Workspace, plan: SiteMap, tmp_path: Path) -> None:
    out = write_responder_map(workspace, plan.id, tmp_path / "r.pdf", size="tabloid", today=dt.date(2026, 12, 1))
    with pikepdf.open(out) as document:
        assert len(document.pages) == 1
        assert "Lincoln High" in str(document.docinfo.get("/Title"))
    assert list(workspace.photo_store.root.glob(".*")) == []  # its working folder is gone


def test_a_png_is_the_pdf_page_drawn_and_left_without_metadata(
    workspace: Workspace, plan: SiteMap, tmp_path: Path
) -> None:
    asked: list[tuple[int, int]] = []

    def render(path: Path, page: int, max_pixels: int) -> bytes:
        asked.append((page, max_pixels))
        assert path.read_bytes().startswith(b"%PDF-")
        info = PngImagePlugin.PngInfo()
        info.add_text("Software", "a renderer that writes its name")
        out = io.BytesIO()
        plan_files.drawing((300, 200)).save(out, "PNG", pnginfo=info, dpi=(150, 150))
        return out.getvalue()

    out = write_responder_map(workspace, plan.id, tmp_path / "r.png", render_page=render)
    assert asked == [(1, PNG_MAX_PIXELS)]
    assert plan_files.png_chunks(out.read_bytes()) == ["IHDR", "IDAT", "IEND"]
    with Image.open(out) as written:
        assert written.size == (300, 200)


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("r.jpg", {}, "r.jpg: a responder map is written as a .pdf or a .png file"),
        ("r.png", {}, "a PNG responder map cannot be drawn here"),
        ("r.pdf", {"size": "a4"}, "unknown paper size 'a4'"),
    ],
)
def test_what_cannot_be_written_writes_nothing(
    workspace: Workspace, plan: SiteMap, tmp_path: Path, name: str, options: dict[str, str], message: str
) -> None:
    with pytest.raises(MapError, match=message):
        write_responder_map(workspace, plan.id, tmp_path / name, **options)  # type: ignore[arg-type]
    assert not (tmp_path / name).exists()
