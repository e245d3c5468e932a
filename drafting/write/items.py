"""Facts as report prose: a fact becomes a clause with its markers, facts on one theme become one
item, and a section's facts are grouped the way a drafter groups them (the section plan, which
the LLM writer's prompt shows too)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.domain.classify import FactKind
from drafting.domain.facets import SPLIT_AT, facet_of
from drafting.domain.kinds import SectionSpec, Topic
from drafting.domain.themes import text_theme
from drafting.domain.types import Fact, Section
from lexicon.areas import claims_only_named, fits, named_by, near
from lexicon.cues import HONOUR_WORDS, LEADER
from lexicon.figures import figure_spans
from lexicon.numbering import ordinal

WHEN_LEAD = re.compile(r"^(?:\d{4}年(?:度)?(?:\d{1,2}月(?:份)?)?(?:\d{1,2}日)?|今年|年内|一年来|本年度)?[，,]?"
                       r"(?:先后|还|再次|连续|多次|分别|均|成功|并|又|也)?")
"""What may stand before an honour's verb without naming who was honoured: when, and how often."""


def fact_clause(fact: Fact) -> str:
    """The fact as a clause: figures untouched, each followed by 【Fn】; end punctuation removed
    and a sentence break inside the fact softened to a comma."""
    text = fact.text.strip().rstrip("。；;，,、 ")
    marker = f"【{fact.id}】"
    spans = figure_spans(text)
    if not spans:
        return (text + marker).replace("。", "，")
    out, cursor = [], 0
    for end in (_word_end(text, end) for _, end, _ in spans):
        if end <= cursor:
            continue  # a figure inside the phrase of the one before (31名执委组建4个“帮帮团”): one marker after it
        out.append(text[cursor:end] + marker)
        cursor = end
    out.append(text[cursor:])
    return "".join(out).replace("。", "，")


CLAUSE_BREAK = re.compile(r"[，。；,;：:（(]|$")
"""Where a figure's phrase ends: not at 、, which goes on with the list the figure stands in
(3名乡村巾帼工匠、女高管; 7个集体、7名同志获得…表彰): the marker goes after the whole list."""


def _word_end(text: str, end: int) -> int:
    """Where a figure's marker goes: right after the figure, or, when the figure is inside a phrase
    (67家经营户, 300余家次), where the clause ends — a marker never splits a word, a coordinated list
    or subject, nor a name from its bracketed part (13个乡镇（街道）, 示范村（社区）)."""
    if end >= len(text) or not _HAN.match(text[end]):
        return end
    while True:
        cut = CLAUSE_BREAK.search(text, end).start()
        close = text.find(_CLOSING.get(text[cut : cut + 1], "\0"), cut, cut + 12)
        if close < 0:
            return cut
        end = close + 1  # the bracket belongs to the word: the marker goes after it, or further on
        while end < len(text) and text[end] in "”’》」":
            end += 1  # …示范村（社区）”【F1】: and after the quote the name stands in
        if end >= len(text) or (not _HAN.match(text[end]) and not text[end].isdigit()):
            return end


_HAN = re.compile(r"[\u4e00-\u9fff]")
RUNS_ON = re.compile(r"[；;]$")
_CLOSING = {"（": "）", "(": ")"}


def names_its_subject(clause: str, short: str) -> bool:
    """Whether a clause says who did it: it opens with the self-name, or someone stands before its
    honour (中山市妇联获评…, 新江镇新乐村…合作社荣获…). 获评… and 2023年荣获… are the organisation's own,
    and so is any clause with no honour in it (开展…): the self-name goes before them."""
    if short and clause.startswith(short):
        return True
    honour = HONOUR_WORDS.search(clause)
    return bool(honour) and bool(clause[WHEN_LEAD.match(clause).end():honour.start()].strip("，, "))


def states_duty(clauses: list[str]) -> bool:
    """Whether the facts say the leader's 第一责任人 duty themselves (党组书记、主席履行法治建设第一责任人
    职责，…): a frame that says it again doubles it."""
    return any("第一责任人" in c or (LEADER_DUTY.search(c) is not None) for c in clauses)


LEADER_DUTY = re.compile(f"^{LEADER}[^，。；]{{0,6}}(?:认真|切实|严格)?履行[^，。；]{{0,12}}职责")


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
    facet: str = ""
    """For part of a long run in one area: what this part does (facets.FACETS), which its heading says."""


def section_groups(section: Section, spec: SectionSpec, facts: dict[str, Fact]) -> tuple[list[Group], list[Fact]]:
    """(groups of activities by topic, honours) for a measures section. Groups come in the order
    their first fact was pasted — real pastes follow their report's order — and inside a group a
    framing statement leads, then the facts in the order given."""
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
    out = fold_unnamed(fold_lone_facts(reunite([part for group in groups.values() for part in by_facet(group)])))
    for group in out:
        ids = {f.id for f in group.facts}
        # stable: the lead first, then paste order; a purpose clause that continues a fact of the
        # group (…庭审旁听【F7】，切实提高领导干部法律素质【F8】) stays after the work it serves
        group.facts.sort(key=lambda f: f.kind != FactKind.GUIDING or f.follows in ids)
    return out, honours


def reunite(groups: list[Group]) -> list[Group]:
    """A group whose topic's headings all assert another area than its facts name joins a group
    whose headings fit them (旁听庭审 filed under 维权 by one word goes back to 学法), keeping paste
    order; a facet's part stays (its heading is its own)."""
    out = list(groups)
    for group in list(out):
        texts = [f.text for f in group.facts]
        if group.facet or group.topic is None or any(fits(h, texts) for h in group.topic.headings):
            continue
        home = next((g for g in out if g is not group and g.topic and not g.facet
                     and any(claims_only_named(h, texts) and fits(h, texts) for h in g.topic.headings)), None)
        if home is not None:
            home.facts = sorted(home.facts + group.facts, key=_pasted_order)
            out.remove(group)
    return out


def fold_unnamed(groups: list[Group]) -> list[Group]:
    """A group whose facts name no work area at all joins the group of the fact pasted just before it
    (the first such group, the one after it): a drafter files a leftover with its nearest neighbour
    and never writes an "其他工作" heading (a lecture goes with its study session, a 动员会 with the
    work it launched)."""
    out = list(groups)
    for group in list(out):
        if len(out) < 2 or group.facet or named_by([f.text for f in group.facts]):
            continue
        first = _pasted_order(group.facts[0])
        others = [g for g in out if g is not group]
        before = [(max(n for f in g.facts if (n := _pasted_order(f)) < first), g) for g in others
                  if any(_pasted_order(f) < first for f in g.facts)]
        home = max(before, key=lambda pair: pair[0])[1] if before else others[0]
        home.facts = sorted(home.facts + group.facts, key=_pasted_order)
        out.remove(group)
    return out


def _pasted_order(fact: Fact) -> int:
    return int(fact.id[1:]) if fact.id[1:].isdigit() else 0


def fold_lone_facts(groups: list[Group]) -> list[Group]:
    """A group of one fact joins the group before it (or after it) when their work is kin (学法 and
    组织领导, 关爱 and 维权): a section of many one-fact subsections reads as a list, not a report."""
    if len(groups) < 3:
        return groups
    out: list[Group] = []
    for group in groups:
        if len(group.facts) == 1 and not group.facet and out and _kin(out[-1], group):
            out[-1].facts += group.facts
        else:
            out.append(group)
    if len(out) > 1 and len(out[0].facts) == 1 and not out[0].facet and _kin(out[1], out[0]):
        out[1].facts[:0] = out.pop(0).facts
    return out


def _kin(home: Group, lone: Group) -> bool:
    """Whether a lone fact's work is the home group's, or kin to it under a heading that still says
    what it is (a facet's part keeps its own): 新媒体培训班 is no 家风 work because 普法 and 家教 are
    kin, and 学习…法律法规 no 组织领导 because 学法 is kin to it."""
    if home.facet:
        return False
    ours, theirs = _top(home), _top(lone)
    if not (ours and theirs and near(ours) & {theirs}):
        return False
    texts = [f.text for f in lone.facts]
    return ours == theirs or home.topic is None or any(fits(h, texts) for h in home.topic.headings)


def _top(group: Group) -> str:
    counts = named_by([f.text for f in group.facts])
    return max(counts, key=counts.get) if counts else ""


MEANS_CLAUSE = re.compile(r"^通过[^，,。；;]{2,30}(?:形式|方式|途径|手段)[，,]")
"""通过案例还原、政策问答等互动形式，… : how the work was done, not a facet of its own — the fact
reads on from the one before (解读…热点法律问题28个 after the 围坐式普法 that did it)."""


def by_facet(group: Group) -> list[Group]:
    """A long group split by what its facts do, in paste order; a fact naming no facet (or
    continuing the one before) stays with the one before — unless it ends with ；, when the paste
    parted one sentence and it goes with the one after; a part of one fact joins its neighbour."""
    if len(group.facts) < SPLIT_AT:
        return [group]
    parts: list[Group] = []
    keys = [facet_of(group.theme, MEANS_CLAUSE.sub("", f.text)) for f in group.facts]
    for n, fact in enumerate(group.facts):
        # a fact that continues the one before (joined when pasted, or by the outline) stays with it
        goes_on = fact.joined or bool(parts and fact.follows and fact.follows == parts[-1].facts[-1].id)
        key = "" if goes_on else keys[n]
        if not goes_on and not key and n + 1 < len(keys) and keys[n + 1] and RUNS_ON.search(fact.text.strip()):
            key = keys[n + 1]  # a sentence the paste parted at its ； goes with its second half
        if parts and (not key or key == parts[-1].facet):
            parts[-1].facts.append(fact)
        else:
            parts.append(Group(group.topic, group.theme, [fact], key))
    merged: list[Group] = []
    for part in parts:
        if merged and len(part.facts) == 1:
            merged[-1].facts += part.facts
        else:
            merged.append(part)
    if len(merged) > 1 and len(merged[0].facts) == 1:
        first = merged.pop(0)
        merged[0].facts[:0] = first.facts
    return merged if len(merged) > 1 else [group]


def facet_facts(group: Group) -> int:
    """How many of a facet part's facts are its facet's work: those its words name, and the facts
    that continue one of them (…普法需求清单，齐力开展普法宣传 / 截至目前…开展普法宣传58场次)."""
    count, last = 0, False
    for fact in group.facts:
        last = facet_of(group.theme, fact.text) == group.facet or (last and fact.follows != "")
        count += last
    return count


def with_derived(fact: Fact, facts: dict[str, Fact], plan_answers: dict[str, str]) -> str:
    """A fact's clause, preceded by the part of last year's plan it answers and followed by the
    comparisons with last year the user accepted."""
    plan = plan_answers.get(fact.id, "")
    # the plan's words once: 落实上年度工作安排，加强偏远地区普法宣传… when the fact says them itself
    lead = "" if not plan else "落实上年度工作安排，" if plan in fact.text else f"落实上年度“{plan}”的安排，"
    text = lead + fact_clause(fact)
    for other in facts.values():
        if other.derived and other.derived.source == fact.id:
            text += "，" + fact_clause(other)
    return text
