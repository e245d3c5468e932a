"""Form: the required parts are there and filled in (no part empty, no placeholder left), numbering runs
on, nothing is said twice, the 落款 is whole."""

from __future__ import annotations

import re

from drafting.domain.facts import unfilled
from drafting.domain.guard import ForeignGuard
from drafting.domain.meta import parse_date, placeholders
from drafting.domain.types import Draft, strip_markers
from drafting.domain.wording import kind_of
from lexicon.figures import masked_values
from lexicon.numbering import ARABIC_ITEM, PASTED_NUMBER, SUB, TOP, chinese_number
from lexicon.punctuation import half_width_marks

from .base import CheckResult, all_sentences


def required_sections(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    kind = kind_of(draft.meta)
    result = CheckResult("required_sections", "必备部分")
    for role, label in kind.required_labels.items():
        if not any(s.role == role and s.text.strip() for s in draft.sections):
            result.add(f"缺少“{label}”部分（依据：{kind.rule}）")
    return result


def form(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("form", "公文格式")
    meta = draft.meta
    if not meta.title.strip():
        result.add("没有标题")
    if not meta.date.strip():  # left for the signer on purpose (meta.settle says why): no fault
        result.reminders.append("成文日期留空（年 月 日），请在签发时填写")
    elif not meta.org.strip() or parse_date(meta.date) is None:
        result.add("落款不完整：需要单位名称和成文日期（如 2025年1月14日）")
    body = draft.body_sections()
    for position, section in enumerate(body, 1):
        top = TOP.match(section.heading)
        if top and chinese_number(top.group(1)) != position:
            result.add(f"一级标题序号不连续：第 {position} 部分标为“{top.group(1)}、”", section.id)
    for section in draft.sections:
        for label, pattern in (("（一）", SUB), ("1.", ARABIC_ITEM)):
            numbers = []
            for paragraph in section.text.split("\n"):
                m = pattern.match(paragraph.strip())
                if m:
                    numbers.append(int(m.group(1)) if m.group(1).isdigit() else chinese_number(m.group(1)))
            if numbers and numbers != list(range(1, len(numbers) + 1)):
                result.add(f"“{label}”级序号不连续或重复：{numbers}", section.id)
    seen: dict[str, str] = {}
    for section, sentence in all_sentences(draft):
        plain = strip_markers(sentence).strip("。；")
        if len(plain) >= 12:
            if plain in seen:
                result.add("句子重复出现", section.id, sentence)
            seen.setdefault(plain, section.id)
        _paste_marks(result, section.id, sentence)
    return result


def _paste_marks(result: CheckResult, section_id: str, sentence: str) -> None:
    """What a paste leaves in official prose: half-width marks outside figures, 「」, its numbering."""
    plain = strip_markers(sentence)
    marks = half_width_marks(plain)
    if marks:
        result.add(f"有半角标点或直角引号（{' '.join(marks)}）：公文正文用全角标点“，；：（）”和引号“”", section_id,
                   sentence, fix="改为全角标点")
    number = PASTED_NUMBER.search(plain)
    if number:
        result.add(f"有粘贴时留下的编号“{number.group(0)}”", section_id, sentence, fix="删去这个编号")


# -- leftovers --------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"待补充|待填写|此处填写|请补充|TODO|\{[a-z_]+\}|【待|（略）|XXX|…{2,}")


def leftovers(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("leftovers", "无遗留占位")
    for problem in placeholders(draft.meta):  # the title, 主送, 落款, 版头 and 版记 are read first
        result.add(problem, fix="改为实际名称")
    for section in draft.sections:
        if not section.text.strip():
            result.add(f"“{section.heading or '导语'}”部分是空的", section.id)
    for section, sentence in all_sentences(draft):
        text = strip_markers(sentence)
        masks = masked_values(text)
        if masks:
            result.add(unfilled(masks), section.id, sentence, fix="填写实际内容，或删去")
        placeholder = PLACEHOLDER.search(text)
        if placeholder:
            result.add(f"有占位文字“{placeholder.group(0)}”", section.id, sentence, fix="填写实际内容，或删去")
    return result
