"""事实归位: every fact where a drafter would file it, read a second way.

The outline files facts by their type and by the corpus's votes (drafting/plan/arrange.py); this
check must be able to catch its mistakes, so it reads the work area differently: the words of the
fact against the words of the heading it stands under — the （一） subheading when it stands in
one — by lexicon/areas.py's own table. A fact whose words plainly name one area, under a heading
that names only others, is a disagreement. A fact the user moved is theirs to place: a
disagreement is said once as a reminder, never a failure.
"""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind, classify, names_duty
from drafting.domain.guard import ForeignGuard
from drafting.domain.types import USER_PLACED, Draft, Section
from drafting.domain.wording import kind_of
from lexicon.areas import area_counts, areas, near
from lexicon.cues import CONTINUATION_LEAD, acts_in_person, is_agenda
from lexicon.roles import Role

from .base import CheckResult

EXPECTED_ROLE = {FactKind.PROBLEM: Role.SHORTCOMINGS, FactKind.PLAN: Role.PLANS,
                 FactKind.DUTY: Role.FIRST_RESPONSIBLE, FactKind.GUIDING: Role.PREAMBLE}
ALSO_FITS = {FactKind.GUIDING: (Role.MEASURES, Role.HIGHLIGHTS), FactKind.HONOUR: (Role.PREAMBLE,)}
"""Where a drafter also files a kind of fact: framing as the lead of a group of work, honours listed
in the opening (一年来，…获评…)."""
LEADERSHIP = ("mechanism", "party")
"""The work areas of 组织领导, where real reports file a duty mentioned among that work."""
MOVED = USER_PLACED
"""The placement reason of a fact the user moved: the user's filing is the truth for this draft."""
SUBHEAD = re.compile(r"^（[一二三四五六七八九十]+）([^。]*)")
PLAIN = 2
"""How many of one area's words make a fact plainly about that area."""


def placement(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Each fact in a section of its kind, and under a heading of its work area."""
    result = CheckResult("placement", "事实归位")
    roles = {s.role for s in kind_of(draft.meta).sections} | {Role.PREAMBLE}
    for section in draft.sections:
        for fact_id in section.fact_ids:
            fact = draft.fact(fact_id)
            if fact is None or fact.derived:
                continue
            problem = _misplaced(fact, section, draft, roles)
            if not problem:
                continue
            if section.placement.get(fact_id, "").startswith(MOVED):
                result.reminders.append(f"{problem}（这是您的安排，仅供参考）")
            else:
                result.add(problem, section.id)
    return result


def _misplaced(fact, section: Section, draft: Draft, roles: set) -> str:
    fact_kind = FactKind(fact.kind) if fact.kind else classify(fact, draft.meta)
    where = section.heading or "导语"
    if fact_kind == FactKind.FRAGMENT:
        return f"{fact.id}“{fact.text[:20]}”缺少“做了什么”，不能作为一项工作写入"
    expected = EXPECTED_ROLE.get(fact_kind, Role.MEASURES)
    if expected not in roles or _also_fits(fact, fact_kind, section, draft):
        return ""
    if section.role != expected and not (expected == Role.MEASURES and section.role in (Role.HIGHLIGHTS, Role.OTHER)):
        return f"{fact.id}（{fact_kind.label}）放在“{where}”中，应放在“{expected.label}”部分"
    if section.role == Role.MEASURES and fact_kind != FactKind.GUIDING and not fact.unsure:
        heading = unit_heading(section, fact.id)
        if _other_area(fact.text, heading):
            return f"{fact.id} 讲的是{'、'.join(_named(fact.text))}方面的工作，与标题“{heading}”不符，请确认是否放错"
    return ""


def _also_fits(fact, fact_kind: FactKind, section: Section, draft: Draft) -> bool:
    """A filing a drafter makes besides the usual one: framing leading its work, opening honours, the
    leader's duty among the work of organising and leading (组织领导), and a fact that continues the
    fact pasted before it (确保…, 其中…, the agenda of the meeting before it, what the leader did in person)
    in that fact's section."""
    if section.role in ALSO_FITS.get(fact_kind, ()):
        return True
    among_work = fact.theme in LEADERSHIP or names_duty(fact.text)
    if fact_kind == FactKind.DUTY and section.role == Role.MEASURES and among_work:
        return True  # 述法 and the duty's name stand with the work they are part of (学法, 组织领导)
    number = int(fact.id[1:]) if fact.id[1:].isdigit() else 0
    before = draft.fact(f"F{number - 1}") if f"F{number - 1}" in section.fact_ids else None
    if before is None:
        return False
    # 全年牵头开展… after the leader's duty: the leader's own work, with no subject of its own
    in_person = section.role == Role.FIRST_RESPONSIBLE and acts_in_person(fact.text)
    return bool(fact.joined or CONTINUATION_LEAD.match(fact.text) or is_agenda(fact.text, before.text) or in_person)


def unit_heading(section: Section, fact_id: str) -> str:
    """The heading a fact stands under: its （一） subheading, else its section's."""
    for paragraph in section.text.split("\n"):
        if f"【{fact_id}】" in paragraph:
            sub = SUBHEAD.match(paragraph.strip())
            return sub.group(1) if sub else section.heading
    return section.heading


def _other_area(text: str, heading: str) -> bool:
    """The fact's words plainly name an area its heading does not, and none of them is the heading's
    area or its kin (学法 under 党建引领 is how real reports file it)."""
    named, counts = areas(heading), area_counts(text)
    if not named or not counts or max(counts.values()) < PLAIN:
        return False
    return not set().union(*(near(a) for a in named)) & set(counts)


def _named(text: str) -> list[str]:
    counts = area_counts(text)
    top = max(counts.values())
    return [AREA_LABELS.get(a, a) for a, n in counts.items() if n == top]


AREA_LABELS = {"study": "学法", "leadership": "组织领导", "publicity": "普法宣传", "rights": "维权",
               "care": "关爱帮扶", "ideology": "思想引领", "development": "发展", "family": "家庭",
               "decision": "依法决策", "enforcement": "执法", "supervision": "监督", "organisation": "组织建设",
               "honours": "先进典型", "innovation": "创新"}
