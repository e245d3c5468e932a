"""Work areas by the words that name them: a second reading of what a heading or a fact is about,
kept apart from the placer's (drafting/domain/themes.py and the corpus votes), so that the
事实归位 check and the real-report scorer can catch the placer's mistakes instead of repeating them.
"""

from __future__ import annotations

import re

AREAS: dict[str, tuple[str, ...]] = {
    "study": ("学法", "学习", "理论", "中心组", "培训", "法治素养", "法治意识", "读书", "武装", "贯彻"),
    "leadership": ("组织领导", "领导", "责任", "部署", "谋划", "机制", "制度", "统筹", "保障", "督察"),
    "publicity": ("普法", "宣传", "宣讲", "法律进", "法治氛围", "公众号", "微信", "新媒体", "短视频", "网络平台"),
    "rights": ("维权", "权益", "矛盾", "纠纷", "排查", "调解", "信访", "法律援助", "家暴", "家庭暴力", "难题"),
    "care": ("关爱", "帮扶", "志愿", "困难", "民生", "温暖", "春蕾", "助学", "资助", "救助", "慰问", "老旧小区",
             "社区建设"),
    "ideology": ("思想引领", "政治", "党建", "党的建设", "意识形态", "从严治党", "听党话", "理想信念",
                 "思想建设", "凝聚", "党性"),
    "development": ("发展", "创业", "就业", "经济", "项目", "营商", "振兴", "大局", "建功", "活力", "招引",
                    "财政", "招商", "企业", "收入", "投资", "产业", "消费", "旅游", "税收"),
    "family": ("家庭", "家风", "家教"),
    "decision": ("决策", "合法性审查", "规范性文件", "法律顾问", "立法", "依法行政"),
    "enforcement": ("执法", "审批", "许可", "职能", "机构改革", "事业单位", "放管服"),
    "supervision": ("监督", "公开", "复议", "应诉"),
    "organisation": ("组织建设", "阵地", "基层", "队伍", "改革", "组织"),
    "honours": ("榜样", "先进", "典型", "表彰", "荣誉", "风采"),
    "innovation": ("创新", "特色", "品牌", "形式", "渠道"),
}
"""Area → words that name it. Coarse on purpose: a heading that shares an area with the real one
files its facts right."""


def areas(text: str | None) -> set[str]:
    """The work areas a text names (empty when it names none)."""
    text = text or ""
    return {area for area, words in AREAS.items() if any(w in text for w in words)}


GENERIC = ("培训", "组织", "形式", "发展", "职能", "依法行政")
"""Words that name an area in a heading but that any work uses in a sentence (组织开展…, 技能培训班;
a government's 履行职能, 依法行政能力)."""


def area_counts(text: str) -> dict[str, int]:
    """How many different words of each area a sentence holds, the generic ones left out: two
    different words (学习, 学法) name an area plainly; one word said twice (法律顾问…法律顾问) does not."""
    return {area: n for area, words in AREAS.items()
            if (n := sum(1 for w in words if w not in GENERIC and w in text))}


KIN = ({"study", "ideology", "leadership", "honours"}, {"publicity", "innovation", "organisation"},
       {"rights", "care", "family"}, {"decision", "enforcement", "supervision", "leadership"},
       {"development", "innovation"}, {"family", "publicity"})
"""Areas a heading may lump together (学法 under 党建引领, 家教 under 普法): not a disagreement."""


def near(area: str) -> set[str]:
    """An area with its kin."""
    return {area}.union(*(group for group in KIN if area in group))


AREA_HEADINGS = {
    "study": "加强学法用法", "leadership": "加强组织领导", "publicity": "深化普法宣传",
    "rights": "化解矛盾纠纷", "care": "做好关爱帮扶", "ideology": "强化思想引领", "development": "服务发展大局",
    "family": "注重家庭家教家风", "decision": "推进依法决策", "enforcement": "规范行政执法",
    "supervision": "强化权力监督", "organisation": "加强阵地队伍建设", "honours": "选树先进典型",
    "innovation": "创新工作方式",
}
"""A plain heading for the area a group of facts names most, when no house-style heading fits them."""


TITLES = re.compile(r"《[^》]*》")


def named_by(texts: list[str]) -> dict[str, int]:
    """How many different words of each area a group of facts holds together; a law's title says
    what was taught, not the work (《妇女权益保障法》 is no 维权)."""
    return area_counts(TITLES.sub("", "\n".join(texts)))


def fits(heading: str, texts: list[str]) -> bool:
    """Whether a heading says what its facts are about: an area it names is named by them too, or
    is kin to one they name plainly."""
    named = areas(heading)
    if not named:
        return True  # a heading that names no area asserts none
    counts = named_by(texts)
    plain = {a for a, n in counts.items() if n >= 2}
    return bool(named & set(counts)) or any(near(a) & named for a in plain)


def claims_only_named(heading: str, texts: list[str]) -> bool:
    """Whether a heading claims only what its facts are about: every work area it plainly names is
    named by its facts too ("创新普法形式" over lectures claims 创新, "提升基层治理水平" over a 公众号
    review claims 基层治理), and by a third of them at least (one 保障 among ten epidemic facts does
    not make them 组织领导). A heading's generic words — 组织, 形式 — claim nothing."""
    claimed = set(area_counts(heading))
    if not claimed:
        return True
    if not claimed <= set(named_by(texts)):
        return False
    return 3 * sum(1 for text in texts if claimed & set(named_by([text]))) >= len(texts)
