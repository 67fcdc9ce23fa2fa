"""A checklist file that is not valid YAML, not text, or not a checklist at all: one plain line with the file, the
line and column, what is wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path

import pytest

from safety_assess.domain.checklist import ChecklistInvalid
from safety_assess.domain.checklist.yamlfile import load_checklist_file

CASES = [
    ("id: x\nsections:\n\t- id: s\n", "F:3:1: a tab character: indent with spaces, never tabs"),
    ("id:\tx\n", "F:1:4: a tab character: YAML takes spaces here, never tabs"),
    (
        'id: x\ntitle: "Fire doors\nversion: 1\n',
        'F:2:8: the quote " that starts here is never closed: add the closing " at the end of the text',
    ),
    (
        'id: x\nprompt: "Is it locked?\nguidance: Try it.\nanswer: {type: yes_no, deficient_if: "no"}\n',
        'F:2:9: the quote " that starts here is not closed on its line, so the text runs on to line 4: add the '
        'closing " at the end of this line',
    ),
    (
        "id: x\ntitle: 'Fire doors\n",
        "F:2:8: the quote ' that starts here is never closed: add the closing ' at the end of the text",
    ),
    (
        "id: x\nsections:\n  - id: s\n    title: T\n   items: []\n",
        "F:5:4: this line does not line up with the lines above it: the fields of one entry start in the same column",
    ),
    (
        "id: x\n  title: T\n",
        "F:2:3: this line is indented further than the line above allows: line it up with the fields around it",
    ),
    (
        "id: x\ntitle T\nversion: 1\n",
        "F:2:1: 'title T' has no ':' after a field name: write it as name: value (or indent it if it continues "
        "the text above)",
    ),
    (
        "id: x\nprompt: Note: check both doors\n",
        "F:2:13: a second ': ' on this line: put the text after the first ': ' in quotes",
    ),
    ("id: x\nid: y\n", "F:2:1: 'id' is given twice in the same entry: keep one of them"),
    (
        "id: x\nanswer: {type: yes_no, deficient_if: no\nversion: 1\n",
        "F:3:8: the '{' on line 2 is not closed where expected: add the missing '}', or put text that holds ': ', "
        "',' or '#' in quotes",
    ),
    ("id: x\nanswer: {\n", "F:2:9: the '{' that starts here is never closed: add the missing '}'"),
    (
        "id: x\n- a\n",
        "F:2:1: a list entry ('- ') where a field was expected: indent it under the field that holds the list",
    ),
    (
        "prompt: [Optional] check the doors\n",
        "F:1:20: more text after a value that has ended: when a value starts with a quote, '[' or '{', put the "
        "whole value in quotes",
    ),
    ("id: @x\n", "F:1:5: a value cannot start with '@': put the whole value in quotes"),
    (
        "prompt: *bold* text\n",
        "F:1:9: a value starting with '*' is read as a reference to another part of the file: put the whole value "
        "in quotes",
    ),
    (
        'title: "C:\\Users"\n',
        "F:1:13: in double quotes a backslash starts an escape, and this one is incomplete: use single quotes "
        "instead, or write \\\\ for a backslash",
    ),
    (
        'title: "Doors\\q"\n',
        "F:1:15: in double quotes a backslash starts an escape, and '\\q' is not one: use single quotes instead, "
        "or write \\\\ for a backslash",
    ),
    (
        "id: x\n---\nid: y\n",
        "F:2:1: a second document starts here ('---'): a checklist file holds one; remove the line, or split the file",
    ),
    (
        "prompt: |Check\n  the doors\n",
        "F:1:10: after '|' or '>' the text starts on the next line, indented: move it there",
    ),
    ("id: x\a\n", "F:1:6: a control character (code 7) that a text file should not hold: delete it"),
    (
        "",
        "F:1: the file is empty (or holds only comments): a checklist is a set of fields: id:, title:, version: and "
        "sections:",
    ),
    (
        "# nothing yet\n",
        "F:1: the file is empty (or holds only comments): a checklist is a set of fields: id:, title:, version: and "
        "sections:",
    ),
    (
        "- id: a\n- id: b\n",
        "F:1: the file is a list (its lines start with '- '): a checklist is a set of fields: id:, title:, version: "
        "and sections:, not a list",
    ),
    (
        "My fire door checklist\n",
        "F:1: the file holds only the text 'My fire door checklist': a checklist is a set of fields: id:, title:, "
        "version: and sections: (each line name: value)",
    ),
]


def lines_for(tmp_path: Path, content: bytes) -> list[str]:
    path = tmp_path / "mine.yaml"
    path.write_bytes(content)
    with pytest.raises(ChecklistInvalid) as raised:
        load_checklist_file(path)
    return [line.replace(str(path), "F") for line in raised.value.lines()]


@pytest.mark.parametrize(("text", "line"), CASES)
def test_each_yaml_mistake_is_one_plain_line_with_line_and_column(tmp_path: Path, text: str, line: str) -> None:
    assert lines_for(tmp_path, text.encode()) == [line]


def test_text_in_another_encoding_is_located_and_named(tmp_path: Path) -> None:
    assert lines_for(tmp_path, "id: x\ntitle: Café check\n".encode("cp1252")) == [
        "F:2:11: the file is not UTF-8 text (byte 0xe9 here comes from another encoding, such as Windows-1252): "
        "save it as UTF-8"
    ]
    assert lines_for(tmp_path, "id: x\n".encode("utf-16")) == ["F: the file is saved as UTF-16 text: save it as UTF-8"]


def test_a_file_nested_thousands_deep_is_refused_in_words(tmp_path: Path) -> None:
    assert lines_for(tmp_path, b"id: " + b"[" * 5000 + b"]" * 5000) == [
        "F: the file nests lists or fields far deeper than any checklist"
    ]


def test_a_file_that_is_not_text_at_all_says_so(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    assert lines_for(tmp_path, png) == [
        "F: this is not a text file (it holds bytes that pictures, PDFs and word-processor files hold): a checklist "
        "is a YAML text file"
    ]


FIELD_CASES = [
    ("severity: high", "severity: expected a whole number, got 'high'"),
    ("severity: 2.5", "severity: expected a whole number, got 2.5"),
    ("likelihood: 9", "likelihood: must be at most 5, got 9"),
    ("weight: 0", "weight: must be more than 0, got 0"),
    ("required: sometimes", "required: expected true or false, got 'sometimes'"),
    ("cost: cheap", "cost: expected 'none', 'low', 'medium', 'high' or 'very_high', got 'cheap'"),
    ("prompt: ''", "prompt: must not be empty"),
    ("action: [a, b]", "action: expected text, got a list"),
    (
        "id: Door Locked",
        "id: 'Door Locked' is not a valid id: use lowercase letters, digits, '_', '.' and '-', starting with a "
        "letter or digit (e.g. door-locked)",
    ),
    (
        "answer: [yes_no]",
        "answer: expected fields (name: value lines, or {name: value, ...}) such as {type: yes_no, deficient_if: "
        "'no'}, got a list",
    ),
    ("tags: [cpted]", "tags: expected fields (name: value lines, or {name: value, ...}), got a list"),
]


@pytest.mark.parametrize(("field", "message"), FIELD_CASES)
def test_field_mistakes_are_told_in_plain_words(tmp_path: Path, field: str, message: str) -> None:
    name = field.split(":")[0]
    item = {"id": "id: a", "prompt": "prompt: P", "answer": "answer: {type: text}"} | {name: field}
    text = "id: x\ntitle: X\nversion: 1.0.0\nsections:\n  - id: s\n    title: S\n    items:\n"
    text += "".join(f"      {'- ' if n == 0 else '  '}{line}\n" for n, line in enumerate(item.values()))
    [line] = lines_for(tmp_path, text.encode())
    assert line.split(": ", 1)[1] == f"sections.0.items.0.{message}"


def test_an_empty_list_of_items_says_what_it_takes(tmp_path: Path) -> None:
    text = "id: x\ntitle: X\nversion: 1.0.0\nsections:\n  - id: s\n    title: S\n    items:\n"
    assert lines_for(tmp_path, text.encode()) == [
        "F:7: sections.0.items: is empty; it takes a list (lines starting with '- ', or [a, b, ...])"
    ]
