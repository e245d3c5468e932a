"""What a model proposes for one item, and how it joins the offline extractor's work.

The model's candidates were built from spans like any other (align.py), so each already passed
the figure check; what it refused is said. The offline extractor still reads every item: a
candidate of its own that holds a figure none of the model's holds is kept beside them, so a model
that skips a figure cannot lose it (the duplicates step then merges what both found)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from drafting.domain.material import Candidate, Item
from drafting.domain.types import DraftMeta


@dataclass
class Proposal:
    """A model's candidates for one item, the proposals it refused (one line each, with why), and
    the fault when the model gave no usable answer."""

    candidates: list[Candidate] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    fault: str = ""


class Proposer(Protocol):
    """Anything that proposes candidates from an item (the write layer's model proposer)."""

    name: str

    def propose(self, item: Item, meta: DraftMeta) -> Proposal: ...


def combine(item: Item, offline: list[Candidate], proposal: Proposal | None) -> tuple[list[Candidate], list[str]]:
    """The candidates of one item, and notes on what the model did."""
    if proposal is None:
        return offline, []
    where = f"{item.id}《{item.title or item.text[:16]}》"
    notes = [f"{where}：大模型的提议未采用（{line}）" for line in proposal.refused]
    if proposal.fault or not proposal.candidates:
        reason = proposal.fault or "没有可用的提议"
        return offline, [*notes, f"{where}：{reason}，由离线提取完成"]
    held = {fig.key for c in proposal.candidates for fig in c.figures}
    missed = [c for c in offline if any(fig.key not in held for fig in c.figures)]
    return [*proposal.candidates, *missed], notes
