"""Last year's report as the starting point: what was promised, what changed, what was copied.

When the index holds an earlier report of the same federation and kind, the tool lists last
year's plans and matches each to this year's facts, offers comparisons of figures that measure
the same thing (computed here, never by a model, each with its formula and both sources), and
flags a figure copied unchanged from last year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafting.domain.facts import figure_subject
from drafting.domain.findings import Finding, Severity
from drafting.domain.last_year import Comparison, Derived, LastYear, StaleFigure
from drafting.domain.types import Draft, Fact, Figure
from lexicon.figures import extract_figures, figure_spans
from retrieval.text import sentences, words

from .plans import DONE_KINDS, match_plans, plan_items
from .subjects import subject_phrase
from .targets import counted_words, measuring, percent, progress

SUBJECT_STOP = {"全年", "今年", "年度", "共", "累计", "开展", "发放", "组织", "完成", "受理", "帮助", "参加"}
TARGET = re.compile(r"计划|拟|力争|争取|目标|预计|确保|下一步|下半年|明年|将(?:在|于|要|继续|开展|建成|新建|培训|举办|实现|完成)"
                    r"|\d{4}年(?:要|将|计划)")
"""A figure in a clause like this is a plan or target, never an actual to compare with."""
STATED = re.compile(r"[，,、]?\s*(?:同比|较上年|比上年|较去年|比去年|与上年相比)[，,]?(?:增长|下降|上升|提高|减少|增加|降低)"
                    r"\s*(?:\d+(?:\.\d+)?\s*(?:(?P<unit>[%％]|个百分点)|[^，。；,;\d]{0,3}))?")
"""A change the fact already states right after its figure: 62件，同比增长12.7% (said once, not twice)."""


@dataclass(frozen=True)
class LastFigure:
    """A figure of last year's report, what it counts and whether it was a plan or target."""

    figure: Figure
    subject: frozenset[str]
    sentence: str
    chunk_id: str
    target: bool
    context: frozenset[str] = frozenset()
    """The words around it, for telling a figure copied in the same context (会前学法11次 both years)."""


def find_previous(index, org: str, report_type: str, year: int):
    """The same federation's report of the same kind for the latest earlier year, or None."""
    if index is None:
        return None
    same = [d for d in index.documents()
            if d.report_type == report_type and d.year and d.year < year and _same_org(d.org, org)]
    return max(same, key=lambda d: d.year) if same else None


def _same_org(a: str, b: str) -> bool:
    a, b = a.strip(), b.strip()
    return bool(a and b and "*" not in a and (a == b or (len(a) > 4 and len(b) > 4 and (a in b or b in a))))


def last_plan_items(index, doc: str) -> list[str]:
    """The items of last year's 下一步/工作计划."""
    return plan_items(index.passages(doc))


def _jaccard(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _subject(text: str, start: int) -> set[str]:
    """What a figure counts, without the verbs that say nothing about it (开展, 发放 …)."""
    return {w for w in figure_subject(text, start) if w not in SUBJECT_STOP}


def is_target(text: str, start: int) -> bool:
    """Whether the figure at `start` is planned, not done (计划培训200名, 力争建成10个)."""
    clause = re.split(r"[。；;]", text[:start])[-1]
    return bool(TARGET.search(clause))


def last_year_figures(index, doc: str) -> list[LastFigure]:
    """Every figure in last year's report with what it counts; those in its plans are targets."""
    out = []
    for passage in index.passages(doc):
        for sentence in sentences(passage.text):
            for start, end, fig in figure_spans(sentence):
                subject, context = _subject(sentence, start), _context(sentence, start, end)
                if subject or context:
                    out.append(LastFigure(fig, frozenset(subject), sentence, passage.chunk_id,
                                          passage.role == "plans" or is_target(sentence, start), frozenset(context)))
    return out


def _context(text: str, start: int, end: int) -> set[str]:
    """The words a figure stands among: its clause before and after it, or, when the clause says only
    共开展11次, the sentence before it (坚持会前学法制度，全年共开展11次)."""
    near = counted_words(text, start, end) - SUBJECT_STOP
    return near or {w for w in words(text[:start]) if len(w) >= 2 and not re.search(r"\d|年|月", w)} - SUBJECT_STOP


def comparisons(facts: list[Fact], previous: list[LastFigure], decimals: int = 1) -> list[Comparison]:
    """Comparison sentences for this year's figures that measure what last year's actual figures
    measured. A plan or target, this year's or last year's, is never compared with an actual."""
    actuals = [p for p in previous if not p.target and p.figure.unit != "%" and not p.figure.qualifier]
    offers = []
    for fact in (f for f in facts if f.kind in DONE_KINDS and not f.derived):
        for start, end, fig in figure_spans(fact.text):
            if fig.qualifier or is_target(fact.text, start):
                continue  # 8万余册 against 1万余册: arithmetic on approximations would mislead
            subject = _subject(fact.text, start)
            scored = sorted(((_jaccard(subject, p.subject), p) for p in actuals if p.figure.unit == fig.unit),
                            key=lambda x: -x[0])
            if not scored or scored[0][0] < 0.5 or scored[0][1].figure.value == 0 or scored[0][1].figure.key == fig.key:
                continue
            if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1].figure.value != scored[0][1].figure.value:
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


def stale_figures(facts: list[Fact], previous: list[LastFigure]) -> list[StaleFigure]:
    """Figures identical to last year's for the same thing: probably copied, to be confirmed (a
    plan repeated from last year is not a copied result)."""
    stale = []
    for fact in facts:
        for start, end, fig in figure_spans(fact.text):
            if fig.unit == "%" or fig.value <= 1:
                continue  # 办结率100%, 述法1次: the same every year by nature, not copied
            context = _context(fact.text, start, end)
            for old in previous:
                if old.figure.key == fig.key and not old.target and _same_context(context, old.context):
                    stale.append(StaleFigure(fact.id, fig.text, old.sentence))
                    break
    return stale


def _same_context(ours: set[str], theirs: frozenset[str]) -> bool:
    """The same figure in the same context: most words of the sparer context are in the other
    (党组会议会前学法11次 and 全年组织干部职工会前学法11次 share 学法)."""
    shared = {w for w in ours if any(w in t or t in w for t in theirs)}
    return bool(shared) and len(shared) >= min(len(ours), len(theirs)) / 2


def stale_flags(draft: Draft, sections: list) -> list:
    """Flag, in its section, every figure copied unchanged from last year's report (once)."""
    stale = draft.previous.stale if draft.previous else []
    out = []
    for section in sections:
        notes = [Finding("stale_figure", s.note, Severity.WARNING, section_id=section.id,
                         fix="核对今年的数字") for s in stale if s.fact_id in section.fact_ids]
        said = {note.message for note in notes}
        kept = [f for f in section.flags if f.message not in said]
        out.append(replace(section, flags=kept + notes) if notes else section)
    return out


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
