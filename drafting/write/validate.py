"""Check one freshly written section before anyone sees it: figures against the facts, every
fact used, markers present, no foreign particulars, wording right for the writing date, nothing
of the prompt or the chat in the text.

A problem is *blocking* when the text may not stand as the section while it does: an invented or
altered figure, another federation's name, wording the writing date rules out, prompt or chat
residue. A fact left out, a missing marker or a claim no fact or example supports (a result, or a
commitment such as handing over information) is flagged but does not block.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from drafting.domain.types import Draft, Section, strip_markers
from drafting.review.figures import figure_accuracy, markers
from drafting.review.hygiene import hygiene
from drafting.review.prose import claims
from drafting.review.wording import foreign_particulars, time_wording

from .base import DraftContext

CHECK_FLAG = "核对未通过："
"""Flags that start so come from the checks on the section's current text: recomputed, never kept."""
BLOCKING = {"foreign_particulars", "time_wording", "hygiene"}
MAX_CHARS, CHARS_PER_FACT = 600, 300
"""A model's section may run to 600 characters and 300 more per fact (the offline text stays under
200 and 250 per fact on every case): an answer padded to 19,500 characters is refused."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a section's text, in plain language."""

    message: str
    blocking: bool
    sentence: str = ""


def check_section(text: str, section: Section, ctx: DraftContext) -> list[Problem]:
    """Every problem of `text` as this section's text, empty when it may be delivered as it is."""
    facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
    probe = Draft(meta=ctx.meta, facts=facts, sections=[Section(section.id, section.role, section.heading, text,
                                                                sources=section.sources, stock=section.stock)])
    problems = []
    for check in (figure_accuracy, markers, foreign_particulars, time_wording, hygiene, claims):
        result = check(probe, ctx.guard)
        for f in result.findings:
            # A figure in a sentence is invented or altered; one missing from the text is only left out.
            blocking = result.name in BLOCKING or (result.name == "figure_accuracy" and bool(f.sentence))
            problems.append(Problem(f.message, blocking, f.sentence))
    for fact in facts:
        if f"【{fact.id}】" not in text:
            problems.append(Problem(f"事实 {fact.id}（{fact.text[:20]}…）没有写进本部分或缺少标记【{fact.id}】", False))
    return list({p.message: p for p in problems}.values())


def answer_problems(text: str, facts, hidden: bool) -> list[Problem]:
    """What is wrong with a model's answer as such, beyond the section checks: characters that had
    to be removed (flagged), and a length its facts cannot account for (a padded answer: refused)."""
    problems = [Problem("大模型的回复中有不可见的控制字符或零宽字符，已去掉，请核对本部分", False)] if hidden else []
    limit = MAX_CHARS + CHARS_PER_FACT * len(facts)
    if len(strip_markers(text)) > limit:
        problems.append(Problem(f"正文过长（{len(strip_markers(text))} 字）：本部分只有 {len(facts)} 条事实，"
                                f"请写在 {limit} 字以内", True))
    return problems


def as_flag(problem: Problem) -> str:
    """A check flag: 核对未通过：<message>——“<sentence>” (the sentence lets exports place it)."""
    return CHECK_FLAG + problem.message + (f"——“{problem.sentence}”" if problem.sentence else "")


def read_flag(flag: str) -> tuple[str, str]:
    """(message, sentence) of a flag; the sentence is '' when the flag names none."""
    message = flag.removeprefix(CHECK_FLAG)
    if message.endswith("”") and "——“" in message:
        message, sentence = message.rsplit("——“", 1)
        return message, sentence[:-1]
    return message, ""


def section_problems(text: str, section: Section, ctx: DraftContext) -> list[str]:
    """Plain-language problems, empty when the section may be delivered as it is."""
    return [p.message for p in check_section(text, section, ctx)]


def refresh_flags(section: Section, ctx: DraftContext) -> Section:
    """The section with its check flags recomputed for its current text: a problem fixed by an
    edit disappears, one still there stays once; flags of other origins are kept."""
    kept = [f for f in section.flags if not f.startswith(CHECK_FLAG)]
    if not section.text.strip():
        return replace(section, flags=kept)
    found = [as_flag(p) for p in check_section(section.text, section, ctx)]
    return replace(section, flags=kept + found)
