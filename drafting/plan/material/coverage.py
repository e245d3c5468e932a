"""The questions a drafter asks before writing: what reports of this kind usually cover that the
year's facts do not mention yet.

What is usual is learned from the index: the reports of the same kind (of the same level when
there are enough of them), read section by section — headings and sentences of their measures and
first-responsible parts, not their plans — for the topics of domain/topics.py. A topic that half of
them or more cover and no fact names becomes a question with an answer slot. An answer becomes a
fact in the user's own words; a question left empty leaves no trace.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from drafting.domain.kinds import get_kind
from drafting.domain.profile import profile_for
from drafting.domain.topics import TOPIC, TOPICS, topics_in
from drafting.domain.types import DraftMeta
from drafting.domain.wording import fill
from lexicon.levels import COUNTY, LEVELS, PREFECTURE, PROVINCE, TOWNSHIP
from lexicon.roles import Role
from retrieval.errors import RetrievalError
from retrieval.text import sentences

READ_ROLES = (Role.MEASURES, Role.FIRST_RESPONSIBLE, Role.HIGHLIGHTS)
MAX_REPORTS = 60
"""Reports read to learn what is usual: the newest of the kind (enough to be sure, quick to read)."""
MIN_SAME_LEVEL = 3
TIER_NAMES = {PROVINCE: "省级", PREFECTURE: "市级", COUNTY: "县级", TOWNSHIP: "乡镇级"}
TIERS = {level.key: TIER_NAMES[level.tier] for level in LEVELS.values()}
"""What a report's level is called when reports of the same tier are compared: 县级."""


@dataclass(frozen=True)
class Usual:
    """A topic reports of a kind cover: how many of those read, and one sentence that shows it."""

    topic: str
    reports: int
    of: int
    example: str
    source: str
    tier: str = ""


@dataclass(frozen=True)
class Question:
    """A question with an answer slot: 同类报告通常还写到“法律顾问”：今年有相关工作吗？"""

    key: str
    topic: str
    text: str
    share: str
    """3份县级同类报告中有2份写到"""
    example: str
    source: str
    section: str
    """Where an answer goes in the draft."""

    def to_dict(self) -> dict:
        return dict(vars(self))


def usual_topics(index, report_type: str, level: str) -> list[Usual]:
    """The topics reports of this kind usually cover, most usual first (none without an index)."""
    tier = TIERS.get(level, "")
    reports, same_level = _reports(index, report_type, tier)
    if not reports:
        return []
    found: dict[str, list[tuple[str, str]]] = {}  # topic → (example, source) per report naming it
    for title, texts in reports:
        seen: dict[str, str] = {}
        for sentence in texts:
            for key in topics_in(sentence):
                if key not in seen or _better(sentence, seen[key]):
                    seen[key] = sentence
        for key, sentence in seen.items():
            found.setdefault(key, []).append((sentence, title))
    need = max(1 if len(reports) <= 2 else 2, math.ceil(len(reports) / 2))
    same = tier if same_level else ""
    usual = [Usual(key, len(hits), len(reports), _short(hits[0][0]), hits[0][1], same)
             for key, hits in found.items() if len(hits) >= need]
    return sorted(usual, key=lambda u: (-u.reports, [t.key for t in TOPICS].index(u.topic)))


def coverage_questions(index, meta: DraftMeta, texts: list[str], limit: int = 8) -> list[Question]:
    """Questions for the usual topics that none of `texts` (the facts and candidates) names."""
    named = set().union(*(topics_in(t) for t in texts)) if texts else set()
    kind = get_kind(meta.report_type)
    questions = []
    for usual in usual_topics(index, meta.report_type, meta.level or profile_for(meta.org).level):
        if usual.topic in named or usual.topic not in TOPIC:
            continue
        topic = TOPIC[usual.topic]
        spec = kind.section_for(topic.theme) if topic.theme in kind.themes() else kind.measures()[0]
        questions.append(Question(
            key=topic.key, topic=topic.label, text=f"同类报告通常还写到“{topic.label}”：今年有相关工作吗？",
            share=f"{usual.of}份{usual.tier}同类报告中有{usual.reports}份写到", example=usual.example,
            source=usual.source, section=fill(spec.headings[0], meta)))
    return questions[:limit]


def answers_to_facts(questions: list[Question], answers: dict[str, str]) -> list[str]:
    """The answers given, as facts in the user's words; an empty answer leaves nothing."""
    keys = {q.key for q in questions}
    return [answer.strip() for key, answer in answers.items() if key in keys and answer and answer.strip()]


def _reports(index, report_type: str, tier: str) -> tuple[list[tuple[str, list[str]]], bool]:
    """(title, headings and sentences of its measures) for the newest reports of the kind — of the
    same tier when there are MIN_SAME_LEVEL of them (then True)."""
    if index is None:
        return [], False
    try:
        docs = [d for d in index.documents() if d.report_type == report_type]
        same = [d for d in docs if tier and TIERS.get(profile_for(d.org).level) == tier]
        same_level = len(same) >= MIN_SAME_LEVEL
        chosen = []
        for doc in sorted(same if same_level else docs, key=lambda d: -(d.year or 0))[:MAX_REPORTS]:
            passages = [p for p in index.passages(doc.doc) if p.role in READ_ROLES]
            chosen.append((doc.title or doc.doc, [s for p in passages for s in [p.heading, *sentences(p.text)] if s]))
        return chosen, same_level
    except RetrievalError:
        return [], False  # the index is down: no questions, the material still works


def _better(sentence: str, than: str) -> bool:
    """A whole sentence of middling length shows a topic better than a heading or a long one."""
    return abs(len(sentence) - 50) < abs(len(than) - 50)


def _short(sentence: str, limit: int = 90) -> str:
    return sentence if len(sentence) <= limit else sentence[:limit - 1] + "…"
