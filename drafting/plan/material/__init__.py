"""From the year's 工作信息, 简报 and news items to candidate facts, and the questions a drafter asks.

    reading = read_material(files, pasted, year)        # the importer's reader, items split
    material = gather(reading, meta, index, proposer)     # candidates, set aside, questions
    facts = material.facts(chosen_ids, edits, answers)    # the ticked ones and the answers

A UI shows `material.to_dict()` — candidates (date, text, figures, source, proposed section, other
sources), items set aside with why, files skipped with why, questions with an answer slot — and
lets the user tick, edit and answer; `facts(…)` gives the lines that join the facts.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from drafting.domain.classify import FactKind
from drafting.domain.material import Candidate, Item
from drafting.domain.types import DraftMeta

from .coverage import Question, answers_to_facts, coverage_questions
from .dedupe import merge_duplicates
from .extract import extract
from .period import outside
from .proposals import Proposal, Proposer, combine
from .read import Reading, read_material
from .sections import with_sections

__all__ = ["Material", "Proposal", "Proposer", "Question", "Reading", "SetAside", "gather", "read_material"]


@dataclass(frozen=True)
class SetAside:
    """An item outside the report's period, and why."""

    item: Item
    reason: str

    def line(self) -> str:
        title = self.item.title or self.item.text[:20]
        return f"《{title}》（{self.item.file}）：{self.reason}，已放在一边"


@dataclass
class Material:
    items: list[Item]
    candidates: list[Candidate]
    set_aside: list[SetAside] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    merged: int = 0
    """Candidates merged into another as the same event."""
    seconds: float = 0.0

    def facts(self, chosen: list[str] | None = None, edits: dict[str, str] | None = None,
              answers: dict[str, str] | None = None) -> list[str]:
        """The chosen candidates (all when None), as edited, then the answered questions."""
        edits = edits or {}
        picked = [c for c in self.candidates if chosen is None or c.id in chosen]
        texts = [edits.get(c.id, c.text).strip() for c in picked]
        return [t for t in texts if t] + answers_to_facts(self.questions, answers or {})

    def to_dict(self) -> dict:
        return {"candidates": [{**c.to_dict(), "ticked": c.kind != FactKind.FRAGMENT} for c in self.candidates],
                "set_aside": [{"item": s.item.id, "file": s.item.file, "title": s.item.title, "reason": s.reason}
                              for s in self.set_aside],
                "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
                "questions": [q.to_dict() for q in self.questions], "notes": self.notes,
                "items": len(self.items), "merged": self.merged, "seconds": round(self.seconds, 2)}


def gather(reading: Reading, meta: DraftMeta, index=None, proposer: Proposer | None = None,
           facts: list[str] = (), workers: int = 4) -> Material:
    """Candidates from every item inside the period, duplicates merged, each with its proposed
    section; the items set aside; the coverage questions for what neither they nor `facts` name."""
    started = time.monotonic()
    inside, set_aside = [], []
    for item in reading.items:
        reason = outside(item, meta)
        (set_aside.append(SetAside(item, reason)) if reason else inside.append(item))
    candidates, notes = [], list(reading.notes)
    for item, proposal in zip(inside, _proposals(inside, meta, proposer, workers), strict=True):
        found, said = combine(item, extract(item), proposal)
        candidates += found
        notes += said
    candidates, merged = merge_duplicates(candidates)
    candidates = with_sections(candidates, meta, index)
    questions = coverage_questions(index, meta, [c.text for c in candidates] + list(facts))
    return Material(items=reading.items, candidates=candidates, set_aside=set_aside, skipped=reading.skipped,
                    questions=questions, notes=notes, merged=merged, seconds=time.monotonic() - started)


def _proposals(items: list[Item], meta: DraftMeta, proposer: Proposer | None, workers: int) -> list[Proposal | None]:
    if proposer is None:
        return [None] * len(items)
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="material") as pool:
        return list(pool.map(lambda item: proposer.propose(item, meta), items))
