"""Last year's report on this year's draft: what was promised, what changed, what was copied.

When the index holds an earlier report of the same federation and kind, `attach_previous` records
on the draft that report (read by last_report.py), its plans matched to this year's facts
(plans.py), the comparisons of figures on offer (comparisons.py) and the figures copied unchanged
(stale.py). The rest reads that record back: the plan clauses the composer answers, and the lines
the CLI and the app show before drafting.
"""

from __future__ import annotations

from dataclasses import replace

from drafting.domain.last_year import LastYear
from drafting.domain.types import Draft
from lexicon.figures import extract_figures

from .comparisons import comparisons, plan_offers
from .last_report import find_previous, last_plan_items, last_year_figures
from .plans import match_plans
from .stale import stale_figures


def attach_previous(draft: Draft, index, decimals: int = 1) -> Draft:
    """Record last year's report, its plan table, the comparisons on offer and stale figures.
    Percentages are given to `decimals` places (one, as reports write 22.9%)."""
    doc = find_previous(index, draft.meta.org, draft.meta.report_type, draft.meta.year)
    if doc is None:
        return replace(draft, previous=LastYear.missing(draft.meta.org))
    previous = last_year_figures(index, doc.doc)
    facts = [f for f in draft.facts if not f.derived]
    stale = stale_figures(facts, previous)
    warnings = list(draft.warnings) + [f"{s.note}（上年：{s.last_sentence[:40]}…）" for s in stale]
    offers = comparisons(facts, previous, decimals) + plan_offers(facts, previous, decimals)
    info = LastYear(True, doc=doc.doc, title=doc.title, year=doc.year, comparisons=offers, stale=stale,
                    plans=match_plans(last_plan_items(index, doc.doc), facts, decimals))
    warnings += [o.note for o in offers if o.note]
    return replace(draft, previous=info, warnings=warnings)


def plan_answers(draft: Draft) -> dict[str, str]:
    """fact id → the clause of last year's plan it answers (no figures), for the composer."""
    out = {}
    for row in draft.previous.plans if draft.previous else []:
        for fact_id, clause in row.answers.items():
            if not extract_figures(clause) and len(clause) <= 30:
                out.setdefault(fact_id, clause)
    return out


STATUS = {"done": "已落实", "partial": "部分落实", "not_mentioned": "未提及（请确认）"}
"""How each plan status reads, wherever the plan table is shown."""


def previous_lines(draft: Draft) -> list[str]:
    """Last year's report in plain lines, for the CLI and the app to show before drafting."""
    info = draft.previous
    if info is None:
        return []
    if not info.found:
        return [info.message or "索引中没有本单位往年的同类报告：按常规起草。"]
    lines = [f"上年报告：《{info.title}》（{info.year}年）", "上年工作计划落实情况："]
    for n, row in enumerate(info.plans, 1):
        facts = "、".join(row.fact_ids)
        progress = f"；{row.progress}，{row.formula}" if row.progress else ""
        done = f"（{facts}{progress}）" if facts else ""
        lines.append(f"  {n}. {row.item[:60]} —— {STATUS[row.status]}{done}")
    if info.comparisons:
        lines.append("可加入草稿的同比数据和计划完成情况（由工具计算）：")
        for n, offer in enumerate(info.comparisons, 1):
            note = f"  ⚠ {offer.note}" if offer.note else ""
            lines.append(f"  [{n}] {offer.fact_id} {offer.subject}{offer.text}（{offer.formula}；"
                         f"上年：{offer.last_sentence[:30]}…）{note}")
    lines += [f"  ⚠ {stale.note}" for stale in info.stale]
    return lines
