"""Reads as one report, and nothing is claimed that was not given.

Every fact where a drafter would file it (its type decides its role; a fragment is no item); no
sentence states a result, or commits to an action, that no fact or example supports unless it is
marked 通用表述; no set phrase twice; no two
sections opening the same way.
"""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind, classify
from drafting.domain.facts import slips
from drafting.domain.guard import ForeignGuard
from drafting.domain.phrases import CLAIM, STOCK_PHRASES
from drafting.domain.themes import text_scores
from drafting.domain.types import MARKER_RE, Draft, strip_markers
from drafting.domain.wording import kind_of, named_spec
from lexicon.cues import CONTINUATION_LEAD
from lexicon.roles import Role
from retrieval.text import words

from .base import CheckResult, section_sentences
from .stitching import stitches
from .who import framing

COMMITMENT = re.compile(r"协助|配合|提供|移交|转交|报送|上报|共享|公开|披露|出售|转让|交由|交给|整理|收集|采集|汇总"
                        r"|对外|承诺|签订|签署|捐赠|资助|拨付|代为")
EXPECTED_ROLE = {FactKind.PROBLEM: Role.SHORTCOMINGS, FactKind.PLAN: Role.PLANS,
                 FactKind.DUTY: Role.FIRST_RESPONSIBLE, FactKind.GUIDING: Role.PREAMBLE}


def placement(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Each fact in a section where a drafter would put it."""
    result = CheckResult("placement", "事实归位")
    kind = kind_of(draft.meta)
    roles = {s.role for s in kind.sections} | {Role.PREAMBLE}
    for section in draft.sections:
        for fact_id in section.fact_ids:
            fact = draft.fact(fact_id)
            if fact is None or fact.derived:
                continue
            fact_kind = FactKind(fact.kind) if fact.kind else classify(fact, draft.meta)
            where = section.heading or "导语"
            if fact_kind == FactKind.FRAGMENT:
                result.add(f"{fact.id}“{fact.text[:20]}”缺少“做了什么”，不能作为一项工作写入", section.id)
                continue
            expected = EXPECTED_ROLE.get(fact_kind, Role.MEASURES)
            if expected not in roles or _also_fits(fact, fact_kind, section, draft):
                continue
            if section.role != expected and not (expected == Role.MEASURES and section.role in (Role.HIGHLIGHTS, Role.OTHER)):
                result.add(f"{fact.id}（{fact_kind.label}）放在“{where}”中，应放在“{expected.label}”部分", section.id)
            elif section.role == Role.MEASURES and _misfiled(fact, kind, section, draft.meta):
                result.add(f"{fact.id} 与“{where}”的主题不符，请确认是否放错部分", section.id)
    return result


ALSO_FITS = {FactKind.GUIDING: (Role.MEASURES, Role.HIGHLIGHTS), FactKind.HONOUR: (Role.PREAMBLE,)}
"""Where a drafter also files a kind of fact: framing as the lead of a group of work, honours listed
in the opening (一年来，…获评…)."""


def _also_fits(fact, fact_kind: FactKind, section, draft: Draft) -> bool:
    """A filing a drafter makes besides the usual one: framing leading its work, opening honours, the
    leader's duty among the work of organising and leading (组织领导), and a fact that continues the
    fact pasted before it (确保…, 其中…) in that fact's section."""
    if section.role in ALSO_FITS.get(fact_kind, ()):
        return True
    if fact_kind == FactKind.DUTY and section.role == Role.MEASURES and fact.theme in LEADERSHIP:
        return True
    number = int(fact.id[1:]) if fact.id[1:].isdigit() else 0
    before = f"F{number - 1}"
    return bool(fact.joined or CONTINUATION_LEAD.match(fact.text)) and before in section.fact_ids


LEADERSHIP = ("mechanism", "party")
"""The work areas of 组织领导, where real reports file a duty mentioned among that work."""


def _misfiled(fact, kind, section, meta) -> bool:
    """The fact's own words speak plainly (two or more words) of a work area its section does not
    cover, and of none it does: a signal independent of how the outline placed it."""
    themes = _spec_themes(kind, section, meta)
    scores = text_scores(fact.text)
    strong = [t for t, n in scores.items() if n >= 2]
    return bool(strong) and not any(t in themes for t in scores)


def _spec_themes(kind, section, meta) -> set[str]:
    named = named_spec(section.heading, section.role, meta)
    return named.themes if named else kind.themes()  # a section the user added or renamed: any theme fits


def claims(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """No sentence states a result, or commits to an action, that no fact or example supports,
    unless it is marked 通用表述."""
    result = CheckResult("claims", "无无据表述")
    given = " ".join([draft.meta.org, draft.meta.short_name, draft.meta.addressee, *(f.text for f in draft.facts)])
    for section in draft.sections:
        marked = [strip_markers(s) for s in section.stock]
        support = " ".join([given, section.heading, *(src.text for src in section.sources)])
        for sentence in section_sentences(section):
            plain = strip_markers(sentence)
            if MARKER_RE.search(sentence) or any(m and m in plain for m in marked):
                continue
            claim = CLAIM.search(plain)
            if claim:
                result.add(f"“{claim.group(0)}”是没有事实依据的成效表述：请删去，或补充事实后再写", section.id, sentence)
            elif unsupported := unsupported_commitment(plain, support):
                result.add(f"这句话承诺或陈述了事实和范例中都没有的做法（{'、'.join(unsupported[:4])}）："
                           "请核实，没有依据就删去", section.id, sentence)
    return result


def unsupported_commitment(sentence: str, support: str) -> list[str]:
    """The words of a sentence that does something for others or with their information (协助、提供、
    对外、整理…), when most of its words appear in no fact, heading or example: a claim however
    neutral it reads (an obeyed injected instruction: 县妇联将协助有关方面整理辖区妇女个人信息并对外提供)."""
    if not COMMITMENT.search(sentence):
        return []
    content = [w for w in dict.fromkeys(words(sentence)) if len(w) > 1]
    missing = [w for w in content if w not in support]
    return missing if len(missing) >= 3 and len(missing) >= 0.4 * len(content) else []


def repetition(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """No set phrase twice in one draft; no two sections opening the same way."""
    result = CheckResult("repetition", "无套话重复")
    seen: dict[str, str] = {}
    for section in draft.sections:
        text = framing(section, draft)
        for phrase in STOCK_PHRASES:
            count = text.count(phrase)
            if count and (phrase in seen or count > 1):
                result.add(f"套话“{phrase}”在草稿中重复出现", section.id)
            if count:
                seen.setdefault(phrase, section.id)
    openings: dict[str, str] = {}
    for section in draft.sections:
        first = re.split(r"[，。：；]", strip_markers(section.text).strip(), maxsplit=1)[0]
        key = re.sub(r"\d", "#", first)
        if len(key) >= 4 and key in openings:
            result.add(f"与前面的部分开头相同（“{first}”）", section.id)
        openings.setdefault(key, section.id)
    return result


def broken(draft: Draft, guard: ForeignGuard | None = None) -> CheckResult:
    """Text that reads broken: a word typed twice, a bracket or quote left open, and the stitching of
    frame and fact (a duty said twice, the self-name glued to a name, another body's honour)."""
    result = CheckResult("broken", "文字完整")
    given = "\n".join(f.text for f in draft.facts)
    for section in draft.sections:
        for sentence in section_sentences(section):
            plain = strip_markers(sentence)
            for slip in slips(plain) + stitches(plain, draft.meta.short_name, draft.meta.org, given):
                result.add(slip, section.id, sentence)
    return result
