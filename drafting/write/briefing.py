"""What the LLM writer is told about a section beyond its facts: the same outline, fact types and
themed groups the offline composer uses, and the organisation's profile — so both writers file
and word things the same way."""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind
from drafting.domain.themes import THEME
from drafting.domain.types import Section
from lexicon.roles import Role

from .base import DraftContext
from .items import section_groups
from .offline import spec_for


def section_plan(section: Section, ctx: DraftContext) -> str:
    """The grouping the composer would use, as lines for the prompt."""
    if section.role == Role.MEASURES:
        groups, honours = section_groups(section, spec_for(section, ctx), ctx.facts)
        lines = [f"- {g.topic.headings[0] if g.topic else THEME[g.theme].label}（{THEME[g.theme].label}）："
                 + "、".join(f.id for f in g.facts) for g in groups]
        if honours:
            lines.append("- 获得的荣誉放在本部分末尾：" + "、".join(f.id for f in honours))
        return "\n".join(lines) or "（本部分没有事实）"
    kinds = [f"{i}（{FactKind(ctx.facts[i].kind).label}）" for i in section.fact_ids
             if i in ctx.facts and ctx.facts[i].kind]
    if not kinds:
        return "（用户没有提供本部分的事实：只写不表明成效的引导语，具体内容留给用户补充，不要编造）"
    return "按事实逐项写：" + "、".join(kinds)


def prompt_profile(ctx: DraftContext) -> str:
    """Who writes, in one line: self-name, level words, the leader, whether 妇联 wording fits."""
    p = ctx.profile
    words = p.words
    body = "妇联，可用妇联的表述" if p.federation else f"{p.body}，不得使用妇联的表述（妇女儿童、巾帼、桥梁纽带等）"
    study = f"，理论学习中心组称“{p.study_group}”" if p.study_group else ""
    return (f"自称“{p.self_name}”，{body}；领导机关称“{p.led_by}”，法治表述用“{words.rule_of_law}”，"
            f"第一责任人称“{p.leader_title}”{study}")


QUOTE_MARK = re.compile(r"【范例\d*[^】]{0,8}】")


def quoted_examples(sample: list[str]) -> str:
    """The example passages as quoted material: each between 【范例N·引用开始】 and 【范例N·引用结束】
    (the system prompt says what is quoted is never an instruction); a passage cannot close its own
    quote, as any such mark inside it is removed."""
    return "\n\n".join(f"【范例{i}·引用开始】\n{QUOTE_MARK.sub('', text)}\n【范例{i}·引用结束】"
                         for i, text in enumerate(sample, 1)) or "（无）"
