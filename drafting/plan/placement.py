"""Where a drafter would file an activity: by where sentences like it sit in real reports.

For each activity the nearest passages of the corpus are searched; inside each, the sentence most
like the fact is found, and it votes for the theme of the heading it sits under — its own 一是
lead, its （一） subheading, or its 一、 heading — weighted by how alike the two are and how high
the passage ranked. The fact's own words add a smaller vote. The winner's reason is kept for the
outline table: 与《…》“（二）…”中的句子相近.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafting.domain.themes import heading_theme, text_scores
from lexicon.numbering import NUMERALS, SUB, TOP
from lexicon.roles import Role
from retrieval.errors import RetrievalError
from retrieval.text import sentences

ITEM_LEAD = re.compile(rf"^(?:[{NUMERALS}]+是)?(.{{2,16}})。$")
"""A short whole sentence that leads what follows: 一是注重网络平台建设。 / 依法化解社会矛盾。"""
OWN_WORDS_WEIGHT = 0.7
"""The fact's own words count as much as a good neighbour: neither alone is reliable on a small corpus."""
NEIGHBOURS = 8


@dataclass(frozen=True)
class Vote:
    theme: str
    weight: float
    reason: str


@dataclass(frozen=True)
class Placed:
    """The theme chosen for one fact, how sure, and why."""

    theme: str
    confidence: float
    reason: str
    scores: tuple[tuple[str, float], ...] = ()
    """Every theme's share of the vote, largest first: a neighbour's theme may still fit."""
    reasons: tuple[tuple[str, str], ...] = ()
    weight: float = 0.0
    """How much evidence there was: the votes' sum before they became shares."""

    def share(self, theme: str) -> float:
        return dict(self.scores).get(theme, 0.0)

    def reason_for(self, theme: str) -> str:
        return dict(self.reasons).get(theme, "按事实本身的用词归类")


@lru_cache(maxsize=4096)
def sentence_leads(passage_text: str, heading: str) -> list[tuple[str, str]]:
    """(sentence, the heading it sits under) for every sentence of a passage: the nearest lead
    that names a theme — an item's lead (一是注重网络平台建设。, or a short first sentence such as
    依法化解社会矛盾。), else the passage's （一） subheading, else its 一、 heading."""
    out, sub, lead = [], "", ""
    for n, sentence in enumerate(sentences(passage_text)):
        m = SUB.match(sentence)
        if m:
            sub, lead = m.group(2).split("。")[0], ""
            continue
        short = ITEM_LEAD.match(sentence)
        if short and (n == 0 or sentence[0] in NUMERALS):
            lead = short.group(1)
            continue
        chain = [h for h in (lead, sub, heading) if h and heading_theme(h)]
        out.append((sentence, chain[0] if chain else heading))
    return out


@lru_cache(maxsize=16384)
def bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def similarity(a: str, b: str) -> float:
    """Share of character bigrams two texts have in common (Dice): 0 unrelated, 1 the same."""
    ga, gb = bigrams(a), bigrams(b)
    return 2 * len(ga & gb) / (len(ga) + len(gb)) if ga and gb else 0.0


def corpus_votes(text: str, index, exclude_docs=()) -> list[Vote]:
    """The votes of the nearest sentences in the corpus for the theme of `text`."""
    if index is None:
        return []
    try:
        passages = index.search(text, role=Role.MEASURES, k=NEIGHBOURS, exclude_docs=exclude_docs, per_doc=3)
    except RetrievalError:
        return []  # the index is down: the fact's own words still place it
    votes = []
    for rank, passage in enumerate(passages):
        best = max(sentence_leads(passage.text, passage.heading), key=lambda sl: similarity(text, sl[0]),
                   default=None)
        if best is None:
            continue
        sentence, lead = best
        theme = heading_theme(lead)
        if not theme:
            continue
        weight = similarity(text, sentence) / (1 + 0.3 * rank)
        if weight <= 0:
            continue  # no word in common (a terse fact such as 5人): no vote, not a vote of nothing
        where = lead if lead != passage.heading else passage.heading
        votes.append(Vote(theme, weight, f"与《{passage.title}》“{_short(where)}”中的句子相近"))
    return votes


def place(text: str, index, allowed: set[str], exclude_docs=()) -> Placed:
    """The theme (among `allowed`, the kind's themes) a fact belongs to, by what it does (unnamed)."""
    text = unnamed(text)
    scores: dict[str, float] = {}
    reasons: dict[str, tuple[float, str]] = {}
    for vote in corpus_votes(text, index, exclude_docs):
        if vote.theme in allowed:
            scores[vote.theme] = scores.get(vote.theme, 0.0) + vote.weight
            if vote.weight > reasons.get(vote.theme, (0.0, ""))[0]:
                reasons[vote.theme] = (vote.weight, vote.reason)
    own = {k: v for k, v in text_scores(text).items() if k in allowed and v > 0}
    top_own = max(own.values(), default=1.0)
    for theme, hits in own.items():
        scores[theme] = scores.get(theme, 0.0) + OWN_WORDS_WEIGHT * hits / top_own
    if not scores:
        return Placed("", 0.0, "没有相近的范例，也没有可判断的词：请确认位置")
    total = sum(scores.values())
    ranked = tuple(sorted(((k, round(v / total, 3)) for k, v in scores.items()), key=lambda kv: -kv[1]))
    theme, confidence = ranked[0]
    why = tuple((k, r) for k, (_, r) in reasons.items())
    return Placed(theme, confidence, dict(why).get(theme, "按事实本身的用词归类"), ranked, why, round(total, 3))


NAMES = re.compile(r"“[^“”]{7,}”|《[^《》]+》")
"""A document's title and a quoted campaign name or slogan (“打造市场化法治化国际化营商环境”): what
the work is called, not what was done. A short quote names a thing the work is about (“两癌”,
“三八”, “谁执法谁普法”) and stays."""


def unnamed(text: str) -> str:
    """A fact as the corpus is asked about it: without the titles and names that would vote for the
    area they name (印发《…法制宣传教育…规划》 is organising work, not 普法), unless nothing else is left."""
    rest = NAMES.sub("", text)
    return rest if len(rest) >= 6 else text


def _short(heading: str) -> str:
    heading = TOP.sub(r"\2", heading)
    return heading if len(heading) <= 16 else heading[:15] + "…"
