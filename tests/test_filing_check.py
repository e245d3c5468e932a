"""事实归位 reads a fact's work area a second way (lexicon/areas.py against the heading it stands
under), so that it can catch the outline's mistakes instead of repeating them — and it never argues
with a user who moved a fact."""

from __future__ import annotations

from drafting.domain.meta import build_meta
from drafting.domain.types import Draft, Fact, Section
from drafting.review.filing import MOVED, placement

META = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
STUDY = Fact("F1", "党组书记带头学习法律知识，组织机关干部集中学法4次", kind="activity", theme="publicity")
PUBLICITY = Fact("F2", "开展普法宣传28场次", kind="activity", theme="publicity")


def _draft(text: str, placed: dict | None = None) -> Draft:
    section = Section("s1", "measures", "2024年推进法治政府建设的主要举措和成效", text, ["F1", "F2"],
                      placement=placed or {})
    return Draft(META, [STUDY, PUBLICITY], [section])


def test_a_study_fact_under_a_publicity_subheading_is_caught():
    draft = _draft("（一）深化普法宣传教育，营造良好法治氛围。党组书记带头学习法律知识，组织机关干部集中学法4次【F1】；"
                   "开展普法宣传28场次【F2】。")
    result = placement(draft)
    assert not result.passed
    assert "F1 讲的是学法" in result.findings[0].message and "深化普法宣传教育" in result.findings[0].message


def test_the_same_fact_under_a_study_subheading_passes():
    draft = _draft("（一）加强学法用法，提升法治素养。党组书记带头学习法律知识，组织机关干部集中学法4次【F1】。\n"
                   "（二）深化普法宣传教育，营造良好法治氛围。开展普法宣传28场次【F2】。")
    assert placement(draft).passed


def test_areas_a_heading_may_lump_together_are_no_disagreement():
    """学法 under 党建引领 is how real reports file it (长治市司法局: 一是加强政治建设)."""
    draft = _draft("（一）坚持党建引领，加强政治建设。党组书记带头学习法律知识，组织机关干部集中学法4次【F1】。\n"
                   "（二）深化普法宣传教育。开展普法宣传28场次【F2】。")
    assert placement(draft).passed


def test_a_fact_the_user_moved_is_a_reminder_never_a_failure():
    draft = _draft("（一）深化普法宣传教育，营造良好法治氛围。党组书记带头学习法律知识，组织机关干部集中学法4次【F1】；"
                   "开展普法宣传28场次【F2】。", placed={"F1": MOVED})
    result = placement(draft)
    assert result.passed and len(result.reminders) == 1 and "您的安排" in result.reminders[0]
