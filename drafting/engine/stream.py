"""A callback turned into an iterator: drafting runs in a thread and reports through `on_event`; the
caller (the app, streaming to the browser) reads the events as they come."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

from drafting.domain.types import Draft
from drafting.write.events import DraftEvent, EventKind, OnEvent


def events_of(make: Callable[[OnEvent], Draft]) -> Iterator[DraftEvent]:
    """The events `make(on_event)` reports, then FINISHED with the draft it returns. An exception in
    `make` is raised here, after the events that came before it: never lost in the thread."""
    events: queue.Queue = queue.Queue()
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["draft"] = make(events.put)
        except Exception as exc:  # delivered to the caller, never lost in a thread
            outcome["error"] = exc
        finally:
            events.put(None)

    threading.Thread(target=run, daemon=True).start()
    while (event := events.get()) is not None:
        if event.kind is not EventKind.FINISHED:
            yield event
    if "error" in outcome:
        raise outcome["error"]
    yield DraftEvent(EventKind.FINISHED, draft=outcome["draft"])
