"""Words that do not belong to this report: another organisation's names and brands, wording of another
time (cited before it existed, or superseded by the writing date)."""

from __future__ import annotations

import re
from datetime import date

from drafting.domain.guard import ForeignGuard
from drafting.domain.meta import written_on
from drafting.domain.timeline import anachronisms, superseded
from drafting.domain.types import Draft, strip_markers

from .base import CheckResult, all_sentences


def foreign_particulars(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("foreign_particulars", "无外单位信息", blocks=True)
    if guard is None:
        guard = ForeignGuard()
        result.metrics["note"] = "未提供语料名单，只按草稿本身检查"
    own = draft.meta.org + " ".join(f.text for f in draft.facts)
    for section, sentence in all_sentences(draft):
        for particular in guard.found(sentence):
            if particular not in own:
                result.add(f"出现其他单位的名称：“{particular}”（来自《{guard.particulars[particular]}》）",
                           section.id, sentence, fix="删去，或换成本单位的名称")
    return result


def time_wording(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Every time-bound phrase against the writing date, to the day (or the period's end when the
    date is left blank for the signer)."""
    result = CheckResult("time_wording", "时间用语", blocks=True)
    when = written_on(draft.meta)
    start = date(draft.meta.year, 1, 1)
    for section, sentence in all_sentences(draft):
        text = strip_markers(sentence)
        for problem in anachronisms(text, when):
            result.add(f"“{problem.phrase}”：{problem.message}", section.id, sentence)
        for message in superseded(text, start):
            result.add(message, section.id, sentence)
    title_year = re.search(r"((?:19|20)\d{2})\s*年", draft.meta.title)
    if title_year and int(title_year.group(1)) != draft.meta.year:
        result.add(f"标题年份 {title_year.group(1)} 与报告年份 {draft.meta.year} 不一致")
    return result

