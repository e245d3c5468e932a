"""The offline extractor: one item → one or a few candidate facts in the drafter's style.

"2024年3月8日上午，岚溪县妇联联合县法院…开展“三八”维权周普法宣传活动。活动现场，工作人员…发放
…宣传资料1200余份，解答…法律咨询80余人次。此次活动进一步增强了…" becomes "3月8日，联合县法院…开展
“三八”维权周普法宣传活动，工作人员…发放…宣传资料1200余份，解答…法律咨询80余人次": the time first,
without its year; the organisation, as subject, left out; what was done and every figure kept with
their own words; purpose, praise, quotes and plans left out. Each kept clause is a span of the item
(domain.material), so nothing can be added. A clause with a figure is always kept.

A sentence that opens with its own time or counter (一是…), or a new statement with figures after
one with figures, starts a new candidate; other sentences add to the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.domain.material import Candidate, Clause, Item, Span
from lexicon.figures import extract_figures

from .cues import (
    ACTIONS,
    ITEM_LEAD,
    LEAD_WORDS,
    PERIOD_WORDS,
    SHORT_HEADING,
    SUBJECT,
    TAG,
    TIME,
    left_out,
    not_a_fact,
)

MAX_CHARS = 150
"""A candidate longer than this starts another (a drafter's fact is one or two lines)."""
PARTNER = r"对|在|向|为|由|把|将|被|给|联合|与|和|同|局|院|委|会|团|部|所"
"""Words before 妇联 that make it a partner or an object, not the subject: 县民政局联合县妇联…,
对县妇联制发的文件…"""
OPEN = "“《（(「‘"
CLOSE = "”》）)」’"


@dataclass
class _Sentence:
    """One sentence of an item, taken apart: its time clause, its kept clauses, what it opens."""

    time: Clause | None
    clauses: list[Clause]
    figures: bool
    counted: bool
    """It opened with a counter (一是, （二）): a new point of a round-up."""
    subject: bool
    """It opened with the organisation as subject: a new statement."""


def extract(item: Item) -> list[Candidate]:
    """The candidates of one item, in order; none when it says nothing was done."""
    groups: list[tuple[Clause | None, list[Clause], bool]] = []  # (time, clauses, has figures)
    closed = True
    for sentence in _sentences(item):
        says = sentence.figures or bool(ACTIONS.search(_joined(sentence.clauses)))
        current = None if closed else groups[-1]
        if current is None or sentence.time is not None or sentence.counted \
                or (sentence.subject and sentence.figures and current[2]) \
                or _length(current[1]) + _length(sentence.clauses) > MAX_CHARS:
            if says:
                groups.append((sentence.time, list(sentence.clauses), sentence.figures))
            closed = not says  # a point's heading (一是加强学法用法。) ends what came before
        elif says:
            groups[-1] = (current[0], current[1] + sentence.clauses, current[2] or sentence.figures)
    period = _period(item)
    candidates = []
    for time, clauses, _ in groups:
        time = time or period
        candidates.append(Candidate(clauses=(((time,),) if time else ()) + tuple(clauses)))
    return candidates


def _sentences(item: Item):
    for start, end in _sentence_spans(item.text):
        text = item.text[start:end]
        counter = ITEM_LEAD.match(text)
        if counter:
            start += counter.end()
            text = item.text[start:end]
        if not text.strip("。！？；") or not_a_fact(text):
            continue
        if counter and len(text) <= SHORT_HEADING and not extract_figures(text):
            yield _Sentence(None, [], False, True, False)  # the point's heading: only a boundary
            continue
        time, clauses, subject = None, [], False
        for n, (a, b) in enumerate(_clause_spans(item.text, start, end)):
            clause_time, a, had_subject = _strip_lead(item, a, b)
            subject = subject or (n == 0 and had_subject)
            if clause_time and time is None:
                time = clause_time  # 截至9月底 in the middle of a sentence still leads the candidate
            if a < b and _kept(item.text[a:b]):
                clauses.append((Span(item, a, b),))
        if clauses:
            yield _Sentence(time, clauses, any(extract_figures(c[0].text) for c in clauses), bool(counter), subject)


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, the end mark left out."""
    spans, start = [], 0
    for m in re.finditer(r"[。！？；\n]", text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause: split at ，and ： outside quotes and brackets."""
    spans, depth, begin = [], 0, start
    for i in range(start, end):
        ch = text[i]
        depth += (ch in OPEN) - (ch in CLOSE and depth > 0)
        if ch in "，,：:" and depth == 0:
            if i > begin:
                spans.append((begin, i))
            begin = i + 1
    if end > begin:
        spans.append((begin, end))
    return spans


def _strip_lead(item: Item, a: int, b: int) -> tuple[Span | None, int, bool]:
    """A clause's time (as the candidate says it), where its words start once the time, the
    organisation as subject and a connective are left out, and whether a subject was."""
    tag = TAG.match(item.text[a:b])
    a += tag.end() if tag else 0
    clause = item.text[a:b]
    m = TIME.match(clause)
    time = Span(item, a + m.start("keep"), a + m.end("keep")) if m.group("keep") else None
    at, subject = m.end(), False
    for pattern in (LEAD_WORDS, SUBJECT, LEAD_WORDS):
        found = pattern.match(clause[at:])
        if not found or not found.end():
            continue
        if pattern is SUBJECT:
            if re.search(PARTNER, found.group("place") or ""):
                continue
            subject = True
        at += found.end()
    return time, a + at, subject


def _kept(clause: str) -> bool:
    """A clause stays when it holds a figure, or says what was done without praise or purpose."""
    if extract_figures(clause):
        return True
    return bool(re.search(r"[\u4e00-\u9fff]{2}", clause)) and not left_out(clause) and (
        bool(ACTIONS.search(clause)) or len(clause) >= 6)


def _period(item: Item) -> Span | None:
    """In a round-up, the time its figures count over (上半年, 今年以来), for candidates naming none."""
    if not item.digest:
        return None
    for word in PERIOD_WORDS:
        at = item.text.find(word)
        if at >= 0:
            return Span(item, at, at + len(word))
    return None


def _length(clauses: list[Clause]) -> int:
    return sum(sum(s.end - s.start for s in c) + 1 for c in clauses)


def _joined(clauses: list[Clause]) -> str:
    return "，".join("".join(s.text for s in c) for c in clauses)
