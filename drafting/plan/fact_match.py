"""Which fact of a new paste is which fact of the draft: the same words, or the same fact with a word
or a figure changed (138起 → 145起). 生成提纲 again keeps each fact where the user had it."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from drafting.domain.types import Fact

SAME_FACT = 0.6
"""How alike two texts must be (difflib's ratio) to be one fact changed rather than one removed and
one added: 全年办理案件138起 / 全年办理案件145起 is 0.8; 基层力量不足 / 基层力量薄弱 0.67."""


@dataclass(frozen=True)
class Match:
    old: Fact
    new: Fact

    @property
    def changed(self) -> bool:
        return self.old.text != self.new.text


def match_facts(old: list[Fact], new: list[Fact]) -> dict[str, Match]:
    """new fact id → its match among the old facts; a new fact without one was added, an old fact
    nobody matched was removed. Identical texts first (in order), then the most alike pairs."""
    matches: dict[str, Match] = {}
    free = list(old)
    for fact in new:
        same = next((o for o in free if o.text == fact.text), None)
        if same is not None:
            matches[fact.id] = Match(same, fact)
            free.remove(same)
    rest = [f for f in new if f.id not in matches]
    pairs = sorted(((_alike(o.text, n.text), -abs(_number(o) - _number(n)), o.id, n.id, o, n)
                    for o in free for n in rest), reverse=True)
    for ratio, _, _, _, o, n in pairs:
        if ratio < SAME_FACT:
            break
        if o in free and n.id not in matches:
            matches[n.id] = Match(o, n)
            free.remove(o)
    return matches


def _alike(a: str, b: str) -> float:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.quick_ratio() >= SAME_FACT else 0.0


def _number(fact: Fact) -> int:
    return int(fact.id[1:]) if fact.id[1:].isdigit() else 0
