"""Staff paste facts as they come out of a real report: in its order, with its framing, its
campaign names and its half-finished sentences. Each story here is one way real input went wrong."""

from __future__ import annotations

import pytest

from drafting.domain.classify import FactKind, classify
from drafting.domain.meta import build_meta
from drafting.domain.types import Fact
from drafting.engine import draft_report
from evals.realset import fact_units

META = build_meta("前进区教育局", 2023, "fazhi", when="2024-02-20")


@pytest.mark.parametrize("text, kind", [
    ("围绕普法强基补短板专项行动，组织开展普法宣传活动", FactKind.ACTIVITY),
    ("坚持“力争做到矛盾不上交”的原则，化解婚姻家庭纠纷12起", FactKind.ACTIVITY),
    ("将全县27个部门单位的278项行政许可事项统一划入县行政审批局", FactKind.ACTIVITY),
    ("将进一步加强普法队伍建设", FactKind.PLAN),
    ("执法队伍建设需要进一步加强", FactKind.PROBLEM),
    ("有效破解了“公章四面围城、审批长途旅行”的问题", FactKind.ACTIVITY),
    ("党组书记、主席王丽带头讲授法治专题党课1次", FactKind.DUTY),
    ("平顺县龙溪镇龙镇村等4个村有望被司法部命名为第九批“全国民主法治示范村”", FactKind.HONOUR),
    ("立足法治建设统筹协调职能,主动担当作为,扎实推动法治建设各项工作有序开展", FactKind.GUIDING),
    ("始终将强化领导干部法治意识作为一项基础性工作来抓", FactKind.GUIDING),
    ("充分利用镇级微信公众号平台", FactKind.ACTIVITY),
    ("在广大妇女和家庭中深入开展理想信念宣传教育", FactKind.ACTIVITY),
    ("著力抓好领导班子和党员干部队伍建设", FactKind.GUIDING),
    ("加强街道、社区（村）妇联组织建设", FactKind.GUIDING),
    ("建立“不忘初心、牢记使命”主题教育长效机制", FactKind.GUIDING),
    ("加强基层妇联组织建设，新建“妇女微家”3个", FactKind.ACTIVITY),
    ("《绍兴市电梯安全管理规定》于2024年1月1日正式施行", FactKind.HONOUR),
    ("印发《2023年度法治政府建设工作要点》", FactKind.ACTIVITY),
])
def test_a_fact_is_typed_by_what_its_sentence_does_not_by_a_word_in_it(text, kind):
    assert classify(Fact("F1", text), META) == kind


EDUCATION_BUREAU = """部署年度依法行政工作,明确年度重要任务,推进法治政府建设各项工作
严格落实局长为建设法治政府第一责任人职责,加强组织领导力量
（3）研究法治政府建设重点工作,加强人员配备和经费保障
以研讨和自学的方式,进行政治思想、党风廉政教育
学习《教育法》《教师法》《未成年人保护法》等法律法规。
利用单位宣传栏、微信群等,并利用“12.4”法制宣传日等活动进行集中宣传
逐步由理论宣传转向以案释法宣传;
执法队伍建设需要进一步加强"""


@pytest.fixture(scope="module")
def bureau(seed_index):
    return draft_report(META, EDUCATION_BUREAU, index=seed_index)


def test_a_department_gets_the_statutory_skeleton_with_its_own_work_areas(bureau):
    """一、主要举措和成效 with （一）（二）…, then 不足和原因, 第一责任人, 下一年度安排 — the order
    《法治政府建设与责任落实督察工作规定》 sets and most real fazhi reports follow."""
    body = bureau.body_sections()
    assert [s.role for s in body] == ["measures", "shortcomings", "first_responsible", "plans"]
    assert body[0].heading == "2023年推进法治政府建设的主要举措和成效"
    assert "（一）" in body[0].text and "（二）" in body[0].text
    assert "妇" not in body[0].text, "no federation wording for a bureau"


def test_a_duty_mentioned_among_leadership_work_stays_with_it(bureau):
    units = fact_units(bureau)
    assert units["F2"].role == "measures" and units["F2"].key == units["F1"].key


def test_a_fact_that_continues_the_one_before_sits_with_it(bureau):
    units = fact_units(bureau)
    assert units["F7"].key == units["F6"].key
    assert units["F8"].role == "shortcomings"


def test_framing_opens_the_preamble_or_leads_its_group_and_is_never_an_item(seed_index):
    facts = ("在县委县政府的领导下\n开展会前学法11次\n始终将强化领导干部法治意识作为一项基础性工作来抓\n"
             "组织干部旁听庭审2次\n组织机关干部参加学法考试，参考率100%")
    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    units = fact_units(draft)
    assert units["F1"].role == "preamble"
    assert units["F3"].role == "measures" and units["F3"].first, "framing among the work leads its group"
    assert units["F3"].key == units["F4"].key


def test_a_paste_that_opens_with_the_years_aims_puts_them_in_the_preamble(seed_index):
    """A 区妇联's opening (evals/realset 004): aims with nothing done in them, then honours — the aims
    are the preamble's words, as the real drafter wrote them, not items of work."""
    facts = ("建立“不忘初心、牢记使命”主题教育长效机制\n著力抓好领导班子和党员干部队伍建设\n"
             "加强街道、社区（村）妇联组织建设\n李丽家庭荣获“全国抗疫最美家庭”")
    draft = draft_report(build_meta("xx区妇女联合会", 2020, "zongjie", when="2021-01-20"), facts, index=seed_index)
    units = fact_units(draft)
    assert [units[f].role for f in ("F1", "F2", "F3")] == ["preamble"] * 3
    assert units["F4"].role == "highlights"


def test_the_leader_acting_in_person_goes_to_first_responsible(seed_index):
    facts = "开展会前学法11次\n党组书记、主席王丽带头讲授法治专题党课1次\n开展普法宣传28场次"
    draft = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20"), facts, index=seed_index)
    assert fact_units(draft)["F2"].role == "first_responsible"


def test_the_themed_shape_stays_available(seed_index):
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20", shape="themed")
    draft = draft_report(meta, "开展会前学法11次\n开展普法宣传28场次\n受理信访案件43件", index=seed_index)
    assert sum(s.role == "measures" for s in draft.sections) >= 2


OWN_THEMED_REPORT = """青川县妇女联合会2023年度法治政府建设工作情况报告
县委、县政府：
2023年，县妇联在县委、县政府的坚强领导下，扎实推进法治建设各项工作。现将有关情况报告如下：
一、加强组织领导，压实法治责任
党组理论学习中心组开展法治专题学习3次。
二、深化普法宣传，营造法治氛围
开展普法宣传20场次。
三、依法维护妇女儿童合法权益
受理信访案件30件。
四、存在的不足
基层普法力量不足。
五、下一步工作打算
下一步，县妇联将继续深化普法宣传。
青川县妇女联合会
2024年1月15日
"""


def test_a_federation_whose_own_last_report_was_themed_gets_the_themed_shape(tmp_path):
    from retrieval.index import ReportIndex

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "qingchuan_2023.txt").write_text(OWN_THEMED_REPORT, encoding="utf-8")
    index = ReportIndex(tmp_path / "index")
    index.index_corpus(corpus)
    meta = build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20")
    draft = draft_report(meta, "开展会前学法11次\n开展普法宣传28场次\n受理信访案件43件", index=index)
    assert draft.meta.shape == "themed"
    assert any("按本单位2023年报告的结构起草" in n for n in draft.meta.notices)
    assert sum(s.role == "measures" for s in draft.sections) >= 2
    chosen = draft_report(build_meta("青川县妇女联合会", 2024, "fazhi", when="2025-01-20", shape="statutory"),
                          "开展会前学法11次\n开展普法宣传28场次", index=index)
    assert sum(s.role == "measures" for s in chosen.sections) == 1, "the user's choice wins"


def test_a_shape_nobody_knows_is_refused_with_what_to_write():
    with pytest.raises(Exception, match="statutory"):
        build_meta("青川县妇女联合会", 2024, "fazhi", shape="square")


def test_framing_pasted_after_all_the_work_is_said_after_the_last_of_it(seed_index):
    """不断创新工作方式、方法，努力提高妇联工作的层次和水平 pasted last frames no work after it: it is
    said as the aim after the last work, not as the lead of a group it does not describe (003)."""
    facts = ("开展“三八”妇女节宣传活动5场\n表扬了一批先进典型，通过对先进妇女工作者的表彰，引导各村以先进为榜样\n"
             "不断创新工作方式、方法，努力提高妇联工作的层次和水平")
    draft = draft_report(build_meta("某某乡妇女联合会", 2021, "zongjie", when="2022-01-20"), facts, index=seed_index)
    units = fact_units(draft)
    assert units["F3"].key == units["F2"].key and not units["F3"].first and units["F3"].after_work
