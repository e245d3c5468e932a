"""【F】 markers put back into text read from a Word file. The export prints no markers, so every
fact is found again: by its figures (a marker after each figure that matches a fact), and a fact
still unmarked after that — one without figures, such as 成立普法工作领导小组 or 获评先进集体 — by
its words: the clauses that say what the draft said for it, or what the fact says, unchanged or
lightly edited. A clause that carries a figure the fact does not have is never marked with it: an
edited figure stays unmarked, and the checks catch it."""

from __future__ import annotations

import re

from drafting.domain.types import MARKER_RE, Draft, Section, strip_markers
from drafting.plan.placement import similarity
from lexicon.figures import figure_spans

SENTENCE_END = re.compile(r"[。！？；\n]")
CLAUSE_END = re.compile(r"[，,：:]")
NOT_WORDS = re.compile(r"[\s，,。；;：:、！？!?“”\"《》（）()]")
LONGEST = 4
"""A fact is said in at most this many clauses of one sentence."""
LIKE = 0.6
"""Least similarity (Dice over character pairs) of clauses to what the fact says."""


def remark_by_figures(text: str, draft: Draft, fact_ids: list[str]) -> str:
    """Put 【Fn】 back after every figure that matches a fact (the section's own facts first)."""
    order = [f for f in draft.facts if f.id in fact_ids] + [f for f in draft.facts if f.id not in fact_ids]
    out, cursor = [], 0
    for _, end, fig in figure_spans(text):
        owner = next((f for f in order if fig.key in {g.key for g in f.figures}), None)
        out.append(text[cursor:end] + (f"【{owner.id}】" if owner else ""))
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def remark(text: str, draft: Draft, section: Section) -> str:
    """The section's new text with its facts' markers put back, by figures and then by words."""
    text = remark_by_figures(text, draft, section.fact_ids)
    present = set(MARKER_RE.findall(text))
    missing = [f for f in (draft.fact(i) for i in section.fact_ids) if f is not None and f.id not in present]
    candidates = sorted(((score, fact.id, end) for fact in missing
                         for score, end in _places(text, fact, _said(section.text, fact.id))), reverse=True)
    placed: dict[int, str] = {}  # where a marker goes → its fact; the best match first, one each
    for _, fact_id, end in candidates:
        if fact_id not in placed.values() and end not in placed:
            placed[end] = fact_id
    for end in sorted(placed, reverse=True):
        text = text[:end] + f"【{placed[end]}】" + text[end:]
    return text


def _said(old_text: str, fact_id: str) -> list[str]:
    """What the draft said for the fact: the words before each of its markers, back to the end of
    the sentence or of another marker before it."""
    out = []
    for m in re.finditer(re.escape(f"【{fact_id}】"), old_text):
        before = old_text[:m.start()]
        start = max(before.rfind(c) for c in "。！？；\n】") + 1
        out.append(strip_markers(before[start:]))
    return out


def _places(text: str, fact, said: list[str]) -> list[tuple[float, int]]:
    """(similarity, where the marker goes) for every run of clauses that says what the fact says."""
    own = {fig.key for fig in fact.figures}
    wanted = [_words(s) for s in said + [fact.text] if _words(s)]
    out = []
    for start, end in _clause_runs(text):
        words = _words(strip_markers(text[start:end]))
        if not words or any(fig.key not in own for _, _, fig in figure_spans(strip_markers(text[start:end]))):
            continue
        score = max(similarity(words, w) for w in wanted)
        if score >= LIKE:
            out.append((score, end))
    return out


def _clause_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of up to LONGEST consecutive clauses within one sentence."""
    runs = []
    for first, last in _spans(text, SENTENCE_END, 0, len(text)):
        clauses = _spans(text, CLAUSE_END, first, last)
        for i, (start, _) in enumerate(clauses):
            runs += [(start, end) for _, end in clauses[i:i + LONGEST]]
    return runs


def _spans(text: str, boundary: re.Pattern, start: int, end: int) -> list[tuple[int, int]]:
    spans, at = [], start
    for m in boundary.finditer(text, start, end):
        if m.start() > at:
            spans.append((at, m.start()))
        at = m.end()
    if end > at:
        spans.append((at, end))
    return spans


def _words(text: str) -> str:
    return NOT_WORDS.sub("", text)
