"""Every kind of bad checklist gets a message naming the file, the line and the field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from safety_assess.domain.checklist import ChecklistInvalid
from safety_assess.domain.checklist.parse import parse_checklist
from safety_assess.domain.checklist.yamlfile import load_checklist_file

HEAD = """\
id: sample
title: Sample
version: 1.0.0
sections:
  - id: s1
    title: One
    items:
"""
GOOD_ITEM = """\
      - id: a
        prompt: Is it locked?
        answer: {type: yes_no, deficient_if: "no"}
        likelihood: 3
        severity: 3
        action: Lock it.
"""


def problems(tmp_path: Path, body: str, head: str = HEAD) -> list[str]:
    path = tmp_path / "sample.yaml"
    path.write_text(head + body.rstrip("\n") + "\n")
    with pytest.raises(ChecklistInvalid) as caught:
        load_checklist_file(path)
    return [line.replace(str(path), "F") for line in caught.value.lines()]


def items(text: str) -> str:
    return textwrap.indent(textwrap.dedent(text).strip("\n"), "      ")


def test_a_good_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text(HEAD + GOOD_ITEM)
    assert load_checklist_file(path).item_count() == 1


def test_malformed_yaml_reports_line_column_and_the_fix(tmp_path: Path) -> None:
    lines = problems(tmp_path, items("- id: a\n  prompt: [unclosed\n  answer: x"))
    assert lines == [
        "F:10:15: the '[' on line 9 is not closed where expected: add the missing ']', or put text that holds ': ', "
        "',' or '#' in quotes"
    ]


def test_a_duplicate_key_is_named_with_its_line(tmp_path: Path) -> None:
    lines = problems(tmp_path, GOOD_ITEM + "        action: Again.\n")
    assert lines == ["F:14:9: 'action' is given twice in the same entry: keep one of them"]


def test_unknown_answer_type(tmp_path: Path) -> None:
    body = items("""
        - id: a
          prompt: Is it locked?
          answer: {type: traffic_light}
    """)
    assert problems(tmp_path, body) == [
        "F:10: sections.0.items.0.answer: unknown answer type 'traffic_light'; expected one of: yes_no, scale, "
        "rating, number, measurement, count, percentage, single_choice, multiple_choice, date, time, text"
    ]


def test_missing_answer_type(tmp_path: Path) -> None:
    body = items("- id: a\n  prompt: P\n  answer: {unit: ft}")
    assert problems(tmp_path, body) == [
        "F:10: sections.0.items.0.answer: the answer needs a 'type' (yes_no, scale, rating, number, ...)"
    ]


def test_duplicate_item_ids(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD_ITEM + GOOD_ITEM) == [
        "F:14: sections.0.items.1.id: duplicate item id 'a' (already used at sections.0.items.0)"
    ]


def test_duplicate_ids_across_a_group(tmp_path: Path) -> None:
    body = GOOD_ITEM + items("""
        - group: g
          title: G
          items:
            - id: a
              prompt: Again?
              answer: {type: text}
    """)
    assert problems(tmp_path, body) == [
        "F:17: sections.0.items.1.items.0.id: duplicate item id 'a' (already used at sections.0.items.0)"
    ]


def test_show_if_naming_a_missing_item(tmp_path: Path) -> None:
    body = items("- id: b\n  prompt: P\n  answer: {type: text}\n  show_if: {item: nowhere, equals: x}")
    assert problems(tmp_path, body) == [
        "F:11: sections.0.items.0.show_if.item: show_if names 'nowhere', which is not an item of this checklist"
    ]


def test_show_if_forming_a_cycle(tmp_path: Path) -> None:
    body = items("""
        - id: b
          prompt: B
          answer: {type: text}
          show_if: {item: c, equals: x}
        - id: c
          prompt: C
          answer: {type: text}
          show_if: {item: b, equals: x}
    """)
    assert problems(tmp_path, body) == ["F:11: sections.0.items.0.show_if: show_if forms a cycle: b -> c -> b"]


def test_show_if_on_itself(tmp_path: Path) -> None:
    body = items("- id: b\n  prompt: B\n  answer: {type: text}\n  show_if: {item: b, equals: x}")
    assert problems(tmp_path, body)[0] == "F:11: sections.0.items.0.show_if.item: 'b' cannot depend on itself"


def test_show_if_with_an_impossible_value(tmp_path: Path) -> None:
    body = GOOD_ITEM + items("- id: b\n  prompt: B\n  answer: {type: text}\n  show_if: {item: a, equals: maybe}")
    assert problems(tmp_path, body) == [
        "F:17: sections.0.items.1.show_if.equals: 'maybe' can never be an answer of 'a': 'maybe' is not an answer "
        "here: answer yes, no or N/A"
    ]


def test_show_if_reaching_into_another_group(tmp_path: Path) -> None:
    body = items("""
        - group: g
          title: G
          items:
            - id: inside
              prompt: In?
              answer: {type: text}
        - id: outside
          prompt: Out?
          answer: {type: text}
          show_if: {item: inside, equals: x}
    """)
    lines = problems(tmp_path, body)
    assert lines == [
        "F:17: sections.0.items.1.show_if.item: show_if names 'inside', inside repeatable group 'g'; only items "
        "of the same group can depend on it"
    ]


def test_a_range_on_a_non_numeric_item(tmp_path: Path) -> None:
    body = items("""
        - id: a
          prompt: P
          answer:
            type: yes_no
            deficient_if: "no"
            acceptable: {min: 1}
    """)
    assert problems(tmp_path, body) == [
        "F:13: sections.0.items.0.answer.acceptable: 'acceptable' only applies to numeric answers (count, "
        "measurement, number, percentage), not 'yes_no'"
    ]


def test_a_backwards_range(tmp_path: Path) -> None:
    body = items("- id: a\n  prompt: P\n  answer: {type: number, acceptable: {min: 5, max: 1}}")
    assert problems(tmp_path, body) == ["F:10: sections.0.items.0.answer.acceptable: range min 5 is greater than max 1"]


def test_unknown_field_and_missing_field(tmp_path: Path) -> None:
    body = items("- id: a\n  answer: {type: text}\n  colour: red")
    assert problems(tmp_path, body) == [
        "F:8: sections.0.items.0.prompt: required field is missing",
        "F:10: sections.0.items.0.colour: unknown field 'colour' (check the spelling against docs/checklist-format.md)",
    ]


def test_a_deficient_capable_item_needs_finding_defaults(tmp_path: Path) -> None:
    body = items("- id: a\n  prompt: P\n  answer: {type: yes_no, deficient_if: 'no'}")
    assert problems(tmp_path, body) == [
        "F:8: sections.0.items.0.likelihood: item 'a' can be deficient, so it needs a likelihood (1-5)",
        "F:8: sections.0.items.0.severity: item 'a' can be deficient, so it needs a severity (1-5)",
        "F:8: sections.0.items.0.action: item 'a' can be deficient, so it needs an action (or observation: true)",
    ]


def test_out_of_range_severity_and_bad_version(tmp_path: Path) -> None:
    head = HEAD.replace("version: 1.0.0", "version: 1.0")
    lines = problems(tmp_path, GOOD_ITEM.replace("severity: 3", "severity: 7"), head)
    assert lines == [
        "F:3: version: expected text, got 1.0 (quote it, e.g. '1.0.0')",
        "F:12: sections.0.items.0.severity: must be at most 5, got 7",
    ]


def test_an_unknown_scale(tmp_path: Path) -> None:
    body = items("- id: a\n  prompt: P\n  answer: {type: scale, scale: colours}\n  likelihood: 1")
    assert problems(tmp_path, body) == [
        "F:10: sections.0.items.0.answer.scale: unknown scale 'colours' (scales: none are declared)"
    ]


def test_a_newer_format_is_refused(tmp_path: Path) -> None:
    assert problems(tmp_path, GOOD_ITEM, "schema_version: 3\n" + HEAD) == [
        "F:1: schema_version: this file uses checklist format 3; this version of Safety Assess reads up to "
        "format 2. Update Safety Assess to use it."
    ]


def test_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- just\n- a list\n")
    with pytest.raises(ChecklistInvalid) as raised:
        load_checklist_file(path)
    assert raised.value.lines() == [
        f"{path}:1: the file is a list (its lines start with '- '): a checklist is a set of fields: id:, title:, "
        "version: and sections:, not a list"
    ]


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(ChecklistInvalid, match="cannot read file"):
        load_checklist_file(tmp_path / "missing.yaml")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"id: \xff\xfe\n")
    with pytest.raises(ChecklistInvalid, match="not UTF-8"):
        load_checklist_file(binary)


def test_parse_without_a_file_has_no_line() -> None:
    with pytest.raises(ChecklistInvalid) as caught:
        parse_checklist({"id": "x", "title": "X", "version": "1.0.0", "sections": []})
    assert caught.value.lines() == ["<checklist>: sections: needs at least 1 entry, has 0"]


def test_an_error_inside_a_group_points_at_the_field(tmp_path: Path) -> None:
    body = items("""
        - group: g
          title: G
          items:
            - id: inside
              answer: {type: text}
    """)
    assert problems(tmp_path, body) == ["F:11: sections.0.items.0.items.0.prompt: required field is missing"]


def test_range_fields_in_the_wrong_place(tmp_path: Path) -> None:
    body = items("""
        - id: a
          prompt: P
          answer: {type: number, min: 3}
        - id: b
          prompt: P
          answer: {type: percentage, unit: "%"}
        - id: c
          prompt: P
          answer: {type: text, unit: ft}
    """)
    assert problems(tmp_path, body) == [
        "F:10: sections.0.items.0.answer.min: 'min' belongs under 'acceptable', e.g. acceptable: {min: 10}",
        "F:13: sections.0.items.1.answer.unit: a percentage takes no unit (it is always %)",
        "F:16: sections.0.items.2.answer.unit: 'unit' only applies to numeric answers (count, measurement, number), "
        "not 'text'",
    ]


def test_duplicate_option_values(tmp_path: Path) -> None:
    body = items("""
        - id: a
          prompt: P
          answer:
            type: single_choice
            options:
              - {value: x, label: X}
              - {value: x, label: Again}
    """)
    assert problems(tmp_path, body) == ["F:14: sections.0.items.0.answer.options.1.value: duplicate option value 'x'"]


def test_rating_labels_and_threshold_must_fit_the_scale(tmp_path: Path) -> None:
    body = items("""
        - id: a
          prompt: P
          answer: {type: rating, max: 4, labels: {0: Zero, 7: Seven}, deficient_at_or_below: 4}
          likelihood: 2
          severity: 2
          action: Fix.
    """)
    [line] = problems(tmp_path, body)
    assert line.startswith("F:10: sections.0.items.0.answer: labels for [0, 7] are outside the rating scale 1-4")
