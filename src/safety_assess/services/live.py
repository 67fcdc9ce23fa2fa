"""Live refresh on a shared database: what colleagues change, handed to a callback as it is committed."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from safety_assess.base.jobs import Changes
from safety_assess.services.workspace import Workspace


class Listening(Protocol):
    listening: threading.Event
    """Set while connected and listening."""

    def stop(self, timeout_s: float = 5.0) -> None: ...


def listen(workspace: Workspace, on_change: Callable[[Changes], object]) -> Listening | None:
    """On a shared database, start hearing the changes other computers (and other programs on this one) commit;
    ``on_change`` runs on a background thread. None on the data folder's own database: nobody else writes there
    while the app runs."""
    if not workspace.shared:
        return None
    from safety_assess.storage.listen import Listener

    listener = Listener(workspace.database, on_change)
    listener.start()
    return listener
