"""The leader's 第一责任人 duty, as real reports state it: when a pasted fact is about it, the draft
never tells the user that no such fact was given. The leader (or the leadership as a body) acting in
person — 带头学法, 宣誓并讲话 — fills the 第一责任人 section; a fact that names the duty among the
work it is part of (执行《…第一责任人职责规定》, 述法) stays there and the section points to it.
Sentences from held-out real reports (evals/heldout 101, 102, 103, 107)."""

from __future__ import annotations

import pytest

from drafting.domain.classify import FactKind, classify
from drafting.domain.meta import build_meta
from drafting.domain.types import Fact
from drafting.engine import draft_report
from drafting.plan.outline import GAP_NOTES
from drafting.review.filing import placement
from evals.realset import fact_units
from lexicon.roles import Role

NO_DUTY_FACTS = GAP_NOTES[Role.FIRST_RESPONSIBLE]
META = build_meta("南华县妇女联合会", 2023, "fazhi", when="2024-02-20")


@pytest.mark.parametrize("text", [
    "班子领导干部带头学法,带头维护宪法法律权威,严格执行科学民主依法决策机制",
    "镇领导带头学习法律知识,带动全镇机关工作人员主动学法",
    "开展领导干部述法工作,全面落实领导干部学法制度",
    "严格执行《党政主要负责人履行推进法治建设第一责任人职责规定》,坚持高位推动法治政府建设工作",
    "第三届静海区人民政府任命国家工作人员举行宪法宣誓仪式,区政府主要负责同志宣誓并讲话",
])
def test_the_leaders_duty_is_recognised_however_a_real_report_words_it(text):
    assert classify(Fact("F1", text), META) == FactKind.DUTY


@pytest.mark.parametrize("text", [
    "成立以镇长为组长的法治政府建设工作领导小组",
    "领导小组专题研究法治政府建设重点工作",
    "组织区政府班子成员,各乡镇、街道主要负责同志参加行政案件旁听庭审活动",
])
def test_a_leading_group_or_other_units_heads_are_not_the_leaders_own_duty(text):
    assert classify(Fact("F1", text), META) != FactKind.DUTY


NANHUA = """县妇联高度重视依法治理和普法工作。
实行了主要领导全面抓、分管副职具体抓、各股室专人负责的三级管理方式
全体工作人员每月进行法治干部职工学习，提高干部职工的综合法治意识
班子领导干部带头学法,带头维护宪法法律权威,严格执行科学民主依法决策机制
并安排法律知识在干部学习例会中予以学习
认真组织机关干部集中学习、参加全县公务员法律知识考试等普法学习教育活动；"""


def test_the_leadership_studying_in_person_fills_the_first_responsible_section(seed_index):
    draft = draft_report(META, NANHUA, index=seed_index)
    units = fact_units(draft)
    assert units["F4"].role == units["F5"].role == "first_responsible"
    duty = next(s for s in draft.sections if s.role == Role.FIRST_RESPONSIBLE)
    assert "带头学法" in duty.text and not duty.stock, "the section rests on the user's fact, not stock text"
    assert "【F4】，并安排法律知识" in duty.text, "the fact that continues it is joined, not a 二是 of its own"
    assert NO_DUTY_FACTS not in draft.warnings


SHAOXING = """出台《2023年度法治政府(法治市场监管)建设工作清单》
开展领导干部述法工作,全面落实领导干部学法制度
在2023年度市管领导干部和公务员学法用法考试工作中,全局实现参考率、通过率和优秀率100%"""


def test_a_duty_filed_among_the_work_is_pointed_to_not_said_to_be_missing(seed_index):
    meta = build_meta("绍兴市市场监督管理局", 2023, "fazhi", when="2024-02-20")
    draft = draft_report(meta, SHAOXING, index=seed_index)
    assert fact_units(draft)["F2"].role == "measures", "述法 stays with the study work, as the real report files it"
    assert NO_DUTY_FACTS not in draft.warnings
    assert any(w.startswith("F2 讲到了第一责任人职责") for w in draft.warnings)
    assert not any("F2" in f.message for f in placement(draft).findings), "事实归位 does not argue with that filing"


CHANGSHOU = """2022年,推动召开全面依法治区委员会会议
研究部署法治政府建设督察整改及法治政府建设示范创建等重点工作
在行政执法、行政复议、法律服务等各项工作中主动依法为群众谋利益、解难题"""
JINGHAI = """坚持集体讨论决策制度,区政府常务会议审议并通过《静海区2024年度法治政府建设情况报告》
研究部署法治政府建设事项
组织开展行政执法案卷评查,评查案卷120卷"""


@pytest.mark.parametrize("text", [
    "2022年,推动召开全面依法治区委员会会议",
    "研究部署法治政府建设督察整改及法治政府建设示范创建等重点工作",
])
def test_the_leaderships_own_acts_on_the_rule_of_law_are_its_duty(text):
    """研究部署法治建设 and convening the 全面依法治X委员会 are the 第一责任人's acts in the rules' own
    words, whoever the pasted sentence names (evals/realset 010)."""
    assert classify(Fact("F1", text), META) == FactKind.DUTY


def test_a_bureau_convening_the_rule_of_law_committee_files_it_under_first_responsible(seed_index):
    meta = build_meta("重庆市长寿区司法局", 2022, "fazhi", when="2023-02-20")
    draft = draft_report(meta, CHANGSHOU, index=seed_index)
    units = fact_units(draft)
    assert units["F1"].role == units["F2"].role == "first_responsible"
    assert units["F3"].role == "measures", "the bureau's own enforcement work stays in the measures"
    assert not placement(draft).findings


def test_the_agenda_of_a_meeting_stays_with_the_meeting(seed_index):
    """研究部署法治政府建设事项 pasted after the 常务会议 that did it is that meeting's agenda: it is
    written with the meeting, and the independent 事实归位 check agrees (evals/heldout 102)."""
    meta = build_meta("天津市静海区人民政府", 2024, "fazhi", when="2025-02-20")
    draft = draft_report(meta, JINGHAI, index=seed_index)
    units = fact_units(draft)
    assert units["F2"].key == units["F1"].key and units["F2"].role == "measures"
    assert not placement(draft).findings


BEICHENGJIE = """全年召开党工委专题会议4次,专题研究法治宣传、执法规范、矛盾化解等重点任务；
党政主要负责人带头部署重要工作、过问重大问题、协调重点环节、督办重要任务
- 全年牵头开展法治专题宣讲2场次,走进社区开展2场次,走进校园开展法治授课1场次"""


def test_what_the_leader_did_in_person_after_the_leaders_duty_stays_with_it(seed_index):
    """全年牵头开展法治专题宣讲2场次 has no subject of its own: pasted after the leader's duty, it is the
    leader who 牵头 — it is not a 普法 item whose 牵头 lost its subject (the fifth review's 105)."""
    meta = build_meta("北城街街道办事处", 2025, "fazhi", when="2026-02-20")
    units = fact_units(draft_report(meta, BEICHENGJIE, index=seed_index))
    assert units["F2"].role == units["F3"].role == "first_responsible"
    assert units["F2"].key == units["F3"].key
