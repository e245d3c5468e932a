"""What each pasted fact is: an activity or result, an honour, a problem, a plan, the leader's own
duty, a guiding statement, a dated event, or a fragment that says nothing was done.

The type decides the role before any theme is looked at (docs/DOMAIN.md, "Where facts go"): a
problem goes to 不足, a plan to 下一步, the leader's actions to 第一责任人, a guiding statement
frames the preamble, and a fragment is a question for the user, never a numbered item.
"""

from __future__ import annotations

import re
from enum import StrEnum

from lexicon.cues import HEAD, LEADER, PLAN_AHEAD, PLAN_VERBS, YEAR_LEAD
from lexicon.figures import extract_figures
from lexicon.numbering import NUMERALS
from lexicon.pattern import either
from retrieval.text import verbs

from .types import DraftMeta, Fact


class FactKind(StrEnum):
    """What a pasted fact is; decides where a drafter files it."""

    ACTIVITY = "activity"
    HONOUR = "honour"
    PROBLEM = "problem"
    PLAN = "plan"
    DUTY = "duty"
    GUIDING = "guiding"
    EVENT = "event"
    FRAGMENT = "fragment"

    @property
    def label(self) -> str:
        return FACT_KIND_LABELS[self]


FACT_KIND_LABELS = {
    FactKind.ACTIVITY: "工作举措/成效",
    FactKind.HONOUR: "荣誉表彰",
    FactKind.PROBLEM: "问题不足",
    FactKind.PLAN: "计划打算",
    FactKind.DUTY: "负责人履职",
    FactKind.GUIDING: "指导思想/背景",
    FactKind.EVENT: "时间节点事件",
    FactKind.FRAGMENT: "不完整（请补充）",
}

PLAN = re.compile(f"^{either(PLAN_AHEAD + PLAN_VERBS)}"
                  r"|计划于|拟于|将于|力争|争取在|计划(?:在|开展|建成|培训|举办)|^将(?!.{0,30}(?:纳入|作为|列入|融入|与|同))")
"""将 opens a plan ("将开展…"), but not the 把-construction of what was done ("将法治建设纳入考核")."""
PROBLEM = re.compile(r"不足|不够|薄弱|有待|欠缺|短板|差距|不强|不高|滞后|仍需|还需|尚需|不到位|不充分|较少|偏少|"
                     r"不平衡|难以|不够深入|不明显|不完善|不健全|单一|老套路|没有新举措|缺乏|缺少|不熟练|短缺|不适应")
DUTY = re.compile(f"^{LEADER}|第一责任人|{HEAD}、?(?:带头|亲自|主持|专题|先后|多次|认真履行|述法|讲授)")
HONOUR = re.compile(r"获评|荣获|被评为|被授予|被命名为|获得[^，。；]{0,16}(?:称号|荣誉|表彰|奖)|受到[^，。；]{0,12}表彰|"
                    r"入选[^，。；]{0,12}(?:典型|案例|名单)|评为[^，。；]{0,12}(?:先进|示范|优秀)")
FRAMING = re.compile(r"^(?:在[^，。；]{1,24}(?:领导|指导|关心|支持)下|以[^，。；]{1,40}为(?:目标|指导|主线|抓手|引领|统领|核心|宗旨|载体|重点)"
                     r"|坚持[^，。；]{0,40}|紧紧围绕[^，。；]{0,30}|围绕中心、?服务大局|深入学习贯彻[^，。；]{0,40}精神"
                     r"|认真贯彻落实[^，。；]{0,30}|按照[^，。；]{0,30}(?:部署|要求))$")
DATED = re.compile(rf"^(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})月(?:\d{{1,2}}日|份|初|中旬|下旬|底)?")
QUESTIONS = {FactKind.FRAGMENT: "缺少“做了什么”，请补充完整（未写入草稿）"}


def classify(fact: Fact, meta: DraftMeta) -> FactKind:
    """The kind of one fact, by its own wording."""
    text = fact.text.strip().rstrip("。；;")
    body = YEAR_LEAD.sub("", text)
    has_figure = bool(extract_figures(text))
    if PLAN.search(body) or _next_year_only(text, meta):
        return FactKind.PLAN
    if PROBLEM.search(body) and not has_figure:
        return FactKind.PROBLEM
    if DUTY.search(body):
        return FactKind.DUTY
    if HONOUR.search(body):
        return FactKind.HONOUR
    if not has_figure and all(FRAMING.match(c.strip()) for c in re.split(r"[，,；;]", body) if c.strip()):
        return FactKind.GUIDING
    if not has_figure and not verbs(body):
        return FactKind.FRAGMENT
    if DATED.match(body):
        return FactKind.EVENT
    return FactKind.ACTIVITY


def _next_year_only(text: str, meta: DraftMeta) -> bool:
    return f"{meta.year + 1}年" in text and f"{meta.year}年" not in text


def classify_all(facts: list[Fact], meta: DraftMeta) -> list[Fact]:
    """Every fact with its kind and, where the user should act, a note."""
    for fact in facts:
        if fact.derived:
            fact.kind = FactKind.ACTIVITY
            continue
        fact.kind = classify(fact, meta)
        question = QUESTIONS.get(FactKind(fact.kind), "")
        if question and question not in fact.note:  # notes already there (全年, a conflict) stay
            fact.note = f"{question} {fact.note}".strip()
    return facts
