"""Check one freshly written section before anyone sees it: figures against the facts, every
fact used, markers present, no foreign particulars, wording right for the writing date, nothing
of the prompt or the chat in the text, no claim no fact or example supports.

Each check says whether its findings block (review/: an invented or altered figure, another
federation's name, wording the writing date rules out, prompt or chat residue): a model's text
with a blocking finding may not stand as the section. A fact left out, a missing marker or a claim
no fact or example supports (a result, or a commitment such as handing over information) is
flagged but does not block. So is an answer with hidden characters; one padded far beyond its
facts blocks.
"""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.findings import Finding, Severity
from drafting.domain.types import Draft, Section, strip_markers
from drafting.review.accuracy import figure_accuracy, markers
from drafting.review.foreign import foreign_particulars, time_wording
from drafting.review.hygiene import hygiene
from drafting.review.prose import claims

from .base import DraftContext

SECTION_CHECKS = (figure_accuracy, markers, foreign_particulars, time_wording, hygiene, claims)
MAX_CHARS, CHARS_PER_FACT = 600, 300
"""A model's section may run to 600 characters and 300 more per fact (the offline text stays under
200 and 250 per fact on every case): an answer padded to 19,500 characters is refused."""


def check_section(text: str, section: Section, ctx: DraftContext) -> list[Finding]:
    """Every problem of `text` as this section's text, each placed on the section; empty when it
    may be delivered as it is."""
    facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
    probe = Draft(meta=ctx.meta, facts=facts, sections=[Section(section.id, section.role, section.heading, text,
                                                                sources=section.sources, stock=section.stock)])
    found = [f for check in SECTION_CHECKS for f in check(probe, ctx.guard).findings]
    for fact in facts:
        if f"【{fact.id}】" not in text:
            found.append(Finding("fact_used", f"事实 {fact.id}（{fact.text[:20]}…）"
                                              f"没有写进本部分或缺少标记【{fact.id}】",
                                 fix=f"把 {fact.id} 写进本部分，数字后标【{fact.id}】"))
    return list({f.message: f.at(section.id) for f in found}.values())


def answer_problems(text: str, facts, hidden: bool, section_id: str = "") -> list[Finding]:
    """What is wrong with a model's answer as such, beyond the section checks: characters that had
    to be removed (flagged), and a length its facts cannot account for (a padded answer: refused)."""
    found = []
    if hidden:
        found.append(Finding("model_answer", "大模型的回复中有不可见的控制字符或零宽字符，已去掉，请核对本部分",
                             section_id=section_id))
    limit = MAX_CHARS + CHARS_PER_FACT * len(facts)
    if len(strip_markers(text)) > limit:
        found.append(Finding("model_answer", f"正文过长（{len(strip_markers(text))} 字）：本部分只有 {len(facts)} "
                             f"条事实，请写在 {limit} 字以内", blocking=True, section_id=section_id))
    return found


def model_failed(section_id: str, fault: str) -> Finding:
    """The model could not answer (a timeout, a refused key …): the offline text is shown."""
    return Finding("model_fallback", f"大模型未能完成本部分（{fault}），已改用离线起草，请核对。", Severity.WARNING,
                   section_id=section_id, fix="核对离线起草的文字，或稍后重新生成本部分")


def model_rejected(section_id: str, rounds: int, reasons: str) -> Finding:
    """The model's answer still failed a blocking check after `rounds` repairs: the offline text is
    shown, the answer kept as a version to switch to."""
    return Finding("model_rejected", f"显示的是离线起草稿：大模型稿经{rounds}次修改仍未通过核对（{reasons}），"
                   "已另存为可切换的版本，请核对后选用。", Severity.WARNING, section_id=section_id,
                   fix="核对离线起草的文字；要用大模型稿，点“换用大模型的尝试稿”后改正所列问题")


def refresh_flags(section: Section, ctx: DraftContext) -> Section:
    """The section with the findings of the checks on its text recomputed for its current text: a
    problem fixed by an edit disappears, one still there stays once; warnings about how the section
    came to be (Severity.WARNING) are kept."""
    kept = [f for f in section.flags if f.severity is not Severity.ERROR]
    if not section.text.strip():
        return replace(section, flags=kept)
    return replace(section, flags=kept + check_section(section.text, section, ctx))
