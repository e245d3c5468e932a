"""Where each fact goes, read in the order it was pasted.

Staff paste facts in the order of the report they come from, so facts pasted one after another
usually belong together. A fact's own type decides its role first (classify.py); then its place
among the others decides the rest:

- a fact that continues the one before (其中…, 同时…, 通过…, 切实提高…, a sentence the one before
  left open with a comma) goes where that one goes;
- framing (在…领导下, 立足…, 始终将…作为…来抓) opens the report when it comes before any work, and
  otherwise leads the group of work it stands in — never an item of its own;
- a mention of the 第一责任人 duty among the work of organising and leading stays with that work,
  as real reports file it; the leader acting in person (带头讲授, 主持召开) goes to 第一责任人;
- an activity stays in the work area of the facts pasted next to it unless the corpus vote is
  clearly for another one, and a weak vote (a title's words, a few words like a corpus sentence)
  does not pull it away (runs.py); a fact nobody can place is asked about, not filed under a theme
  that would then assert what it does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.domain.classify import FactKind, leader_acts, names_duty
from drafting.domain.kinds import ReportKind
from drafting.domain.types import Fact
from lexicon.roles import Role

from .continuation import continues
from .placement import Placed, place
from .runs import Step, Unit, best_run, unit_of

SENTENCE_GOES_ON = re.compile(r"[；;]$")
UNSURE = 0.34
"""Below this share of the vote, a fact that starts a new group is asked about."""
ROLE_OF_KIND = {FactKind.PROBLEM: Role.SHORTCOMINGS, FactKind.PLAN: Role.PLANS}


@dataclass
class Filing:
    """Where one fact goes and why."""

    role: str
    """The role of the section it goes to ('' for none: a fragment)."""
    theme: str = ""
    """The work area of a measures fact."""
    reason: str = ""
    lead: bool = False
    """A framing statement that opens its group instead of being an item."""
    follows: str = ""
    """The fact it continues, if any."""
    question: str = ""


def arrange(facts: list[Fact], kind: ReportKind, index=None, exclude_docs=()) -> dict[str, Filing]:
    """Fact id → its filing, for facts already typed (classify_all)."""
    filings: dict[str, Filing] = {}
    own = [f for f in facts if not f.derived]
    for n, fact in enumerate(own):
        before = own[n - 1] if n else None
        filings[fact.id] = _by_kind(fact, before, own, n, kind)
    _opening_honours(own, filings)
    _place_work(own, filings, kind, index, exclude_docs)
    _frame(own, filings, kind)
    return filings


def _opening_honours(facts: list[Fact], filings: dict[str, Filing]) -> None:
    """Honours pasted before any work open the report (一年来…获评…), as real openings list them;
    a kind with a 工作亮点 section has already sent them there."""
    for fact in facts:
        kind = FactKind(fact.kind)
        if kind == FactKind.GUIDING:
            continue
        if kind != FactKind.HONOUR:
            return
        filing = filings[fact.id]
        if filing.role == Role.MEASURES:
            filing.role, filing.reason = Role.PREAMBLE, "荣誉表彰（列在开篇）→ 导语"


def _by_kind(fact: Fact, before: Fact | None, facts: list[Fact], n: int, kind: ReportKind) -> Filing:
    fact_kind = FactKind(fact.kind)
    label = fact_kind.label
    follows = before.id if continues(fact, before) and not _counts_after_framing(fact, before) else ""
    if fact_kind == FactKind.FRAGMENT:
        return Filing("", reason=f"{label}：未放入任何部分")
    if fact_kind in ROLE_OF_KIND and _has(kind, ROLE_OF_KIND[fact_kind]):
        role = ROLE_OF_KIND[fact_kind]
        return Filing(role, reason=f"{label} → {role.label}")
    if fact_kind == FactKind.HONOUR and _has(kind, Role.HIGHLIGHTS):
        return Filing(Role.HIGHLIGHTS, reason=f"{label} → {Role.HIGHLIGHTS.label}")
    acted_for = follows and not leader_acts(fact.text) and not names_duty(fact.text) and before.kind != FactKind.DUTY
    if fact_kind == FactKind.DUTY and _has(kind, Role.FIRST_RESPONSIBLE) and not acted_for \
            and _in_person(fact, facts, n):
        return Filing(Role.FIRST_RESPONSIBLE, reason=f"{label} → {Role.FIRST_RESPONSIBLE.label}")
    if fact_kind == FactKind.GUIDING and not follows:
        return Filing(Role.PREAMBLE, reason=f"{label} → 导语", lead=True)
    return Filing(Role.MEASURES, follows=follows)


def _counts_after_framing(fact: Fact, before: Fact) -> bool:
    """Work with figures of its own after a guiding statement (团结依靠…着力打造“美好白杨家” /
    累计排查居民17.34万人) does not continue it: framing has no result to count, and the pair would
    glue the preamble's line to the figures."""
    return before.kind == FactKind.GUIDING and bool(fact.figures) and fact.kind != FactKind.GUIDING


def _in_person(fact: Fact, facts: list[Fact], n: int) -> bool:
    """The leader acting in person (带头学法, 宣誓并讲话), or a duty pasted next to another: a 第一责任人
    section of its own. A fact that names the duty (履行…第一责任人职责, 执行《…职责规定》) among the
    work of organising and leading stays there, as real reports file it."""
    if leader_acts(fact.text) and not names_duty(fact.text):
        return True
    near = [facts[i] for i in (n - 1, n + 1) if 0 <= i < len(facts)]
    return any(f.kind == FactKind.DUTY for f in near) or not any(f.kind in WORK for f in near)


WORK = (FactKind.ACTIVITY, FactKind.EVENT, FactKind.HONOUR)


def _place_work(facts: list[Fact], filings: dict[str, Filing], kind: ReportKind, index, exclude_docs) -> None:
    """Themes for the measures facts, the run of them at once (runs.py): a fact keeps the area of its
    neighbours unless its own vote is clearly elsewhere; a continuation always keeps it."""
    allowed = kind.themes()
    run: list[tuple[Fact, Step]] = []
    apart = False
    for fact in facts:
        filing = filings[fact.id]
        if filing.role != Role.MEASURES or FactKind(fact.kind) == FactKind.GUIDING:
            apart = apart or filing.role not in ("", Role.MEASURES, Role.PREAMBLE)
            continue
        head = filings.get(filing.follows)
        if head and head.role not in (Role.MEASURES, Role.PREAMBLE):  # it continues a problem, a plan, a duty
            filing.role, filing.theme, filing.reason = head.role, head.theme, f"接续 {filing.follows}"
            apart = True
            continue
        if run and head and run[-1][0].id == filing.follows:
            # it goes where the fact it continues goes, and what it says is evidence of where that is
            run.append((fact, Step(place(fact.pasted or fact.text, index, allowed, exclude_docs), joined=True)))
            continue
        pasted = fact.pasted or fact.text  # as pasted: making the prose official never moves a fact
        # The duty named among the work of organising stays with it; the leader's own study, 述法 or
        # 带队 work is filed by what it is about.
        placed = _duty_placed() if FactKind(fact.kind) == FactKind.DUTY and "第一责任人" in fact.text \
            else place(pasted, index, allowed, exclude_docs)
        runs_on = bool(run) and SENTENCE_GOES_ON.search(run[-1][0].text.strip()) is not None
        run.append((fact, Step(placed, runs_on=runs_on, apart=apart)))
        apart = False
    units = best_run([step for _, step in run], kind, _fallback(kind))
    for n, ((fact, step), unit) in enumerate(zip(run, units, strict=True)):
        filing = filings[fact.id]
        if step.joined:
            filing.theme, filing.reason = run[n - 1][0].theme, f"接续 {filing.follows}，与之同属一项工作"
        else:
            near = (units[n - 1] if n else None, units[n + 1] if n + 1 < len(units) else None)
            filing.theme, filing.reason, filing.question = _choose(fact, step.placed, unit, near, kind)
        fact.theme = filing.theme
        fact.unsure = bool(filing.question)


def _duty_placed() -> Placed:
    return Placed("mechanism", 1.0, "第一责任人职责的落实，与组织领导工作放在一起", (("mechanism", 1.0),), weight=1.0)


def _choose(fact: Fact, placed: Placed, unit: Unit, near: tuple[Unit | None, Unit | None],
            kind: ReportKind) -> tuple[str, str, str]:
    """(theme, reason, question) of a fact the run put in `unit`, between the units of the facts
    before and after it (`near`)."""
    label = FactKind(fact.kind).label
    own = [theme for theme, _ in placed.scores if unit_of(kind, theme) == unit]
    theme = own[0] if own else _theme_in(unit, kind)
    ask = f"{fact.id} 放在哪一部分？工具拿不准，请在提纲中确认或移动。"
    if placed.theme and unit_of(kind, placed.theme) == unit:
        unsure = placed.confidence < UNSURE and unit != near[0]
        return theme, f"{label} → {_area(theme)}；{placed.reason}", ask if unsure else ""
    if unit in near:
        side = "前" if unit == near[0] else "后"
        return theme, f"{label} → 与{side}一条同属一项工作（{_area(theme)}）", ""
    return theme, f"{label} → {_area(theme)}；{placed.reason}", ask


def _theme_in(unit: Unit, kind: ReportKind) -> str:
    """The main theme of a unit no vote named (a fact nobody could place, filed with its neighbours)."""
    spec = next((s for s in kind.measures() if s.key == unit[0]), kind.measures()[0])
    topic = next((t for t in spec.topics if t.key == unit[1]), None)
    return topic.themes[0] if topic else unit[1]


def _frame(facts: list[Fact], filings: dict[str, Filing], kind: ReportKind) -> None:
    """Framing among the work leads the group of the work after it; after all the work, it is said
    after the last of it as its aim."""
    seen_work = False
    for n, fact in enumerate(facts):
        filing = filings[fact.id]
        if FactKind(fact.kind) != FactKind.GUIDING:
            seen_work = seen_work or filing.role == Role.MEASURES
            continue
        opens_next = n + 1 < len(facts) and filings[facts[n + 1].id].follows == fact.id
        if not seen_work and not filing.follows and not opens_next:
            continue  # before any work: it frames the preamble
        head = filings.get(filing.follows)
        if head is not None and head.role:  # 切实提高…: the purpose of the work before it, said after it
            filing.role, filing.theme, filing.lead = head.role, head.theme, False
            filing.reason = f"接续 {filing.follows}（写明其目的）"
            fact.theme = head.theme
            continue
        last = _last_work(facts, filings, n)
        if last is not None:  # framing after all the work: the aim of the last of it, said after it
            filing.role, filing.theme, filing.lead, filing.follows = filings[last.id].role, last.theme, False, last.id
            filing.reason = f"接续 {last.id}（最后一项工作之后的要求或目标）"
            fact.theme = last.theme
            continue
        neighbour = _nearest_work(facts, filings, n)
        if neighbour is None:
            filing.role, filing.lead, filing.reason = Role.PREAMBLE, True, "指导思想/背景 → 导语"
            continue
        filing.role, filing.theme, filing.lead = neighbour.role, neighbour.theme, True
        filing.reason = "指导性表述：作为所在一组工作的引领语，不单列为一项"
        fact.theme = neighbour.theme


def _last_work(facts: list[Fact], filings: dict[str, Filing], n: int) -> Fact | None:
    """The measures fact just before framing that no measures work follows (…表扬了一批先进典型 /
    不断创新工作方式、方法，努力提高妇联工作的层次和水平): none when work comes after it."""
    work = [i for i, f in enumerate(facts) if _is_work(f, filings)]
    if not work or work[-1] > n:
        return None
    return facts[work[-1]]


def _nearest_work(facts: list[Fact], filings: dict[str, Filing], n: int) -> Filing | None:
    after = [filings[f.id] for f in facts[n + 1:] if _is_work(f, filings)]
    before = [filings[f.id] for f in reversed(facts[:n]) if _is_work(f, filings)]
    if filings[facts[n].id].follows and before:
        return before[0]
    return (after or before or [None])[0]


def _is_work(fact: Fact, filings: dict[str, Filing]) -> bool:
    """A fact filed as measures work, not framing."""
    return filings[fact.id].role == Role.MEASURES and FactKind(fact.kind) != FactKind.GUIDING


def _area(theme: str) -> str:
    from drafting.domain.themes import THEME

    return THEME[theme].label if theme in THEME else theme


def _fallback(kind: ReportKind) -> str:
    return kind.measures()[0].topics[0].themes[0]


def _has(kind: ReportKind, role: Role) -> bool:
    return any(s.role == role for s in kind.sections)
