"""The log file: what is logged before it opens is held and written first, once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from safety_assess.base.logs import FORMAT, HeldLog, log_file


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, with its handlers and level put back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield root
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_records_logged_before_the_file_opens_are_written_first_as_they_were_logged(
    tmp_path: Path, root_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    held = HeldLog(tmp_path)
    logging.getLogger("safety_assess.test").info("before the window shows")
    assert not log_file(tmp_path).exists()

    assert held.open() == log_file(tmp_path)
    logging.getLogger("safety_assess.test").info("after")
    assert held.open() == log_file(tmp_path)  # once: nothing is written twice

    lines = log_file(tmp_path).read_text(encoding="utf-8").splitlines()
    assert lines == [logging.Formatter(FORMAT).format(record) for record in caplog.records]  # with the time logged
    assert [line.split("] ", 1)[1] for line in lines] == ["before the window shows", "after"]


def test_a_folder_that_cannot_take_the_log_holds_no_records_and_has_no_log(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    (tmp_path / "logs").write_text("a file where the log folder should be")
    held = HeldLog(tmp_path)
    logging.getLogger("safety_assess.test").warning("nowhere to go")

    assert held.open() is None
    assert held.path is None and held not in root_logger.handlers
