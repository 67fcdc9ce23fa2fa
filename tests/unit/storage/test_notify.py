"""Change notifications: what a commit on a server tells the others (ids only, small), heard by a listener that
ignores its own database's writes; the payload's form."""

from __future__ import annotations

import datetime as dt
import queue
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text, update

from safety_assess.base.datadir import DataDir
from safety_assess.base.jobs import Changes
from safety_assess.domain.plan.actions import Action, Status
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.bundles import export_bundle, import_bundle
from safety_assess.services.plan import PlanEditor, load_plan
from safety_assess.services.workspace import Workspace
from safety_assess.storage import meta, notify
from safety_assess.storage.listen import LISTENER_NAME, Listener
from safety_assess.storage.orm import ResponseRow

HEARD_S = 5.0


def test_a_payload_names_the_sender_and_ids_and_reads_back() -> None:
    ids = frozenset({uuid.uuid4(), uuid.uuid4()})
    changes = Changes(assessments=ids, plans=ids, campuses=True)
    text = notify.encode("me", changes)
    assert notify.decode(text) == ("me", changes) and len(text) < 300
    many = Changes(answers=frozenset(uuid.uuid4() for _ in range(500)))
    assert notify.decode(notify.encode("me", many)) == ("me", Changes(campuses=True))  # too long: everything
    assert notify.decode("not json") is None and notify.decode('{"a": ["zz"]}') is None


HOSTILE = (
    "[" * 7999,  # nested past Python's recursion limit, within NOTIFY's 8,000 bytes
    '{"from": "x", "a": ' + "[" * 3000 + "]" * 3000 + "}",
    '{"from": "x", "a": [' + "1" * 5000 + "]}",
    '{"from": "x", "a": [null, [1], {"k": 1}]}',
    '{"from": "x", "a": {"k": 1}}',
    '{"from": "x", "a": Infinity}',
    '"from"',
    "null",
    "\ud800",
)


@pytest.mark.parametrize("payload", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_payload_is_not_understood_and_raises_nothing(payload: str) -> None:
    assert notify.decode(payload) is None


@pytest.fixture
def heard(workspace: Workspace) -> Iterator[queue.Queue[Changes]]:
    if not workspace.shared:
        pytest.skip("notifications are for a shared database")
    found: queue.Queue[Changes] = queue.Queue()
    listener = Listener(workspace.database, found.put)
    listener.start()
    assert listener.listening.wait(HEARD_S)
    yield found
    listener.stop()
    assert not listener.running


@pytest.mark.postgres_only
def test_a_colleagues_writes_are_heard_and_our_own_are_not(
    workspace: Workspace, heard: queue.Queue[Changes], tmp_path: Path
) -> None:
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        colleague.campuses.add("Lincoln High", "LHS")
        assert heard.get(timeout=HEARD_S) == Changes(campuses=True)
        ours = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 3, 1))  # not told to us
        record_answer(colleague, ours.id, "door-locked", "no")
        assert heard.get(timeout=HEARD_S) == Changes(answers=frozenset({ours.id}))  # the next heard is theirs
        meta.put(colleague.database, "something", "else")  # changes nothing anyone sees: not told
        record_answer(colleague, ours.id, "gate", "fail")
        assert heard.get(timeout=HEARD_S).answers == {ours.id}
    finally:
        colleague.close()


@pytest.mark.postgres_only
def test_a_lost_connection_is_made_again_quietly_and_told_as_everything(
    workspace: Workspace, heard: queue.Queue[Changes], tmp_path: Path
) -> None:
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        with colleague.database.session() as session:  # the server drops the listener's connection
            ended = session.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = :name"),
                {"name": LISTENER_NAME},
            ).scalars()
            assert list(ended) == [True]
        assert heard.get(timeout=HEARD_S) == Changes(campuses=True)  # listening again: what was missed is unknown
        colleague.campuses.add("Adams Elementary", "AES")
        assert heard.get(timeout=HEARD_S) == Changes(campuses=True)
    finally:
        colleague.close()


@pytest.mark.postgres_only
def test_an_action_changed_elsewhere_is_told_as_its_assessments_plan(
    workspace: Workspace, heard: queue.Queue[Changes], tmp_path: Path
) -> None:
    workspace.campuses.add("Lincoln High", "LHS")
    ours = start_assessment(workspace, "LHS", "every-type", ["Ana"], dt.date(2026, 3, 1))
    record_answer(workspace, ours.id, "door-locked", "no")
    plan = load_plan(workspace, ours.id)
    door = plan.finding("item:door-locked:")
    action = PlanEditor(workspace, ours.id).add_action(door, Action(door.key, "Rekey", "immediate", 1, 2), plan.phases)
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        PlanEditor(colleague, ours.id).set_status(action, Status.DONE)  # names its finding, not its assessment
        assert heard.get(timeout=HEARD_S) == Changes(plans=frozenset({ours.id}))
    finally:
        colleague.close()


@pytest.mark.postgres_only
def test_hostile_notifications_from_another_client_leave_the_listener_hearing(
    workspace: Workspace, heard: queue.Queue[Changes], tmp_path: Path
) -> None:
    with workspace.database.engine.connect() as connection:
        for payload in HOSTILE[:-1]:  # NOTIFY itself refuses the lone surrogate
            connection.execute(
                text("SELECT pg_notify(:channel, :payload)"), {"channel": notify.CHANNEL, "payload": payload}
            )
        connection.commit()
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    try:
        colleague.campuses.add("Lincoln High", "LHS")
        assert heard.get(timeout=HEARD_S) == Changes(campuses=True)
        assert heard.empty()
    finally:
        colleague.close()


@pytest.mark.postgres_only
def test_a_colleagues_bundle_import_and_deletes_are_told_by_their_ids_and_unnamed_statements_as_everything(
    workspace: Workspace, heard: queue.Queue[Changes], tmp_path: Path
) -> None:
    laptop = Workspace.open(DataDir(tmp_path / "laptop"))
    shutil.copy(workspace.data_dir.checklists / "every-type.yaml", laptop.data_dir.checklists)
    workspace.campuses.add("Lincoln High", "LHS")  # ours: not told to us
    laptop.campuses.add("Lincoln High", "LHS")
    walked = start_assessment(laptop, "LHS", "every-type", ["Ana"], dt.date(2026, 3, 1))
    record_answer(laptop, walked.id, "door-locked", "no")
    bundle = export_bundle(laptop, [walked.id], tmp_path / "lhs.sabundle").path
    laptop.close()
    colleague = Workspace.open(DataDir(tmp_path / "colleague"), workspace.target.url)
    shutil.copy(workspace.data_dir.checklists / "every-type.yaml", colleague.data_dir.checklists)
    try:
        import_bundle(colleague, bundle, trust=lambda _claim: True)  # written in bulk statements too
        imported = heard.get(timeout=HEARD_S)
        assert imported.assessments == {walked.id} and imported.touched == {walked.id} and not imported.campuses
        theirs = start_assessment(colleague, "LHS", "every-type", ["Bo"], dt.date(2026, 4, 1))
        assert heard.get(timeout=HEARD_S).assessments == {theirs.id}
        record_answer(colleague, theirs.id, "gate", "fail")
        assert heard.get(timeout=HEARD_S) == Changes(answers=frozenset({theirs.id}))
        colleague.answers.restore(theirs.id, "gate", None, None)  # undone: a bulk delete of the response
        assert heard.get(timeout=HEARD_S) == Changes(answers=frozenset({theirs.id}))
        with colleague.database.session() as session:  # a statement nobody named
            session.execute(update(ResponseRow).where(ResponseRow.assessment_id == walked.id).values(note="?"))
        assert heard.get(timeout=HEARD_S) == Changes(campuses=True)
    finally:
        colleague.close()
