"""Drafting under way per browser session, so that it stops when the browser leaves."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Running:
    """Drafting under way per browser session, so that it can be stopped when the browser leaves."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._events: dict[str, set[threading.Event]] = {}

    @contextmanager
    def call(self, session: str) -> Iterator[threading.Event]:
        """An Event for one action of `session`; set when the session is cancelled."""
        event = threading.Event()
        with self._lock:
            self._events.setdefault(session, set()).add(event)
        try:
            yield event
        finally:  # ended early (the browser left mid-stream): whatever still runs for it stops
            event.set()
            with self._lock:
                self._events.get(session, set()).discard(event)

    def cancel(self, session: str) -> int:
        """Stop everything `session` has under way; how many actions were stopped."""
        with self._lock:
            events = self._events.pop(session, set())
        for event in events:
            event.set()
        return len(events)
