"""The same event reported twice — on the website and on WeChat, or a month's item repeated in a
half-year round-up — is one candidate, with every report kept among its sources.

Two candidates report the same thing when they share a figure that could not be shared by chance
(1200余份, 96.97%, 18.6万元 — not 2名), about the same thing (the words before the figure overlap),
at a time that can be the same (a round-up covers any day of its period; two dated posts differ
by three days at most). The more specific report stays (a dated post before a round-up, then the
one with more figures); the other gives up the clauses with those figures and is dropped when
nothing of its own is left. A figure is never lost: a clause goes only where its figure stays.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from drafting.domain.facts import figure_subject
from drafting.domain.material import Candidate, Origin
from lexicon.figures import Figure, extract_figures

from ..placement import similarity

SAME_DAYS = 3
TIME_ONLY = re.compile(r"(?:截至)?[\d月日至底初以来份期间]+|上半年|下半年|全年|今年以来|年初以来|今年")
SUBJECT_OVERLAP = 0.5
RETOLD = 0.8
"""Share of character pairs two texts hold in common above which they are one text retold."""


def merge_duplicates(candidates: list[Candidate]) -> tuple[list[Candidate], int]:
    """The candidates with duplicates merged, in the order of their dates; and how many were merged away."""
    order = sorted(range(len(candidates)), key=lambda i: _preference(candidates[i], i))
    kept: dict[int, Candidate] = {}
    holders: dict[str, list[int]] = {}  # telling figure key → kept candidates holding it
    alike: dict[object, list[int]] = {}  # date → kept candidates of that day
    merged = 0
    for i in order:
        candidate: Candidate | None = candidates[i]
        keys = {fig.key for fig in candidate.figures if telling(fig)}
        twin = next((j for j in alike.get(_day(candidate), []) if _retold(candidate, kept[j])), None)
        if twin is not None:  # the same words again (pasted twice), figures or not
            kept[twin] = _also(kept[twin], [candidate.origin])
            candidate = None
        for j in dict.fromkeys(j for key in keys for j in holders.get(key, [])):
            if candidate is None or not _same_time(candidate, kept[j]):
                continue
            shared = _shared(candidate, kept[j])
            if shared:
                kept[j] = _also(kept[j], [Origin.of(candidate.clauses[n][0]) for n in shared.values()])
                candidate = _without(candidate, set(shared.values()))
        if candidate is None:
            merged += 1
            continue
        kept[i] = candidate
        alike.setdefault(_day(candidate), []).append(i)
        for fig in candidate.figures:
            if telling(fig):
                holders.setdefault(fig.key, []).append(i)
    return [kept[i] for i in sorted(kept, key=lambda i: (kept[i].date or date.max, i))], merged


def _day(candidate: Candidate):
    return candidate.date, candidate.item.digest


def _retold(a: Candidate, b: Candidate) -> bool:
    """The same words (almost) and the same figures: one report pasted or posted twice."""
    return sorted(f.key for f in a.figures) == sorted(f.key for f in b.figures) and similarity(a.text, b.text) >= RETOLD


def _preference(candidate: Candidate, index: int) -> tuple:
    """Who stays when two report the same: a dated post before a round-up, more figures first,
    then the shorter (the drafter's fact is the plain one)."""
    item = candidate.item
    return item.digest, -len(candidate.figures), not item.exact, len(candidate.text), index


def _same_time(a: Candidate, b: Candidate) -> bool:
    if a.item.digest or b.item.digest or a.date is None or b.date is None:
        return True
    if a.item.exact and b.item.exact:
        return abs((a.date - b.date).days) <= SAME_DAYS
    return (a.date.year, a.date.month) == (b.date.year, b.date.month)


def _shared(candidate: Candidate, other: Candidate) -> dict[str, int]:
    """Figure key → the clause of `candidate` holding it, for each telling figure both report."""
    theirs = {fig.key: text for text, fig in _clause_figures(other)}
    mine = list(enumerate(_clause_figures(candidate)))
    shared = {fig.key: _clause_index(candidate, n) for n, (text, fig) in mine
              if telling(fig) and fig.key in theirs and _about_the_same(text, theirs[fig.key], fig)}
    if shared:  # the same event: its small figures (5份, 2名) are the same ones too
        shared.update({fig.key: _clause_index(candidate, n) for n, (text, fig) in mine
                       if fig.key in theirs and _about_the_same(text, theirs[fig.key], fig)})
    return shared


def telling(fig: Figure) -> bool:
    """A figure two reports would not share by chance."""
    return fig.value >= 10 or bool(fig.qualifier) or "." in fig.text or fig.unit in ("%", "元")


def _about_the_same(a: str, b: str, fig: Figure) -> bool:
    """The words before the figure overlap: 发放宣传资料 / 发放《…》宣传资料, not 发放宪法读本."""
    words_a = set(figure_subject(a, a.find(fig.text)))
    words_b = set(figure_subject(b, b.find(fig.text)))
    if not words_a or not words_b:
        return True
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= SUBJECT_OVERLAP


def _clause_figures(candidate: Candidate) -> list[tuple[str, Figure]]:
    """(clause text, figure) for every figure, clause by clause."""
    out = []
    for clause in candidate.clauses:
        text = "".join(span.text for span in clause)
        out += [(text, fig) for fig in extract_figures(text)]
    return out


def _clause_index(candidate: Candidate, nth_figure: int) -> int:
    seen = 0
    for n, clause in enumerate(candidate.clauses):
        seen += len(extract_figures("".join(span.text for span in clause)))
        if nth_figure < seen:
            return n
    raise IndexError(nth_figure)


def _without(candidate: Candidate, clauses: set[int]) -> Candidate | None:
    """The candidate without the given clauses, and without what their sentences said around
    them once no figure of those sentences is left; None when no figure of its own is left."""
    def sentence(clause) -> str:
        return clause[0].item.sentence_at(clause[0].start)

    def has_figure(clause) -> bool:
        return bool(extract_figures("".join(span.text for span in clause)))

    rest = [c for n, c in enumerate(candidate.clauses) if n not in clauses]
    gone = {sentence(candidate.clauses[n]) for n in clauses} - {sentence(c) for c in rest if has_figure(c)}
    rest = [c for n, c in enumerate(rest) if n == 0 and len(c) == 1 and _is_time(c) or sentence(c) not in gone]
    if not any(has_figure(c) for c in rest):
        return None
    return replace(candidate, clauses=tuple(rest))


def _is_time(clause) -> bool:
    """The candidate's leading time (3月8日, 上半年): it stays with what is left."""
    return not extract_figures(clause[0].text) and bool(TIME_ONLY.fullmatch(clause[0].text))


def _also(candidate: Candidate, origins: list[Origin]) -> Candidate:
    known = {(o.item, o.sentence) for o in candidate.origins}
    new = tuple(o for o in dict.fromkeys(origins) if (o.item, o.sentence) not in known)
    return replace(candidate, also=candidate.also + new) if new else candidate

