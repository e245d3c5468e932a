"""This year's figures against last year's, computed here and never by a model: 较上年增加7件，
同比增长12.7% for a figure that measures what one of last year's actual figures measured, and how
much of each of last year's planned figures was reached; each with its formula and both sources.
The user accepts the ones to add to the draft as derived facts D1…"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.domain.last_year import Comparison, Derived
from drafting.domain.types import Draft, Fact, Figure
from lexicon.figures import extract_figures, figure_spans

from .last_report import LastFigure, is_target, subject_words
from .plans import DONE_KINDS
from .subjects import subject_phrase
from .targets import counted_words, measuring, percent, progress

STATED = re.compile(r"[，,、]?\s*(?:同比|较上年|比上年|较去年|比去年|与上年相比)[，,]?"
                    r"(?:增长|下降|上升|提高|减少|增加|降低)"
                    r"\s*(?:\d+(?:\.\d+)?\s*(?:(?P<unit>[%％]|个百分点)|[^，。；,;\d]{0,3}))?")
"""A change the fact already states right after its figure: 62件，同比增长12.7% (said once, not twice)."""



def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def comparisons(facts: list[Fact], previous: list[LastFigure], decimals: int = 1) -> list[Comparison]:
    """Comparison sentences for this year's figures that measure what last year's actual figures
    measured. A plan or target, this year's or last year's, is never compared with an actual."""
    actuals = [p for p in previous if not p.target and p.figure.unit != "%" and not p.figure.qualifier]
    offers = []
    for fact in (f for f in facts if f.kind in DONE_KINDS and not f.derived):
        for start, end, fig in figure_spans(fact.text):
            if fig.qualifier or is_target(fact.text, start):
                continue  # 8万余册 against 1万余册: arithmetic on approximations would mislead
            subject = subject_words(fact.text, start)
            scored = sorted(((_jaccard(subject, p.subject), p) for p in actuals if p.figure.unit == fig.unit),
                            key=lambda x: -x[0])
            if not scored or scored[0][0] < 0.5 or scored[0][1].figure.value == 0 or scored[0][1].figure.key == fig.key:
                continue
            tied = len(scored) > 1 and scored[1][0] == scored[0][0]
            if tied and scored[1][1].figure.value != scored[0][1].figure.value:
                continue  # two of last year's figures fit equally well: no guessing
            stated = _stated(fact.text, end)
            if not {"amount", "rate"} <= stated.keys():  # the fact already says both: nothing to add
                offers.append(_offer(fact, fig, scored[0][1], subject_phrase(fact.text, start, end), decimals, stated))
    return offers


def _stated(text: str, end: int) -> dict[str, str]:
    """What the fact already says of its figure's change right after it: {'rate': '12.7%', 'amount': …}."""
    stated = {}
    while (said := STATED.match(text, end)) and said.group(0).strip("，,、 "):
        stated["rate" if said.group("unit") else "amount"] = said.group(0).strip("，,、 ")
        end = said.end()
    return stated


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def _offer(fact: Fact, new: Figure, old: LastFigure, subject: str, decimals: int, stated: dict) -> Comparison:
    """较上年增加7件，同比增长12.7%, without what the fact already says (its rate stays its own,
    and a rate of its own that differs from the tool's is a question for the user)."""
    before = old.figure
    delta = new.value - before.value
    pct = delta / before.value * 100
    scale = 1e4 if new.text.replace(" ", "").find("万") >= 0 and abs(delta) >= 1e4 else 1
    amount = _number(abs(delta) / scale) + ("万" if scale == 1e4 else "") + new.unit
    change = f"较上年{'增加' if delta > 0 else '减少'}{amount}" if delta else "与上年持平"
    growth = f"同比{'增长' if pct > 0 else '下降'}{percent(pct, decimals)}" if delta else ""
    formula = (f"{_number(new.value)} − {_number(before.value)} = {_number(delta)}"
               + (f"；{_number(delta)} ÷ {_number(before.value)} = {pct:.{max(decimals, 1)}f}%" if growth else ""))
    new_parts = [part for part, said in ((change, "amount"), (growth, "rate")) if part and said not in stated]
    text = "，".join(new_parts)
    offer = Comparison(fact.id, new.text, before.text, subject, text, formula, old.sentence, old.chunk_id)
    if "rate" in stated and growth and growth not in stated["rate"].replace("较上年", "同比"):
        offer.note = f"{fact.id} 写“{stated['rate']}”，按上年报告计算为“{growth}”（{formula}），请核实"
    return offer


def plan_offers(facts: list[Fact], previous: list[LastFigure], decimals: int = 1) -> list[Comparison]:
    """How much of each of last year's planned figures this year's figure for the same thing reached
    (完成年度计划的90%, 超额完成年度计划), offered like a comparison: never as 较上年增加/减少."""
    done = [f for f in facts if f.kind in DONE_KINDS and not f.derived]
    offers, seen = [], set()
    for plan in previous:
        if not plan.target or plan.figure.unit == "%" or not plan.figure.value or (plan.sentence, plan.figure) in seen:
            continue
        seen.add((plan.sentence, plan.figure))
        measure = measuring(_counted(plan), plan.figure.unit, _actuals(done), least=0.5)
        verdict = measure and progress(measure.figure, plan.figure, decimals)
        if verdict:
            start = plan.sentence.find(plan.figure.text)
            subject = subject_phrase(plan.sentence, start, start + len(plan.figure.text))  # what was planned
            offers.append(Comparison(measure.fact.id, measure.figure.text, plan.figure.text, subject,
                                     verdict["progress"], verdict["formula"], plan.sentence, plan.chunk_id,
                                     kind="plan"))
    return offers


def _actuals(facts: list[Fact]) -> list[Fact]:
    """The facts with their planned figures blanked out: 2025年计划培训250名 measures nothing done."""
    out = []
    for fact in facts:
        text = fact.text
        for start, end, _ in figure_spans(fact.text):
            if is_target(fact.text, start):
                text = text[:start] + "＿" * (end - start) + text[end:]
        out.append(replace(fact, text=text))
    return out


def _counted(last: LastFigure) -> set[str]:
    start = last.sentence.find(last.figure.text)
    return counted_words(last.sentence, start, start + len(last.figure.text))


def accept_comparisons(draft: Draft, chosen: list[int]) -> Draft:
    """Add the comparisons the user accepted as derived facts D1…, next to their source fact."""
    offers = draft.comparisons
    facts = [f for f in draft.facts if not f.derived]
    sections = [replace(s, fact_ids=[i for i in s.fact_ids if not i.startswith("D")]) for s in draft.sections]
    for n, index in enumerate(sorted(set(chosen)), 1):
        offer = offers[index]
        text = f"{offer.subject}{offer.text}"
        derived = Derived(offer.formula, offer.fact_id, offer.last_sentence, offer.chunk_id,
                          draft.previous.doc, index)
        fact = Fact(id=f"D{n}", text=text, figures=extract_figures(text), derived=derived)
        facts.append(fact)
        for i, section in enumerate(sections):
            if offer.fact_id in section.fact_ids:
                ids = list(section.fact_ids)
                ids.insert(ids.index(offer.fact_id) + 1, fact.id)
                sections[i] = replace(section, fact_ids=ids)
    return replace(draft, facts=facts, sections=sections)
