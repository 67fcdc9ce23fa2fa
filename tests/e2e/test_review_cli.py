"""The review from the command line: decisions, responses and review show (--json), and every bad input refused
with one plain line and nothing stored."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from safety_assess.base.datadir import DataDir
from safety_assess.domain.review.model import ActionView, FilledPacket, PacketIdentity, Role, Stance
from safety_assess.reports import review_fields as names
from safety_assess.services import reviews as rv
from safety_assess.services.workspace import Workspace
from tests.e2e.conftest import Run
from tests.e2e.test_plan_cli import one_line_error
from tests.postgres import FolderDatabases
from tests.unit.reports.review_packets import fill, fill_with_qpdf


def planned_assessment(cli: Run) -> str:
    cli("campus", "add", "Lincoln High", "--code", "LHS")
    aid = cli(
        "assessment", "new", "--campus", "LHS", "--checklist", "comprehensive-facility", "--date", "2026-11-02"
    ).stdout.strip()
    assert cli("assessment", "answer", aid, "grounds.gates-locked", "no").returncode == 0
    assert cli("action", "suggest", aid).returncode == 0
    return aid


def record_reviews(data: Path, url: str | None, aid: str) -> list[uuid.UUID]:
    """Two filled packets, recorded as `review import` would."""
    workspace = Workspace.open(DataDir(data), url)
    try:
        identity, listed = rv.issue_packet(workspace, uuid.UUID(aid), public=False)
        for name, stance, comment, public in (
            ("Ana", Stance.SUPPORT, "", False),
            ("Bo", Stance.CHANGE, "Cheaper", True),
        ):
            views = tuple(ActionView(a, stance, comment) for a in listed)
            rv.record_packet(workspace, FilledPacket(identity, name, Role.PARENT, "", public, views))
        return listed
    finally:
        workspace.close()


def test_review_show_respond_and_decide(cli: Run, tmp_path: Path, database_url_for: FolderDatabases) -> None:
    aid = planned_assessment(cli)
    data = tmp_path / "data"
    listed = record_reviews(data, database_url_for(data), aid)
    action = str(listed[0])
    responded = cli("review", "respond", action[:8], "--reply", "changed", "--text", "Closer too", "--by", "Principal")
    assert responded.returncode == 0, responded.stderr
    assert responded.stdout.split() == [action, "changed"]
    met = cli("review", "decision", aid, "--body", "ssag", "--date", "2026-11-20", "--present", "parent=2")
    assert met.returncode == 0, met.stderr
    board = cli(
        "review", "decision", aid[:8], "--body", "Board", "--date", "2026-12-01", "--outcome", "adopted",
        "--session", "open", "--note", "Item 7.2",
    )  # fmt: skip
    assert board.returncode == 0 and board.stdout.split()[1:] == ["board", "2026-12-01", "adopted"], board.stderr
    shown = json.loads(cli("review", "show", aid, "--json").stdout)
    assert shown["state"]["stage"] == "adopted on 2026-12-01"
    first = next(a for a in shown["actions"] if a["id"] == action)
    assert first["counts"] == {"support": 1, "change": 1, "defer": 0, "oppose": 0} and first["wants_change"]
    assert first["comments"] == [{"reviewer": "Bo", "role": "parent", "comment": "Cheaper", "public_ok": True}]
    assert (first["response"]["reply"], first["response"]["text"], first["response"]["by"]) == (
        "changed",
        "Closer too",
        "Principal",
    )
    assert [(d["body"], d["outcome"], d["members_present"]) for d in shown["decisions"]] == [
        ("ssag", None, {"parent": 2}),
        ("board", "adopted", {}),
    ]
    assert [r["reviewer"] for r in shown["reviews"]] == ["Ana", "Bo"]
    table = cli("review", "show", aid)
    assert table.returncode == 0 and "adopted on 2026-12-01" in table.stdout and "changed" in table.stdout


def test_every_bad_review_input_is_one_plain_line_and_nothing_stored(cli: Run) -> None:
    aid = planned_assessment(cli)
    action_id = json.loads(cli("action", "list", aid, "--json").stdout)[0]["id"]
    decision = ("review", "decision", aid, "--date", "2026-12-01")
    for args, message in (
        ((*decision, "--body", "council"), "'council' is not a body: use one of ssag, board"),
        ((*decision, "--body", "board", "--outcome", "approved"), "'approved' is not a outcome"),
        ((*decision, "--body", "board"), "a board decision needs an outcome"),
        (("review", "decision", aid, "--body", "ssag", "--date", "2026-10-01"), "is before the assessment"),
        ((*decision, "--body", "ssag", "--session", "secret"), "'secret' is not a session"),
        ((*decision, "--body", "ssag", "--present", "teacher=2"), "'teacher' is not a role"),
        ((*decision, "--body", "ssag", "--present", "parent"), "--present 'parent': write ROLE=N"),
        (("review", "decision", "ffffffff", "--body", "ssag", "--date", "2026-12-01"), "assessment"),
        (("review", "respond", action_id, "--reply", "maybe"), "'maybe' is not a reply"),
        (("review", "respond", action_id, "--reply", "declined"), "needs a text saying why it was declined"),
        (("review", "respond", "ffffffff", "--reply", "accepted"), "action"),
    ):
        assert message in one_line_error(cli(*args)), args
    bad_date = cli("review", "decision", aid, "--body", "ssag", "--date", "2026-13-01")
    assert bad_date.returncode == 2 and "2026-13-01" in bad_date.stderr
    shown = json.loads(cli("review", "show", aid, "--json").stdout)
    assert shown["decisions"] == [] and all(a["response"] is None for a in shown["actions"])
    assert shown["state"]["stage"] == "not reviewed"


def test_packets_are_written_filled_and_imported(cli: Run, tmp_path: Path) -> None:
    aid = planned_assessment(cli)
    action_id = json.loads(cli("action", "list", aid, "--json").stdout)[0]["id"]
    blank = tmp_path / "packet.pdf"
    made = cli("review", "packet", aid, "--out", str(blank))
    assert made.returncode == 0 and "packet 1, plan revision 1" in made.stdout, made.stderr
    public = cli("review", "packet", aid, "--out", str(tmp_path / "public.pdf"), "--public")
    assert "packet 2, plan revision 1" in public.stdout, public.stderr
    stance, comment = (
        names.action_field(uuid.UUID(action_id), "stance"),
        names.action_field(uuid.UUID(action_id), "comment"),
    )
    signed = {names.REVIEWER: "Sam Lee", names.ROLE: "/student", stance: "/oppose", comment: "Too dear"}
    sam = fill(blank, tmp_path / "sam.pdf", signed)
    ana = fill(tmp_path / "public.pdf", tmp_path / "ana.pdf", {**signed, names.REVIEWER: "Ana", stance: "/support"})
    elsewhere = PacketIdentity(uuid.uuid4(), plan_revision=1, packet_no=1)
    other = fill_with_qpdf(  # another assessment's packet: its identity in the hidden fields and the field names
        sam,
        tmp_path / "other.pdf",
        {names.ASSESSMENT: str(elsewhere.assessment_id), f"rename:{names.REVIEWER}": names.reviewer_field(elsewhere)},
    )
    cy = fill(sam, tmp_path / "cy.pdf", {names.REVIEWER: "Cy", stance: f"/{names.NO_VIEW}", comment: ""})
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("minutes of the meeting")
    for files, message in (
        ((sam, other), "which this data folder does not hold"),
        ((sam, not_pdf), "notes.pdf: it is not a PDF"),
        ((blank,), "packet.pdf: "),
    ):
        assert message in one_line_error(cli("review", "import", *map(str, files))), files
    assert json.loads(cli("review", "show", aid, "--json").stdout)["reviews"] == []
    imported = cli("review", "import", str(sam), str(ana), str(cy), "--json")
    assert imported.returncode == 0, imported.stderr
    assert [(e["reviewer"], e["packet_no"], e["views"], e["replaced"]) for e in json.loads(imported.stdout)] == [
        ("Sam Lee", 1, 1, False),
        ("Ana", 2, 1, False),
        ("Cy", 1, 0, False),  # took the view back: no stance, counted nowhere
    ]
    again = cli("review", "import", str(sam))
    assert again.returncode == 0 and "Sam Lee (student), 1 views, replacing their earlier packet" in again.stdout
    shown = json.loads(cli("review", "show", aid, "--json").stdout)
    first = next(a for a in shown["actions"] if a["id"] == action_id)
    assert first["counts"] == {"support": 1, "change": 0, "defer": 0, "oppose": 1} and first["wants_change"]
    assert shown["state"]["stage"] == "responses in"
    missing = one_line_error(cli("review", "packet", aid, "--out", str(tmp_path / "nowhere" / "p.pdf")))
    assert "nowhere" in missing
    assert json.loads(cli("review", "show", aid, "--json").stdout)["state"]["packets"] == 2
