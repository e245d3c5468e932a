"""Last year's 下一步 against this year's facts: which plan items were done, done in part, or not
mentioned (a question for the user, never an invented achievement).

A fact answers a plan item when it does the work the item names — matched on what the work is,
not only on shared words: "加强偏远地区普法宣传" is answered by "深入偏远乡镇开展送法上门活动12场次"
(remote areas, legal publicity), not by "全年开展普法宣传35场次" (no remote areas). A plan with a
figure ("建成10个调解室") against this year's actual ("新建调解室9个") is done in part, with how much
of it was done ("完成年度计划的90%"). Only what was done answers a plan: this year's own plans,
problems and guiding statements never do.
"""

from __future__ import annotations

import re

from drafting.domain.last_year import PlanRow
from drafting.domain.types import Fact
from lexicon.cues import CONNECTIVES, PLAN_AHEAD, PLAN_VERBS
from lexicon.figures import figure_spans
from lexicon.numbering import ENUMERATOR
from lexicon.pattern import either
from lexicon.roles import Role
from retrieval.text import sentences, words

from .targets import counted_words, measuring, progress

PLAN_LEAD = re.compile(f"^{either(PLAN_AHEAD + CONNECTIVES)}，?")
PLAN_TIME = re.compile(rf"^(?:\d{{4}}年度?|{either(PLAN_AHEAD)})[，,]?")
PLAN_VERB = re.compile(f"^[^，]{{0,12}}(将|要)|^{either(PLAN_VERBS)}")
GENERIC = {"年度", "开展", "工作", "加强", "进一步", "全面", "提升", "持续", "深入", "推进", "落实", "通过", "能力",
           "水平"}
DONE_KINDS = {"", "activity", "honour", "duty", "event"}
"""Fact kinds that report work done (drafting.domain.classify.FactKind); '' when not classified."""

WORK = {
    # what the work is → words that name it in a plan or a fact (substrings)
    "普法宣传": ("普法宣传", "法治宣传", "法规宣传", "法律知识宣传", "法宣讲", "》宣讲", "法律宣讲", "法治宣讲", "送法",
             "宣传资料", "普法活动", "法律知识进", "法治讲座", "普法讲座"),
    "学法": ("学法", "法律知识学习", "法治学习", "专题学习", "法律学习"),
    "维权": ("维权", "信访", "法律援助", "来访", "权益保障"),
    "偏远": ("偏远", "边远", "山村", "山区", "进村入户", "村社", "农村"),
    "领导干部": ("领导干部", "关键少数", "中心组", "党组书记", "述法", "带头学法"),
    "会前学法": ("会前学法", "职工会议"),
    "学法考试": ("学法考试", "考试"),
    "队伍": ("队伍", "志愿者", "骨干", "讲师团", "普法员", "明白人", "调解员"),
    "新媒体": ("新媒体", "公众号", "推文", "短视频", "抖音", "线上", "网络平台", "微信", "小程序", "直播"),
    "创新": ("创新", "新形式", "新方式", "竞赛", "情景剧", "以案说法"),
    "责任制": ("责任制", "责任清单", "工作要点", "工作重点", "普法计划", "工作计划", "领导小组"),
    "调解": ("调解", "纠纷", "矛盾化解"),
    "政法": ("政法", "公安", "法院", "检察院", "司法所", "司法局"),
    "家暴": ("家暴", "家庭暴力", "警情", "保护令"),
    "热线": ("12338", "热线"),
    "民法典": ("民法典",),
    "家庭教育": ("家庭教育", "家长学校", "家教"),
    "最美家庭": ("最美家庭",),
    "家庭评选": ("和睦家庭", "健康家庭", "文明家庭", "五好家庭", "家庭类先进"),
    "美丽庭院": ("美丽庭院",),
    "思想引领": ("二十大", "听党话", "跟党走", "思想引领"),
    "组织改革": ("四组一队", "组织改革", "妇联改革"),
    "两癌": ("两癌", "宫颈癌", "乳腺癌"),
    "儿童关爱": ("春蕾", "困境儿童", "留守儿童", "孤儿", "事实无人抚养"),
    "帮扶": ("救助", "慰问", "帮扶"),
    "阵地": ("妇女之家", "儿童之家", "阵地", "驿站", "调解室", "维权站"),
}
BROAD = {"普法宣传", "学法", "维权"}
"""Kinds of work so wide that they answer a plan only when it names nothing more specific."""
FORMS = {
    # the form the work takes → its names; a plan naming a form is answered only by a fact in that form
    "培训": ("培训", "轮训", "研修", "专题班"),
    "讲座": ("讲座", "讲堂", "宣讲", "授课", "课堂", "党课"),
    "竞赛": ("竞赛", "竞答", "答题", "知识赛"),
    "评选": ("评选", "寻找", "推荐", "选树", "推选", "评比", "表彰"),
    "资料": ("资料", "宣传册", "手册", "折页", "明白纸", "宣传品"),
    "调研": ("调研", "调查", "摸底"),
}
BUILD = re.compile(r"(?:组建|成立|建立|设立|建成|新建|打造|创建|培育|搭建)"
                   r"(?:[一二两三四五六七八九十\d]+[个支家所批处]|一批)?")
"""A plan to build something names a thing (律师团, 调解室, 机制): only a fact naming that thing answers it."""
NOT_A_THING = {"工作", "活动", "建设", "任务", "相关", "相关工作"}
"""美丽庭院创建等相关工作: a verb used as a noun builds nothing a fact must name."""
AIM = re.compile(r"^(?:切实|不断|进一步|全面|努力|着力)?(?:提升|提高|增强|激发|营造|扩大|实现|推动形成|形成)")
"""A clause stating what a task is for (提升…能力, 实现…全覆盖): answered only through the task itself."""
LAW = re.compile(r"《[^》]{2,20}》")
"""A law a plan names is its object: 《家庭教育促进法》宣传 is answered only by a fact naming that law."""
TARGET_WORDS = {"不少", "不少于", "不低于", "达到", "以上", "力争", "确保"}
"""Words of a plan's target, not of its work (普法宣传活动不少于50场)."""
PLAIN = {"专题", "基层", "妇联", "干部", "妇女", "儿童", "妇女儿童", "群众", "举办", "组织", "开展", "参加", "培训",
         "培训班", "讲座", "活动"}
"""Words any training or lecture shares with any other: they do not make two the same work."""
STATEMENT = re.compile(r"是一项|是一个|如下|以下")


def plan_items(passages) -> list[str]:
    """The items of last year's 下一步/工作计划: one per 一是…/（一）/1./； clause."""
    items = []
    for passage in passages:
        if passage.role != Role.PLANS:
            continue
        for sentence in sentences(passage.text):
            for clause in re.split(r"[；;：:]", sentence):  # 做好以下工作：一是… is a lead, then items
                clause = PLAN_LEAD.sub("", ENUMERATOR.sub("", clause.strip())).strip("。，：:")
                clause = PLAN_VERB.sub("", PLAN_TIME.sub("", clause)).strip("，")
                if 8 <= len(clause) <= 120 and not STATEMENT.search(clause):
                    items.append(clause)
    return list(dict.fromkeys(items))


def works(text: str) -> set[str]:
    """The kinds of work a text names."""
    return {work for work, names in WORK.items() if any(name in text for name in names)}


def forms(text: str) -> set[str]:
    """The forms of work a text names (培训, 评选 …)."""
    return {form for form, names in FORMS.items() if any(name in text for name in names)}


def built_thing(clause: str) -> str:
    """What a plan to build something builds, by its last word: 组建妇女儿童维权律师团 → 律师团,
    建成10个婚姻家庭纠纷调解室 → 调解室 (a one-character word joins the one before it); '' otherwise."""
    found = BUILD.search(clause)
    if not found:
        return ""
    named = [w for w in words(re.sub(r"[“”\"《》]", "", clause[found.end():])) if not re.search(r"\d", w)]
    while len(named) > 1 and len(named[-1]) == 1:
        named[-2:] = [named[-2] + named[-1]]
    thing = named[-1] if named and len(named[-1]) >= 2 else ""
    return "" if thing in NOT_A_THING else thing


def names_thing(fact_text: str, thing: str) -> bool:
    """Whether a fact names the thing a plan builds: 律师团 in 巾帼维权律师团, or 律师服务团."""
    return not thing or thing in fact_text or (len(thing) >= 3 and thing[:2] in fact_text and thing[-1] in fact_text)


def answers(clause: str, fact_text: str) -> int:
    """How well a fact does the work one clause of a plan names: 0 not at all; more for each
    specific kind of work both name (a fact answers the clause that names its work most closely).
    The fact must do the work in the form the clause names and build the thing it builds: a
    protective order does not answer 反家庭暴力专题培训, nor a hotline 组建维权律师团."""
    if not (forms(clause) <= forms(fact_text) and names_thing(fact_text, built_thing(clause))
            and all(law in fact_text for law in LAW.findall(clause))):
        return 0
    wanted = works(clause)
    specific = wanted - BROAD
    done = works(fact_text)
    if wanted and (specific or wanted) <= done:
        return 1 + 2 * len(specific)
    clause_words = {w for w in words(clause) if len(w) >= 2 and not re.search(r"\d", w)} - GENERIC - TARGET_WORDS
    shared = clause_words & {w for w in words(fact_text) if len(w) >= 2}
    if forms(clause) and len(shared - PLAIN) >= max(1, len(clause_words - PLAIN) / 2):
        return 3  # the same form of work for the same people or subject: 执委履职培训班
    # Most of the clause's own words must be in the fact, not just 普法 and 宣传.
    return len(shared) if len(shared) >= 2 and len(shared) / len(clause_words) >= 0.75 else 0


def match_plans(items: list[str], facts: list[Fact], decimals: int = 1) -> list[PlanRow]:
    """For each plan item: 'done', 'partial' (a figure planned, less done) or 'not_mentioned', with
    the facts that show it; `answers` holds, per fact, the clause of the item it answers."""
    done_facts = [f for f in facts if f.kind in DONE_KINDS and not f.derived]
    table = []
    for item in items:
        row = PlanRow(item, "not_mentioned")
        clauses = [c for c in re.split(r"[，,]", item) if len(c) >= 4 and not STATEMENT.search(c)]
        clauses = [c for c in clauses if not AIM.search(c)] or clauses
        for fact in done_facts:
            score, clause = max(((answers(c, fact.text), c) for c in clauses), default=(0, ""), key=lambda x: x[0])
            if score:
                row.answers[fact.id] = clause.replace("“", "").replace("”", "")
        row.fact_ids = list(row.answers)
        if row.fact_ids:
            row.status = "done"
            _progress(row, [f for f in done_facts if f.id in row.answers], decimals)
        table.append(row)
    return table


def _progress(row: PlanRow, facts: list[Fact], decimals: int) -> None:
    """A planned figure against this year's figure that measures the same thing: record on the row how
    much of the plan was done, judged by the fact that counts it (the year's total, not a campaign
    sharing its words)."""
    for start, end, target in figure_spans(row.item):
        if not target.value:
            continue
        measure = measuring(counted_words(row.item, start, end), target.unit, facts)
        verdict = measure and progress(measure.figure, target, decimals)
        if verdict:
            row.status, row.progress, row.formula = verdict["status"], verdict["progress"], verdict["formula"]
            row.progress_fact = measure.fact.id
            return
