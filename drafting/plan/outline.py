"""The outline: the report kind's sections, each with the facts it will carry and why.

A fact's type decides its role first (classify.py): problems to 不足, plans to 下一步, the leader's
own actions to 第一责任人, guiding statements to the preamble, honours in a work summary to 工作亮点.
Activities are filed by theme, from where sentences like them sit in real reports (placement.py).
Fragments are left out of every section — they are questions for the user, shown in the outline
table, and written only if the user moves them into a section.
"""

from __future__ import annotations

from drafting.domain.classify import FactKind, classify_all
from drafting.domain.kinds import ReportKind
from drafting.domain.types import DraftMeta, Fact, Section
from drafting.domain.wording import fill
from lexicon.roles import Role

from .arrange import Filing, arrange


def make_outline(facts: list[Fact], kind: ReportKind, meta: DraftMeta, index=None,
                 exclude_docs: tuple[str, ...] = ()) -> list[Section]:
    """The report's sections, each with the ids of the facts it will carry and why each is there."""
    classify_all(facts, meta)
    filings = arrange(facts, kind, index, exclude_docs)
    assigned: dict[str, list[str]] = {Role.PREAMBLE: [], **{s.key: [] for s in kind.sections}}
    for fact in facts:
        filing = filings.get(fact.id)
        if filing is None:
            continue  # comparisons with last year follow their fact (continuity.accept_comparisons)
        fact.follows = filing.follows
        if filing.question and filing.question not in fact.note:
            fact.note = f"{fact.note} {filing.question}".strip()
        key = _section_key(filing, kind)
        if key:
            assigned[key].append(fact.id)
    reasons = {f: filings[f].reason for f in filings}
    sections = [Section(id="s0", role=Role.PREAMBLE, heading="", fact_ids=assigned[Role.PREAMBLE],
                        placement={f: reasons[f] for f in assigned[Role.PREAMBLE]})]
    kept_measures = [s.key for s in kind.measures() if assigned[s.key]] or [kind.measures()[0].key]
    for spec in kind.sections:
        left_out = not spec.required or (spec.role == Role.MEASURES and spec.key not in kept_measures)
        if not assigned[spec.key] and left_out:
            continue  # a measures section with nothing to say is left out, not filled with stock text
        ids = assigned[spec.key]
        sections.append(Section(id=f"s{len(sections)}", role=spec.role, heading=fill(spec.headings[0], meta),
                                fact_ids=ids, placement={f: reasons[f] for f in ids}))
    return sections


def _section_key(filing: Filing, kind: ReportKind) -> str:
    if not filing.role:
        return ""
    if filing.role == Role.PREAMBLE:
        return Role.PREAMBLE
    if filing.role == Role.MEASURES:
        return kind.section_for(filing.theme).key
    return next(s.key for s in kind.sections if s.role == filing.role)


GAP_NOTES = {
    Role.SHORTCOMINGS: "没有提供“存在的不足”方面的事实：草稿按本报告的工作领域给出了参考表述（标为通用表述），"
                       "请按实际修改，不要照搬。",
    Role.FIRST_RESPONSIBLE: "没有提供主要负责人履职的事实（如带头学法、述法、主持研究法治工作）：草稿给出的是通用表述，"
                            "请补充实际情况。",
    Role.PLANS: "没有提供下一步计划：草稿按本报告的工作领域给出了参考安排（标为通用表述），请按实际修改。",
}


def gaps(sections: list[Section], facts: list[Fact] = ()) -> list[str]:
    """What the user gave nothing for, where the draft must then offer marked suggestions. A duty
    filed with the work of organising (as real reports file it) is named, not said to be missing."""
    notes = []
    for section in sections:
        if section.role not in GAP_NOTES or section.fact_ids:
            continue
        duties = [f.id for f in facts if f.kind == FactKind.DUTY] if section.role == Role.FIRST_RESPONSIBLE else []
        notes.append(DUTY_ELSEWHERE.format(ids="、".join(duties)) if duties else GAP_NOTES[Role(section.role)])
    return notes


DUTY_ELSEWHERE = ("{ids} 讲到了第一责任人职责或领导干部述法、学法，按真实报告的常见写法放在举措部分的相关工作中；"
                  "第一责任人部分现为通用表述：可把 {ids} 移到这一部分，或补充主要负责人本人履职的事实。")


def refresh_gaps(warnings: list[str], sections: list[Section]) -> list[str]:
    """The draft's warnings with the gaps as they are now: a gap the user filled (a fact moved into
    第一责任人) is no longer said, in the app, the Markdown or the Word file."""
    return [w for w in warnings if w not in GAP_NOTES.values()] + gaps(sections)


def fragments(facts: list[Fact]) -> list[str]:
    """Facts that say nothing was done: questions for the user, left out of the draft."""
    return [f"{f.id}“{f.text[:24]}”{f.note}" for f in facts if f.kind == FactKind.FRAGMENT]
