"""Work areas for a run of pasted facts at once: each fact's vote, and the price of breaking the
paste's order.

Staff paste facts in their report's order, so facts pasted one after another usually belong
together, and a change of work area between them has to be paid for by the votes: a fact stays
with its neighbours unless its vote for another area is clearly stronger (KEEP). The whole run is
filed at once (Viterbi over the subsections a fact can be written in), so a fact whose area is
unclear goes with whichever neighbour it fits — the one after it as well as the one before — and a
weak vote (a few words like a sentence of the corpus) counts for less than a fact's own words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from drafting.domain.kinds import ReportKind

from .placement import Placed

KEEP = 0.7
"""A fact stays with the fact pasted before it unless that area's share of its vote is under KEEP
of the winner's: the vote has to be clearly for a move."""
SWITCH = -math.log(KEEP)
STRONG = 0.7
"""A vote this heavy counts in full (a fact whose own words name an area weighs 0.7 on its own:
placement.OWN_WORDS_WEIGHT); a lighter one — some sentences of the corpus alike in a few words —
is blended with an even vote by the square of its share of STRONG, so that a fact whose area is
unclear stays with its neighbours (研究制定了《…》 with a title's words taken out says almost nothing)."""
RUNS_ON = 2
"""How much more a change of area costs after a fact that ends with ；: the two were one sentence."""
FLOOR = 0.01
"""The share of an area nobody voted for: not impossible, only very unlikely."""

Unit = tuple[str, str]


@dataclass
class Step:
    """One fact of the run: its vote, or that it continues the fact before it (same unit, no vote)."""

    placed: Placed | None
    joined: bool = False
    runs_on: bool = False
    """The fact before it ends with ；: one sentence of the report it was copied from, parted by the
    paste (…统一划入县行政审批局； / 实现“一枚印章管审批”…)."""
    apart: bool = False
    """Pasted after a fact filed in another section (a duty, a problem): nothing links it to the
    measures fact pasted before that one."""


def unit_of(kind: ReportKind, theme: str) -> Unit:
    """Where a theme's facts are written: the section, and the topic inside it (学习 and 思想引领 are
    one topic of a work summary: one subsection)."""
    spec = kind.section_for(theme)
    topic = spec.topic_for(theme)
    return spec.key, topic.key if topic else theme


def unit_shares(placed: Placed, kind: ReportKind) -> dict[Unit, float]:
    """A fact's vote by where its facts would be written: the share of its best theme there (two themes
    of one subsection are two readings of the fact, not two votes for it)."""
    shares: dict[Unit, float] = {}
    for theme, share in placed.scores:
        unit = unit_of(kind, theme)
        shares[unit] = max(shares.get(unit, 0.0), share)
    return shares


def best_run(steps: list[Step], kind: ReportKind, fallback: str) -> list[Unit]:
    """The unit of each step that best agrees with the votes, a change of unit between neighbours
    costing SWITCH and a joined step never changing it."""
    if not steps:
        return []
    # in the order the votes rank them, so that a tie goes to the fact's own first choice
    units = list(dict.fromkeys([u for s in steps if s.placed for u in unit_shares(s.placed, kind)]
                               + [unit_of(kind, fallback)]))
    cost = _fit(steps[0], units, kind)
    back: list[dict[Unit, Unit]] = []
    for n, step in enumerate(steps[1:], 1):
        price = _price(step, len(steps) - n)
        links = {u: u if step.joined else max(units, key=lambda v: (cost[v] - price * (v != u), v == u))
                 for u in units}
        fit = _fit(step, units, kind)
        cost = {u: cost[links[u]] - price * (links[u] != u) + fit[u] for u in units}
        back.append(links)
    unit = max(units, key=lambda u: cost[u])
    path = [unit]
    for links in reversed(back):
        unit = links[unit]
        path.append(unit)
    return path[::-1]


def _fit(step: Step, units: list[Unit], kind: ReportKind) -> dict[Unit, float]:
    """How well each unit fits a fact: the log of its share of a vote blended with an even one as
    far as the vote was weak; nothing for a fact without a vote (it goes where its neighbours go)."""
    if step.placed is None or not step.placed.scores:
        return dict.fromkeys(units, 0.0)
    shares = unit_shares(step.placed, kind)
    strength = min(1.0, step.placed.weight / STRONG) ** 2
    even = 1 / len(units)
    return {u: math.log(max(strength * shares.get(u, 0.0) + (1 - strength) * even, FLOOR)) for u in units}


def _price(step: Step, left: int) -> float:
    """What a change of unit before this step costs. A tie keeps a fact with the one before it, as a
    reader going down the paste would: a change costs a hair more the earlier it comes."""
    if step.apart:
        return 0.0
    return SWITCH * (RUNS_ON if step.runs_on else 1) * (1 + 1e-6 * left)
