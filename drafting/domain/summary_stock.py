"""The stock of a federation's work summary (工作总结): what it suggests for 不足 and 下一步 when the
user gave none.

A 法治政府建设 or 普法履职 report is about law-based work, so its suggestions speak of 普法 and 法治;
a work summary is about all of the year's work, so its suggestions come from the work areas of its
own facts in the words of that work: a federation's summary keeps the federation's suggestions
except where they speak of law (普法骨干, 普法宣传). A government's or department's stock is worded by
its report's kind in phrases.py (OFFICE_ALIAS, OFFICE_THEMES).
"""

from __future__ import annotations

from lexicon.roles import Kind

from . import phrases

FEDERATION_SHORTCOMINGS = {
    "publicity": "宣传引导的覆盖面和吸引力还需提高，{far}的参与度有待提升",
    "media": "运用新媒体开展宣传引导的形式还不够丰富，传播力有待提升",
    "team": "基层妇联干部队伍的能力素质与新形势新任务的要求还有差距",
    "study": "干部理论学习的系统性和深度还需加强",
    "mechanism": "工作机制还需健全，责任落实的精细化程度有待提高",
}
"""Where a federation's stock speaks of law, a summary's words for the same work area."""
FEDERATION_PLANS = {
    "publicity": "创新宣传引导方式，讲好巾帼故事，凝聚{members}力量",
    "media": "用好新媒体平台，创新宣传方式，增强引领实效",
    "team": "加强基层执委和妇联干部培训，提升履职能力",
    "study": "持续抓好干部理论学习和业务培训，提升履职能力",
    "mechanism": "健全完善工作机制，压紧压实工作责任",
}
FEDERATION_GUIDE_PLANS = {"team": "指导基层加强执委和妇联干部培训，提升履职能力"}


def shortcomings_table(kind: str) -> dict[str, str]:
    """A federation's suggested shortcomings by work area, in the words of its report's kind."""
    if kind != Kind.ZONGJIE:
        return phrases.SHORTCOMINGS
    return {**phrases.SHORTCOMINGS, **FEDERATION_SHORTCOMINGS}


def plan_tables(kind: str) -> tuple[dict[str, str], dict[str, str]]:
    """A federation's (suggested plans, a province's or city's guidance plans) by work area, in the
    words of its report's kind."""
    if kind != Kind.ZONGJIE:
        return phrases.PLANS, phrases.GUIDE_PLANS
    return {**phrases.PLANS, **FEDERATION_PLANS}, {**phrases.GUIDE_PLANS, **FEDERATION_GUIDE_PLANS}
