"""A proposed sentence (a model's) → a candidate made of spans of its item, or a refusal.

Each clause of the proposal must be found in the item, piece by piece (the longest stretch of the
item that continues it, two characters at least): the model may leave words out and reorder
clauses, never write its own. The candidate is then built like any other, so a figure the item does
not hold at that place — an invented one, a dropped qualifier — is refused by construction."""

from __future__ import annotations

import re

from drafting.domain.material import Candidate, Clause, FigureNotInSource, Item, Span, check_figures
from lexicon.figures import extract_figures

BULLET = re.compile(r"^\s*(?:[-•·*]\s*|\d{1,2}[.、．)）]\s*|[（(]\d{1,2}[)）]\s*)")
CLAUSE_MARKS = "，,；;。：:"
OPEN, CLOSE = "“《（(「‘", "”》）)」’"


class NotFromSource(ValueError):
    """A proposal holds words its item does not."""


def align(item: Item, proposal: str, by: str = "offline") -> Candidate:
    """The candidate a proposal stands for. Raises NotFromSource or FigureNotInSource."""
    text = re.sub(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])", "", BULLET.sub("", proposal.strip()))
    held = {fig.text for fig in item.figures_at.values()}
    for fig in extract_figures(text):
        if fig.text not in held:
            raise FigureNotInSource(f"数字“{fig.text}”原文中没有（原文的数字：{'、'.join(sorted(held)) or '无'}）")
    clauses = tuple(_clause(item, c) for c in _clauses(text.rstrip("。；;")))
    if not clauses:
        raise NotFromSource("没有内容")
    return Candidate(clauses=clauses, by=by)


def _clauses(text: str) -> list[str]:
    out, depth, current = [], 0, ""
    for ch in text:
        depth += (ch in OPEN) - (ch in CLOSE and depth > 0)
        if ch in CLAUSE_MARKS and depth == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    return [c for c in [*out, current] if c.strip()]


def _clause(item: Item, clause: str) -> Clause:
    spans, i = [], 0
    while i < len(clause):
        j = i + 1
        while j < len(clause) and clause[i:j + 1] in item.text:
            j += 1
        if clause[i:j] not in item.text or (j - i < 2 and clause[i] not in "、和及与"):
            raise NotFromSource(f"“{clause}”不是原文的话")
        spans.append(_placed(item, clause[i:j]))
        i = j
    return tuple(spans)


def _placed(item: Item, piece: str) -> Span:
    """Where the piece stands in the item: the first place whose figures are the piece's own."""
    places = [Span(item, m.start(), m.end()) for m in re.finditer(re.escape(piece), item.text)]
    for span in places:
        try:
            check_figures(((span,),))
            return span
        except FigureNotInSource:
            continue
    return places[0]
