"""What each pasted fact is: an activity or result, an honour, a problem, a plan, the leader's own
duty, a guiding statement, a dated event, or a fragment that says nothing was done — decided by
what the sentence does, not by a word somewhere in it.

- Quoted titles, campaign names and slogans (“…”《…》「」) never type a fact: "普法强基补短板专项行动"
  is work, not a shortcoming; a principle quoted with 力争 is not a plan.
- A plan speaks of the future in its predicate: it opens with 下一步/明年/计划/拟, names only next
  year, or opens (after who acts) with 将 followed by what will be done (将开展…), not the
  把-construction of what was done (将全县278项事项划入…).
- A problem says, as its predicate, that something falls short (…需要进一步加强, …较少); 补短板 and
  解决…问题 are work.
- A guiding statement is framing and nothing else: 在…领导下, 立足…, 始终将…作为…来抓, 不断创新…
  努力提高…水平. A fragment has no action at all.
The word tables are in lexicon/cues.py. The type decides the role (docs/DOMAIN.md, "Where facts
go"); where a fact sits among the others decides the rest (plan/arrange.py).
"""

from __future__ import annotations

import re
from enum import StrEnum

from lexicon.cues import (
    ACTION_WORDS,
    ACTOR_BEFORE_WILL,
    DONE,
    DUTY_ACTED,
    DUTY_NAMED,
    FRAMING_CLAUSE,
    FUTURE_LEAD,
    HEAD_IN_PERSON,
    HONOUR_WORDS,
    LEADER_IN_PERSON,
    PLANNED_ANYWHERE,
    SHORTFALL_WORDS,
    WILL_DO_LEAD,
    WORK_ON_SHORTFALL_WORDS,
    YEAR_LEAD,
)
from lexicon.figures import extract_figures
from lexicon.numbering import NUMERALS
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

QUOTED = re.compile(r"“[^”]*”|《[^》]*》|「[^」]*」|\"[^\"]*\"|‘[^’]*’|〔[^〕]*〕")
CLAUSE = re.compile(r"[，,；;：:]")
DATED = re.compile(rf"^(?:\d{{1,2}}|[{NUMERALS}]{{1,3}})月(?:\d{{1,2}}日|份|初|中旬|下旬|底)?")
LEFT_OUT = "（未写入草稿）"
"""How a fragment's note says it is not in the draft (the outline's 放回未写入的事实 rewrites it)."""
QUESTIONS = {FactKind.FRAGMENT: "缺少“做了什么”，请补充完整" + LEFT_OUT}
UNFINISHED = re.compile(r"(?:采用|采取|运用|通过|以)[^，,。；;]{1,40}的(?:方式|形式|办法)$")
"""A fact that stops at its means (…小分队，采用“讲台+汇演”的方式): the pasted sentence was cut before
what was done that way, and the draft would end on it."""
UNFINISHED_NOTE = "这句话停在“……的方式”，没有说用这种方式做了什么：请补全。"


def masked(text: str) -> str:
    """The text with quoted titles and names blanked out (same length): they never type a fact."""
    return QUOTED.sub(lambda m: "□" * len(m.group(0)), text)


def classify(fact: Fact, meta: DraftMeta) -> FactKind:
    """The kind of one fact, by what its sentence does."""
    text = fact.text.strip().rstrip("。；;，,")
    body = masked(YEAR_LEAD.sub("", text))
    has_figure = bool(extract_figures(text))
    clauses = [c.strip() for c in CLAUSE.split(body) if c.strip()]
    if _plans(clauses, body, text, meta):
        return FactKind.PLAN
    if _falls_short(body) and not has_figure:
        return FactKind.PROBLEM
    if LEADER_IN_PERSON.match(body) or HEAD_IN_PERSON.search(body) or DUTY_NAMED.search(text) \
            or DUTY_ACTED.search(body):
        return FactKind.DUTY  # the duty's own name types a fact even in a quoted title (《…第一责任人职责规定》)
    if HONOUR_WORDS.search(body):
        return FactKind.HONOUR
    if not has_figure and clauses and all(FRAMING_CLAUSE.match(c) for c in clauses):
        return FactKind.GUIDING
    if not has_figure and not does_work(body):
        return FactKind.FRAGMENT
    if DATED.match(body):
        return FactKind.EVENT
    return FactKind.ACTIVITY


def _plans(clauses: list[str], body: str, text: str, meta: DraftMeta) -> bool:
    first = ACTOR_BEFORE_WILL.sub("", clauses[0] if clauses else body)
    return bool(FUTURE_LEAD.match(first) or WILL_DO_LEAD.match(first) or PLANNED_ANYWHERE.search(body)
                or _next_year_only(text, meta))


def _falls_short(body: str) -> bool:
    return bool(SHORTFALL_WORDS.search(WORK_ON_SHORTFALL_WORDS.sub("", body)))


def does_work(text: str) -> bool:
    """Whether a text says something was done: a verb of jieba's dictionary, or an action word
    followed by what it acted on (jieba tags 深入开展, 充分利用 as idioms or nouns)."""
    return bool(ACTION_WORDS.search(text) or verbs(text))


def _next_year_only(text: str, meta: DraftMeta) -> bool:
    """Only next year named, and nothing said to be done already (…于2024年1月1日正式施行 is done)."""
    return f"{meta.year + 1}年" in text and f"{meta.year}年" not in text and not DONE.search(text)


def leader_acts(text: str) -> bool:
    """The leader, or the leadership as a body, is the subject of what was done in one of its clauses
    (党组书记、主席王丽带头讲授…; 班子领导干部带头学法; 王主席带头…; …仪式，区政府主要负责同志宣誓并讲话)."""
    body = masked(YEAR_LEAD.sub("", text.strip()))
    return bool(HEAD_IN_PERSON.search(body)) or any(LEADER_IN_PERSON.match(c.strip()) for c in CLAUSE.split(body))


def names_duty(text: str) -> bool:
    """The fact names the 第一责任人 duty itself (严格履行…第一责任人职责, 严格执行《…职责规定》, 述法)."""
    return bool(DUTY_NAMED.search(text))


def classify_all(facts: list[Fact], meta: DraftMeta) -> list[Fact]:
    """Every fact with its kind and, where the user should act, a note."""
    for fact in facts:
        if fact.derived:
            fact.kind = FactKind.ACTIVITY
            continue
        fact.kind = classify(fact, meta)
        question = QUESTIONS.get(FactKind(fact.kind), "")
        if not question and UNFINISHED.search(fact.text.strip().rstrip("。；;，,")):
            question = UNFINISHED_NOTE
        if question and question not in fact.note:  # notes already there (全年, a conflict) stay
            fact.note = f"{question} {fact.note}".strip()
    return facts
