"""Which pasted fact continues the one before it: its purpose, result, means or figures, the agenda
of the meeting before it, the second of a pair, what the leader did after the leader's duty. Such a
fact goes where the one it continues goes (arrange.py)."""

from __future__ import annotations

import re

from drafting.domain.classify import FactKind, does_work, masked
from drafting.domain.types import Fact
from lexicon.areas import areas
from lexicon.cues import (
    AGENDA_LEAD,
    CONTINUATION_LEAD,
    IN_PERSON_LEAD,
    MEANS_ONLY,
    MEETING,
    PAIRED_OPENERS,
    YEAR_LEAD,
)

OPEN_END = re.compile(r"[，,、：:]$")


def continues(fact: Fact, before: Fact | None) -> bool:
    """Whether a fact continues the one pasted before it: a connective or a purpose, result or means
    clause at its start (lexicon.cues.CONTINUATIONS), a word that points back (她们, 与会), the one
    before left open with a comma — unless it opens a sentence of its own with its year (2023年，…) —,
    the agenda of the meeting before it (研究解决…问题6项), the second of a pair (“线上”/“线下”), or
    figures with nothing done (悬挂横幅20条、展出展板48块)."""
    if before is None:
        return False
    text = fact.text.strip()
    left_open = OPEN_END.search((before.pasted or before.text).strip()) and not YEAR_LEAD.match(text)
    agenda = AGENDA_LEAD.match(text) and MEETING.search(before.text)
    tally = _counts_only(fact) and not areas(text) - areas(before.text)  # 发放助学金 after 信访 is work of its own
    in_person = before.kind == FactKind.DUTY and IN_PERSON_LEAD.match(YEAR_LEAD.sub("", text))
    return bool(fact.joined or left_open or agenda or _paired(before.text, text) or CONTINUATION_LEAD.match(text)
                or POINTS_BACK.search(text[:8]) or MEANS_ONLY.match(text.rstrip("。；;")) or tally or in_person)


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
