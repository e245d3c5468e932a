"""Facts a drafter keeps together stay together (the review's pattern 1): the two halves of a pair
(“线上”… / “线下”…), what a meeting did after the fact that held it (召开专题部署会议4次 / 研究解决…
重点问题6项); and a group of training facts is not swallowed by 组织领导 on the strength of the
word 组织. Sentences from evals/realset 015 and 021 and evals/heldout 102."""

from __future__ import annotations

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from evals.realset import fact_units


def _draft(org: str, year: int, kind: str, facts: str, seed_index):
    return draft_report(build_meta(org, year, kind, when=f"{year + 1}-02-20"), facts, index=seed_index)


def _text(draft) -> str:
    return "\n".join(s.text for s in draft.sections)


DEZHOU = """市司法局每周对各县市区普法工作情况进行调度总结
着力推进普法宣传进乡村、进社区、进机关、进学校、进企业、进单位等活动
“线上”利用微信公众号、微信工作群、QQ群推送普法微视频、普法案例、普法常识
“线下”深入单位、企业以及超市、公园等场所发放相关法律知识宣传单、法律知识手册;
德城区坚持完善“谁执法谁普法”工作信息报送收集交流工作机制"""


def test_online_and_offline_halves_of_one_piece_of_work_stay_together(seed_index):
    draft = _draft("德州市司法局", 2020, "pufa", DEZHOU, seed_index)
    units = fact_units(draft)
    assert units["F4"].key == units["F3"].key
    assert "普法常识【F3】，“线下”深入单位" in _text(draft)


TONGCHENG = """成立以镇长为组长的法治政府建设工作领导小组
将法治政府建设纳入年度重点工作和绩效考核体系,召开专题部署会议4次
3、研究解决红色法治阵地建设、执法规范化等重点问题6项,层层压实工作责任
- 通过专题讲座、线上课堂、现场教学等形式,组织干部职工开展法治培训10场次,覆盖500余人次
重点学习《中华人民共和国宪法》《中华人民共和国民法典》《中华人民共和国行政处罚法》等法律法规"""


def test_what_a_meeting_did_is_written_on_after_the_meeting(seed_index):
    draft = _draft("通城镇人民政府", 2025, "fazhi", TONGCHENG, seed_index)
    assert "召开专题部署会议4次【F2】，研究解决红色法治阵地建设、执法规范化等重点问题6项【F3】" in _text(draft)


def test_training_is_not_filed_under_organising_work_for_the_word_organise(seed_index):
    units = fact_units(_draft("通城镇人民政府", 2025, "fazhi", TONGCHENG, seed_index))
    assert units["F4"].key != units["F1"].key
    assert units["F5"].key == units["F4"].key


def test_a_meetings_agenda_is_not_an_item_of_its_own(seed_index):
    facts = ("坚持集体讨论决策制度,区政府常务会议审议并通过《静海区2024年度法治政府建设情况报告》\n"
             "研究部署法治政府建设事项\n组织区政府班子成员参加行政案件旁听庭审活动")
    text = _text(_draft("天津市静海区人民政府", 2024, "fazhi", facts, seed_index))
    assert "情况报告》【F1】，研究部署法治政府建设事项【F2】" in text


def test_a_grant_given_after_petitions_is_work_of_its_own_not_their_tally(seed_index):
    """发放宣传资料3000份 after a campaign is its tally; 发放“春蕾计划”助学金 after petitions is other work."""
    facts = ("受理妇女儿童信访案件37件，帮助申请人身安全保护令4人次，办结率100%\n"
             "发放“春蕾计划”助学金12.4万元，资助156名女学生\n"
             "开展“三八”维权周宣传活动12场\n发放宣传资料3000份")
    draft = _draft("青川县妇女联合会", 2024, "fazhi", facts, seed_index)
    assert not draft.fact("F2").follows, "a grant is no tally of the petitions"
    assert draft.fact("F4").follows == "F3", "leaflets handed out are the campaign's tally"
    assert "办结率100%【F1】，发放" not in _text(draft)
