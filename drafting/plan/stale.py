"""Figures copied unchanged from last year's report: found by their value in the same context, and
flagged in the section that carries them, to be confirmed."""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.findings import Finding, Severity
from drafting.domain.last_year import StaleFigure
from drafting.domain.types import Draft, Fact
from lexicon.figures import figure_spans

from .last_report import LastFigure, context_words


def stale_figures(facts: list[Fact], previous: list[LastFigure]) -> list[StaleFigure]:
    """Figures identical to last year's for the same thing: probably copied, to be confirmed (a
    plan repeated from last year is not a copied result)."""
    stale = []
    for fact in facts:
        for start, end, fig in figure_spans(fact.text):
            if fig.unit == "%" or fig.value <= 1:
                continue  # 办结率100%, 述法1次: the same every year by nature, not copied
            context = context_words(fact.text, start, end)
            for old in previous:
                if old.figure.key == fig.key and not old.target and _same_context(context, old.context):
                    stale.append(StaleFigure(fact.id, fig.text, old.sentence))
                    break
    return stale


def _same_context(ours: set[str], theirs: frozenset[str]) -> bool:
    """The same figure in the same context: most words of the sparer context are in the other
    (党组会议会前学法11次 and 全年组织干部职工会前学法11次 share 学法)."""
    shared = {w for w in ours if any(w in t or t in w for t in theirs)}
    return bool(shared) and len(shared) >= min(len(ours), len(theirs)) / 2


def stale_flags(draft: Draft, sections: list) -> list:
    """Flag, in its section, every figure copied unchanged from last year's report (once)."""
    stale = draft.previous.stale if draft.previous else []
    out = []
    for section in sections:
        notes = [Finding("stale_figure", s.note, Severity.WARNING, section_id=section.id,
                         fix="核对今年的数字") for s in stale if s.fact_id in section.fact_ids]
        said = {note.message for note in notes}
        kept = [f for f in section.flags if f.message not in said]
        out.append(replace(section, flags=kept + notes) if notes else section)
    return out
