"""Last year's report as the starting point: what was promised, what changed, what was copied.

When the index holds an earlier report of the same federation and kind, the tool lists last
year's plans and matches each to this year's facts, offers comparisons of figures that measure
the same thing (computed here, never by a model, each with its formula and both sources), and
flags a figure copied unchanged from last year.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.domain.facts import figure_subject
from drafting.domain.types import Draft, Fact, Figure
from retrieval.figures import extract_figures, figure_spans
from retrieval.patterns import ENUMERATOR
from retrieval.text import sentences, words

PLAN_LEAD = re.compile(r"^(?:下一步|今后|同时)，?")
SUBJECT_STOP = {"全年", "今年", "年度", "共", "累计", "开展", "发放", "组织", "完成", "受理", "帮助", "参加"}
GENERIC = {"年度", "开展", "工作", "加强", "进一步", "全面", "提升", "持续", "深入", "推进", "落实", "通过", "能力", "水平"}


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


def plan_items(index, doc: str) -> list[str]:
    """The items of last year's 下一步/工作计划: one per 一是…/（一）/1./； clause."""
    items = []
    for passage in index.passages(doc):
        if passage.role != "plans":
            continue
        for sentence in sentences(passage.text):
            for clause in re.split(r"[；;]", sentence):
                clause = PLAN_LEAD.sub("", ENUMERATOR.sub("", clause.strip())).strip("。，")
                clause = re.sub(r"^[^，]{0,12}(将|要)", "", clause).strip("，")
                if 8 <= len(clause) <= 120 and not re.search(r"如下|以下几个方面", clause):
                    items.append(clause)
    return list(dict.fromkeys(items))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def match_plans(items: list[str], facts: list[Fact]) -> list[dict]:
    """For each plan item: 'done' with the facts that show it, or 'not_mentioned' (a question
    for the user, never an invented achievement). `answers` holds, per fact, the clause of the
    item it answers best."""
    fact_words = {f.id: {w for w in words(f.text) if len(w) >= 2} - GENERIC for f in facts}
    table = []
    for item in items:
        answers = {}
        for clause in (c for c in re.split(r"[，,]", item) if len(c) >= 4):
            clause_words = {w for w in words(clause) if len(w) >= 2} - GENERIC
            for fid, fw in fact_words.items():
                shared = clause_words & fw
                # Most of the clause's own words must be in the fact, not just 普法 and 宣传.
                if len(shared) >= 2 and len(shared) / len(clause_words) >= 0.75 and fid not in answers:
                    answers[fid] = clause.replace("“", "").replace("”", "")
        table.append({"item": item, "status": "done" if answers else "not_mentioned",
                      "fact_ids": list(answers), "answers": answers})
    return table


def _subject_words(text: str, start: int) -> list[str]:
    """What a figure counts, without the verbs that say nothing about it (开展, 发放 …)."""
    return [w for w in figure_subject(text, start) if w not in SUBJECT_STOP]


def _subject(text: str, start: int) -> set[str]:
    return set(_subject_words(text, start))


def last_year_figures(index, doc: str) -> list[tuple[Figure, set[str], str, str]]:
    """(figure, subject words, sentence, chunk id) for every figure in last year's report."""
    out = []
    for passage in index.passages(doc):
        for sentence in sentences(passage.text):
            for start, _, fig in figure_spans(sentence):
                subject = _subject(sentence, start)
                if subject:
                    out.append((fig, subject, sentence, passage.chunk_id))
    return out


def comparisons(facts: list[Fact], previous: list[tuple[Figure, set[str], str, str]]) -> list[dict]:
    """Comparison sentences for figures that measure the same thing as last year's."""
    offers = []
    for fact in facts:
        for start, _, fig in figure_spans(fact.text):
            ordered = _subject_words(fact.text, start)
            subject = set(ordered)
            if fig.qualifier:
                continue  # 8万余册 against 1万余册: arithmetic on approximations would mislead
            scored = sorted(((_jaccard(subject, s), f, sent, cid) for f, s, sent, cid in previous
                             if f.unit == fig.unit and f.unit != "%" and not f.qualifier),
                            key=lambda x: -x[0])
            if not scored or scored[0][0] < 0.5 or scored[0][1].value == 0 or scored[0][1].key == fig.key:
                continue
            if len(scored) > 1 and scored[1][0] == scored[0][0] and scored[1][1].value != scored[0][1].value:
                continue  # two of last year's figures fit equally well: no guessing
            _, old, sentence, chunk_id = scored[0]
            shared = _subject(sentence, sentence.find(old.text))
            name = "".join(w for w in ordered if w in shared) or "".join(ordered)
            offers.append(_offer(fact, fig, old, name, sentence, chunk_id))
    return offers


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")


def _offer(fact: Fact, new: Figure, old: Figure, subject: str, sentence: str, chunk_id: str) -> dict:
    delta = new.value - old.value
    pct = delta / old.value * 100
    scale = 1e4 if new.text.replace(" ", "").find("万") >= 0 and abs(delta) >= 1e4 else 1
    amount = _number(abs(delta) / scale) + ("万" if scale == 1e4 else "") + new.unit
    verb = "增加" if delta > 0 else "减少"
    change = f"较上年{verb}{amount}" if delta else "与上年持平"
    growth = f"同比{'增长' if pct > 0 else '下降'}{abs(pct):.0f}%" if delta else ""
    text = f"{change}{'，' + growth if growth else ''}"
    return {"fact_id": fact.id, "figure": new.text, "last_figure": old.text, "subject": subject,
            "text": text, "formula": f"{_number(new.value)} − {_number(old.value)} = {_number(delta)}"
            + (f"；{_number(delta)} ÷ {_number(old.value)} = {pct:.1f}%" if growth else ""),
            "last_sentence": sentence, "chunk_id": chunk_id}


def stale_figures(facts: list[Fact], previous: list[tuple[Figure, set[str], str, str]]) -> list[dict]:
    """Figures identical to last year's for the same thing: probably copied, to be confirmed."""
    stale = []
    for fact in facts:
        for start, _, fig in figure_spans(fact.text):
            subject = _subject(fact.text, start)
            for old, old_subject, sentence, _ in previous:
                if old.key == fig.key and fig.unit != "%" and _jaccard(subject, old_subject) >= 0.5:
                    stale.append({"fact_id": fact.id, "figure": fig.text, "last_sentence": sentence})
                    break
    return stale


def stale_note(stale: dict) -> str:
    return f"{stale['fact_id']} 的“{stale['figure']}”与上年报告相同，请核实"


def stale_flags(draft: Draft, sections: list) -> list:
    """Flag, in its section, every figure copied unchanged from last year's report."""
    stale = draft.previous.get("stale", [])
    out = []
    for section in sections:
        notes = [stale_note(s) for s in stale if s["fact_id"] in section.fact_ids]
        out.append(replace(section, flags=[f for f in section.flags if f not in notes] + notes) if notes else section)
    return out


def attach_previous(draft: Draft, index) -> Draft:
    """Record last year's report, its plan table, the comparisons on offer and stale figures."""
    doc = find_previous(index, draft.meta.org, draft.meta.report_type, draft.meta.year)
    if doc is None:
        return replace(draft, previous={"found": False,
                                        "message": f"索引中没有{draft.meta.org}往年的同类报告：按常规起草。"})
    previous = last_year_figures(index, doc.doc)
    facts = [f for f in draft.facts if not f.derived]
    stale = stale_figures(facts, previous)
    warnings = list(draft.warnings) + [f"{stale_note(s)}（上年：{s['last_sentence'][:40]}…）" for s in stale]
    info = {"found": True, "doc": doc.doc, "title": doc.title, "year": doc.year,
            "plans": match_plans(plan_items(index, doc.doc), facts),
            "comparisons": comparisons(facts, previous), "stale": stale}
    return replace(draft, previous=info, warnings=warnings)


def accept_comparisons(draft: Draft, chosen: list[int]) -> Draft:
    """Add the comparisons the user accepted as derived facts D1…, next to their source fact."""
    offers = draft.previous.get("comparisons", [])
    facts = [f for f in draft.facts if not f.derived]
    sections = [replace(s, fact_ids=[i for i in s.fact_ids if not i.startswith("D")]) for s in draft.sections]
    for n, index in enumerate(sorted(set(chosen)), 1):
        offer = offers[index]
        text = f"{offer['subject']}{offer['text']}"
        fact = Fact(id=f"D{n}", text=text, figures=extract_figures(text),
                    derived={"formula": offer["formula"], "from": offer["fact_id"], "last_year": offer["last_sentence"],
                             "chunk_id": offer["chunk_id"], "doc": draft.previous.get("doc", ""), "offer": index})
        facts.append(fact)
        for i, section in enumerate(sections):
            if offer["fact_id"] in section.fact_ids:
                ids = list(section.fact_ids)
                ids.insert(ids.index(offer["fact_id"]) + 1, fact.id)
                sections[i] = replace(section, fact_ids=ids)
    return replace(draft, facts=facts, sections=sections)


def plan_answers(draft: Draft) -> dict[str, str]:
    """fact id → the clause of last year's plan it answers (no figures), for the composer."""
    out = {}
    for row in draft.previous.get("plans", []):
        for fact_id, clause in row.get("answers", {}).items():
            if not extract_figures(clause) and len(clause) <= 30:
                out.setdefault(fact_id, clause)
    return out


STATUS = {"done": "已落实", "not_mentioned": "未提及（请确认）"}


def previous_lines(draft: Draft) -> list[str]:
    """Last year's report in plain lines, for the CLI and the app to show before drafting."""
    info = draft.previous
    if not info.get("found"):
        return [info.get("message", "索引中没有本单位往年的同类报告：按常规起草。")] if info else []
    lines = [f"上年报告：《{info['title']}》（{info['year']}年）", "上年工作计划落实情况："]
    for n, row in enumerate(info["plans"], 1):
        facts = "、".join(row["fact_ids"])
        lines.append(f"  {n}. {row['item'][:60]} —— {STATUS[row['status']]}{'（' + facts + '）' if facts else ''}")
    if info["comparisons"]:
        lines.append("可加入草稿的同比数据（由工具计算）：")
        for n, offer in enumerate(info["comparisons"], 1):
            lines.append(f"  [{n}] {offer['fact_id']} {offer['subject']}{offer['text']}（{offer['formula']}；"
                         f"上年：{offer['last_sentence'][:30]}…）")
    for stale in info["stale"]:
        lines.append(f"  ⚠ {stale_note(stale)}")
    return lines
