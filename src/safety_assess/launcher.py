"""The program's entry point: the command line, which opens the app's window when given no command.

The only module that knows both: the command line and the window stay apart (see docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from safety_assess.cli.main import main as command_line


class _Window:
    """The window, imported only when it opens (a command never loads Qt)."""

    def run_app(self, data_dir: str | None, database_url: str | None, quit_after_show: bool) -> int:
        from safety_assess.ui.app import run_app

        return run_app(data_dir, database_url, quit_after_show=quit_after_show)

    def run_self_test(self) -> int:
        from safety_assess.ui.self_test import run_self_test

        return run_self_test()

    def render_pdf_page(self, path: Path, page: int, max_pixels: int) -> bytes:
        """A PDF page as PNG bytes, drawn with QtPdf (``safety-assess map add`` of a PDF plan)."""
        from safety_assess.ui.pdf_pages import render_page

        return render_page(path, page, max_pixels)


def main(argv: Sequence[str] | None = None) -> int:
    return command_line(argv, _Window())
