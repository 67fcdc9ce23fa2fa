"""The page frame of a report: running header with the marking on every page, footer with "page x of y",
PDF outline entries for chapters, document metadata, and a fixed clock so the same input gives the same bytes."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import TimeStamp
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from safety_assess.reports import fonts
from safety_assess.reports.styles import MARK, MUTED, RULE

PAGE = LETTER
MARGIN = 0.75 * inch
TOTAL_FORM = "pageTotal"
GAP = 12.0
"""Between the header and the marking, and the footer and the page number."""
OUTLINE_LEVELS = {"h1": 0, "h2": 1}


def report_canvas(clock: dt.datetime) -> type[Canvas]:
    """A canvas class that dates the document by ``clock`` and writes the page total once it is known."""

    class ReportCanvas(Canvas):  # type: ignore[misc]  # ReportLab has no type information
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **{**kwargs, "invariant": 1})
            date_document(self, clock)
            self.pages = 0

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self.pages += 1
            super().showPage()

        def save(self) -> None:
            """The footers refer to a form holding the total; define it now that it is known."""
            self.beginForm(TOTAL_FORM)
            self.setFillColor(MUTED)
            fonts.draw(self, 0, 0, str(self.pages), 8)
            self.endForm()
            super().save()

    return ReportCanvas


def date_document(canvas: Canvas, clock: dt.datetime) -> None:
    """Date the canvas's document by ``clock``: ReportLab dates a document when it starts it (an invariant canvas,
    so the same input gives the same bytes)."""
    stamp = TimeStamp(invariant=True)
    moment = clock.astimezone(dt.UTC)
    stamp.t, stamp.lt = moment.timestamp(), time.gmtime(moment.timestamp())
    stamp.YMDhms = tuple(stamp.lt)[:6]
    canvas._doc._timeStamp = stamp


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]  # ReportLab has no type information
    """Letter pages with the running header and footer; chapters (h1) and sections (h2) go in the outline."""

    def __init__(self, target: Any, header: str, marking: str, footer: str, **metadata: Any) -> None:
        super().__init__(
            target,
            pagesize=PAGE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 0.2 * inch,
            bottomMargin=MARGIN,
            **metadata,
        )
        self.header_text, self.marking, self.footer_text = header, marking, footer
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._decorate)])
        self._outline_count = 0

    def _decorate(self, canvas: Canvas, _doc: Any) -> None:
        width, height = PAGE
        top = height - MARGIN + 6
        canvas.saveState()
        canvas.setFillColor(MUTED)
        room = width - 2 * MARGIN - fonts.width(self.marking, 8, fonts.BOLD) - GAP
        fonts.draw(canvas, MARGIN, top, fonts.fit(self.header_text, 8, room), 8)  # never over the marking
        canvas.setFillColor(MARK)
        fonts.draw(canvas, width - MARGIN, top, self.marking, 8, main=fonts.BOLD, align="right")
        canvas.setStrokeColor(RULE)
        canvas.line(MARGIN, top - 4, width - MARGIN, top - 4)
        canvas.line(MARGIN, MARGIN - 10, width - MARGIN, MARGIN - 10)
        canvas.setFillColor(MUTED)
        label = f"Page {canvas.getPageNumber()} of "
        right = width - MARGIN - 18
        room = right - fonts.width(label, 8) - GAP - MARGIN
        fonts.draw(canvas, MARGIN, MARGIN - 22, fonts.fit(self.footer_text, 8, room), 8)
        fonts.draw(canvas, right, MARGIN - 22, label, 8, align="right")
        canvas.translate(right + 1, MARGIN - 22)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        """Headings become bookmarks in the PDF outline."""
        if not isinstance(flowable, Paragraph):
            return
        level = OUTLINE_LEVELS.get(flowable.style.name)
        if level is None:
            return
        self._outline_count += 1
        key = f"h{self._outline_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)
