"""Printing for people: text that came in a bundle is shown with its control characters escaped, so that a note or
a device name cannot move the cursor, clear the screen or retitle the terminal."""

from __future__ import annotations

import pytest

from safety_assess.cli.output import print_table, printable


def test_control_and_format_characters_are_shown_escaped() -> None:
    assert printable("\x1b]0;owned\x07\x1b[2J") == "\\x1b]0;owned\\x07\\x1b[2J"
    assert printable("two\nlines\tand\r") == "two\\nlines\\tand\\r"
    assert printable("abc\u202edef\u2028") == "abc\\u202edef\\u2028"  # right-to-left override, line separator
    assert printable("Lincoln High – Gym, café 3°") == "Lincoln High – Gym, café 3°"


def test_tables_escape_every_cell(capsys: pytest.CaptureFixture[str]) -> None:
    print_table(["ITEM", "NOTE"], [("gate", "\x1b[31mred"), ("door", 2)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and out.splitlines()[1].split() == ["gate", "\\x1b[31mred"]
