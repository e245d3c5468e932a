"""Last year's report judged as its reader would (issue #26): a county federation imports its own 2024
report and pastes its 2025 facts. A plan is done only when a fact does that work on that object; a
target is judged by the fact that measures it, exceeded when it was; a figure repeated in the same
context is a question; a growth rate is said once; comparison subjects read as Chinese."""

from __future__ import annotations

import shutil

import pytest

from drafting.domain.meta import build_meta
from drafting.output.render import to_text
from drafting.plan.comparisons import accept_comparisons
from drafting.plan.continuity import previous_lines
from drafting.plan.start import new_draft
from drafting.write.pipeline import write_draft

from .conftest import CORPUS

LAST_YEAR = """清河县妇女联合会2024年度法治政府建设工作情况报告

县委、县政府：
2024年，县妇联在县委、县政府的坚强领导下，坚持以习近平法治思想为指导，扎实推进法治政府建设各项工作。现将有关情况报告如下：

一、2024年推进法治政府建设的主要举措和成效
（一）加强学法用法。党组理论学习中心组集中学法4次，坚持“逢会必学”，全年开展会前学法11次。
（二）深化普法宣传。全年开展普法宣传活动46场次，发放宣传资料3500余份，受益群众1.2万余人次。
（三）依法维护妇女儿童合法权益。受理妇女儿童信访案件55件，办结率100%。12338热线接听来电98个。联合县法院协助申请人身安全保护令3份。设立婚姻家庭纠纷调解室12个。

二、存在的不足和原因
基层妇联干部运用法治思维和法治方式开展工作的能力还有待提升。

三、党政主要负责人履行推进法治建设第一责任人职责情况
党组书记、主席认真履行第一责任人职责，带头学法、带头讲法。

四、2025年工作计划
2025年，县妇联将重点做好以下工作：一是开展反家庭暴力专题培训6期；二是组建妇女儿童维权律师团；三是普法宣传活动不少于50场；四是提升12338热线服务质量。

清河县妇女联合会
2025年1月20日
"""

FACTS_2025 = """1、党组书记、主席王丽带头讲授法治专题党课1次
2、党组会议会前学法11次，中心组集中学法5次
3、受理妇女儿童信访案件62件，同比增长12.7%
4、联合县法院、公安局协助申请人身安全保护令5份，发出家庭暴力告诫书8份
5、12338妇女维权热线全年接听来电120个
6、开展“维权进万家”巾帼普法宣传活动12场
7、全年开展“美丽乡村 法治同行”普法宣传活动56余场，发放宣传资料8000余份
8、县司法局设立婚姻家庭纠纷调解室13个
9、评选“最美家庭”30户
10、基层妇联干部法治素养有待提升
11、2026年计划开展普法宣传活动60场"""


@pytest.fixture(scope="module")
def own_index(tmp_path_factory):
    """The seed reports and the federation's own 2024 report, imported as a user imports them."""
    from retrieval.index import ReportIndex

    corpus = tmp_path_factory.mktemp("corpus")
    for seed in CORPUS.glob("*.txt"):
        shutil.copy(seed, corpus)
    (corpus / "清河县妇联2024年度法治政府建设报告.txt").write_text(LAST_YEAR, encoding="utf-8")
    index = ReportIndex(tmp_path_factory.mktemp("index"))
    assert not index.index_corpus(corpus).skipped
    return index


def _draft(index, facts=FACTS_2025):
    return new_draft(build_meta("清河县妇女联合会", 2025, "fazhi", when="2026-01-20"), facts, index)


def _plans(draft):
    """Last year's plans as the draft's JSON has them, by item."""
    return {row.item: row.to_dict() for row in draft.previous.plans}


def _offers(draft):
    """The comparisons offered, as the draft's JSON has them."""
    return [offer.to_dict() for offer in draft.previous.comparisons]


def test_last_years_plan_items_are_read_after_the_lead_that_announces_them(own_index):
    assert list(_plans(_draft(own_index))) == ["开展反家庭暴力专题培训6期", "组建妇女儿童维权律师团",
                                               "普法宣传活动不少于50场", "提升12338热线服务质量"]


def test_a_plan_sharing_only_a_word_with_the_facts_is_not_done(own_index):
    plans = _plans(_draft(own_index))
    assert plans["开展反家庭暴力专题培训6期"]["status"] == "not_mentioned", "F4 is protective orders, no training"
    assert plans["组建妇女儿童维权律师团"]["status"] == "not_mentioned", "a hotline and a 普法 campaign share only 维权"
    assert plans["提升12338热线服务质量"]["fact_ids"] == ["F5"]


def test_the_fact_that_does_the_work_on_that_object_answers_the_plan(own_index):
    facts = (FACTS_2025 + "\n12、举办反家庭暴力法专题培训班4期，培训基层妇联干部260人次"
             "\n13、聘请8名执业律师组建“巾帼维权律师团”")
    plans = _plans(_draft(own_index, facts))
    training = plans["开展反家庭暴力专题培训6期"]
    assert training["fact_ids"] == ["F12"] and training["status"] == "partial"
    assert training["progress"] == "完成年度计划的66.7%" and training["formula"] == "4 ÷ 6 = 66.7%"
    assert plans["组建妇女儿童维权律师团"]["fact_ids"] == ["F13"]
    assert plans["组建妇女儿童维权律师团"]["status"] == "done"


def test_a_target_is_judged_by_the_fact_that_measures_it_and_exceeded_is_said(own_index):
    draft = _draft(own_index)
    publicity = _plans(draft)["普法宣传活动不少于50场"]
    assert publicity["status"] == "done" and publicity["progress_fact"] == "F7", "the year's total, not one campaign"
    assert publicity["progress"] == "超额完成年度计划" and publicity["formula"] == "56余场 > 50场"
    shown = "\n".join(previous_lines(draft))
    assert "普法宣传活动不少于50场 —— 已落实" in shown and "超额完成年度计划" in shown
    assert "24%" not in shown and "12 ÷ 50" not in shown
    offers = [o for o in _offers(draft) if o.get("kind") == "plan"]
    assert [(o["fact_id"], o["subject"] + o["text"]) for o in offers] == [("F7", "普法宣传活动超额完成年度计划")]
    assert all(o["fact_id"] != "F11" for o in _offers(draft)), "next year's plan is compared with nothing"


@pytest.mark.parametrize("total, status, progress", [
    ("60场", "done", "超额完成年度计划（完成计划的120%）"),
    ("50场", "done", "全面完成年度计划"),
    ("45场", "partial", "完成年度计划的90%"),
    ("近50场", "partial", "部分完成年度计划"),
    ("约50场", "done", None),  # about 50: neither met nor missed can be said
])
def test_an_exact_total_gives_the_share_and_an_approximate_one_only_what_it_proves(own_index, total, status, progress):
    facts = FACTS_2025.replace("56余场", total)
    publicity = _plans(_draft(own_index, facts))["普法宣传活动不少于50场"]
    assert publicity["status"] == status and publicity.get("progress") == progress


def test_a_figure_the_same_as_last_years_in_the_same_context_is_flagged(own_index):
    draft = _draft(own_index)
    assert any(w.startswith("F2 的“11次”与上年报告相同") for w in draft.warnings), "会前学法11次, other words around it"
    assert not any(w.startswith("F1 的") for w in draft.warnings), "讲授党课1次 is every year's duty"
    moved = _draft(own_index, FACTS_2025.replace("2、党组会议会前学法11次", "2、开展家庭教育讲座11次"))
    assert not any("“11次”与上年报告相同" in w for w in moved.warnings), "the same number for other work is no copy"


def test_a_growth_rate_the_fact_gives_is_said_once(own_index):
    draft = _draft(own_index)
    index = next(i for i, o in enumerate(_offers(draft)) if o["fact_id"] == "F3")
    assert _offers(draft)[index]["text"] == "较上年增加7件"
    assert _offers(draft)[index]["formula"] == "62 − 55 = 7；7 ÷ 55 = 12.7%"
    text = to_text(write_draft(accept_comparisons(draft, [index]), index=own_index))
    assert text.count("12.7%") == 1 and "较上年增加7件【D1】" in text


def test_a_growth_rate_the_fact_gives_differently_is_a_question(own_index):
    draft = _draft(own_index, FACTS_2025.replace("同比增长12.7%", "同比增长15%"))
    said = "F3 写“同比增长15%”，按上年报告计算为“同比增长12.7%”（62 − 55 = 7；7 ÷ 55 = 12.7%），请核实"
    assert said in draft.warnings


def test_comparison_subjects_read_as_chinese(own_index):
    said = {o["fact_id"]: o["subject"] + o["text"] for o in _offers(_draft(own_index))
            if o.get("kind") != "plan"}
    assert said["F8"] == "婚姻家庭纠纷调解室较上年增加1个，同比增长8.3%"
    assert said["F4"] == "协助申请人身安全保护令较上年增加2份，同比增长66.7%"
    assert said["F5"] == "12338妇女维权热线接听来电较上年增加22个，同比增长22.4%"
