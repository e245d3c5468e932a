"""The outline: the report kind's sections, each with the facts it will carry and why.

A fact's type decides its role first (classify.py): problems to 不足, plans to 下一步, the leader's
own actions to 第一责任人, guiding statements to the preamble, honours in a work summary to 工作亮点.
Activities are filed by theme, from where sentences like them sit in real reports (placement.py).
Fragments are left out of every section — they are questions for the user, shown in the outline
table, and written only if the user moves them into a section.
"""

from __future__ import annotations

from drafting.domain.classify import FactKind, classify_all
from drafting.domain.kinds import ReportKind, SectionSpec
from drafting.domain.themes import THEME
from drafting.domain.types import DraftMeta, Fact, Section
from drafting.domain.wording import fill
from lexicon.roles import Role

from .placement import place

KIND_ROLE = {FactKind.PROBLEM: Role.SHORTCOMINGS, FactKind.PLAN: Role.PLANS,
             FactKind.DUTY: Role.FIRST_RESPONSIBLE, FactKind.GUIDING: Role.PREAMBLE}


def make_outline(facts: list[Fact], kind: ReportKind, meta: DraftMeta, index=None,
                 exclude_docs: tuple[str, ...] = ()) -> list[Section]:
    """The report's sections, each with the ids of the facts it will carry and why each is there."""
    classify_all(facts, meta)
    assigned: dict[str, list[str]] = {Role.PREAMBLE: [], **{s.key: [] for s in kind.sections}}
    reasons: dict[str, str] = {}
    for fact in facts:
        if fact.derived:
            continue  # comparisons with last year follow their fact (continuity.accept_comparisons)
        key, reasons[fact.id] = _file(fact, kind, index, exclude_docs)
        if key:
            assigned[key].append(fact.id)
    sections = [Section(id="s0", role=Role.PREAMBLE, heading="", fact_ids=assigned[Role.PREAMBLE],
                        placement={f: reasons[f] for f in assigned[Role.PREAMBLE]})]
    kept_measures = [s.key for s in kind.measures() if assigned[s.key]] or [kind.measures()[0].key]
    for spec in kind.sections:
        if not assigned[spec.key] and (not spec.required or (spec.role == Role.MEASURES and spec.key not in kept_measures)):
            continue  # a measures section with nothing to say is left out, not filled with stock text
        ids = assigned[spec.key]
        sections.append(Section(id=f"s{len(sections)}", role=spec.role, heading=fill(spec.headings[0], meta),
                                fact_ids=ids, placement={f: reasons[f] for f in ids}))
    return sections


def _file(fact: Fact, kind: ReportKind, index, exclude_docs) -> tuple[str, str]:
    """(section key or '' for none, the reason shown to the user)."""
    fact_kind = FactKind(fact.kind)
    label = fact_kind.label
    if fact_kind == FactKind.FRAGMENT:
        return "", f"{label}：未放入任何部分"
    role = KIND_ROLE.get(fact_kind)
    if fact_kind == FactKind.HONOUR and _has(kind, Role.HIGHLIGHTS):
        role = Role.HIGHLIGHTS
    if role == Role.PREAMBLE:
        return Role.PREAMBLE, f"{label} → 导语"
    if role and _has(kind, role):
        spec = next(s for s in kind.sections if s.role == role)
        return spec.key, f"{label} → {role.label}"
    placed = place(fact.text, index, kind.themes(), exclude_docs)
    theme = placed.theme or _fallback_theme(kind)
    fact.theme = theme
    spec = kind.section_for(theme)
    topic = spec.topic_for(theme)
    where = f"{THEME[theme].label}（{topic.headings[0] if topic else spec.headings[0]}）"
    return spec.key, f"{label} → {where}；{placed.reason}"


def _has(kind: ReportKind, role: Role) -> bool:
    return any(s.role == role for s in kind.sections)


def _fallback_theme(kind: ReportKind) -> str:
    first: SectionSpec = kind.measures()[0]
    return first.topics[0].themes[0]


GAP_NOTES = {
    Role.SHORTCOMINGS: "没有提供“存在的不足”方面的事实：草稿按本报告的工作领域给出了参考表述（标为通用表述），请按实际修改，不要照搬。",
    Role.FIRST_RESPONSIBLE: "没有提供主要负责人履职的事实（如带头学法、述法、主持研究法治工作）：草稿给出的是通用表述，请补充实际情况。",
    Role.PLANS: "没有提供下一步计划：草稿按本报告的工作领域给出了参考安排（标为通用表述），请按实际修改。",
}


def gaps(sections: list[Section]) -> list[str]:
    """What the user gave nothing for, where the draft must then offer marked suggestions."""
    return [GAP_NOTES[Role(s.role)] for s in sections if s.role in GAP_NOTES and not s.fact_ids]


def fragments(facts: list[Fact]) -> list[str]:
    """Facts that say nothing was done: questions for the user, left out of the draft."""
    return [f"{f.id}“{f.text[:24]}”{f.note}" for f in facts if f.kind == FactKind.FRAGMENT]
