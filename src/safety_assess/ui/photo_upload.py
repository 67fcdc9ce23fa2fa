"""At start on a shared server, in the background: send the server the photos this data folder holds that it lacks
(stored here before the server kept photos), with progress and Cancel. What is not sent, cancelled or cut off, is
sent at the next start; nothing here is removed."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from safety_assess.services.photo_upload import Pending, Uploaded, pending_uploads, upload_photos
from safety_assess.services.workspace import Workspace
from safety_assess.ui import dialogs
from safety_assess.ui.operations import Operation, Operations
from safety_assess.ui.progress_dialog import follow

log = logging.getLogger(__name__)

TITLE = "Sending photos to the shared server"
LATER = "The photos stay in this data folder; those not sent are sent the next time the app opens."


class PhotoUpload:
    """The check, then the upload when there is something to send; ``tell`` shows a line in the window's status."""

    def __init__(
        self, window: QWidget, workspace: Workspace, operations: Operations, tell: Callable[[str], None]
    ) -> None:
        self.window, self.workspace, self.operations, self.tell = window, workspace, operations, tell
        self.sending: Operation | None = None

    def start(self) -> None:
        if self.workspace.shared:
            self.operations.run(
                "Checking photos",
                lambda _progress: pending_uploads(self.workspace),
                on_done=self._send,
                on_error=lambda message: log.warning("photos not checked against the server: %s", message),
            )

    def _send(self, pending: Pending) -> None:
        if not pending.files:
            return
        operation = self.operations.run(
            TITLE, lambda progress: upload_photos(self.workspace, progress), on_done=self._sent, on_error=self._failed
        )
        operation.cancelled.connect(lambda: self.tell(f"Sending photos cancelled. {LATER}"))
        follow(self.window, TITLE, f"Sending {len(pending.files)} photo files to the shared server…", operation)
        self.sending = operation

    def _sent(self, result: Uploaded) -> None:
        self.tell(f"Sent {result.sent} photo files to the shared server")

    def _failed(self, message: str) -> None:
        dialogs.show_error(self.window, "Photos not sent", f"{message}\n\n{LATER}")
