"""A planned figure against this year's figure that measures it: how much of the plan was done.

Last year's "普法宣传活动不少于50场" is measured by the fact that counts the year's 普法宣传活动,
not by any fact that shares a word: when two facts count the same thing, the year's total
(全年/全县/共/累计…) measures it rather than one campaign's share. A figure with a qualifier is a
range (56余场 is more than 56, 近200名 less than 200): the tool says a plan was exceeded or met in
part only when the whole range says so, and gives a share only for exact figures.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from drafting.domain.facts import figure_subject
from drafting.domain.types import Fact, Figure
from lexicon.figures import figure_spans
from lexicon.levels import PLACE_ENDINGS
from lexicon.numbering import NUMERALS
from retrieval.text import words

FILLER = {"不少", "不少于", "不低于", "低于", "少于", "达到", "力争", "确保", "争取", "全年", "开展", "举办", "组织",
          "活动", "工作", "累计", "共计", "完成", "实现"}
"""Words around a planned or actual figure that say nothing about what it counts."""
ORDINAL = re.compile(f"[{NUMERALS}]+是|其[{NUMERALS}]+")
TOTAL = re.compile(f"全年|全[{PLACE_ENDINGS}]|全系统|共计?|累计|合计|总计")
"""A figure marked as the year's total measures a plan better than one campaign's part of it."""
AT_LEAST = {"余", "多", "超", "超过", "逾", "以上"}
BELOW = {"近"}
ABOUT = {"约", "左右"}


@dataclass(frozen=True)
class Measure:
    """This year's figure that measures a planned one, and the fact it stands in."""

    fact: Fact
    figure: Figure
    start: int


def counted_words(text: str, start: int, end: int) -> set[str]:
    """What a figure counts: content words of its clause before it and after it (建成10个调解室)."""
    after = re.match(r"[^，。；、,;]*", text[end:]).group(0)
    return set(figure_subject(text, start)) | {w for w in words(after) if len(w) >= 2 and not re.search(r"\d", w)}


def measuring(planned: set[str], unit: str, facts: list[Fact], least: float = 0.0) -> Measure | None:
    """The figure among `facts` that counts what `planned` names, in the same unit: most of the planned
    words first, then the year's total over a part, then the larger figure. None when no figure
    shares more than `least` of the planned words."""
    core = {w for w in planned if w not in FILLER and not ORDINAL.fullmatch(w)} or planned
    best, best_key = None, None
    for fact in facts:
        for start, end, figure in figure_spans(fact.text):
            if figure.unit != unit:
                continue
            counted = counted_words(fact.text, start, end)
            share = sum(any(w in c or c in w for c in counted) for w in core) / len(core) if core else 0.0
            clause = re.split(r"[，。；、,;]", fact.text[:start])[-1]
            key = (share, bool(TOTAL.search(clause) or {"累计", "共计"} & _qualifiers(figure)), figure.value)
            if share > least and (best_key is None or key > best_key):
                best, best_key = Measure(fact, figure, start), key
    return best


def _qualifiers(figure: Figure) -> set[str]:
    return set(figure.qualifier.split("+")) - {""}


def bounds(figure: Figure) -> tuple[float, float, bool]:
    """The range a figure stands for, and whether it is exact: 56余 → (56, 57), 8000余 → (8000, 9000),
    超10万 → (100000, ∞), 近200 → (180, 200), 约50 → (45, 55)."""
    qualifiers, value = _qualifiers(figure), figure.value
    if qualifiers & {"余", "多"}:
        step = 10 ** (len(str(int(value))) - len(str(int(value)).rstrip("0"))) if value >= 1 else 1
        return value, value + step, False
    if qualifiers & AT_LEAST:
        return value, math.inf, False
    if qualifiers & BELOW:
        return value * 0.9, value, False
    if qualifiers & ABOUT:
        return value * 0.9, value * 1.1, False
    return value, value, True


def progress(actual: Figure, target: Figure, decimals: int = 1) -> dict:
    """How much of a planned figure an actual one reached: {'status', 'progress', 'formula'}, or {}
    when the actual's range does not say (约50场 against 50场)."""
    low, high, exact = bounds(actual)
    goal = target.value
    if actual.unit == "%":  # a rate is reached or not: 95% of a 100% 办结率 is no "share of the plan"
        if low >= goal or high < goal:
            met = low >= goal
            return {"status": "done" if met else "partial", "progress": "达到年度目标" if met else "未达到年度目标",
                    "formula": f"{actual.text} {'≥' if met else '<'} {target.text}"}
        return {}
    if exact:
        share = actual.value / goal * 100
        return {"status": "done" if share >= 100 else "partial", "progress": plan_share(share, decimals),
                "formula": f"{_number(actual.value)} ÷ {_number(goal)} = {share:.1f}%"}
    if low >= goal and (low > goal or _qualifiers(actual) & AT_LEAST):
        return {"status": "done", "progress": "超额完成年度计划", "formula": f"{actual.text} > {target.text}"}
    if high <= goal:
        return {"status": "partial", "progress": "部分完成年度计划", "formula": f"{actual.text} < {target.text}"}
    return {}


def plan_share(share: float, decimals: int = 1) -> str:
    """完成年度计划的90% / 全面完成年度计划 / 超额完成年度计划（完成120%）."""
    if round(share, decimals) == 100:
        return "全面完成年度计划"
    if share > 100:
        return f"超额完成年度计划（完成计划的{percent(share, decimals)}）"
    return f"完成年度计划的{percent(share, decimals)}"


def percent(value: float, decimals: int = 1) -> str:
    """A percentage as reports write it: one decimal, none when it is whole (22.9%, 25%)."""
    text = f"{abs(value):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + "%"


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}".rstrip("0").rstrip(".")
