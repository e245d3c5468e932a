"""Assign every fact to a section of the report kind; nothing is dropped.

A fact's own wording decides first (不足 → shortcomings, 下一步 → plans, 第一责任人 →
first_responsible); otherwise it is an achievement, placed in the measures section whose topics
match it best — by its own words, then by the headings of its nearest passages in the index.
"""

from __future__ import annotations

import re

from drafting.domain.kinds import ReportKind, SectionSpec
from drafting.domain.types import DraftMeta, Fact, Section
from drafting.domain.wording import fill
from retrieval.errors import RetrievalError

CUES = [
    ("first_responsible", re.compile(r"第一责任人|主要负责人|党组书记|述法|主席.{0,8}(带头|亲自|主持|专题)")),
    ("shortcomings", re.compile(r"不足|问题|差距|短板|薄弱|有待|不够|欠缺|不强|不高|滞后|困难在于|仍需")),
    ("plans", re.compile(r"^(下一步|明年|下半年|今后|计划|拟|将|力争)|下一步|力争|计划于|拟于")),
    ("highlights", re.compile(r"亮点|首创|全省首|全市首|全国首|品牌")),
]


def cue_role(fact: Fact, meta: DraftMeta) -> str | None:
    text = fact.text
    for role, pattern in CUES:
        if pattern.search(text):
            return role
    if re.search(rf"{meta.year + 1}年", text) and not re.search(rf"{meta.year}年", text):
        return "plans"
    return None


def topic_score(spec: SectionSpec, text: str) -> float:
    return float(sum(text.count(k) for topic in spec.topics for k in topic.keywords))


def make_outline(facts: list[Fact], kind: ReportKind, meta: DraftMeta, index=None) -> list[Section]:
    """The report's sections, each with the ids of the facts it will carry."""
    specs = [s for s in kind.sections]
    assigned: dict[str, list[str]] = {s.key: [] for s in specs}
    measures = [s for s in specs if s.role == "measures"]
    for fact in facts:
        role = cue_role(fact, meta)
        target = next((s for s in specs if s.role == role), None) if role else None
        if target is None:
            target = _best_measures(fact, measures, index, kind.key)
        assigned[target.key].append(fact.id)
    sections = [Section(id="s0", role="preamble", heading="")]
    for spec in specs:
        if not spec.required and not assigned[spec.key]:
            continue
        sections.append(Section(id=f"s{len(sections)}", role=spec.role, heading=fill(spec.headings[0], meta),
                                fact_ids=assigned[spec.key]))
    return sections


def _best_measures(fact: Fact, measures: list[SectionSpec], index, report_type: str) -> SectionSpec:
    scores = [topic_score(spec, fact.text) for spec in measures]
    if index is not None and len(measures) > 1:
        try:
            nearest = index.search(fact.text, role="measures", k=3)
        except RetrievalError:
            nearest = []  # the index is down: the fact's own words still place it
        for passage in nearest:
            for i, spec in enumerate(measures):
                scores[i] += 0.5 * topic_score(spec, passage.heading)
    best = max(range(len(measures)), key=lambda i: (scores[i], -i))
    return measures[best]


def best_topic(spec: SectionSpec, fact: Fact) -> int:
    """Index of the subsection (topic) of `spec` a fact belongs to; the first when none match."""
    scores = [sum(fact.text.count(k) for k in topic.keywords) for topic in spec.topics]
    return max(range(len(scores)), key=lambda i: (scores[i], -i)) if scores else 0
