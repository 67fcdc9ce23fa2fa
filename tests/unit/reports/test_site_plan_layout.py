"""The site plans chapter's layout: a plan and its pin table fit the page's text column."""

from __future__ import annotations

from safety_assess.reports.chapters import site_plans
from safety_assess.reports.page import ReportDocument


def test_a_plan_and_its_table_fit_the_text_column() -> None:
    document = ReportDocument("unused.pdf", "header", "marking", "footer")
    frame = document.pageTemplates[0].frames[0]
    room = frame._width - frame._leftPadding - frame._rightPadding  # ReportLab's names
    assert max(site_plans.WIDTH, sum(site_plans.COLUMNS)) <= room
