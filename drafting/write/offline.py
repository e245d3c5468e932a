"""The offline composer: a section in the house style from the outline, stock text and the facts.

Facts are woven in verbatim (figures exactly as written, each followed by its 【F3】 marker) and
grouped by theme under subheadings taken from earlier reports; around them stand framing and
purpose clauses that claim no result. Anything that states a practice or result the user did not
give (a suggested shortcoming, plan or cause; the leader's usual duties) is listed in
Section.stock as 通用表述 for the user to confirm. A stock phrase is used once per draft.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.domain import phrases
from drafting.domain.kinds import SectionSpec
from drafting.domain.roles import Role
from drafting.domain.types import Fact, Section
from drafting.domain.wording import fill
from retrieval.patterns import ordinal

from .base import DraftContext, Emit, SectionWriter
from .borrow import corpus_subheadings, examples, framing_sentence, to_source
from .items import Group, enumerate_items, fact_clause, join_clauses, section_groups, with_derived
from .stock import Stock

PLAN_LEAD = re.compile(r"^(?:下一步|下步|今后|下半年|明年)[，,]?(?:将|要)?")
OWN_FRAMING = re.compile(r"^(?:围绕|依托|利用|结合|坚持|聚焦|为|借助|按照|根据|通过|针对|紧扣|立足|以)")


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
        guiding = [fact_clause(ctx.facts[i]) for i in section.fact_ids if i in ctx.facts]
        own = "，".join(guiding) + "，" if guiding else ""
        if kind.key == "zongjie":
            lead = stock.text("{period}，{short}{ideology}，{guiding_work}，" + own +
                              "充分发挥党和政府联系{people}的桥梁纽带作用，团结引领广大{members}在推动高质量发展中建功立业。")
        else:
            leaders = "在{party_gov}的坚强领导下，" + ("在{superior}的精心指导下，" if section.variant % 2 == 0 else "")
            focus = ("以{mission}为主线，扎实推进法治建设各项工作。" if kind.key == "fazhi"
                     else "压实“谁执法谁普法”普法责任制，推动普法工作与{business}深度融合。")
            lead = stock.text("{year}年，{short}" + leaders + "{ideology}，{guiding}，" + own +
                              "认真落实{rule_of_law}各项部署，" + focus)
        return lead + fill(kind.report_line, meta)

    # -- the body -------------------------------------------------------------------------
    def _body(self, section: Section, spec: SectionSpec, ctx: DraftContext, stock: Stock):
        if section.role == Role.MEASURES:
            return self._measures(section, spec, ctx, stock)
        text, _ = self._plain(section, ctx, stock)
        query = section.heading + " " + " ".join(ctx.facts[i].text for i in section.fact_ids if i in ctx.facts)
        return text, examples(ctx, section.role, query)[:2]  # the passages whose structure it follows

    def _plain(self, section: Section, ctx: DraftContext, stock: Stock):
        facts = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts and not ctx.facts[i].derived]
        clauses = [with_derived(f, ctx.facts, ctx.plan_answers) for f in facts]
        if section.role == Role.PLANS:  # the section already says 下一步: a plan need not say it again
            clauses = [PLAN_LEAD.sub("", c, count=1) or c for c in clauses]
        if section.role == Role.SHORTCOMINGS:
            return self._shortcomings(clauses, ctx, stock), []
        if section.role == Role.PLANS:
            return self._plans(clauses, ctx, stock), []
        if section.role == Role.FIRST_RESPONSIBLE:
            return self._first_responsible(clauses, stock), []
        if section.role == Role.HIGHLIGHTS:
            honours = [ctx.facts[i] for i in section.fact_ids if i in ctx.facts]
            return self._honours(honours, ctx, stock), []
        return enumerate_items(clauses), []

    def _measures(self, section: Section, spec: SectionSpec, ctx: DraftContext, stock: Stock):
        groups, honours = section_groups(section, spec, ctx.facts)
        query = section.heading + " " + " ".join(f.text for g in groups for f in g.facts)
        passages = examples(ctx, section.role, query)
        opening = stock.opening(spec.key)
        borrowed, used = framing_sentence(passages, ctx, unlike=opening, skip=section.variant)
        acts = sum(len(g.facts) for g in groups)
        if len(groups) >= 2 and acts >= 3:
            paragraphs = [opening + borrowed]
            for n, group in enumerate(groups, 1):
                heading, source = self._subheading(group, ctx, section.variant)
                used += source
                paragraphs.append(f"（{ordinal(n)}）{heading}。" + self._group_body(group, ctx, stock))
        elif len(groups) >= 2:
            items = [stock.lead(g.theme) + "，" + self._group_body(g, ctx, stock, purpose=False) for g in groups]
            paragraphs = [opening + borrowed + enumerate_items(items)]
        else:
            body = self._group_body(groups[0], ctx, stock) if groups else ""
            paragraphs = [opening + borrowed + body]
        if honours:
            paragraphs[-1] += self._honours(honours, ctx, stock)
        return "\n".join(p for p in paragraphs if p), used + passages[:2]

    def _group_body(self, group: Group, ctx: DraftContext, stock: Stock, purpose: bool = True) -> str:
        clauses = [with_derived(f, ctx.facts, ctx.plan_answers) for f in group.facts]
        # A fact that opens with its own framing (围绕…, 依托…) needs no purpose clause before it.
        lead = stock.purpose(group.theme) if purpose and not OWN_FRAMING.match(clauses[0]) else ""
        return lead + join_clauses(clauses, stock.connective())

    def _subheading(self, group: Group, ctx: DraftContext, variant: int) -> tuple[str, list]:
        """A generic heading of earlier reports about this work area, else the kind's own."""
        query = " ".join(f.text for f in group.facts)
        found = corpus_subheadings(ctx, group.theme, query)
        own = list(group.topic.headings) if group.topic else []
        options = [(h, [p]) for h, p in found] + [(h, []) for h in own]
        for k in range(len(options)):
            heading, source = options[(variant + k) % len(options)]
            if ctx.claim(heading):
                return heading, source
        return (own[0] if own else group.theme), []

    def _honours(self, honours: list[Fact], ctx: DraftContext, stock: Stock) -> str:
        clauses = [fact_clause(f) for f in honours]
        subject = "" if clauses[0].startswith(stock.words["short"]) else stock.words["short"]
        return subject + "，".join(clauses) + "。"

    def _shortcomings(self, clauses: list[str], ctx: DraftContext, stock: Stock) -> str:
        opening = stock.text(phrases.SHORTCOMINGS_OPENINGS[stock.variant % 2])
        items = clauses or stock.suggest_shortcomings(ctx)
        # The 原因 a fazhi report owes: the user's own when a problem says why, else a marked suggestion.
        given = any(re.search(r"原因|由于|主要是|究其", c) for c in clauses)
        cause = stock.cause() if ctx.kind.key == "fazhi" and not given else ""
        return opening + enumerate_items(items) + cause

    def _plans(self, clauses: list[str], ctx: DraftContext, stock: Stock) -> str:
        opening = stock.text(phrases.PLANS_OPENINGS[stock.variant % 2])
        study = phrases.STUDY_PLAN["zongjie" if ctx.kind.key == "zongjie" else "other"]
        items = [stock.text(study)] + clauses
        if len(clauses) < 2:
            items += stock.suggest_plans(ctx, limit=3 - len(clauses))
        return opening + enumerate_items(items)

    def _first_responsible(self, clauses: list[str], stock: Stock) -> str:
        if clauses:
            return stock.text(phrases.DUTY_FRAME) + enumerate_items(clauses)
        lead = stock.suggestion(phrases.DUTY_LEAD)
        return lead + enumerate_items([stock.suggestion(s).rstrip("。") for s in phrases.DUTY_SUGGESTIONS])


def spec_for(section: Section, ctx: DraftContext) -> SectionSpec:
    """The kind's spec of a section: by heading, else the first of its role, else a plain one."""
    same_role = [s for s in ctx.kind.sections if s.role == section.role]
    for spec in same_role:
        if any(fill(h, ctx.meta) == section.heading for h in spec.headings):
            return spec
    return same_role[0] if same_role else SectionSpec("custom", Role(section.role), (section.heading,), False)


def _sources(passages) -> list:
    seen, out = set(), []
    for passage in passages:
        if passage.chunk_id not in seen:
            seen.add(passage.chunk_id)
            out.append(to_source(passage))
    return out[:4]


__all__ = ["OfflineComposer", "fact_clause", "spec_for"]
