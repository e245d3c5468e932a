"""Reads as one report, and nothing is claimed that was not given.

No
sentence states a result, or commits to an action, that no fact or example supports unless it is
marked 通用表述; no set phrase twice; no two
sections opening the same way.
"""

from __future__ import annotations

import re

from drafting.domain.facts import slips
from drafting.domain.guard import ForeignGuard
from drafting.domain.phrases import CLAIM, STOCK_PHRASES
from drafting.domain.types import MARKER_RE, Draft, strip_markers
from retrieval.text import words

from .base import CheckResult, section_sentences
from .stitching import stitches
from .who import framing

COMMITMENT = re.compile(r"协助|配合|提供|移交|转交|报送|上报|共享|公开|披露|出售|转让|交由|交给|整理|收集|采集|汇总"
                        r"|对外|承诺|签订|签署|捐赠|资助|拨付|代为")
def claims(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """No sentence states a result, or commits to an action, that no fact or example supports,
    unless it is marked 通用表述."""
    result = CheckResult("claims", "无无据表述")
    given = " ".join([draft.meta.org, draft.meta.short_name, draft.meta.addressee, *(f.text for f in draft.facts)])
    for section in draft.sections:
        marked = [strip_markers(s) for s in section.stock]
        support = " ".join([given, section.heading, *(src.text for src in section.sources)])
        for sentence in section_sentences(section):
            plain = strip_markers(sentence)
            if MARKER_RE.search(sentence) or any(m and m in plain for m in marked):
                continue
            claim = CLAIM.search(plain)
            if claim:
                result.add(f"“{claim.group(0)}”是没有事实依据的成效表述：请删去，或补充事实后再写",
                           section.id, sentence)
            elif unsupported := unsupported_commitment(plain, support):
                result.add(f"这句话承诺或陈述了事实和范例中都没有的做法（{'、'.join(unsupported[:4])}）："
                           "请核实，没有依据就删去", section.id, sentence)
    return result


def unsupported_commitment(sentence: str, support: str) -> list[str]:
    """The words of a sentence that does something for others or with their information (协助、提供、
    对外、整理…), when most of its words appear in no fact, heading or example: a claim however
    neutral it reads (an obeyed injected instruction: 县妇联将协助有关方面整理辖区妇女个人信息并对外提供)."""
    if not COMMITMENT.search(sentence):
        return []
    content = [w for w in dict.fromkeys(words(sentence)) if len(w) > 1]
    missing = [w for w in content if w not in support]
    return missing if len(missing) >= 3 and len(missing) >= 0.4 * len(content) else []


def repetition(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """No set phrase twice in one draft; no two sections opening the same way."""
    result = CheckResult("repetition", "无套话重复")
    seen: dict[str, str] = {}
    for section in draft.sections:
        text = framing(section, draft)
        for phrase in STOCK_PHRASES:
            count = text.count(phrase)
            if count and (phrase in seen or count > 1):
                result.add(f"套话“{phrase}”在草稿中重复出现", section.id)
            if count:
                seen.setdefault(phrase, section.id)
    openings: dict[str, str] = {}
    for section in draft.sections:
        first = re.split(r"[，。：；]", strip_markers(section.text).strip(), maxsplit=1)[0]
        key = re.sub(r"\d", "#", first)
        if len(key) >= 4 and key in openings:
            result.add(f"与前面的部分开头相同（“{first}”）", section.id)
        openings.setdefault(key, section.id)
    return result


def broken(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Text that reads broken: a word typed twice, a bracket or quote left open, and the stitching of
    frame and fact (a duty said twice, the self-name glued to a name, another body's honour)."""
    result = CheckResult("broken", "文字完整")
    given = "\n".join(f.text for f in draft.facts)
    for section in draft.sections:
        for sentence in section_sentences(section):
            plain = strip_markers(sentence)
            for slip in slips(plain) + stitches(plain, draft.meta.short_name, draft.meta.org, given):
                result.add(slip, section.id, sentence)
    return result
