"""'Answer from plan…': what the plans suggest for the newest assessment in progress, ticked where it changes the
answer; OK records the ticked ones and publishes them. And an exterior door linked to its checklist entrance in the
marker editor. Asserted on the database."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safety_assess.base.jobs import Changes
from safety_assess.domain.records import AssessmentSummary
from safety_assess.domain.sitemap.model import CameraSpec, Marker, MarkerKind, SiteMap
from safety_assess.services import site_maps
from safety_assess.services.assessments import record_answer, start_assessment
from safety_assess.services.site_maps import MarkerFields
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.main_window import MainWindow
from safety_assess.ui.maps import answer_dialog, ask
from safety_assess.ui.maps.answer_dialog import AnswersDialog
from safety_assess.ui.maps.plan_answers import OfferRow, plan_offers
from safety_assess.ui.maps.window import MapWindow
from tests.gui.maps.conftest import stored

VISIBILITY = "entry.door-visibility"
NEITHER = "Neither camera nor direct view"


@pytest.fixture
def assessment(workspace: Workspace, plan: SiteMap) -> AssessmentSummary:
    """The campus's assessment in progress, of the comprehensive checklist."""
    return start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 12, 6))


@pytest.fixture
def linked(workspace: Workspace, plan: SiteMap) -> SiteMap:
    """10 px a metre; a camera at the left looking right sees 'Entry 1' at 20 m; 'Entry 2' is behind it."""
    site_maps.set_scale(workspace, plan.id, (0, 0), (100, 0), 10)
    camera = MarkerFields(label="West cam", camera=CameraSpec(heading=90, fov=60, range_m=30))
    site_maps.add_marker(workspace, plan.id, MarkerKind.CAMERA, (100, 150), camera)
    for at, entry in (((300, 150), "Entry 1"), ((20, 150), "Entry 2")):
        site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, at, MarkerFields(camera_instance=entry))
    return site_maps.get_map(workspace, plan.id)


def answers(workspace: Workspace, assessment: AssessmentSummary) -> dict[str, object]:
    detail = workspace.assessments.detail(assessment.id)
    labels = {i.id: i.label for i in detail.instances}
    return {labels[r.instance_id]: r.value for r in detail.responses if r.instance_id in labels}


def test_ticked_suggestions_are_recorded_and_published(  # type: ignore[no-untyped-def]
    qtbot,
    window: MainWindow,
    maps: MapWindow,
    workspace: Workspace,
    assessment: AssessmentSummary,
    linked: SiteMap,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record_answer(workspace, assessment.id, VISIBILITY, "none", instance_label="Entry 2")  # as the plan says
    offered: list[tuple[str, list[OfferRow]]] = []

    def tick_first(_parent: object, title: str, rows: Sequence[OfferRow]) -> list[int]:
        offered.append((title, list(rows)))
        return [0]

    monkeypatch.setattr(answer_dialog, "ask_answers", tick_first)
    heard: list[tuple[Changes, object]] = []
    window.channel.subscribe(lambda changes, origin: heard.append((changes, origin)))
    maps.actions_by_id["map.answer"].trigger()
    qtbot.waitUntil(lambda: bool(offered))  # read in the background
    title, rows = offered[0]
    assert title == f"{assessment.checklist.title} of 2026-12-06"
    shown = [(r.instance, r.item, r.suggested, r.now, r.changes_answer) for r in rows]
    assert shown == [
        ("Entry 1", "How is the approach to this door watched?", "Working camera only", "not answered", True),
        ("Entry 2", "How is the approach to this door watched?", NEITHER, NEITHER, False),
    ]
    assert "West cam" in rows[0].why
    assert answers(workspace, assessment) == {"Entry 1": "camera", "Entry 2": "none"}
    assert (Changes(answers=frozenset({assessment.id})), maps) in heard
    assert "Recorded 1 answer" in maps.statusBar().currentMessage()


def test_cancelled_records_nothing(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, assessment: AssessmentSummary, linked: SiteMap, monkeypatch
) -> None:
    asked: list[int] = []
    monkeypatch.setattr(answer_dialog, "ask_answers", lambda *_args: asked.append(1))  # returns None: cancelled
    maps.actions_by_id["map.answer"].trigger()
    qtbot.waitUntil(lambda: bool(asked))
    assert answers(workspace, assessment) == {}


def test_an_assessment_completed_meanwhile_is_not_answered_and_told(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, assessment: AssessmentSummary, linked: SiteMap, monkeypatch
) -> None:
    def completed_meanwhile(*_args: object) -> list[int]:
        workspace.assessments.complete(assessment.id, ["Ana"])  # in another window, while the dialog was open
        return [0, 1]

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(answer_dialog, "ask_answers", completed_meanwhile)
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, title, message: told.append((title, message)))
    maps.actions_by_id["map.answer"].trigger()
    qtbot.waitUntil(lambda: bool(told))
    assert told[0][0] == "Answer from plan: not recorded" and "read-only" in told[0][1]
    assert answers(workspace, assessment) == {}


@pytest.mark.parametrize("situation", ["no assessment", "completed", "nothing linked"])
def test_a_plain_message_when_there_is_nothing_to_answer(  # type: ignore[no-untyped-def]
    qtbot, maps: MapWindow, workspace: Workspace, plan: SiteMap, monkeypatch: pytest.MonkeyPatch, situation: str
) -> None:
    if situation != "no assessment":
        summary = start_assessment(workspace, "LHS", "comprehensive-facility", ["Ana"], dt.date(2026, 12, 6))
        if situation == "completed":
            workspace.assessments.complete(summary.id, ["Ana"])
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_message", lambda _parent, _title, message: told.append(message))
    monkeypatch.setattr(answer_dialog, "ask_answers", lambda *_args: pytest.fail("nothing to offer"))
    maps.actions_by_id["map.answer"].trigger()
    qtbot.waitUntil(lambda: bool(told))
    if situation == "nothing linked":
        assert "suggest nothing" in told[0] and "Checklist entrance" in told[0]
    else:
        assert told == ["Lincoln High has no assessment in progress to answer."]


def test_the_dialog_ticks_with_space_and_gives_the_ticked_rows(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, workspace: Workspace, assessment: AssessmentSummary, linked: SiteMap
) -> None:
    found = plan_offers(workspace, linked.campus_id)
    assert found is not None and found.assessment.id == assessment.id
    dialog = AnswersDialog(None, found.title, found.rows)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.model.chosen() == [0, 1]  # neither is answered yet: both would change
    dialog.table.setCurrentIndex(dialog.model.index(1, 0))
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.model.chosen() == [0]
    assert dialog.model.data(dialog.model.index(1, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_an_exterior_door_is_linked_to_its_checklist_entrance(
    maps: MapWindow, workspace: Workspace, plan: SiteMap, assessment: AssessmentSummary, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_answer(workspace, assessment.id, VISIBILITY, "view", instance_label="Entry 3 - gym")
    _, door = site_maps.add_marker(workspace, plan.id, MarkerKind.EXTERIOR_DOOR, (400, 300))
    maps.reload()
    offered: list[list[str]] = []

    def answer(_parent: object, _marker: Marker, instances: list[str]) -> MarkerFields:
        offered.append(instances)
        return MarkerFields(label="Gym", camera_instance="Entry 3 - gym")

    monkeypatch.setattr(ask, "ask_marker_fields", answer)
    maps.select_item(door)
    QTest.keyClick(maps.view, Qt.Key.Key_F2)
    assert offered == [["Entry 3 - gym"]]  # the exterior entrances, not the cameras
    edited = stored(workspace, plan).marker(door)
    assert edited is not None and (edited.label, edited.camera_instance) == ("Gym", "Entry 3 - gym")
    maps.actions_by_id["map.undo"].trigger()
    assert stored(workspace, plan).marker(door).camera_instance == ""  # type: ignore[union-attr]


def test_the_marker_dialog_of_a_door_reads_its_entrance(qtbot) -> None:  # type: ignore[no-untyped-def]
    door = Marker(uuid.uuid4(), uuid.uuid4(), MarkerKind.EXTERIOR_DOOR, 10, 10, number=1)
    dialog = ask.MarkerDialog(None, door, ["Entry 1", "Entry 2 - gym"])
    qtbot.addWidget(dialog)
    assert "heading" not in dialog.inputs
    completer = dialog.inputs["instance"].completer()
    assert completer is not None and completer.model().rowCount() == 2
    dialog.inputs["instance"].setText(" Entry 2 - gym ")
    assert dialog.read() == MarkerFields(label="", camera_instance="Entry 2 - gym")
