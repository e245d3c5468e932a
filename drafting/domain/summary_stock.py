"""The stock of a work summary (工作总结): what it suggests for 不足 and 下一步 when the user gave none.

A 法治政府建设 or 普法履职 report is about law-based work, so its suggestions speak of 普法 and 法治;
a work summary is about all of the year's work, so its suggestions come from the work areas of its
own facts in the words of that work. A federation's summary keeps the federation's suggestions
except where they speak of law (普法骨干, 普法宣传); a government body's summary gets suggestions by
its work areas (the economy, 民生, 党建, 基层治理), never the 法治/普法 three of its law reports.
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

ECONOMY, LIVELIHOOD, PARTY, GOVERNANCE, BASE = (
    ("economy", "development", "functions"), ("care", "volunteer", "family"),
    ("party", "ideology", "study", "mechanism"),
    ("rights", "publicity", "media", "team", "enforcement", "supervision", "decision"),
    ("organisation", "planning"))
"""A government body's work areas, as its summary files them (kinds.ZONGJIE_SECTIONS[False])."""
GOVERNMENT_SHORTCOMINGS = (
    (ECONOMY, "经济发展的质量和效益还需提升，项目招引和建设的力度有待加大"),
    (LIVELIHOOD, "民生保障的精细化水平还需提高，公共服务还有短板"),
    (PARTY, "党建与业务工作融合还不够深入，干部队伍能力素质有待提升"),
    (GOVERNANCE, "基层治理的精细化水平还需提高，矛盾纠纷源头化解还需加强"),
    (BASE, "基层基础工作还不够扎实，抓落实的力度有待加强"),
)
GOVERNMENT_PLANS = (
    (ECONOMY, "聚焦经济发展，抓好项目建设和招商引资，增强发展动能"),
    (LIVELIHOOD, "持续保障和改善民生，办好民生实事"),
    (PARTY, "持之以恒加强党的建设，锻造过硬干部队伍"),
    (GOVERNANCE, "深化平安建设，提升基层治理水平"),
    (BASE, "夯实基层基础，增强基层组织活力"),
)


def _by_theme(table) -> dict[str, str]:
    return {theme: text for themes, text in table for theme in themes}


def shortcomings_table(kind: str, federation: bool) -> dict[str, str] | None:
    """Suggested shortcomings by work area for this kind and writer; None: a department's law report,
    which has its own three (phrases.DEPARTMENT_SHORTCOMINGS)."""
    if kind != Kind.ZONGJIE:
        return phrases.SHORTCOMINGS if federation else None
    if federation:
        return {**phrases.SHORTCOMINGS, **FEDERATION_SHORTCOMINGS}
    return _by_theme(GOVERNMENT_SHORTCOMINGS)


def plan_tables(kind: str, federation: bool) -> tuple[dict[str, str], dict[str, str]] | None:
    """(suggested plans, a province's or city's guidance plans) by work area; None: a department's law
    report (phrases.DEPARTMENT_PLANS)."""
    if kind != Kind.ZONGJIE:
        return (phrases.PLANS, phrases.GUIDE_PLANS) if federation else None
    if federation:
        return {**phrases.PLANS, **FEDERATION_PLANS}, {**phrases.GUIDE_PLANS, **FEDERATION_GUIDE_PLANS}
    return _by_theme(GOVERNMENT_PLANS), {}
