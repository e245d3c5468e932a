"""Who and when: the first things a reader in the office checks.

The addressee, the 依法治X phrase, the self-name and the leader's title must fit the organisation's
level and body (domain/profile.py); a government department must not speak as a 妇联; a half-year
report must read as one; the 成文日期 must be plausible; and the draft is in simplified script.
Only the words around the facts are judged: what the user wrote stands as written.
"""

from __future__ import annotations

import re

from drafting.domain.guard import ForeignGuard
from drafting.domain.meta import parse_date, period_end, plausible_writing_date
from drafting.domain.phrases import FEDERATION_WORDS, federation_only
from drafting.domain.types import Draft, Section, strip_markers
from drafting.domain.wording import profile_of
from lexicon.levels import RULE_OF_LAW_PLACES, SELF_PREFIX
from lexicon.roles import Role
from lexicon.script import pinyin_notes, traditional_chars

from .base import CheckResult

SELF_NAME = re.compile(f"(?:^|(?<=[，。；：、“]))({SELF_PREFIX})妇联")
RULE_OF_LAW = re.compile(f"依法治([{RULE_OF_LAW_PLACES}])")


def framing(section: Section, draft: Draft) -> str:
    """A section's own words: its text without the user's facts (which stand as written)."""
    text = strip_markers(section.text)
    for fact in sorted(draft.facts, key=lambda f: -len(f.text)):
        core = fact.text.strip().rstrip("。；;，,、 ")
        for variant in (core, core.replace("。", "，")):
            # A joined fact may be written without the 通过, year or self-name it opens with.
            start = next((k for k in range(min(LEAD_DROPPED, len(variant) - 4)) if variant[k:] in text), 0)
            text = text.replace(variant[start:], "")
    return text


LEAD_DROPPED = 16
"""How much of a fact's opening the writer may leave out where it joins a sentence that says it
(2023年，巧家县妇联 / 通过 / 今年我镇): the rest still stands as the user wrote it."""


def organisation(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("organisation", "单位与级别")
    profile = profile_of(draft.meta)
    level = profile.words
    if not profile.placed:
        result.add(f"无法从单位名称判断级别，按{level.key}级写法起草：请核对主送机关、自称和负责人职务")
    addressee = draft.meta.addressee
    if addressee and not any(word in addressee for word in profile.addressed_to):
        usual = "、".join(word for word in profile.addressed_to if len(word) > 1)
        result.add(f"主送机关“{addressee}”与单位级别（{level.key}）不符，通常主送{usual}")
    for section in draft.sections:
        text = framing(section, draft)
        for problem in _wrong_words(text, profile):
            result.add(problem, section.id, _sentence_with(section.text, problem))
    return result


def _wrong_words(text: str, profile) -> list[str]:
    level = profile.words
    problems = []
    own_rule = RULE_OF_LAW.search(level.rule_of_law)
    for m in RULE_OF_LAW.finditer(text):
        if own_rule and m.group(1) != own_rule.group(1):
            problems.append(f"“依法治{m.group(1)}”与单位级别不符，应为“{level.rule_of_law}”")
    if profile.federation:
        for m in SELF_NAME.finditer(text):
            if m.group(0) != profile.self_name and f"{m.group(1)}妇联" != profile.self_name:
                problems.append(f"自称“{m.group(0)}”与本单位不符，应为“{profile.self_name}”")
        if re.search(r"局长|主任", text):
            problems.append(f"妇联负责人的职务是“{profile.leader_title}”，不是局长或主任")
    else:
        if federation_only(text):
            found = FEDERATION_WORDS.search(text).group(0)
            problems.append(f"“{profile.body}”不是妇联，不应使用妇联的表述（“{found}”）")
        if "主席" in text and "主席" not in profile.leader_title:
            problems.append(f"部门负责人的职务是“{profile.leader_title}”，不是主席")
    if not level.party_group and "党组" in text.replace(profile.own_party, ""):
        problems.append(f"{level.key}级的{profile.body}不设党组，负责人称“{profile.leader_title}”")
    return list(dict.fromkeys(problems))


def _sentence_with(text: str, problem: str) -> str:
    quoted = re.findall(r"“([^”]+)”", problem)
    for sentence in re.split(r"(?<=[。；])", strip_markers(text)):
        if quoted and quoted[0] in sentence:
            return sentence
    return ""


def period(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """A half-year report reads as one; the 成文日期 fits the period."""
    result = CheckResult("period", "期间与日期")
    meta = draft.meta
    half = meta.period == "half"
    if half and "上半年" not in meta.title:
        result.add("半年报告的标题应写明“上半年”")
    if not half and "上半年" in meta.title:
        result.add("全年报告的标题不应写“上半年”")
    for section in draft.sections:
        text = framing(section, draft)
        if half and re.search(rf"全年|{meta.year + 1}年", text):
            result.add("半年报告中出现“全年”或下一年度的表述", section.id)
        if half and section.role == Role.PLANS and "下半年" not in section.heading + text:
            result.add("半年报告的谋划部分应写下半年的工作", section.id)
    written = parse_date(meta.date)
    if meta.date and written is None:
        result.add(f"成文日期“{meta.date}”不是有效日期")
    elif written and written < period_end(meta) and not plausible_writing_date(meta, written):
        result.add(f"成文日期 {meta.date} 早于报告期结束")
    elif written and not plausible_writing_date(meta, written):
        result.add(f"成文日期 {meta.date} 不在这份报告通常的成文时间内，请核对")
    return result


def script(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Simplified characters only, no pinyin notes."""
    result = CheckResult("script", "简体规范")
    for section in [None, *draft.sections]:
        text = draft.meta.title if section is None else strip_markers(section.text)
        where = "" if section is None else section.id
        chars = traditional_chars(text)
        if chars:
            result.add(f"有繁体字（{''.join(chars[:10])}）", where)
        notes = pinyin_notes(text)
        if notes:
            result.add(f"有拼音注音（{'、'.join(notes[:3])}）", where)
    return result
