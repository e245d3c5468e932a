"""Which pasted fact continues the one before it: its purpose, result, means or figures, the agenda
of the meeting before it, the second of a pair, what the leader did after the leader's duty. Such a
fact goes where the one it continues goes (arrange.py)."""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind, does_work, masked
from drafting.domain.themes import THEMES
from drafting.domain.types import Fact
from lexicon.areas import AREAS, areas
from lexicon.cues import (
    CONTINUATION_LEAD,
    MEANS_ONLY,
    PAIRED_OPENERS,
    YEAR_LEAD,
    acts_in_person,
    is_agenda,
)

OPEN_END = re.compile(r"[，,、：:]$")


def continues(fact: Fact, before: Fact | None) -> bool:
    """Whether a fact continues the one pasted before it: a connective or a purpose, result or means
    clause at its start (lexicon.cues.CONTINUATIONS), a word that points back (她们, 与会), the one
    before left open with a comma — unless it opens a sentence of its own with its year (2023年，…) —,
    the agenda of the meeting before it (研究解决…问题6项), the second of a pair (“线上”/“线下”), the
    means of the matter before it (利用村组广播…防灭火), or figures with nothing done (悬挂横幅20条、展出展板48块)."""
    if before is None:
        return False
    text = fact.text.strip()
    left_open = OPEN_END.search((before.pasted or before.text).strip()) and not YEAR_LEAD.match(text)
    tally = _counts_only(fact) and not areas(text) - areas(before.text)  # 发放助学金 after 信访 is work of its own
    in_person = before.kind == FactKind.DUTY and acts_in_person(text)
    return bool(fact.joined or left_open or is_agenda(text, before.text) or _paired(before.text, text)
                or CONTINUATION_LEAD.match(text)
                or POINTS_BACK.search(text[:8]) or MEANS_ONLY.match(text.rstrip("。；;")) or tally or in_person
                or _means_for(text, before.text))


MEANS_OPENER = re.compile(r"^(?:同时)?(?:利用|依托|借助|运用)")
GENERIC = re.compile(r"宣传|活动|工作|开展|法律|组织|群众|社区|知识|学习|培训")
HAN3 = re.compile(r"(?=([\u4e00-\u9fff]{3}))")
WORK_WORDS = re.compile("|".join([t.text_words.pattern for t in THEMES] + [w for ws in AREAS.values() for w in ws]))


def _means_for(text: str, before: str) -> bool:
    """A fact that opens with its means and names the matter of the fact before it is how that work
    was done (清明节期间…开展森林草原防灭火宣传活动 / 利用村组广播循环播放防灭火知识录音): they share
    three characters of their matter, not of any work's or work area's words (宣传活动, 家庭暴力)."""
    if not MEANS_OPENER.match(text):
        return False
    matter = WORK_WORDS.sub("□", text)  # the work areas' own words (家庭暴力, 普法) are no matter of one fact
    ours = {g for g in HAN3.findall(matter) if not GENERIC.search(g)}
    return any(g in before for g in ours)


def _paired(before: str, text: str) -> bool:
    """The second of a pair of openers (“线上”… then “线下”…, 一方面… then 另一方面…)."""
    first, second = before.strip().lstrip("“\"'"), text.strip().lstrip("“\"'")
    return any((first.startswith(a) and second.startswith(b)) or (first.startswith(b) and second.startswith(a))
               for a, b in PAIRED_OPENERS)


POINTS_BACK = re.compile(r"^(?:她们|他们|其|此项|该项|上述)|她们|与会")
"""Words that point back to the fact before: 鼓励她们…, 带领与会人员…"""
TALLY = re.compile(r"^(?:悬挂|展出|张贴|发放|覆盖|受益|参与|参加)")


def _counts_only(fact: Fact) -> bool:
    """Figures of an activity named before: a tally (悬挂横幅20条、展出展板48块), or figures with no
    action at all (…等志愿活动10余次)."""
    text = fact.text.strip()
    if fact.figures and len(text) <= 30 and TALLY.match(text):
        return True
    return bool(fact.figures) and not does_work(masked(text))
