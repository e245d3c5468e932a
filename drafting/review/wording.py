"""Wording: nothing of another federation, nothing cited before it existed, nothing left unfilled."""

from __future__ import annotations

import re
from datetime import date

from drafting.domain.guard import ForeignGuard
from drafting.domain.meta import written_on
from drafting.domain.timeline import anachronisms, superseded
from drafting.domain.types import Draft, strip_markers
from lexicon.figures import MASK_RE

from .base import CheckResult, Finding, all_sentences


def foreign_particulars(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("foreign_particulars", "无外单位信息")
    if guard is None:
        guard = ForeignGuard()
        result.metrics["note"] = "未提供语料名单，只按草稿本身检查"
    own = draft.meta.org + " ".join(f.text for f in draft.facts)
    for section, sentence in all_sentences(draft):
        for particular in guard.found(sentence):
            if particular not in own:
                result.findings.append(Finding(
                    f"出现其他单位的名称：“{particular}”（来自《{guard.particulars[particular]}》）",
                    section.id, sentence))
    return result


def time_wording(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Every time-bound phrase against the writing date, to the day (or the period's end when the
    date is left blank for the signer)."""
    result = CheckResult("time_wording", "时间用语")
    when = written_on(draft.meta)
    start = date(draft.meta.year, 1, 1)
    for section, sentence in all_sentences(draft):
        text = strip_markers(sentence)
        for problem in anachronisms(text, when):
            result.findings.append(Finding(f"“{problem.phrase}”：{problem.message}", section.id, sentence))
        for message in superseded(text, start):
            result.findings.append(Finding(message, section.id, sentence))
    title_year = re.search(r"((?:19|20)\d{2})\s*年", draft.meta.title)
    if title_year and int(title_year.group(1)) != draft.meta.year:
        result.findings.append(Finding(f"标题年份 {title_year.group(1)} 与报告年份 {draft.meta.year} 不一致"))
    return result


# -- leftovers --------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"待补充|待填写|此处填写|请补充|TODO|\{[a-z_]+\}|【待|（略）|XXX|…{2,}")


def leftovers(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("leftovers", "无遗留占位")
    for section in draft.sections:
        if not section.text.strip():
            result.findings.append(Finding(f"“{section.heading or '导语'}”部分是空的", section.id))
    for section, sentence in all_sentences(draft):
        text = strip_markers(sentence)
        mask = MASK_RE.search(text)
        if mask:
            result.findings.append(Finding(f"有未填写的占位内容“{mask.group(0)}”", section.id, sentence))
        placeholder = PLACEHOLDER.search(text)
        if placeholder:
            result.findings.append(Finding(f"有占位文字“{placeholder.group(0)}”", section.id, sentence))
    return result
