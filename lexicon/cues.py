"""The cue words of a report as data: what opens a plan, who leads, how a fact opens with its year,
and the words that give a heading its role and a title its kind.

The importer files an earlier report's paragraphs by these tables and the drafting side reads the
user's facts by the same ones, so a plan is a plan on both floors. Each pattern below is built
from its table; a table whose entries are regex fragments says so.
"""

from __future__ import annotations

import re

from .pattern import either
from .roles import Kind, Role

PLAN_AHEAD = ("下一步", "下步", "今后", "下半年", "明年", "下一年")
"""The time ahead a plan opens with: 下一步，将… / 明年…"""
PLAN_VERBS = ("计划", "拟", "力争", "争取")
"""A fact that opens with one of these is a plan."""
PLAN_INTENT = ("将", "要", "计划", "拟")
"""The verb a plan clause opens with once its time is said: (下一步，)将…"""
PLAN_NOUNS = ("计划", "打算", "谋划", "工作安排", "工作思路", "工作举措")
"""What the heading of a plans section calls it, besides the time ahead."""
CONNECTIVES = ("首先", "其次", "再次", "最后", "同时", "另外", "此外", "其中", "并且", "而且")
"""Words that join a clause to the one before it: they belong to the text it was copied from."""
YEAR_LEADS = (r"\d{4}年(?:度|以来)?", "今年以来", "全年", "上半年")
"""Regex fragments: the period a fact opens with (2024年，/ 今年以来 …), not what was done."""
HEAD_TITLES = ("党组书记", "党委书记", "书记", "主席", "主要负责人", "局长")
"""Titles that name the one head of the organisation wherever they stand (主席带头…)."""
LEADER_TITLES = HEAD_TITLES + ("主要领导", "一把手", "主任")
"""How a report names its leader at the start of a sentence: the head's titles, and words that
mid-sentence may mean the leadership as a whole (街道主要领导亲自部署…) or another office's head."""

ROLE_CUES: tuple[tuple[Role, tuple[str, ...]], ...] = (
    (Role.FIRST_RESPONSIBLE, ("第一责任人", "主要负责人履行", "履行推进法治建设", r"履职情况.*负责人")),
    (Role.OTHER, ("其他需要报告",)),
    (Role.SHORTCOMINGS, ("不足", "问题", "差距", "短板", "困难")),
    (Role.PLANS, PLAN_AHEAD + PLAN_NOUNS),
    (Role.HIGHLIGHTS, ("亮点", "特色")),
)
"""Regex fragments: the words of a top-level heading that name its role, the first rule that
matches winning; any other heading reports measures."""
KIND_CUES: tuple[tuple[Kind, tuple[str, ...]], ...] = (
    (Kind.PUFA, ("普法责任制", "谁执法谁普法", "普法履职")),
    (Kind.FAZHI, ("法治政府", "法治建设", "依法治", "法治工作")),
    (Kind.ZONGJIE, ("总结", "谋划", "工作情况", "工作计划")),
)
"""The words of a title that name its kind of report, the first rule that matches winning."""

PLAN_AHEAD_LEAD = re.compile("^" + either(PLAN_AHEAD))
YEAR_LEAD = re.compile("^" + either(YEAR_LEADS, escape=False) + "[，,]?")
CONNECTIVE_LEAD = either(CONNECTIVES)
LEADER = either(LEADER_TITLES)
HEAD = either(HEAD_TITLES)
_ROLE_RULES = [(role, re.compile(either(words, escape=False))) for role, words in ROLE_CUES]
_KIND_RULES = [(kind, re.compile(either(words))) for kind, words in KIND_CUES]


def heading_role(heading: str) -> Role:
    """The role of a top-level heading: measures unless a cue says otherwise."""
    return next((role for role, pattern in _ROLE_RULES if pattern.search(heading)), Role.MEASURES)


def paragraph_role(section_role: str, text: str) -> str:
    """A paragraph inside the shortcomings that opens with 下一步/今后 is really about plans."""
    if section_role == Role.SHORTCOMINGS and PLAN_AHEAD_LEAD.match(text):
        return Role.PLANS
    return section_role


def title_kind(title: str) -> Kind | None:
    """The kind of report a title names; None when it names none."""
    return next((kind for kind, pattern in _KIND_RULES if pattern.search(title)), None)
