"""Figures copied from an example: the failure copy-based drafting is known for.

When several of the user's figures are exactly those of another organisation's report in the
index, the tool says so before drafting: staff may have pasted the neighbours' numbers. (The
organisation's own earlier report is stale.py's business: there a repeated figure is stale.)
"""

from __future__ import annotations

from drafting.domain.types import Fact
from lexicon.figures import canonical
from retrieval.errors import RetrievalError

SAME_FIGURES = 3
"""Three exact figures shared with one report is no coincidence."""


def copied_figures(facts: list[Fact], index, org: str, exclude_docs: tuple[str, ...] = ()) -> list[str]:
    if index is None:
        return []
    shared: dict[str, dict[str, str]] = {}
    titles: dict[str, str] = {}
    for fact in facts:
        figures = [f for f in fact.figures if f.unit != "%" and f.value > 2]  # 100%, 1次: everybody's figures
        if fact.derived or not figures:
            continue
        try:
            passages = index.search(fact.text, k=3, exclude_docs=exclude_docs)
        except RetrievalError:
            return []
        for passage in passages:
            if passage.org == org:
                continue
            text = canonical(passage.text)
            for figure in figures:
                if figure.key in text:
                    shared.setdefault(passage.doc, {})[figure.key] = fact.id
                    titles[passage.doc] = passage.title
    return [f"有 {len(found)} 个数字与范例《{titles[doc]}》完全相同（{'、'.join(list(found)[:8])}）："
            "请确认是本单位本年度的数据，而不是照搬的范例。"
            for doc, found in shared.items() if len(found) >= SAME_FIGURES]
