"""The words every template may use, worked out from the profile and the writing date.

Templates in kinds.py and the composer say {short} for the self-name, {party} for 县委, {rule_of_law}
for 全面依法治县, {guiding} for the study clause right for the writing date, and so on: no template
decides a level or a year itself.
"""

from __future__ import annotations

from .kinds import ReportKind, SectionSpec, get_kind, shaped
from .meta import written_on
from .phrases import VOICE_WORDS, neutral
from .profile import OrgProfile, profile_for
from .timeline import congress_phrase, guiding_phrase, ideology, laws_in_force, rule_of_law_thought
from .types import DraftMeta


def profile_of(meta: DraftMeta) -> OrgProfile:
    """The organisation profile of a draft, with the fields the user corrected."""
    return profile_for(meta.org, meta.level, meta.body, meta.short_name, meta.addressee, meta.leader_title)


def words_for(meta: DraftMeta) -> dict[str, str]:
    """The values every template may use."""
    profile = profile_of(meta)
    level = profile.words
    when = written_on(meta)
    half = meta.period == "half"
    federation = profile.federation
    voice = VOICE_WORDS[profile.voice]
    return voice | {
        "org": meta.org, "short": profile.self_name, "we": profile.we, "year": str(meta.year),
        "next_year": str(meta.year + 1), "party": profile.party, "government": level.government,
        "party_gov": profile.led_by, "own_party": profile.own_party,
        "rule_of_law": level.rule_of_law, "area": level.area, "leader": profile.leader_title,
        "superior": profile.superior,
        "group_study": profile.study_group + "学习" if profile.study_group else "干部集体学习",
        "period": f"{meta.year}年上半年" if half else f"{meta.year}年",
        "next_period": f"{meta.year}年下半年" if half else f"{meta.year + 1}年",
        "ahead": "下半年" if half else "新的一年",
        "far": ("偏远地区" if level.rural else "基层") + ("妇女群众" if federation else "群众"),
        "guiding": guiding_phrase(when), "ideology": ideology(when), "congress": congress_phrase(when),
        "guiding_work": f"深入学习贯彻{congress_phrase(when)}" + (
            "，认真贯彻习近平总书记关于妇女儿童和妇联工作的重要论述" if federation and when.year >= 2018 else ""),
        "study": rule_of_law_thought(when),
        "laws": "".join(f"《{name}》" for name in laws_in_force(when)[-3:]) if federation else "《宪法》《民法典》",
    }


def kind_of(meta: DraftMeta) -> ReportKind:
    """The draft's kind with its sections: a government body's work areas or a federation's, and
    the shape the draft asks for."""
    return shaped(get_kind(meta.report_type), meta.shape, profile_of(meta).federation)


def named_spec(heading: str, role: str, meta: DraftMeta) -> SectionSpec | None:
    """The kind's section whose heading (filled for this draft) is `heading`; None for a section the
    user added or renamed."""
    return next((spec for spec in kind_of(meta).sections if spec.role == role
                 and any(fill(h, meta) == heading for h in spec.headings)), None)


def fill(template: str, meta: DraftMeta) -> str:
    """A template in the organisation's words; a government or a department gets neutral wording."""
    return in_words(template, words_for(meta), profile_of(meta).federation)


def in_words(template: str, words: dict[str, str], federation: bool) -> str:
    """A template filled with words already worked out (fill, when they are not)."""
    text = template.format(**words)
    return text if federation else neutral(text)
