"""Hearing what other computers change on a shared database: a background thread holding a connection of its own
that LISTENs on storage/notify.py's channel and hands each change made elsewhere to a callback.

A connection lost (the server restarted, the network dropped) is made again quietly, waiting a little longer
after each failure; nothing is told to the person, and what changed meanwhile is told as "everything may have".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import psycopg

from safety_assess.base.jobs import Changes
from safety_assess.storage import notify, server
from safety_assess.storage.database import Database

log = logging.getLogger(__name__)

LISTENER_NAME = "safety-assess-listener"
"""The connection's application name, as the server lists it."""
WAIT_S = 0.25
"""How often the thread looks whether it was asked to stop while no notification comes."""
RETRY_S = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)
"""How long to wait before connecting again, after the 1st, 2nd ... failure in a row (the last one from then on)."""


class Listener:
    """Started once (``start``), stopped once (``stop``); ``on_change`` runs on the listener's thread."""

    def __init__(self, database: Database, on_change: Callable[[Changes], object]) -> None:
        self.database = database
        self.on_change = on_change
        self._stop = threading.Event()
        self.listening = threading.Event()
        """Set while a connection is listening (tests wait for it before writing)."""
        self._thread = threading.Thread(target=self._run, name="safety-assess-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Ask the thread to stop and wait for it (at most ``timeout_s``: it looks every WAIT_S)."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout_s)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._listen(reconnected=failures > 0)
                failures = 0
            except (psycopg.Error, OSError) as error:
                self.listening.clear()
                log.info("change notifications: %s; connecting again", error.__class__.__name__)
                failures += 1
                self._stop.wait(RETRY_S[min(failures, len(RETRY_S)) - 1])

    def _listen(self, reconnected: bool) -> None:
        with self._connect() as connection:
            connection.execute(f"LISTEN {notify.CHANNEL}")
            self.listening.set()
            if reconnected:  # what others changed while we were not listening is not known: everything may have
                self._tell(Changes(campuses=True))
            while not self._stop.is_set():
                for notification in connection.notifies(timeout=WAIT_S):
                    self._heard(notification.payload)
        self.listening.clear()

    def _connect(self) -> psycopg.Connection[Any]:
        engine = self.database.engine
        arguments, options = engine.dialect.create_connect_args(engine.url)
        options = {**options, "connect_timeout": server.CONNECT_TIMEOUT_S, "application_name": LISTENER_NAME}
        return psycopg.connect(*arguments, **options, autocommit=True)

    def _heard(self, payload: str) -> None:
        decoded = notify.decode(payload)
        if decoded is None:
            log.info("change notification not understood: %.80s", payload)
            return
        sender, changes = decoded
        if sender != self.database.sender:  # our own writes were told in this process already
            self._tell(changes)

    def _tell(self, changes: Changes) -> None:
        try:
            self.on_change(changes)
        except Exception:  # a listener that fails must not stop the others' changes from arriving
            log.exception("passing on a change made elsewhere")
