"""'Answer from plan…': what the campus's plans suggest for its newest assessment in progress, read in the
background, shown with a tick per row; the ticked ones recorded as answers and published."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safety_assess.base.jobs import Changes
from safety_assess.domain.errors import SafetyAssessError
from safety_assess.services.map_suggestions import accept
from safety_assess.ui import dialogs
from safety_assess.ui.maps import answer_dialog
from safety_assess.ui.maps.plan_answers import PlanOffers, plan_offers

if TYPE_CHECKING:
    from safety_assess.ui.maps.window import MapWindow

TITLE = "Answer from plan"
NOTHING = (
    "The site plans suggest nothing for {title}: link exterior doors to the checklist's entrances "
    "(select a door, F2, Checklist entrance) and place cameras that see them."
)


class AnswerCommands:
    def __init__(self, window: MapWindow) -> None:
        self.window = window

    def answer_from_plan(self) -> None:
        window = self.window
        campus_id = window.campus.id
        window.operations.run(
            "Reading what the plans suggest",
            lambda _progress: plan_offers(window.workspace, campus_id),
            on_done=self.offer,
            on_error=lambda message: dialogs.show_error(window, TITLE, message),
        )

    def offer(self, found: PlanOffers | None) -> None:
        window = self.window
        if found is None:
            dialogs.show_message(window, TITLE, f"{window.campus.name} has no assessment in progress to answer.")
            return
        if not found.rows:
            dialogs.show_message(window, TITLE, NOTHING.format(title=found.title))
            return
        chosen = answer_dialog.ask_answers(window, found.title, found.rows)
        if chosen:
            self._record(found, chosen)

    def _record(self, found: PlanOffers, chosen: list[int]) -> None:
        window = self.window
        try:
            changes = accept(window.workspace, found.assessment.id, [found.rows[n].offer for n in chosen])
        except SafetyAssessError as error:
            window.channel.publish(Changes(answers=frozenset({found.assessment.id})), window)  # some may be in
            dialogs.show_error(window, f"{TITLE}: not recorded", str(error))
            return
        window.channel.publish(changes, window)
        count = len(chosen)
        window.statusBar().showMessage(f"Recorded {count} answer{'s' if count != 1 else ''} in {found.title}.", 8000)
