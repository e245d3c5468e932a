"""Last year's report, read: which report it is, its plan items, and every figure in it with what
it counts and whether it was a plan or target. The comparisons (comparisons.py) and the stale
figures (stale.py) work from what is read here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.domain.facts import figure_subject
from drafting.domain.types import Figure
from lexicon.figures import figure_spans
from lexicon.roles import Role
from retrieval.text import sentences, words

from .plans import plan_items
from .targets import counted_words

SUBJECT_STOP = {"全年", "今年", "年度", "共", "累计", "开展", "发放", "组织", "完成", "受理", "帮助", "参加"}
TARGET = re.compile(r"计划|拟|力争|争取|目标|预计|确保|下一步|下半年|明年"
                    r"|将(?:在|于|要|继续|开展|建成|新建|培训|举办|实现|完成)"
                    r"|\d{4}年(?:要|将|计划)")
"""A figure in a clause like this is a plan or target, never an actual to compare with."""
@dataclass(frozen=True)
class LastFigure:
    """A figure of last year's report, what it counts and whether it was a plan or target."""

    figure: Figure
    subject: frozenset[str]
    sentence: str
    chunk_id: str
    target: bool
    context: frozenset[str] = frozenset()
    """The words around it, for telling a figure copied in the same context (会前学法11次 both years)."""


def find_previous(index, org: str, report_type: str, year: int):
    """The same federation's report of the same kind for the latest earlier year, or None."""
    if index is None:
        return None
    same = [d for d in index.documents()
            if d.report_type == report_type and d.year and d.year < year and _same_org(d.org, org)]
    return max(same, key=lambda d: d.year) if same else None


def _same_org(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b and "*" not in a and (a == b or (len(a) > 4 and len(b) > 4 and (a in b or b in a))))


def last_plan_items(index, doc: str) -> list[str]:
    """The items of last year's 下一步/工作计划."""
    return plan_items(index.passages(doc))


def subject_words(text: str, start: int) -> set[str]:
    """What a figure counts, without the verbs that say nothing about it (开展, 发放 …)."""
    return {w for w in figure_subject(text, start) if w not in SUBJECT_STOP}


def is_target(text: str, start: int) -> bool:
    """Whether the figure at `start` is planned, not done (计划培训200名, 力争建成10个)."""
    clause = re.split(r"[。；;]", text[:start])[-1]
    return bool(TARGET.search(clause))


def last_year_figures(index, doc: str) -> list[LastFigure]:
    """Every figure in last year's report with what it counts; those in its plans are targets."""
    out = []
    for passage in index.passages(doc):
        for sentence in sentences(passage.text):
            for start, end, fig in figure_spans(sentence):
                subject, context = subject_words(sentence, start), context_words(sentence, start, end)
                if subject or context:
                    out.append(LastFigure(fig, frozenset(subject), sentence, passage.chunk_id,
                                          passage.role == Role.PLANS or is_target(sentence, start), frozenset(context)))
    return out


def context_words(text: str, start: int, end: int) -> set[str]:
    """The words a figure stands among: its clause before and after it, or, when the clause says only
    共开展11次, the sentence before it (坚持会前学法制度，全年共开展11次)."""
    near = counted_words(text, start, end) - SUBJECT_STOP
    return near or {w for w in words(text[:start]) if len(w) >= 2 and not re.search(r"\d|年|月", w)} - SUBJECT_STOP
