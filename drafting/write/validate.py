"""Check one freshly written section before anyone sees it: figures against the facts, every
fact used, markers present, no foreign particulars, wording right for the writing date."""

from __future__ import annotations

from drafting.domain.types import Draft, Section
from drafting.review.figures import figure_accuracy, markers
from drafting.review.wording import foreign_particulars, time_wording

from .base import DraftContext


def section_problems(text: str, section: Section, ctx: DraftContext) -> list[str]:
    """Plain-language problems, empty when the section may be delivered as it is."""
    facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
    probe = Draft(meta=ctx.meta, facts=facts, sections=[Section(section.id, section.role, section.heading, text)])
    problems = []
    for check in (figure_accuracy, markers, foreign_particulars, time_wording):
        problems += [f.message for f in check(probe, ctx.guard).findings]
    for fact in facts:
        if f"【{fact.id}】" not in text:
            problems.append(f"事实 {fact.id}（{fact.text[:20]}…）没有写进本部分或缺少标记【{fact.id}】")
    return list(dict.fromkeys(problems))
