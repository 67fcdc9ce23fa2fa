"""The self-test reports a broken step, still runs the others, and fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.ui import self_test


def test_a_failing_step_is_named_and_the_others_still_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_folder: Path) -> str:
        raise FileNotFoundError("checklists folder missing from the build")

    monkeypatch.setattr(self_test, "_checklists", broken)
    lines: list[str] = []
    assert self_test.run_self_test(lines.append) == 1
    assert lines[1] == "FAIL checklists: FileNotFoundError: checklists folder missing from the build"
    assert lines[2].startswith("ok   sample assessment") and lines[3].startswith("ok   main window")
    assert lines[-1] == "self-test FAILED (1 of 3 steps)"
