"""Check one freshly written section before anyone sees it: figures against the facts, every
fact used, markers present, no foreign particulars, wording right for the writing date, nothing
of the prompt or the chat in the text.

Each check says whether its findings block (review/: an invented or altered figure, another
federation's name, wording the writing date rules out, prompt or chat residue): a model's text
with a blocking finding may not stand as the section. A fact left out or a missing marker is
flagged but does not block.
"""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.findings import Finding, Severity
from drafting.domain.types import Draft, Section
from drafting.review.accuracy import figure_accuracy, markers
from drafting.review.foreign import foreign_particulars, time_wording
from drafting.review.hygiene import hygiene

from .base import DraftContext

SECTION_CHECKS = (figure_accuracy, markers, foreign_particulars, time_wording, hygiene)


def check_section(text: str, section: Section, ctx: DraftContext) -> list[Finding]:
    """Every problem of `text` as this section's text, each placed on the section; empty when it
    may be delivered as it is."""
    facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
    probe = Draft(meta=ctx.meta, facts=facts, sections=[Section(section.id, section.role, section.heading, text)])
    found = [f for check in SECTION_CHECKS for f in check(probe, ctx.guard).findings]
    for fact in facts:
        if f"【{fact.id}】" not in text:
            found.append(Finding("fact_used", f"事实 {fact.id}（{fact.text[:20]}…）没有写进本部分或缺少标记【{fact.id}】",
                                 fix=f"把 {fact.id} 写进本部分，数字后标【{fact.id}】"))
    return list({f.message: f.at(section.id) for f in found}.values())


def refresh_flags(section: Section, ctx: DraftContext) -> Section:
    """The section with the findings of the checks on its text recomputed for its current text: a
    problem fixed by an edit disappears, one still there stays once; warnings about how the section
    came to be (Severity.WARNING) are kept."""
    kept = [f for f in section.flags if f.severity is not Severity.ERROR]
    if not section.text.strip():
        return replace(section, flags=kept)
    return replace(section, flags=kept + check_section(section.text, section, ctx))
