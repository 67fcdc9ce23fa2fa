"""A review travels between two data folders through the real command line: the packet filled and imported, the
response and the group's meeting recorded on the laptop arrive at the district with `bundle export`/`bundle import`;
the board's decision and a changed response recorded at the district go back in the campus pack; `review show
--json` agrees on both sides."""

from __future__ import annotations

import functools
import json
import uuid
from pathlib import Path
from typing import Any

from safety_assess.reports import review_fields as names
from tests.e2e.conftest import Run
from tests.e2e.test_review_cli import planned_assessment
from tests.unit.reports.review_packets import fill


def shown(cli: Run, aid: str, folder: Path) -> dict[str, Any]:
    result = cli("review", "show", aid, "--json", data_dir=folder)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def carried(cli: Run, bundle: Path, source: Path, target: Path) -> None:
    fingerprint = json.loads(cli("device", "show", "--json", data_dir=source).stdout)["fingerprint"]
    done = cli("bundle", "import", str(bundle), "--trust", fingerprint, "--json", data_dir=target)
    assert done.returncode == 0, done.stderr


def reviewed_on_the_laptop(cli: Run, laptop: Path, tmp_path: Path) -> tuple[str, str]:
    on_laptop = functools.partial(cli, data_dir=laptop)
    aid = planned_assessment(on_laptop)
    action = json.loads(on_laptop("action", "list", aid, "--json").stdout)[0]["id"]
    blank = tmp_path / "packet.pdf"
    assert on_laptop("review", "packet", aid, "--out", str(blank)).returncode == 0
    stance, comment = (names.action_field(uuid.UUID(action), part) for part in ("stance", "comment"))
    values = {names.REVIEWER: "Sam Lee", names.ROLE: "/student", stance: "/change", comment: "Closer to the gate"}
    assert on_laptop("review", "import", str(fill(blank, tmp_path / "sam.pdf", values))).returncode == 0
    responded = on_laptop("review", "respond", action, "--reply", "accepted", "--by", "Principal")
    met = on_laptop("review", "decision", aid, "--body", "ssag", "--date", "2026-11-20", "--present", "student=1")
    assert responded.returncode == met.returncode == 0, responded.stderr + met.stderr
    return aid, action


def test_a_review_made_on_the_laptop_reaches_the_district_and_the_boards_decision_comes_back(
    cli: Run, tmp_path: Path
) -> None:
    laptop, district = tmp_path / "laptop", tmp_path / "district"
    aid, action = reviewed_on_the_laptop(cli, laptop, tmp_path)
    bundle = tmp_path / "lhs.sabundle"
    assert cli("bundle", "export", aid, "--out", str(bundle), data_dir=laptop).returncode == 0
    carried(cli, bundle, laptop, district)
    arrived = shown(cli, aid, district)
    assert arrived == shown(cli, aid, laptop)
    first = next(a for a in arrived["actions"] if a["id"] == action)
    assert first["counts"]["change"] == 1 and first["response"]["reply"] == "accepted"
    assert [r["reviewer"] for r in arrived["reviews"]] == ["Sam Lee"]
    assert [(d["body"], d["members_present"]) for d in arrived["decisions"]] == [("ssag", {"student": 1})]
    changed = cli("review", "respond", action, "--reply", "declined", "--text", "No budget", data_dir=district)
    board = cli(
        "review", "decision", aid, "--body", "board", "--date", "2026-12-01", "--outcome", "adopted",
        "--session", "open", data_dir=district,
    )  # fmt: skip
    assert changed.returncode == board.returncode == 0, changed.stderr + board.stderr
    pack = tmp_path / "pack.sabundle"
    assert cli("district", "pack", "LHS", "--out", str(pack), data_dir=district).returncode == 0
    carried(cli, pack, district, laptop)
    back = shown(cli, aid, laptop)
    assert back == shown(cli, aid, district)
    assert back["state"]["stage"] == "adopted on 2026-12-01"
    assert next(a for a in back["actions"] if a["id"] == action)["response"]["text"] == "No budget"
