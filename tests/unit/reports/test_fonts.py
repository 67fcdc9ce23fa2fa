"""Text in any language an assessor types renders with the bundled fonts; what none has is reported."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from safety_assess.reports.fonts import FALLBACK, REPLACEMENT, SANS, markup, missing, register_fonts, runs

SAMPLES = {
    "accents": "Café, naïve façade, Ærøskøbing",
    "spanish": "¿Dónde está la salida de emergencia? Señalización",
    "armenian": "Անվտանգության գնահատում",
    "chinese": "学校安全评估：紧急出口",
    "symbols": "≥ 36 in. ✓ ★",
}


def test_each_script_gets_a_font_that_has_it() -> None:
    assert list(runs("Gate 学校 ok")) == [(SANS, "Gate "), (FALLBACK, "学校 "), (SANS, "ok")]
    for text in SAMPLES.values():
        assert missing(text) == set(), text


def test_characters_no_font_has_are_replaced_and_reported() -> None:
    text = "Tibetan ཀ and an unassigned \U000e0fff here"
    lost = missing(text)
    assert "ཀ" in lost or "\U000e0fff" in lost
    shown = "".join(piece for _, piece in runs(text))
    assert REPLACEMENT in shown and "\U000e0fff" not in shown


def test_markup_escapes_and_keeps_line_breaks() -> None:
    assert markup("a < b & c\nnext") == "a &lt; b &amp; c<br/>next"
    assert markup("门") == f'<font name="{FALLBACK}">门</font>'
    assert markup("bell\x07 gone") == "bell gone"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_every_sample_comes_back_out_of_a_pdf(tmp_path: Path) -> None:
    register_fonts()
    style = ParagraphStyle("body", fontName=SANS, fontSize=11)
    out = tmp_path / "fonts.pdf"
    SimpleDocTemplate(str(out)).build([Paragraph(markup(t), style) for t in SAMPLES.values()])
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    for sample in SAMPLES.values():
        assert sample.split()[0] in text, sample
