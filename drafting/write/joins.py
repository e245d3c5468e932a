"""Where facts meet in a sentence: a fact written on after the one it continues keeps the words that
make it read on (同时, 通过…等方式, 会议要求, 会上), and a clause written after the sentence has said who
and when does not say them again — unless the name stands with others in its subject."""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind
from drafting.domain.types import Fact, strip_markers
from lexicon.cues import MEANS_ONLY, REQUIREMENT
from lexicon.figures import figure_spans

_HAN = re.compile(r"[\u4e00-\u9fff]")


def join_clauses(clauses: list[str], joins: list[str] | None = None) -> str:
    """c1；c2；c3。 — one sentence for one theme, without a connective in a fixed slot; a clause that
    continues the one before it (joins[i], continuations) follows it with the words that join it:
    …开展法治培训10场次，重点学习… / …积极行动，同时镇妇联…"""
    pairs = [(c.rstrip("。；;，,"), j) for c, j in zip(clauses, joins or [""] * len(clauses), strict=True) if c]
    if not pairs:
        return ""
    text = pairs[0][0]
    for clause, join in pairs[1:]:
        text += (join + _means_said(clause) if join else "；" + clause)
    return text + "。"


def _means_said(clause: str) -> str:
    """A means clause written on after its work: only a tally of means loses its 通过 (…开展法制宣传活动，
    举办法治讲座4次、发放小册子2000余册 — no verb waits after it); 通过…等方式掀起学习热潮 and
    通过召开院落会…集中宣讲 say what was done by them and keep it."""
    plain = strip_markers(clause)
    spans = figure_spans(plain)
    tally = bool(spans) and not _HAN.search(plain[spans[-1][1]:])
    return clause[2:] if tally and MEANS_ONLY.match(plain) else clause


def continuations(facts: list[Fact]) -> list[str]:
    """For each fact, the words that write it on after the one just before it in this list ('' when it
    does not continue it): a comma, and the joiner it was pasted with (同时, 其中 …) — or 要求 before a
    requirement it states (…干部要带头学法); after a framing lead, a full stop (始终将…来抓。开展…)."""
    out = []
    for i, fact in enumerate(facts):
        goes_on = bool(fact.follows) and i > 0 and facts[i - 1].id == fact.follows
        if i == 1 and facts[0].kind == FactKind.GUIDING:  # the group's lead is a sentence of its own
            out.append("。" + (_joining_words(fact, facts[:i]).lstrip("，") if goes_on else ""))
            continue
        out.append("，" + _joining_words(fact, facts[:i]) if goes_on else "")
    return out


def _joining_words(fact: Fact, before: list[Fact]) -> str:
    """What a continuing fact needs before it to read on: the joiner it was pasted with, 会议要求 before
    a requirement, 会上 before 与会人员 when no fact before it named the meeting."""
    if fact.joiner:
        return fact.joiner
    if ATTENDEES.search(fact.text) and not any(MEETING_SAID.search(f.text) for f in before):
        return "会上，"
    return requirement_lead(fact.text, before)


def with_continued(facts: list[Fact], clauses: list[str]) -> list[str]:
    """One item per fact, a fact that continues the one before it joined to it after a comma
    (…带头学法【F6】，并安排法律知识在干部学习例会中予以学习【F7】), never an item of its own."""
    out: list[str] = []
    for clause, join in zip(clauses, continuations(facts), strict=True):
        if join and out:
            out[-1] = out[-1].rstrip("。；;，,") + join + _means_said(clause)
        else:
            out.append(clause)
    return out


MEETING_SAID = re.compile(r"会议|会上|与会|[座谈部署推进动员培训]会")
ATTENDEES = re.compile(r"与会(?:人员|同志|干部|代表)")


def requirement_lead(text: str, before: list[Fact]) -> str:
    """会议要求， before a requirement written on after a meeting the facts before it speak of
    (…带领与会人员共同学习…，会议要求，镇直各部门干部要带头学法…), 要求 after other work; '' for a
    fact that is no requirement (将…, 要求… say it themselves)."""
    if not REQUIREMENT.match(text) or text.startswith(("将", "要")):
        return ""
    return "会议要求，" if any(MEETING_SAID.search(f.text) for f in before) else "要求"


def without_subject(clause: str, year: int, names: tuple[str, ...]) -> str:
    """A fact's clause without the report's year and the organisation's own name it opens with
    (2023年，巧家县妇联在13个乡镇… → 在13个乡镇…), for a sentence or paragraph that has said them."""
    text = re.sub(rf"^(?:{year}年(?:度|以来)?[，,]|今年(?:以来|来)?[，,]?)", "", clause)
    for name in sorted(set(names) - {""}, key=len, reverse=True):
        if text.startswith(name) and len(text) > len(name) + 4 and not shares_subject(text[len(name):]):
            return text[len(name):].lstrip("，,")
    return text if len(text) > 4 else clause


def shares_subject(rest: str) -> bool:
    """Whether the self-name stands in a subject with other bodies (镇妇联、团委和镇组织办联合发布…; pasted
    run together, 镇妇联团委和…): the name cannot go without leaving the others as the subject. A 和
    inside the work (加大对…妇女观和…的宣传力度) joins no bodies."""
    return bool(CO_SUBJECT.match(rest))


BODY_END = r"(?:委|办|局|会|联|站|所|院|队|部|组|校|团|协|社|处|中心|政府|支部)"
"""How the name of a body ends (团委, 镇组织办, 司法局, 新时代文明实践站)."""
CO_SUBJECT = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,8}}?{BODY_END})?[、和与及]")



PUSHES = re.compile(r"^[\u4e00-\u9fff]{0,2}(?:推进|推动)")
"""A stock clause of the preamble that says the work was pushed on (扎实推进…各项工作, 推动普法工作与…融合)."""
MAIN_LINE = re.compile(r"^以[^，]+为主线$")


def framed_lead(lead: str, own: str, short: str) -> str:
    """The preamble's sentence around the user's framing (`own`, its clauses with their markers): the
    stock clause that pushes the work on goes when the framing pushes it itself (着力推动…提质提效 —
    not three 推进/推动 in one sentence), and a framing of several facts is a sentence of its own with the
    organisation as its subject (县妇联切实履行…【F1】，高度重视…【F2】。), not glued on to the stock."""
    start = lead.find(own) if own else -1
    if start < 0:
        return lead
    before, after = lead[:start], lead[start + len(own):]
    clauses = [c for c in after.rstrip("。").split("，") if c]
    if re.search("推进|推动", strip_markers(own)):
        kept: list[str] = []
        for clause in clauses:
            if not PUSHES.match(clause):
                kept.append(clause)
            elif kept and MAIN_LINE.match(kept[-1]):
                kept.pop()  # 以…为主线 goes with the clause it leads
        clauses = kept
    rest = "，".join(clauses)
    if own.count("【") < 2:
        return before + own + rest + "。" if rest else before + own.rstrip("，") + "。"
    return before.rstrip("，") + ("，" + rest if rest else "") + "。" + short + own.rstrip("，") + "。"
