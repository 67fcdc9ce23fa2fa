"""A PDF page drawn as a PNG for a plan: on white, at about 150 dpi within the pixel cap, and every bad PDF refused
with one plain line."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

from safety_assess.domain.sitemap.model import MapError
from safety_assess.ui.pdf_pages import render_page
from tests import plan_files


@pytest.fixture
def drawn(tmp_path: Path) -> Path:
    """A Letter page with one black line across it and nothing else (the rest is transparent), then a second page
    in landscape."""
    path = tmp_path / "plan.pdf"
    canvas = Canvas(str(path), pagesize=letter)
    canvas.setLineWidth(10)
    canvas.line(0, 396, 612, 396)  # across the middle
    canvas.showPage()
    canvas.setPageSize((792, 612))
    canvas.showPage()
    canvas.save()
    return path


def test_a_page_is_drawn_on_white_at_150_dpi(drawn: Path) -> None:
    with Image.open(io.BytesIO(render_page(drawn, 1, 40_000_000))) as page:
        assert (page.format, page.size) == ("PNG", (1275, 1650))  # 8.5 x 11 in at 150 dpi
        rgb = page.convert("RGB")
        assert rgb.getpixel((600, 100)) == (255, 255, 255)  # where nothing is drawn: white, not transparent
        assert rgb.getpixel((600, 825)) == (0, 0, 0)
    with Image.open(io.BytesIO(render_page(drawn, 2, 40_000_000))) as landscape:
        assert landscape.size == (1650, 1275)


def test_a_page_is_drawn_smaller_to_stay_within_the_pixel_cap(drawn: Path) -> None:
    with Image.open(io.BytesIO(render_page(drawn, 1, 100_000))) as page:
        width, height = page.size
        assert width * height <= 100_000 and abs(width / height - 8.5 / 11) < 0.01


@pytest.mark.parametrize(
    ("page", "message"),
    [(3, "page 3 of plan.pdf does not exist: it has 2 pages"), (0, "page 0 of plan.pdf does not exist")],
)
def test_a_page_that_does_not_exist(drawn: Path, page: int, message: str) -> None:
    with pytest.raises(MapError, match=message):
        render_page(drawn, page, 1_000_000)


def test_damaged_protected_and_missing_pdfs_are_refused(drawn: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(drawn.read_bytes()[:200])
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(drawn) as document:
        document.save(locked, encryption=pikepdf.Encryption(owner="owner", user="secret"))
    for path, message in [
        (cut, "cut.pdf: the PDF is damaged or not a PDF"),
        (locked, "locked.pdf: the PDF is protected by a password; save it without one"),
        (tmp_path / "gone.pdf", "gone.pdf: no such file"),
    ]:
        with pytest.raises(MapError, match=message):
            render_page(path, 1, 1_000_000)


def test_a_pdf_only_its_owner_may_edit_opens(drawn: Path, tmp_path: Path) -> None:
    owned = tmp_path / "owned.pdf"
    with pikepdf.open(drawn) as document:
        document.save(owned, encryption=pikepdf.Encryption(owner="owner", user=""))
    assert render_page(owned, 1, 10_000).startswith(b"\x89PNG")


def test_a_pdf_made_of_a_picture(tmp_path: Path) -> None:
    with Image.open(io.BytesIO(render_page(plan_files.pdf(tmp_path / "scan.pdf"), 2, 40_000_000))) as page:
        assert page.size == (833, 625)  # 400 x 300 points at 150 dpi
