"""The offline composer: a section in the house style from the outline, stock text and the facts.

Facts are woven in verbatim (figures exactly as written, each followed by its 【F3】 marker) and
grouped by theme under subheadings taken from earlier reports; around them stand framing and
purpose clauses that claim no result. Anything that states a practice or result the user did not
give (a suggested shortcoming, plan or cause; the leader's usual duties) is listed in
Section.stock as 通用表述 for the user to confirm. A stock phrase is used once per draft.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import replace

from drafting.domain import phrases
from drafting.domain.classify import FactKind
from drafting.domain.kinds import SectionSpec
from drafting.domain.types import Fact, Section, strip_markers
from drafting.domain.wording import fill, named_spec
from lexicon import cues
from lexicon.areas import areas
from lexicon.cues import PLAN_AHEAD, PLAN_INTENT
from lexicon.numbering import ordinal
from lexicon.pattern import either
from lexicon.roles import Kind, Role

from .base import DraftContext, Emit, SectionWriter
from .borrow import examples, framing_sentence, to_source
from .items import (
    Group,
    enumerate_items,
    fact_clause,
    names_its_subject,
    section_groups,
    states_duty,
    with_derived,
)
from .joins import continuations, framed_lead, join_clauses, with_continued, without_subject
from .stock import Stock
from .subheadings import subheading

PLAN_LEAD = re.compile(rf"^(?:{either(PLAN_AHEAD)}|\d{{4}}年)?[，,]?{either(PLAN_INTENT)}")
LEADER = re.compile(f"^(?:党组书记、?)?{cues.LEADER}[，、]?")
EMPTY = "（本部分暂无事实，请补充或删除本部分）"
"""What an emptied section says: visible, never a stock lead claiming work nobody reported."""


class OfflineComposer(SectionWriter):
    """Writes every section without a model; `section.variant` picks other headings and examples."""

    name = "offline"
    parallel = False
    """Sections are written in order: the draft-wide phrase budget then gives the same text every run."""

    def write(self, section: Section, ctx: DraftContext, instruction: str = "",
              emit: Emit | None = None) -> Section:
        stock = Stock(ctx, section.variant)
        if section.role == Role.PREAMBLE:
            text, used = self._preamble(section, ctx, stock), []
        else:
            spec = spec_for(section, ctx)
            text, used = self._body(section, spec, ctx, stock)
        result = replace(section, text=text, sources=_sources(used), flags=[], stock=stock.marked)
        if emit:
            emit(text)
        return result

    # -- the preamble ---------------------------------------------------------------------
    def _preamble(self, section: Section, ctx: DraftContext, stock: Stock) -> str:
        meta, kind = ctx.meta, ctx.kind
        facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
        # The sentence already says who and when: a guiding fact joins it as a clause without them.
        guiding = [without_subject(fact_clause(f), meta.year, stock.names) for f in facts if f.kind != FactKind.HONOUR]
        honours = [fact_clause(f) for f in facts if f.kind == FactKind.HONOUR]
        own = "，".join(guiding) + "，" if guiding else ""
        if kind.key == Kind.ZONGJIE:
            lead = stock.text("{period}，{short}{ideology}，{guiding_work}，" + own + "{zongjie_focus}")
        else:
            # A government is led, not guided: only a federation or a department names who guides it.
            guided = section.variant % 2 == 0 and stock.words["superior"]
            leaders = "在{party_gov}的坚强领导下，" + ("在{superior}的精心指导下，" if guided else "")
            focus = ("以{mission}为主线，扎实推进{rule_work}各项工作。" if kind.key == Kind.FAZHI
                     else "压实“谁执法谁普法”普法责任制，推动普法工作与{business}深度融合。")
            lead = stock.text("{year}年，{short}" + leaders + "{ideology}，{guiding}，" + own +
                              "认真落实{rule_of_law}各项部署，" + focus)
        recognised = "一年来，" + "；".join(honours) + "。" if honours else ""
        return framed_lead(unrepeated(lead, own), own, stock.words["short"]) + recognised + fill(kind.report_line, meta)

    # -- the body -------------------------------------------------------------------------
    def _body(self, section: Section, spec: SectionSpec, ctx: DraftContext, stock: Stock):
        if section.role == Role.MEASURES:
            return self._measures(section, spec, ctx, stock)
        text, _ = self._plain(section, ctx, stock)
        query = section.heading + " " + " ".join(ctx.facts[i].text for i in section.fact_ids if i in ctx.facts)
        return text, examples(ctx, section.role, query)[:2]  # the passages whose structure it follows

    def _plain(self, section: Section, ctx: DraftContext, stock: Stock):
        facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts and not ctx.facts[i].derived]
        clauses = with_continued(facts, [with_derived(f, ctx.facts, ctx.plan_answers) for f in facts])
        if section.role == Role.SHORTCOMINGS:
            return self._shortcomings(clauses, ctx, stock), []
        if section.role == Role.PLANS:
            return self._plans(clauses, ctx, stock), []
        if section.role == Role.FIRST_RESPONSIBLE:
            return self._first_responsible(clauses, stock), []
        if section.role == Role.HIGHLIGHTS:
            return self._honours(facts, stock), []
        return enumerate_items(clauses), []

    def _measures(self, section: Section, spec: SectionSpec, ctx: DraftContext, stock: Stock):
        groups, honours = section_groups(section, spec, ctx.facts)
        if not groups and not honours:  # the user moved every fact away: say so, claim nothing
            return EMPTY, []
        query = section.heading + " " + " ".join(f.text for g in groups for f in g.facts)
        passages = examples(ctx, section.role, query)
        opening = stock.opening(spec.key)
        borrowed, used = framing_sentence(passages, ctx, unlike=opening, skip=section.variant)
        if borrowed:
            stock.marked.append(borrowed.rstrip("。"))  # an example's wording: the user confirms it fits
        acts = sum(len(g.facts) for g in groups)
        paragraphs = [opening + borrowed]
        # The statutory 主要举措和成效 names no area itself: its work always stands under （一）（二）…
        # …and so does the work under a heading that names no area (2022年主要工作及成效).
        by_area = len(groups) >= 2 or ((spec.key == Role.MEASURES.value or not areas(section.heading)) and acts >= 2)
        if by_area and acts >= 3 or (by_area and len(groups) == 1):
            heads: list[str] = []  # a group without a heading reads on from the one before: no number
            for group in groups:
                heading, source = subheading(group, section.heading, ctx, section.variant, len(groups) == 1,
                                             tuple(heads))
                used += source
                heads += [heading] if heading else []
                n = len(heads)
                paragraphs.append((f"（{ordinal(n)}）{heading}。" if heading else "") + self._group_body(group, ctx))
        elif len(groups) >= 2:
            items = [stock.lead(g.theme, g.facts) + self._group_body(g, ctx).rstrip("。") for g in groups]
            paragraphs[0] += enumerate_items(items)
        elif groups:
            paragraphs[0] += self._group_body(groups[0], ctx)
        if honours:
            paragraphs.append(self._honours(honours, stock))
        return "\n".join(p for p in paragraphs if p), used + passages[:2]

    def _group_body(self, group: Group, ctx: DraftContext) -> str:
        clauses = [with_derived(f, ctx.facts, ctx.plan_answers) for f in group.facts]
        names = Stock(ctx).names  # the paragraph's first clause may say who and when; the rest need not
        return join_clauses(clauses[:1] + [without_subject(c, ctx.meta.year, names) for c in clauses[1:]],
                            continuations(group.facts))

    def _honours(self, honours: list[Fact], stock: Stock) -> str:
        """The honours in one sentence; the self-name before one that names nobody, unless the clause
        before it already spoke of the organisation (another body's honour is never ours)."""
        short, clauses, ours = stock.words["short"], [], False
        for clause in (fact_clause(f) for f in honours):
            if names_its_subject(strip_markers(clause), short):
                clauses.append(clause)
                ours = clause.startswith(short)
            else:
                clauses.append(clause if ours else short + clause)
                ours = True
        return "，".join(clauses) + "。"

    def _shortcomings(self, clauses: list[str], ctx: DraftContext, stock: Stock) -> str:
        opening = stock.text(phrases.SHORTCOMINGS_OPENINGS[stock.variant % 2])
        items = clauses or stock.suggest_shortcomings()
        # The 原因 a fazhi report owes: the user's own when a problem says why, else a marked suggestion.
        given = any(re.search(r"原因|由于|主要是|究其", c) for c in clauses)
        cause = stock.cause(items) if ctx.kind.key == Kind.FAZHI and not given else ""
        return opening + enumerate_items(items) + cause

    def _plans(self, clauses: list[str], ctx: DraftContext, stock: Stock) -> str:
        opening = stock.text(phrases.PLANS_OPENINGS[stock.variant % 2])
        study = phrases.STUDY_PLAN[ctx.kind.key]
        plans = [_without_lead(without_subject(c, ctx.meta.year, stock.names), ctx.meta) for c in clauses]
        items = [stock.text(study)] + plans
        if len(plans) < 2:
            problems = [f.text for f in ctx.facts.values() if f.kind == "problem"]
            items += stock.suggest_plans(problems, [f.text for f in ctx.facts.values() if f.kind == "plan"],
                                         limit=3 - len(plans))
        return opening + enumerate_items(items)

    def _first_responsible(self, clauses: list[str], stock: Stock) -> str:
        if clauses and states_duty(clauses):  # the facts say the duty: a frame would say it twice
            return enumerate_items(clauses)
        if clauses:
            # The leader opens the section once; the facts then say what the leader did.
            subjects = [LEADER.match(c) for c in clauses]
            if all(subjects):
                lead = stock.text("{leader}认真履行推进法治建设第一责任人职责，")
                return lead + enumerate_items([c[m.end():] for c, m in zip(clauses, subjects, strict=True)])
            frame = phrases.DUTY_FRAMES[(zlib.crc32(stock.words["org"].encode()) + stock.variant) % 3]
            return stock.text(frame) + enumerate_items(clauses)
        lead = stock.suggestion(phrases.DUTY_LEAD)
        return lead + enumerate_items([stock.suggestion(s).rstrip("。") for s in phrases.DUTY_SUGGESTIONS])


RESTATED = {"扎实推进": "统筹推进", "认真落实": "全面落实", "全面贯彻": "深入贯彻", "着力推动": "大力推动",
            "切实履行": "认真履行"}
"""A stock phrase around the user's words that their words already say, and what the stock says instead."""


def unrepeated(text: str, own: str) -> str:
    """The stock wording around the user's framing without a phrase it already says ("扎实推进依法行政【F1】，
    …扎实推进法治政府建设各项工作" reads as a slip)."""
    if not own:
        return text
    start = text.find(own)
    before, after = (text[:start], text[start + len(own):]) if start >= 0 else (text, "")
    for phrase, other in RESTATED.items():
        if phrase in own:
            before, after = before.replace(phrase, other), after.replace(phrase, other)
    return before + (own if start >= 0 else "") + after


def _without_lead(clause: str, meta) -> str:
    """A plan without the time it opens with, which the section already says (下一步，将… / 2025年计划…);
    a year the section does not speak of stays (2025年计划… under a half-year report's 下半年)."""
    lead = PLAN_LEAD.match(clause)
    year = re.match(r"\d{4}", lead.group(0)) if lead else None
    ahead = meta.year if meta.period == "half" else meta.year + 1
    if lead is None or (year and int(year.group(0)) != ahead):
        return clause
    return clause[lead.end():] or clause


def spec_for(section: Section, ctx: DraftContext) -> SectionSpec:
    """The kind's spec of a section: by heading, else the first of its role, else a plain one."""
    named = named_spec(section.heading, section.role, ctx.meta)
    if named:
        return named
    same_role = [s for s in ctx.kind.sections if s.role == section.role]
    return same_role[0] if same_role else SectionSpec("custom", Role(section.role), (section.heading,), False)


def _sources(passages) -> list:
    seen, out = set(), []
    for passage in passages:
        if passage.chunk_id not in seen:
            seen.add(passage.chunk_id)
            out.append(to_source(passage))
    return out[:4]


__all__ = ["OfflineComposer", "fact_clause", "spec_for"]
