"""Exporting the action plan from the app: options dialog, background export, preview in Qt PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel

from safety_assess.domain.records import AssessmentSummary
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.report import options
from safety_assess.ui.report.options import ReportDialog, ReportRequest


def exported(qtbot: Any, registry: Any) -> Any:
    """The report preview the export opened, registered with the other windows."""
    qtbot.waitUntil(lambda: bool(registry.previews), timeout=60_000)
    [preview] = registry.previews
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=20_000)
    return preview


def test_export_from_the_plan_window_shows_the_report(qtbot, open_plan, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    out = tmp_path / "plan.pdf"
    suggested: list[Path] = []

    def ask(parent: Any, path: Path) -> ReportRequest:
        suggested.append(path)
        return ReportRequest(out, public=False, password="long enough")

    monkeypatch.setattr(options, "ask_report_options", ask)
    window.actions_by_id["plan.export"].trigger()
    preview = exported(qtbot, window.registry)
    assert suggested[0].name == "action-plan-LHS-2026-11-02.pdf"
    assert out.read_bytes().startswith(b"%PDF-") and b"/Encrypt" in out.read_bytes()
    assert preview.document.pageCount() >= 5 and "pages" in preview.pages.text()
    assert not preview.notice.isVisible()
    preview.close()


def test_export_from_the_main_window_public(  # type: ignore[no-untyped-def]
    qtbot,
    window,
    assessment: AssessmentSummary,
    tmp_path: Path,
    monkeypatch,
) -> None:
    out = tmp_path / "public.pdf"
    monkeypatch.setattr(options, "ask_report_options", lambda parent, path: ReportRequest(out, True, None))
    window.refresh(select=assessment.id)
    window.actions_by_id["assessment.export"].trigger()
    preview = exported(qtbot, window.windows)
    assert preview.document.pageCount() >= 4 and out.is_file()
    preview.close()


def test_the_options_dialog_checks_its_input(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ReportDialog(None, tmp_path / "plan.pdf")
    qtbot.addWidget(dialog)
    [file_label] = [label for label in dialog.findChildren(QLabel) if label.text() == "&File:"]
    assert file_label.buddy() is dialog.path  # Alt+F reaches the file field (and the label shows no '&')
    dialog.password.setText("short")
    dialog.again.setText("short")
    dialog.accept()
    assert "at least 8 characters" in dialog.error.text() and dialog.result() == 0
    dialog.password.setText("long enough")
    dialog.again.setText("long enougH")
    dialog.accept()
    assert "differ" in dialog.error.text()
    dialog.public.setChecked(True)
    assert not dialog.password.isEnabled() and dialog.value() == ReportRequest(tmp_path / "plan.pdf", True, None)
    dialog.path.setText(str(tmp_path / "missing" / "x.pdf"))
    dialog.accept()
    assert "does not exist" in dialog.error.text()
    dialog.path.setText(str(tmp_path / "ok.pdf"))
    dialog.accept()
    assert dialog.result() == 1


def test_a_failed_export_says_why(qtbot, open_plan, workspace: Workspace, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_plan()
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: errors.append(message))
    monkeypatch.setattr(
        options, "ask_report_options", lambda parent, path: ReportRequest(tmp_path / "gone" / "x.pdf", False, None)
    )
    window.actions_by_id["plan.export"].trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=60_000)
    assert "does not exist" in errors[0] and window.registry.previews == []
