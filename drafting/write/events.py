"""What a caller sees while a draft is made: the engine's outline, then per section its start, its
text as it streams and its end, then the finished draft. Callers pass an `on_event` callback (or
iterate the engine's stream); nothing here knows the UI."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from drafting.domain.types import Draft


class EventKind(StrEnum):
    OUTLINED = "outlined"
    """The outline is laid out and last year's report looked up; nothing is written yet (`draft`)."""
    START = "start"
    """A section is being written (`section_id`)."""
    TEXT = "text"
    """A section's text so far (`section_id`, `text`)."""
    DONE = "done"
    """A section is written (`section_id`, `text`)."""
    FINISHED = "finished"
    """Every section is written (`draft`)."""


@dataclass
class DraftEvent:
    """One step of making a draft, as it happens."""

    kind: EventKind
    section_id: str = ""
    text: str = ""
    draft: Draft | None = None


OnEvent = Callable[[DraftEvent], None]
