"""Live refresh: on a shared database, changes committed by colleagues reach the change channel as if made in no
window here, so every open window refreshes what it shows (started by the app, stopped with the main window)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from safety_assess.base.jobs import Changes
from safety_assess.services.live import Listening, listen
from safety_assess.services.workspace import Workspace
from safety_assess.ui.changes import ChangeChannel


class LiveRefresh(QObject):
    """Hears the database on a background thread and publishes on the UI thread."""

    heard = Signal(object)
    """A ``Changes`` made elsewhere (emitted on the listener's thread, delivered on the UI thread)."""

    def __init__(self, workspace: Workspace, channel: ChangeChannel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.heard.connect(self._publish, Qt.ConnectionType.QueuedConnection)
        self.listener: Listening | None = listen(workspace, self.heard.emit)

    def _publish(self, changes: Changes) -> None:
        self.channel.publish(changes)

    def stop(self) -> None:
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
