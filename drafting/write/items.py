"""Facts as report prose: a fact becomes a clause with its markers, facts on one theme become one
item, and a section's facts are grouped the way a drafter groups them (the section plan, which
the LLM writer's prompt shows too)."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafting.domain.classify import FactKind
from drafting.domain.kinds import SectionSpec, Topic
from drafting.domain.themes import text_theme
from drafting.domain.types import Fact, Section
from lexicon.figures import figure_spans
from lexicon.numbering import ordinal


def fact_clause(fact: Fact) -> str:
    """The fact as a clause: figures untouched, each followed by 【Fn】; end punctuation removed
    and a sentence break inside the fact softened to a comma."""
    text = fact.text.strip().rstrip("。；;，,、 ")
    marker = f"【{fact.id}】"
    spans = figure_spans(text)
    if not spans:
        return (text + marker).replace("。", "，")
    out, cursor = [], 0
    for _, end, _ in spans:
        out.append(text[cursor:end] + marker)
        cursor = end
    out.append(text[cursor:])
    return "".join(out).replace("。", "，")


def join_clauses(clauses: list[str]) -> str:
    """c1；c2；c3。 — one sentence for one theme, without a connective in a fixed slot."""
    clauses = [c.rstrip("。；;，,") for c in clauses if c]
    return "；".join(clauses) + "。" if clauses else ""


def enumerate_items(items: list[str]) -> str:
    """一是…；二是…；三是…。 (a single item stands alone)."""
    items = [i.rstrip("。；;，,") for i in items if i]
    if not items:
        return ""
    if len(items) == 1:
        return items[0] + "。"
    return "；".join(f"{ordinal(n)}是{item}" for n, item in enumerate(items, 1)) + "。"


@dataclass
class Group:
    """Facts a section files under one topic, in the order the user gave them."""

    topic: Topic | None
    theme: str
    facts: list[Fact] = field(default_factory=list)


def section_groups(section: Section, spec: SectionSpec, facts: dict[str, Fact]) -> tuple[list[Group], list[Fact]]:
    """(groups of activities by topic in the kind's order, honours) for a measures section."""
    groups: dict[str, Group] = {}
    honours = []
    for fact_id in section.fact_ids:
        fact = facts.get(fact_id)
        if fact is None or fact.derived:
            continue
        if fact.kind == FactKind.HONOUR:
            honours.append(fact)
            continue
        theme = fact.theme if spec.topic_for(fact.theme) else (text_theme(fact.text) or "")
        topic = spec.topic_for(theme) or (spec.topics[0] if spec.topics else None)
        key = topic.key if topic else ""
        # The group speaks for its topic's main theme: 学习培训 under 思想引领 is said as 思想引领.
        groups.setdefault(key, Group(topic, topic.themes[0] if topic else theme)).facts.append(fact)
    order = {t.key: i for i, t in enumerate(spec.topics)}
    return sorted(groups.values(), key=lambda g: order.get(g.topic.key if g.topic else "", 99)), honours


def with_derived(fact: Fact, facts: dict[str, Fact], plan_answers: dict[str, str]) -> str:
    """A fact's clause, preceded by the part of last year's plan it answers and followed by the
    comparisons with last year the user accepted."""
    text = (f"落实上年度“{plan_answers[fact.id]}”的安排，" if fact.id in plan_answers else "") + fact_clause(fact)
    for other in facts.values():
        if other.derived and other.derived.get("from") == fact.id:
            text += "，" + fact_clause(other)
    return text
