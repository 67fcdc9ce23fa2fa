"""The running header and footer of a report page: a long campus name or checklist title is cut short, never written
over the confidentiality marking or the page number."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from reportlab.platypus import Paragraph

from safety_assess.reports.page import ReportDocument, report_canvas
from safety_assess.reports.styles import styles


def boxes(path: Path) -> list[tuple[str, float, float]]:
    """Each word of the page with where it starts and ends across (points)."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [
        (w, float(a), float(b))
        for a, b, w in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<', html)
    ]


def test_a_long_header_and_footer_leave_the_marking_and_page_number_clear(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    header = "Extraordinarily long campus name " * 6
    footer = "A checklist with a very long title indeed " * 5
    document = ReportDocument(str(out), header, "CONFIDENTIAL-MARKING", footer)
    document.build([Paragraph("Body text", styles()["body"])], canvasmaker=report_canvas(dt.datetime(2026, 12, 6)))
    words = boxes(out)
    marking = next(start for word, start, _ in words if word == "CONFIDENTIAL-MARKING")
    page = next(start for word, start, _ in words if word == "Page")
    assert all(end < marking for word, _, end in words if word in ("Extraordinarily", "long", "campus", "name"))
    assert all(end < page for word, _, end in words if word in ("checklist", "title", "indeed", "very"))
    assert any(word.endswith("…") for word, _, _ in words)
