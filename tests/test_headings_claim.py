"""A subheading says what the facts under it are about and nothing more: "创新普法形式" over ordinary
lectures claims 创新, "提升基层治理水平" over a 公众号 review claims 基层治理, "加强组织领导" over ten
epidemic facts (one of which says 保障) claims 组织领导 — the review's pattern 3 (evals/realset 025,
evals/heldout 108, 110, 113). With no heading that fits, a lone group of work stands without one."""

from __future__ import annotations

from drafting.domain.meta import build_meta
from drafting.engine import draft_report
from lexicon.areas import claims_only_named

LECTURES = ["深入(村)社区开展普法讲座、答疑解惑等法治宣传教育活动",
            "在13个乡镇(街道)17个村(社区)组织开展“建设法治巧家·巾帼在行动”巡回宣讲活动",
            "发放宣传折页6000余张、围裙3000条、环保袋5000个,受益群众2000余人"]


def test_a_heading_claims_no_area_its_facts_do_not_name():
    assert not claims_only_named("创新普法形式，增强普法吸引力", LECTURES)
    assert claims_only_named("深化普法宣传", LECTURES)
    review = ["执行信息“三审”制度,规范“健康青阳”微信公众号和网络工作群管理"]
    assert not claims_only_named("推进平安法治建设，提升基层治理水平", review)


def test_one_word_among_many_facts_does_not_make_their_theme():
    epidemic = ["累计开展各类重点人员数据核查超17万人次", "动态设置便民核酸检测点111个", "累计核酸检测约821万人次",
                "累计完成加强针近10万剂次", "连续6轮全员核酸检测", "做好1250名管控人员的服务保障"]
    assert not claims_only_named("加强组织领导", epidemic)


XIASHA = """始终围绕“高水平打造钱塘门户•星城客厅,加快建设共同富裕先行地时代样板”的奋斗目标,努力推进经济社会高质量发展
上半年,累计开展各类重点人员数据核查超17万人次,占全区36%；
围绕“无疫单元”创建,在辖区内动态设置便民核酸检测点111个,改造移动核酸检测方舱18处
积极组织发动全民接种,累计完成加强针近10万剂次,老年人接种逾万人
快速组建街道、公安以及社区党员、志愿者等1800余名战时力量,连续6轮全员核酸检测
做好1250名管控人员的服务保障,14天内实现疫情风险零扩散。"""


def test_epidemic_work_is_not_headed_as_organising_work(seed_index):
    draft = draft_report(build_meta("下沙街道办事处", 2022, "zongjie", period="half", when="2022-07-10"), XIASHA,
                         index=seed_index)
    measures = next(s for s in draft.sections if s.role == "measures")
    assert "组织领导" not in measures.text
    assert all(f"【F{n}】" in measures.text for n in range(2, 7))
    preamble = next(s for s in draft.sections if s.role == "preamble")
    assert "【F1】" in preamble.text, "the framing line opens the report"


def test_ordinary_lectures_are_not_headed_as_innovation(seed_index):
    facts = "\n".join(["定制妇女群众喜欢的普法围裙、普法宣传袋等作为普法宣传品", *LECTURES])
    draft = draft_report(build_meta("巧家县妇女联合会", 2023, "pufa", when="2024-02-20"), facts, index=seed_index)
    assert "创新" not in "\n".join(s.text for s in draft.sections if s.role == "measures")


def test_a_governments_aim_of_lawful_administration_claims_nothing():
    """依法行政能力 and 履行职能 are what every government body says of any work: a heading with them
    over study items or a 营商环境 survey claims no more than 学法 or 营商环境."""
    study = ["建立乡村干部会前学法制度,制定年度学法计划", "组织学习《民法典》《信访工作条例》等法律法规5次"]
    assert claims_only_named("抓好学法用法，提升依法行政能力", study)
    survey = ["深入开展“打造市场化法治化国际化营商环境”等13个重点课题调研,形成调研成果30多项、政策措施16项"]
    assert claims_only_named("依法全面履行职能，持续优化营商环境", survey)
