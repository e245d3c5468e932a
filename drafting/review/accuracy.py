"""Figures: every figure in the draft traced to a fact, unchanged, qualifier and all, and marked."""

from __future__ import annotations

import re

from drafting.domain.guard import ForeignGuard
from drafting.domain.types import MARKER_RE, Draft, strip_markers
from lexicon.figures import extract_figures, figure_spans

from .base import CheckResult, all_sentences


def figure_accuracy(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    # An invented or altered figure keeps a model's answer from being shown; one left out does not.
    result = CheckResult("figure_accuracy", "数字准确", blocks=True)
    by_key = {fig.key: fact for fact in draft.facts for fig in fact.figures}
    by_value: dict[tuple[float, str], tuple] = {}
    for fact in draft.facts:
        for fig in fact.figures:
            by_value.setdefault((fig.value, fig.unit), (fact, fig))
    drafted, hits = 0, 0
    found_keys: set[str] = set()
    for section, sentence in all_sentences(draft):
        for fig in extract_figures(strip_markers(sentence)):
            drafted += 1
            if fig.key in by_key:
                hits += 1
                found_keys.add(fig.key)
            elif (fig.value, fig.unit) in by_value:
                fact, original = by_value[(fig.value, fig.unit)]
                result.add(f"数字被改动：{fig.text}（{fact.id} 原文为“{original.text}”）", section.id, sentence,
                           fix=f"改回事实原文“{original.text}”")
            else:
                result.add(f"数字无出处：{fig.text}（事实里没有这个数字）", section.id, sentence,
                           fix="删去这个数字，或把它补进事实")
    wanted = {fig.key: fact for fact in draft.facts for fig in fact.figures}
    for key, fact in wanted.items():
        if key not in found_keys:
            result.add(f"遗漏数字：{fact.id} 的“{key}”没有写进草稿", blocking=False, fix=f"把 {fact.id} 写进相应部分")
    result.metrics = {"precision": round(hits / drafted, 4) if drafted else 1.0,
                      "recall": round(len(found_keys & set(wanted)) / len(wanted), 4) if wanted else 1.0,
                      "figures_in_draft": drafted, "figures_in_facts": len(wanted)}
    return result


def markers(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("markers", "来源标记")
    facts = {f.id: f for f in draft.facts}
    for section, sentence in all_sentences(draft):
        ids = MARKER_RE.findall(sentence)
        for fact_id in ids:
            if fact_id not in facts:
                result.add(f"标记【{fact_id}】指向不存在的事实", section.id, sentence)
        plain = strip_markers(sentence)
        if extract_figures(plain) and not ids:
            result.add("含数字的句子没有来源标记", section.id, sentence)
        for _, end, fig in figure_spans(sentence):
            # a list goes on after 、 (3名乡村巾帼工匠、女高管【F4】): its marker may stand after the whole list
            clause_end = re.search(r"[，。；,;]|$", sentence[end:]).start() + end
            marker = MARKER_RE.search(sentence, end, clause_end)
            if ids and marker is None:
                result.add(f"数字“{fig.text}”后面没有来源标记", section.id, sentence)
            if marker and marker.group(1) in facts:
                if fig.key not in {f.key for f in facts[marker.group(1)].figures}:
                    result.add(f"数字“{fig.text}”标注为【{marker.group(1)}】，但该事实里没有这个数字",
                               section.id, sentence)
    return result
