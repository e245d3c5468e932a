"""The stages of drafting, one small abstract class each. The offline composer and the LLM
writer are two implementations of the same SectionWriter."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field

from drafting.domain.guard import ForeignGuard
from drafting.domain.kinds import ReportKind
from drafting.domain.profile import OrgProfile
from drafting.domain.types import DraftMeta, Fact, Section
from drafting.domain.usage import Usage
from drafting.domain.wording import profile_of
from drafting.errors import DraftingError


class DraftCancelled(DraftingError):
    """Whoever asked for the draft has gone (the browser left): stop writing, close model calls."""


Emit = Callable[[str], None]
"""Receives text as it is written (streaming); the writer calls it with each new piece."""


@dataclass
class DraftContext:
    """What a section writer may know: the draft's meta, its kind, the facts, the index, the guard."""

    meta: DraftMeta
    kind: ReportKind
    facts: dict[str, Fact]
    index: object | None = None
    """A retrieval.index.ReportIndex, or None (no examples)."""
    guard: ForeignGuard = field(default_factory=ForeignGuard)
    exclude_docs: tuple[str, ...] = ()
    """Reports not to draw examples from (leave-one-out evaluation)."""
    outline: list[Section] = field(default_factory=list)
    """All sections, so a writer can see what the others cover."""
    plan_answers: dict[str, str] = field(default_factory=dict)
    """fact id → last year's plan item it answers (a short phrase without figures)."""
    borrowed: set[str] = field(default_factory=set)
    """Example sentences already used in this draft: one sentence is borrowed once."""
    heading_halves: set[str] = field(default_factory=set)
    """The halves of the two-part headings written so far (涵养文明新风): another heading ends otherwise."""
    usage: Usage = field(default_factory=Usage)
    """What writing this draft cost (model calls, tokens, failures, fallbacks): per draft, never
    shared between drafts that are written at the same time."""
    key_refused: bool = False
    """The model's endpoint refused the API key (401/403) for a section of this draft: no other
    section calls it again."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    cancel: threading.Event | None = field(default=None, repr=False, compare=False)
    """Set by the caller when nobody waits for the draft any more; writers check it as they go."""

    def check_cancelled(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise DraftCancelled("起草已取消。")

    @property
    def profile(self) -> OrgProfile:
        return profile_of(self.meta)

    def spend(self, **amounts: int) -> None:
        """Add to this draft's usage."""
        with self.lock:
            self.usage.add(**amounts)

    def refuse_key(self) -> None:
        """The key was refused: counted in the usage, and no more model calls for this draft."""
        with self.lock:
            self.key_refused = True
            self.usage.add(refused=1)

    def claim(self, sentence: str) -> bool:
        """Reserve an example sentence for one section; False when another section has it."""
        with self.lock:
            if sentence in self.borrowed:
                return False
            self.borrowed.add(sentence)
            return True


class SectionWriter(ABC):
    """Writes one section. In: a Section with heading, role and fact_ids. Out: the same Section
    with text (【F3】 markers after figures), sources and flags filled in."""

    name: str = "writer"
    parallel: bool = True
    """Whether the pipeline may write several sections at once with this writer."""

    @abstractmethod
    def write(self, section: Section, ctx: DraftContext, instruction: str = "",
              emit: Emit | None = None) -> Section:
        ...
