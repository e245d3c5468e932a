"""Checks on a draft. Each reads the Draft (and its facts) and says what failed and where.

Every check returns a CheckResult with findings that name the section and the sentence, so the
interface can highlight them. A check passes only when it has no finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from drafting.figures import MASK_RE, extract_figures, figure_spans
from drafting.guard import ForeignGuard
from drafting.kinds import get_kind
from drafting.model import MARKER_RE, Draft, Section, strip_markers
from drafting.timewords import (
    CN,
    LAWS,
    PLENUMS,
    REVISED_WOMENS_LAW,
    WOMENS_CONGRESS_13,
    XI_RULE_OF_LAW_YEAR,
)
from retrieval.text import sentences


@dataclass
class Finding:
    """One problem: what, in which section, in which sentence."""

    message: str
    section_id: str = ""
    sentence: str = ""


@dataclass
class CheckResult:
    name: str
    label: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.findings

    def to_dict(self) -> dict:
        return {"name": self.name, "label": self.label, "passed": self.passed, "metrics": self.metrics,
                "findings": [f.__dict__ for f in self.findings]}


def _sentences(section: Section) -> list[str]:
    return [s for p in section.text.split("\n") for s in sentences(p)]


def _all_text(draft: Draft) -> list[tuple[Section, str]]:
    return [(s, sent) for s in draft.sections for sent in _sentences(s)]


# -- required sections ------------------------------------------------------------------------
def required_sections(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    kind = get_kind(draft.meta.report_type)
    result = CheckResult("required_sections", "必备部分")
    for role, label in kind.required_labels.items():
        if not any(s.role == role and s.text.strip() for s in draft.sections):
            result.findings.append(Finding(f"缺少“{label}”部分（依据：{kind.rule}）"))
    return result


# -- figures ----------------------------------------------------------------------------------
def figure_accuracy(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("figure_accuracy", "数字准确")
    by_key = {fig.key: fact for fact in draft.facts for fig in fact.figures}
    by_value: dict[tuple[float, str], tuple] = {}
    for fact in draft.facts:
        for fig in fact.figures:
            by_value.setdefault((fig.value, fig.unit), (fact, fig))
    drafted, hits = 0, 0
    found_keys: set[str] = set()
    for section, sentence in _all_text(draft):
        for fig in extract_figures(strip_markers(sentence)):
            drafted += 1
            if fig.key in by_key:
                hits += 1
                found_keys.add(fig.key)
            elif (fig.value, fig.unit) in by_value:
                fact, original = by_value[(fig.value, fig.unit)]
                result.findings.append(Finding(f"数字被改动：{fig.text}（{fact.id} 原文为“{original.text}”）",
                                               section.id, sentence))
            else:
                result.findings.append(Finding(f"数字无出处：{fig.text}（事实里没有这个数字）", section.id, sentence))
    wanted = {fig.key: fact for fact in draft.facts for fig in fact.figures}
    for key, fact in wanted.items():
        if key not in found_keys:
            result.findings.append(Finding(f"遗漏数字：{fact.id} 的“{key}”没有写进草稿"))
    result.metrics = {"precision": round(hits / drafted, 4) if drafted else 1.0,
                      "recall": round(len(found_keys & set(wanted)) / len(wanted), 4) if wanted else 1.0,
                      "figures_in_draft": drafted, "figures_in_facts": len(wanted)}
    return result


# -- particulars of other reports -------------------------------------------------------------
def foreign_particulars(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("foreign_particulars", "无外单位信息")
    if guard is None:
        guard = ForeignGuard()
        result.metrics["note"] = "未提供语料名单，只按草稿本身检查"
    own = draft.meta.org + " ".join(f.text for f in draft.facts)
    for section, sentence in _all_text(draft):
        for particular in guard.found(sentence):
            if particular not in own:
                result.findings.append(Finding(
                    f"出现其他单位的名称：“{particular}”（来自《{guard.particulars[particular]}》）",
                    section.id, sentence))
    return result


# -- time-bound wording -----------------------------------------------------------------------
PLENUM_RE = re.compile(r"(十八|十九|二十)届((?:[一二三四五六七八九]中[、和及]?)+)全会")


def time_wording(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    year = draft.meta.year
    result = CheckResult("time_wording", "时间用语")
    cutoff = date(year + 1, 3, 31)  # a report on `year` is written by the next first quarter
    for section, sentence in _all_text(draft):
        text = strip_markers(sentence)
        if year >= 2023 and re.search(r"十九大|十九届", text):
            result.findings.append(Finding(f"{year}年的报告应学习贯彻党的二十大精神，不应再写“十九大/十九届”",
                                           section.id, sentence))
        if year <= 2021 and re.search(r"二十大|二十届", text) and "中国妇女" not in text:
            result.findings.append(Finding(f"党的二十大召开于2022年10月，{year}年的报告不能引用", section.id, sentence))
        for congress_cn, plenums in PLENUM_RE.findall(text):
            congress = next(k for k, v in CN.items() if v == congress_cn)
            for plenum in re.findall(r"[一二三四五六七八九]中", plenums):
                held = next((date(y, m, 1) for c, p, y, m in PLENUMS if c == congress and p == plenum), None)
                if held and held > cutoff:
                    result.findings.append(Finding(
                        f"{congress_cn}届{plenum}全会召开于{held.year}年{held.month}月，{year}年的报告不能引用",
                        section.id, sentence))
        if "习近平法治思想" in text and year < XI_RULE_OF_LAW_YEAR:
            result.findings.append(Finding("“习近平法治思想”于2020年11月提出，此前年份的报告不能引用",
                                           section.id, sentence))
        if "妇女十三大" in text and cutoff < WOMENS_CONGRESS_13:
            result.findings.append(Finding("中国妇女十三大召开于2023年10月", section.id, sentence))
        for law in LAWS:
            if law.name in text and year < law.adopted.year:
                result.findings.append(Finding(
                    f"《{law.name}》{law.adopted.year}年才通过（{law.effective.isoformat()}施行），{year}年的报告不能引用",
                    section.id, sentence))
        if re.search(r"新修订的《?妇女权益保障法", text) and year < REVISED_WOMENS_LAW.adopted.year:
            result.findings.append(Finding("新修订的妇女权益保障法2022年10月才通过", section.id, sentence))
    title_year = re.search(r"((?:19|20)\d{2})\s*年", draft.meta.title)
    if title_year and int(title_year.group(1)) != year:
        result.findings.append(Finding(f"标题年份 {title_year.group(1)} 与报告年份 {year} 不一致"))
    return result


# -- leftovers --------------------------------------------------------------------------------
PLACEHOLDER = re.compile(r"待补充|待填写|此处填写|TODO|\{[a-z_]+\}|【待|（略）|XXX|…{2,}")


def leftovers(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("leftovers", "无遗留占位")
    for section in draft.sections:
        if not section.text.strip():
            result.findings.append(Finding(f"“{section.heading or '导语'}”部分是空的", section.id))
    for section, sentence in _all_text(draft):
        text = strip_markers(sentence)
        mask = MASK_RE.search(text)
        if mask:
            result.findings.append(Finding(f"有未填写的数值“{mask.group(0)}”", section.id, sentence))
        placeholder = PLACEHOLDER.search(text)
        if placeholder:
            result.findings.append(Finding(f"有占位文字“{placeholder.group(0)}”", section.id, sentence))
    return result


# -- markers ----------------------------------------------------------------------------------
def markers(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("markers", "来源标记")
    facts = {f.id: f for f in draft.facts}
    for section, sentence in _all_text(draft):
        ids = MARKER_RE.findall(sentence)
        for fact_id in ids:
            if fact_id not in facts:
                result.findings.append(Finding(f"标记【{fact_id}】指向不存在的事实", section.id, sentence))
        plain = strip_markers(sentence)
        if extract_figures(plain) and not ids:
            result.findings.append(Finding("含数字的句子没有来源标记", section.id, sentence))
        for _, end, fig in figure_spans(sentence):
            clause_end = re.search(r"[，。；、,;]|$", sentence[end:]).start() + end
            marker = MARKER_RE.search(sentence, end, clause_end)
            if ids and marker is None:
                result.findings.append(Finding(f"数字“{fig.text}”后面没有来源标记", section.id, sentence))
            if marker and marker.group(1) in facts:
                if fig.key not in {f.key for f in facts[marker.group(1)].figures}:
                    result.findings.append(Finding(
                        f"数字“{fig.text}”标注为【{marker.group(1)}】，但该事实里没有这个数字", section.id, sentence))
    return result


# -- form -------------------------------------------------------------------------------------
NUMBERED = [
    ("（一）", re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")),
    ("1.", re.compile(r"^(\d{1,2})[.．、](?!\d)")),
]
TOP_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")


def _cn_value(text: str) -> int:
    from drafting.figures import chinese_number

    return chinese_number(text)


def form(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    result = CheckResult("form", "公文格式")
    meta = draft.meta
    if not meta.title.strip():
        result.findings.append(Finding("没有标题"))
    if not meta.org.strip() or not re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", meta.date.strip()):
        result.findings.append(Finding("落款不完整：需要单位名称和成文日期（如 2025年1月14日）"))
    body = draft.body_sections()
    for position, section in enumerate(body, 1):
        top = TOP_NUMBER.match(section.heading)
        if top and _cn_value(top.group(1)) != position:
            result.findings.append(Finding(f"一级标题序号不连续：第 {position} 部分标为“{top.group(0)}”", section.id))
    for section in draft.sections:
        for label, pattern in NUMBERED:
            numbers = []
            for paragraph in section.text.split("\n"):
                m = pattern.match(paragraph.strip())
                if m:
                    numbers.append(int(m.group(1)) if m.group(1).isdigit() else _cn_value(m.group(1)))
            if numbers and numbers != list(range(1, len(numbers) + 1)):
                result.findings.append(Finding(f"“{label}”级序号不连续或重复：{numbers}", section.id))
    seen: dict[str, str] = {}
    for section, sentence in _all_text(draft):
        plain = strip_markers(sentence).strip("。；")
        if len(plain) >= 12:
            if plain in seen:
                result.findings.append(Finding("句子重复出现", section.id, sentence))
            seen.setdefault(plain, section.id)
    return result


CHECKS = [required_sections, figure_accuracy, foreign_particulars, time_wording, leftovers, markers, form]


def run_checks(draft: Draft, guard: ForeignGuard | None = None) -> list[CheckResult]:
    return [check(draft, guard) for check in CHECKS]


def findings_by_section(results: list[CheckResult]) -> dict[str, list[tuple[str, Finding]]]:
    """For the interface: section id → [(check label, finding)], '' for whole-draft findings."""
    out: dict[str, list[tuple[str, Finding]]] = {}
    for result in results:
        for finding in result.findings:
            out.setdefault(finding.section_id, []).append((result.label, finding))
    return out

